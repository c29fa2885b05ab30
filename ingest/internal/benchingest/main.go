// Command benchingest measures the ingest stage against a loopback web of
// many feeds on many hosts, politeness held: how long one cycle of polls
// and pages takes, how close each host comes to its request limit without
// passing it, and what ingest itself costs in CPU and memory.
//
//	go run ./ingest/internal/benchingest -feeds 10000 -items 20 -hosts 500
//
// The loopback web and the NATS server (with a sink that acknowledges
// pages as extract would) run as child processes, so the CPU figures are
// ingest's alone.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/sync/errgroup"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest"
	"github.com/defwatch/defwatch/ingest/feedset"
)

func main() {
	role := flag.String("role", "", "internal: site or nats")
	feeds := flag.Int("feeds", 10000, "feeds")
	items := flag.Int("items", 20, "items per feed")
	hosts := flag.Int("hosts", 500, "host names, each on an address of its own in 127.77.0.0/16")
	latency := flag.Duration("latency", 100*time.Millisecond, "response latency of every request")
	delay := flag.Duration("delay", time.Second, "politeness: least time between two requests to one host")
	shared := flag.String("shared", "../shared", "the shared directory with bench/article-extraction and corpus/html")
	part := flag.String("part", "held-out", "which part of the pages to serve: dev, held-out or all")
	seed := flag.Uint64("seed", 12, "the seed of the dev/held-out split")
	timeout := flag.Duration("timeout", 40*time.Minute, "give up after this long")
	store := flag.String("store", "", "internal: the NATS store directory")
	cpuprofile := flag.String("cpuprofile", "", "write ingest's CPU profile to this file")
	memprofile := flag.String("memprofile", "", "write ingest's heap profile, when it peaks in cycle one, to this file")
	natsprofile := flag.String("natsmemprofile", "", "write the NATS server's heap profile, when it peaks, to this file")
	natsMemLimit := flag.String("natsmemlimit", serverMemoryLimit, "the NATS server's Go memory limit, as GOMEMLIMIT takes it (e.g. 256MiB, or off)")
	stages := flag.String("stages", "sink", "what takes the pages: sink (acknowledges them; ingest's cost alone) or real (the extract and index stages, each a process of its own, and the whole cycle reported)")
	bin := flag.String("bin", "bin/defwatch", "with -stages real: the defwatch binary that runs the stages")
	sink := flag.Bool("sink", true, "internal: the NATS process runs the page sink")
	flag.Parse()

	var err error
	switch *role {
	case "site":
		var files []string
		files, err = pageFiles(pageDirs(*shared), *part, *seed)
		if err == nil {
			err = runSite(*feeds, *items, *hosts, *latency, files)
			if err == nil {
				select {}
			}
		}
	case "nats":
		err = runNATS(*store, *natsprofile, *sink)
	default:
		if *cpuprofile != "" {
			f, perr := os.Create(*cpuprofile)
			if perr == nil {
				perr = pprof.StartCPUProfile(f)
			}
			if perr != nil {
				fmt.Fprintln(os.Stderr, "benchingest:", perr)
				os.Exit(1)
			}
			defer pprof.StopCPUProfile()
		}
		heapProfile = *memprofile
		natsHeapProfile = *natsprofile
		natsMemoryLimit = *natsMemLimit
		if *stages != "sink" && *stages != "real" {
			fmt.Fprintf(os.Stderr, "benchingest: -stages %q: want sink or real\n", *stages)
			os.Exit(2)
		}
		stagesMode, defwatchBin = *stages, *bin
		err = bench(*feeds, *items, *hosts, *latency, *delay, *shared, *part, *seed, *timeout)
	}
	if err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "benchingest:", err)
		os.Exit(1)
	}
}

func pageDirs(shared string) []string {
	return []string{shared + "/bench/article-extraction/html", shared + "/corpus/html"}
}

// child is a process of the benchmark's own, started with a role.
type child struct {
	cmd *exec.Cmd
	out *bufio.Reader
}

func startChild(args ...string) (*child, error) { return startChildEnv(nil, args...) }

// startChildEnv is startChild with env added to the child's environment.
func startChildEnv(env []string, args ...string) (*child, error) {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &child{cmd: cmd, out: bufio.NewReader(out)}, nil
}

func (c *child) read(v any) error {
	line, err := c.out.ReadBytes('\n')
	if err != nil {
		return fmt.Errorf("child %v: %w", c.cmd.Args, err)
	}
	return json.Unmarshal(line, v)
}

func (c *child) stop() {
	_ = c.cmd.Process.Kill()
	_ = c.cmd.Wait()
}

