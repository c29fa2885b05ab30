// Command benchstartup measures how long a fresh `defwatch extract` of a
// small page takes from exec to exit: wall time and the CPU the kernel
// counted for the process, medians over many runs. With -base it runs an
// older build in turn with this one, run by run, so both see the same load.
// With -inits it also reads Go's own report of package initialisation
// (GODEBUG=inittrace=1) and lists the costliest packages, each build's
// column beside the other's.
//
//	make bench-startup
//	go run ./cmd/defwatch/internal/benchstartup -bin bin/defwatch -base /tmp/defwatch-main -runs 40
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"os"
	"os/exec"
	"os/signal"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// targetWall is the bound on a small page's extract, exec to exit.
const targetWall = 40 * time.Millisecond

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		slog.Error("benchstartup", "err", err)
		os.Exit(1)
	}
}

// sample is one run's cost.
type sample struct{ wall, cpu time.Duration }

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("benchstartup", flag.ContinueOnError)
	bin := fs.String("bin", "bin/defwatch", "the build to measure")
	base := fs.String("base", "", "an older build to measure in turn with -bin (before and after)")
	page := fs.String("page", "cmd/defwatch/internal/benchstartup/testdata/small.html", "the page to extract")
	runs := fs.Int("runs", 25, "fresh runs of each build")
	inits := fs.Int("inits", 0, "list the N costliest package inits (median clock ms)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *runs < 1 || *runs > 10000 {
		return fmt.Errorf("benchstartup: -runs %d: give 1 to 10000", *runs)
	}
	builds := []string{*bin}
	if *base != "" {
		builds = append([]string{*base}, builds...)
	}
	// One run each first so neither build pays for reading itself from
	// disk, and their outputs compared: the same page must give the same
	// article whatever the start-up does.
	var first []byte
	for _, b := range builds {
		out, err := extractOnce(ctx, b, *page, nil)
		if err != nil {
			return err
		}
		if first != nil && !bytes.Equal(first, out) {
			fmt.Fprintf(stdout, "note: %s and %s print different articles for %s\n", builds[0], b, *page)
		}
		first = out
	}
	samples := make([][]sample, len(builds))
	for range *runs {
		for i, b := range builds {
			s, err := timeOnce(ctx, b, *page)
			if err != nil {
				return err
			}
			samples[i] = append(samples[i], s)
		}
	}
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Fprintf(stdout, "defwatch extract %s: %d fresh runs each, load %s\n", *page, *runs, strings.Join(strings.Fields(string(load))[:min(3, len(strings.Fields(string(load))))], " "))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "build\twall p50 ms\twall p10 ms\twall p90 ms\tCPU p50 ms\t")
	for i, b := range builds {
		w := quantiles(samples[i], func(s sample) time.Duration { return s.wall })
		c := quantiles(samples[i], func(s sample) time.Duration { return s.cpu })
		fmt.Fprintf(tw, "%s\t%.1f\t%.1f\t%.1f\t%.1f\t\n", b, ms(w[1]), ms(w[0]), ms(w[2]), ms(c[1]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	w := quantiles(samples[len(builds)-1], func(s sample) time.Duration { return s.wall })
	verdict := "met"
	if w[1] > targetWall {
		verdict = "not met"
	}
	fmt.Fprintf(stdout, "target: wall p50 <= %.0f ms: %s (%.1f ms)\n", ms(targetWall), verdict, ms(w[1]))
	if *inits > 0 {
		return listInits(ctx, stdout, builds, *page, *runs, *inits)
	}
	return nil
}

// timeOnce runs one fresh extract and reads its cost from the kernel.
func timeOnce(ctx context.Context, bin, page string) (sample, error) {
	cmd := exec.CommandContext(ctx, bin, "extract", page)
	cmd.Stdout = io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return sample{}, fmt.Errorf("benchstartup: %s extract: %w: %s", bin, err, stderr.Bytes())
	}
	return sample{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}, nil
}

func extractOnce(ctx context.Context, bin, page string, env []string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, bin, "extract", page)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("benchstartup: %s extract %s: %w: %s (build it with make build)", bin, page, err, stderr.Bytes())
	}
	if env != nil {
		return stderr.Bytes(), nil
	}
	return stdout.Bytes(), nil
}

