// Package memlimit reads and applies the Go memory limit of a defwatch
// process, so the heap of a long run (above all the embedded NATS server's
// copies of pages on their way to a consumer) is collected before it grows
// past a stated size instead of doubling with the live heap.
package memlimit

import (
	"errors"
	"fmt"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// Server and Stage make up the limit `defwatch run` sets by default (its
// --memory-limit auto) in a process that runs the embedded NATS server: the
// server's share, and each pipeline stage's beside it in the same process.
// The server's live heap is mostly pages on their way through, a few
// hundred at a time; without a limit the collector lets the heap grow to
// twice what is live at its last collection, and pages pass at hundreds a
// second.
const (
	Server int64 = 512 << 20
	Stage  int64 = 512 << 20
)

// Min is the smallest limit taken: below it the collector would run all
// the time for the live heap of an idle process.
const Min = 64 << 20

// Off is what Parse returns for "off" (or "0"): no limit.
const Off int64 = math.MaxInt64

var units = []struct {
	suffix string
	size   int64
}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"B", 1}}

// Parse reads a size such as 512MiB, 2GiB or 1073741824 (bytes), or "off".
func Parse(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "off" || s == "0" {
		return Off, nil
	}
	if len(s) > 32 {
		return 0, fmt.Errorf("memory limit %.32q…: too long; give a size such as 512MiB or 2GiB, or off", s)
	}
	num, mult := s, int64(1)
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, mult = strings.TrimSpace(n), u.size
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("memory limit %q: want a whole number with KiB, MiB, GiB or TiB (e.g. 512MiB), or off", s)
	}
	if n > math.MaxInt64/mult {
		return 0, fmt.Errorf("memory limit %q: too large; give a size below 8EiB, or off", s)
	}
	if n*mult < Min {
		return 0, fmt.Errorf("memory limit %q: below the least of 64MiB; give more, or off", s)
	}
	return n * mult, nil
}

// ErrEnvironment reports a limit the process was given in GOMEMLIMIT,
// which the Go runtime has applied already and Apply leaves alone.
var ErrEnvironment = errors.New("memlimit: GOMEMLIMIT is set and wins")

// Apply sets the process's Go memory limit to limit, unless GOMEMLIMIT
// set one already (then it returns ErrEnvironment and changes nothing, so
// an operator's environment is never overridden). It returns the limit in
// force.
func Apply(limit int64) (int64, error) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return debug.SetMemoryLimit(-1), ErrEnvironment
	}
	debug.SetMemoryLimit(limit)
	return limit, nil
}
