package benchset

import (
	"runtime"
	"syscall"
	"time"
)

// Measure runs f n times on one locked OS thread and returns the median of
// its wall-clock times and the median of the CPU time that thread spent in
// it. The CPU time does not grow while other programs hold the machine's
// cores, as the wall clock does; work the runtime does on other threads
// (most of the garbage collector's) is not in it.
func Measure(n int, f func() error) (wall, cpu time.Duration, err error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	walls := make([]time.Duration, max(n, 1))
	cpus := make([]time.Duration, len(walls))
	for i := range walls {
		c0 := threadCPU()
		start := time.Now()
		if err := f(); err != nil {
			return 0, 0, err
		}
		walls[i] = time.Since(start)
		cpus[i] = threadCPU() - c0
	}
	return Percentile(walls, 50), Percentile(cpus, 50), nil
}

func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