// cpu is CPU time used: this process's, or a child's from /proc.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func procCPU(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which may hold spaces, in parentheses.
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+2:]))
	utime, _ := strconv.Atoi(f[11])
	stime, _ := strconv.Atoi(f[12])
	return time.Duration(utime+stime) * 10 * time.Millisecond // USER_HZ is 100 on Linux
}

// procPeakRSS is a process's peak resident memory, procRSS its present.
func procPeakRSS(pid int) int64 { return procStatus(pid, "VmHWM:") }

func procRSS(pid int) int64 { return procStatus(pid, "VmRSS:") }

func procStatus(pid int, field string) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// siteStatsOf reads what the site measured (what "stats", or "progress"
// for the cheap running counts).
func siteStatsOf(ctl, what string) (siteStats, error) {
	var st siteStats
	resp, err := http.Get("http://" + ctl + "/" + what)
	if err != nil {
		return st, err
	}
	defer resp.Body.Close()
	err = json.NewDecoder(resp.Body).Decode(&st)
	return st, err
}

type sample struct {
	at        time.Time
	self      time.Duration
	site, nat time.Duration
	ext, idx  time.Duration // the real stages' CPU
}

func bench(feeds, items, hosts int, latency, delay time.Duration, shared, part string, seed uint64, timeout time.Duration) error {
	if _, err := pageFiles(pageDirs(shared), part, seed); err != nil {
		return err
	}
	// Interrupted, the children and the store are cleaned up all the same.
	sctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeout(sctx, timeout)
	defer cancel()
	store, err := os.MkdirTemp("", "benchingest-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(store)

	nproc, err := startChildEnv([]string{"GOMEMLIMIT=" + natsMemoryLimit}, "-role", "nats", "-store", store,
		"-natsmemprofile", natsHeapProfile, "-sink="+strconv.FormatBool(stagesMode != "real"))
	if err != nil {
		return err
	}
	defer nproc.stop()
	var natsInfo struct{ URL string }
	if err := nproc.read(&natsInfo); err != nil {
		return err
	}
	sproc, err := startChild("-role", "site", "-feeds", strconv.Itoa(feeds), "-items", strconv.Itoa(items),
		"-hosts", strconv.Itoa(hosts), "-latency", latency.String(), "-shared", shared, "-part", part,
		"-seed", strconv.FormatUint(seed, 10))
	if err != nil {
		return err
	}
	defer sproc.stop()
	var si siteInfo
	if err := sproc.read(&si); err != nil {
		return err
	}

	nc, err := nats.Connect(natsInfo.URL)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	if err := ingest.Setup(ctx, js, ingest.SetupConfig{}); err != nil {
		return err
	}
	set, err := feedset.Open(ctx, js)
	if err != nil {
		return err
	}
	var real *realStages
	if stagesMode == "real" {
		if real, err = startStages(ctx, js, defwatchBin, natsInfo.URL, store); err != nil {
			return err
		}
		defer real.stop()
	}
	fmt.Printf("benchingest: %d feeds × %d items on %d hosts, %d %s pages, latency %s, politeness %s and 1 request at a time per host\n",
		feeds, items, hosts, si.Pages, part, latency, delay)
	fmt.Printf("machine: %d CPUs, load %s\n", runtime.NumCPU(), loadAvg())
	start := time.Now()
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(32)
	for f := range feeds {
		g.Go(func() error {
			_, err := set.Add(gctx, defwatch.Feed{URL: fmt.Sprintf("http://%s/feed/%d.xml", si.Hosts[f%hosts], f)})
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	fmt.Printf("feed set: %d feeds added in %s\n", feeds, time.Since(start).Round(time.Millisecond))

	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	w, err := ingest.NewWorker(ctx, ingest.Config{HostDelay: delay, MaxMsg: int(nc.MaxPayload())},
		ingest.NewFetcher(ingest.FetcherConfig{AllowPrivate: true}), js, nil, log)
	if err != nil {
		return err
	}
	pages, err := js.Stream(ctx, defwatch.StreamPages)
	if err != nil {
		return err
	}
	published := func() uint64 {
		info, err := pages.Info(ctx)
		if err != nil {
			return 0
		}
		return info.State.LastSeq
	}
	snap := func() sample {
		sm := sample{at: time.Now(), self: selfCPU(), site: procCPU(sproc.cmd.Process.Pid), nat: procCPU(nproc.cmd.Process.Pid)}
		if real != nil {
			sm.ext, sm.idx = procCPU(real.extract.Process.Pid), procCPU(real.index.Process.Pid)
		}
		return sm
	}
	var peakHeap uint64
	watchHeap := func() {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapInuse > peakHeap && heapProfile != "" {
			if f, err := os.Create(heapProfile); err == nil {
				_ = pprof.WriteHeapProfile(f)
				f.Close()
			}
		}
		peakHeap = max(peakHeap, ms.HeapInuse)
	}

	wctx, stopWorker := context.WithCancel(ctx)
	defer stopWorker()
	done := make(chan error, 1)
	s0 := snap()
	go func() { done <- w.Run(wctx) }()

	// Cycle one: every feed polled, every page fetched.
	want := uint64(feeds * items)
	var polledAt time.Time
	for {
		if err := sleep(ctx, 500*time.Millisecond); err != nil {
			stopWorker()
			return fmt.Errorf("first cycle: %w (published %d of %d)", err, published(), want)
		}
		watchHeap()
		if n := time.Since(s0.at); n%(10*time.Second) < 500*time.Millisecond {
			st, _ := siteStatsOf(si.Control, "progress")
			fmt.Fprintf(os.Stderr, "  %s: %d feeds polled, %d requests, %d pages published; NATS server RSS %d MiB\n",
				n.Round(time.Second), st.Polled, st.Requests, published(), procRSS(nproc.cmd.Process.Pid)>>20)
		}
		if polledAt.IsZero() {
			if st, err := siteStatsOf(si.Control, "progress"); err == nil && st.Polled == feeds {
				polledAt = time.Now()
			}
		}
		if published() >= want {
			break
		}
	}
	s1 := snap()
	st1, err := siteStatsOf(si.Control, "stats")
	if err != nil {
		return err
	}
	cycle := s1.at.Sub(s0.at)
	fmt.Printf("\ncycle one: %d feeds polled in %s, %d pages published in %s\n", feeds, polledAt.Sub(s0.at).Round(time.Millisecond),
		published(), cycle.Round(time.Millisecond))
	fmt.Printf("  floors at %s a request per host: %s for the polls, %s for the pages\n", delay,
		time.Duration(feeds/hosts)*delay, time.Duration(feeds*items/hosts)*delay)
	politeness("  ", st1, hosts, delay, cycle)
	fmt.Printf("  CPU, ingest: %.0f ms in all, %.3f ms per page (polls included)\n", ms(s1.self-s0.self),
		ms(s1.self-s0.self)/float64(want))
	server := "NATS server with the page sink"
	if real != nil {
		server = "NATS server"
	}
	fmt.Printf("  CPU, %s: %.3f ms per page; loopback web: %.3f ms per page\n",
		server, ms(s1.nat-s0.nat)/float64(want), ms(s1.site-s0.site)/float64(want))
	if st1.PagesTwice > 0 || st1.Pages != int(want) {
		fmt.Printf("  PAGES: %d distinct fetched, %d more than once\n", st1.Pages, st1.PagesTwice)
	}

	if real != nil {
		if err := wholeCycle(ctx, real, want, s0, snap, nproc); err != nil {
			stopWorker()
			return err
		}
	}

	// Cycle two: every feed due at once, every one answering 304.
	if _, err := http.Get("http://" + si.Control + "/mark"); err != nil {
		return err
	}
	keys := make([]string, 0, feeds)
	for f := range feeds {
		keys = append(keys, fmt.Sprintf("http://%s/feed/%d.xml", si.Hosts[f%hosts], f))
	}
	// Disabled, then enabled again: an enabled feed is due at once. The
	// clock starts before the first is enabled, so the round's time counts
	// the enabling too.
	var s2 sample
	sd := snap()
	for _, enabled := range []bool{false, true} {
		if enabled {
			s2 = snap()
		}
		g, gctx := errgroup.WithContext(ctx)
		g.SetLimit(32)
		for _, u := range keys {
			g.Go(func() error {
				_, err := set.SetEnabled(gctx, u, enabled, "benchmark: due again")
				return err
			})
		}
		if err := g.Wait(); err != nil {
			return err
		}
	}
	var st2 siteStats
	for {
		if err := sleep(ctx, 200*time.Millisecond); err != nil {
			stopWorker()
			return fmt.Errorf("304 round: %w", err)
		}
		watchHeap()
		if st2, err = siteStatsOf(si.Control, "progress"); err == nil && st2.NotModified >= feeds {
			break
		}
	}
	s3 := snap()
	if st2, err = siteStatsOf(si.Control, "stats"); err != nil {
		return err
	}
	round := s3.at.Sub(s2.at)
	fmt.Printf("\n304 round: %d feeds polled, all answering 304, in %s (floor %s)\n", st2.NotModified, round.Round(time.Millisecond),
		time.Duration(feeds/hosts)*delay)
	politeness("  ", siteStats{MaxPerSecond: st2.MaxPerSecond, MinGapMS: st2.MinGapMS, MaxBusy: st2.MaxBusy,
		Requests: st2.Requests - st1.Requests}, hosts, delay, round)
	// This process also sent the 10,000 changes to the feed set; disabling
	// cost what enabling did, so that much is taken off.
	writes := s2.self - sd.self
	fmt.Printf("  CPU, ingest: %.3f ms per poll (%.0f ms of feed-set writes by the benchmark taken off); NATS server: %.3f ms per poll\n",
		ms(s3.self-s2.self-writes)/float64(feeds), ms(writes), ms(s3.nat-s2.nat)/float64(feeds))

	stopWorker()
	<-done
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	if real != nil {
		fmt.Printf("  extract stage peak RSS %d MiB; index stage peak RSS %d MiB\n",
			procPeakRSS(real.extract.Process.Pid)>>20, procPeakRSS(real.index.Process.Pid)>>20)
	}
	fmt.Printf("\nmemory: ingest peak RSS %d MiB (Go heap in use at most %d MiB); NATS server peak RSS %d MiB (memory limit %s)\n",
		ru.Maxrss>>10, peakHeap>>20, procPeakRSS(nproc.cmd.Process.Pid)>>20, natsMemoryLimit)
	return nil
}

// wholeCycle waits until every page of cycle one is extracted and
// indexed, then says how long that took from the first poll and what each
// process spent a page.
func wholeCycle(ctx context.Context, real *realStages, want uint64, s0 sample, snap func() sample, nproc *child) error {
	for {
		ok, err := real.drained(ctx)
		if err != nil {
			return fmt.Errorf("whole cycle: %w", err)
		}
		if ok {
			break
		}
		if err := sleep(ctx, 500*time.Millisecond); err != nil {
			return fmt.Errorf("whole cycle: every page indexed: %w", err)
		}
		if n := time.Since(s0.at); n%(10*time.Second) < 500*time.Millisecond {
			fmt.Fprintf(os.Stderr, "  %s: extract RSS %d MiB, index RSS %d MiB, NATS server RSS %d MiB\n", n.Round(time.Second),
				procRSS(real.extract.Process.Pid)>>20, procRSS(real.index.Process.Pid)>>20, procRSS(nproc.cmd.Process.Pid)>>20)
		}
	}
	s := snap()
	per := func(d time.Duration) float64 { return ms(d) / float64(want) }
	ing, nat, ext, idx := per(s.self-s0.self), per(s.nat-s0.nat), per(s.ext-s0.ext), per(s.idx-s0.idx)
	fmt.Printf("\nwhole cycle: every page of cycle one extracted and indexed %s after the first poll\n", s.at.Sub(s0.at).Round(time.Millisecond))
	fmt.Printf("  CPU per page: ingest %.3f ms, NATS server %.3f ms, extract %.3f ms, index %.3f ms; %.3f ms in all (loopback web %.3f ms besides)\n",
		ing, nat, ext, idx, ing+nat+ext+idx, per(s.site-s0.site))
	return nil
}

// politeness prints what the hosts saw: the most requests one host got
// in any second, the shortest gap, requests at once, and the share of the
// limit the run used.
func politeness(indent string, st siteStats, hosts int, delay, span time.Duration) {
	limit := float64(hosts) * span.Seconds() / delay.Seconds()
	verdict := "held"
	if st.MaxPerSecond > int(time.Second/delay) || st.MaxBusy > 1 {
		verdict = "EXCEEDED"
	}
	fmt.Printf("%spoliteness %s: at most %d requests to one host in any second, shortest gap %.1f ms, at most %d at once\n",
		indent, verdict, st.MaxPerSecond, st.MinGapMS, st.MaxBusy)
	fmt.Printf("%s%d requests = %.2f a second per host on average, %.0f%% of the limit\n", indent, st.Requests,
		float64(st.Requests)/float64(hosts)/span.Seconds(), 100*float64(st.Requests)/limit)
}

// natsHeapProfile, when set, receives the NATS server's heap profile at
// each new peak.
var natsHeapProfile string

// serverMemoryLimit is the share of a process's Go memory limit that
// `defwatch run --memory-limit auto` gives the embedded NATS server, so
// the benchmark's server runs as it would in the product.
const serverMemoryLimit = "512MiB"

// natsMemoryLimit is the NATS server's memory limit as given.
var natsMemoryLimit string

// stagesMode is sink or real (-stages); defwatchBin runs the real ones.
var stagesMode, defwatchBin string

// heapProfile, when set, receives a heap profile at each new peak.
var heapProfile string

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}
