//go:build !linux

package benchset

import "time"

// Measure runs f n times and returns the median wall-clock time; the CPU
// time is zero where the thread's own clock is not read.
func Measure(n int, f func() error) (wall, cpu time.Duration, err error) {
	wall, err = Median(n, f)
	return wall, 0, err
}