// listInits prints the packages whose initialisation costs most, as the
// median over runs of the clock time Go reports for each; with two builds
// it runs them in turn and prints their columns side by side.
func listInits(ctx context.Context, stdout io.Writer, builds []string, page string, runs, n int) error {
	clocks := make([]map[string][]float64, len(builds))
	totals, ends := make([][]float64, len(builds)), make([][]float64, len(builds))
	for i := range builds {
		clocks[i] = map[string][]float64{}
	}
	for range runs {
		for i, b := range builds {
			trace, err := extractOnce(ctx, b, page, []string{"GODEBUG=inittrace=1"})
			if err != nil {
				return err
			}
			clock, sum, last, err := parseInitTrace(trace)
			if err != nil {
				return err
			}
			for name, c := range clock {
				clocks[i][name] = append(clocks[i][name], c)
			}
			totals[i], ends[i] = append(totals[i], sum), append(ends[i], last)
		}
	}
	for i, b := range builds {
		fmt.Fprintf(stdout, "%s: package inits, median of %d runs: %.1f ms in %d packages, the last done %.1f ms after start\n",
			b, runs, median(totals[i]), len(clocks[i]), median(ends[i]))
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, b := range builds {
		fmt.Fprintf(tw, "%s ms\t", b)
	}
	fmt.Fprintln(tw, "package\t")
	for _, r := range costliestInits(clocks, n) {
		for _, ms := range r.ms {
			fmt.Fprintf(tw, "%.2f\t", ms)
		}
		fmt.Fprintf(tw, "%s\t\n", r.name)
	}
	return tw.Flush()
}

// initRow is one package's median init clock in each build (0 where a
// build has no such package).
type initRow struct {
	name string
	ms   []float64
}

// costliestInits are the n packages whose median init clock is highest in
// any build, costliest first.
func costliestInits(clocks []map[string][]float64, n int) []initRow {
	byName := map[string]initRow{}
	for i, c := range clocks {
		for name, v := range c {
			r, ok := byName[name]
			if !ok {
				r = initRow{name: name, ms: make([]float64, len(clocks))}
			}
			r.ms[i] = median(v)
			byName[name] = r
		}
	}
	rows := slices.Collect(maps.Values(byName))
	top := func(r initRow) float64 { return slices.Max(r.ms) }
	slices.SortFunc(rows, func(a, b initRow) int {
		if c := cmp.Compare(top(b), top(a)); c != 0 {
			return c
		}
		return strings.Compare(a.name, b.name)
	})
	return rows[:min(n, len(rows))]
}

// parseInitTrace reads Go's report of package initialisation: each
// package's clock milliseconds, their sum, and when the last one ended
// (milliseconds after the process started).
func parseInitTrace(trace []byte) (clock map[string]float64, sum, end float64, err error) {
	clock = map[string]float64{}
	sc := bufio.NewScanner(bytes.NewReader(trace))
	for sc.Scan() {
		// init PKG @START ms, CLOCK ms clock, BYTES bytes, ALLOCS allocs
		f := strings.Fields(sc.Text())
		if len(f) < 5 || f[0] != "init" || !strings.HasPrefix(f[2], "@") {
			continue
		}
		at, err1 := strconv.ParseFloat(strings.TrimPrefix(f[2], "@"), 64)
		c, err2 := strconv.ParseFloat(f[4], 64)
		if err := errors.Join(err1, err2); err != nil {
			return nil, 0, 0, fmt.Errorf("benchstartup: read inittrace line %q: %w", sc.Text(), err)
		}
		clock[f[1]] += c
		sum += c
		end = max(end, at+c)
	}
	if len(clock) == 0 {
		return nil, 0, 0, errors.New("benchstartup: no inittrace lines: the build must be a Go program that honours GODEBUG=inittrace=1")
	}
	return clock, sum, end, sc.Err()
}

// quantiles gives the 10th, 50th and 90th percentiles of one measure.
func quantiles(s []sample, by func(sample) time.Duration) [3]time.Duration {
	d := make([]time.Duration, len(s))
	for i := range s {
		d[i] = by(s[i])
	}
	slices.Sort(d)
	at := func(q float64) time.Duration { return d[int(q*float64(len(d)-1)+0.5)] }
	return [3]time.Duration{at(0.1), at(0.5), at(0.9)}
}

func median(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
