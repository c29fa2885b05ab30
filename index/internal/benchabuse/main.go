// Command benchabuse sends abusive searches to a real `defwatch run` over
// HTTP and NATS and reports, for each, how long the answer took, what it
// was, and how far the server's memory grew. Each case gets a fresh server
// process on the same data, so one case's peak is not another's, and a run
// is cut off at a time and memory cap so that a server without limits
// cannot take the machine down:
//
//	make bench-abuse                          # 20,000 articles
//	go run ./index/internal/benchabuse -n 100000 -bin /tmp/old/defwatch
//
// With -clients N it also drives N concurrent clients with ordinary but
// heavy searches and counts the answers: complete (the total an unloaded
// server gives), explicitly partial, 503 (shed; the client comes back after
// Retry-After, for a minute), and wrong (200 with a different total and no
// word of it).
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		slog.Error("benchabuse", "err", err)
		os.Exit(1)
	}
}

type config struct {
	bin      string
	data     string
	n        int
	corpus   string
	timeout  time.Duration
	maxRSS   int64 // bytes
	only     string
	clients  int
	requests int
	label    string
}

// abuseCase is one request: q over HTTP or NATS, or a raw NATS payload.
type abuseCase struct {
	name string
	via  string // "http" or "nats"
	q    string
	raw  []byte // NATS payload as sent, instead of {"q": q}
}

func cases() []abuseCase {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("ukraine ", n)) }
	nested := strings.Repeat("-(", 100_000) + "ukraine" + strings.Repeat(")", 100_000)
	wild := strings.Join(slices.Repeat([]string{"*xy*"}, 2000), " OR ")
	// A request just under the server's 8 MB message limit.
	big, _ := json.Marshal(map[string]any{"q": words((8<<20 - 1024) / 8), "size": 1})
	var out []abuseCase
	for _, via := range []string{"http", "nats"} {
		out = append(out,
			abuseCase{name: "ordinary: nation:UA troops:>=1000 last:30d", via: via, q: "nation:UA troops:>=1000 last:30d"},
			abuseCase{name: "ukraine x1,000 (8 KB)", via: via, q: words(1000)},
			abuseCase{name: "ukraine x110,000 (880 KB)", via: via, q: words(110_000)},
			abuseCase{name: "100,000 nested -( (400 KB)", via: via, q: nested},
			abuseCase{name: "2,000 OR'ed *xy* (16 KB)", via: via, q: wild},
		)
	}
	out = append(out, abuseCase{name: "8 MB request", via: "nats", raw: big})
	// The same kinds of abuse within the length limit, where the other
	// limits have to hold.
	out = append(out,
		abuseCase{name: "within 4 KB: ukraine x500", via: "http", q: words(500)},
		abuseCase{name: "within 4 KB: 1,000 nested -(", via: "http", q: strings.Repeat("-(", 1000) + "ukraine" + strings.Repeat(")", 1000)},
		abuseCase{name: "within 4 KB: 400 OR'ed *xy*", via: "http", q: strings.Join(slices.Repeat([]string{"*xy*"}, 400), " OR ")},
		abuseCase{name: "within 4 KB: 8 OR'ed *xy* (allowed)", via: "http", q: strings.Join(slices.Repeat([]string{"*xy*"}, 8), " OR ")},
		abuseCase{name: "within 4 KB: *a* (a wildcard for everything)", via: "http", q: "*a*"},
	)
	return out
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("benchabuse", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var cfg config
	var maxRSS string
	fl.StringVar(&cfg.bin, "bin", "", "defwatch binary to measure (default: build ./cmd/defwatch)")
	fl.StringVar(&cfg.data, "data", "", "data directory holding index/main (default: one built for -n in the temporary directory, kept for the next run)")
	fl.IntVar(&cfg.n, "n", 20000, "articles in the index built when -data is not given")
	fl.StringVar(&cfg.corpus, "corpus", filepath.Join("..", "shared", "corpus", "news", "articles.jsonl.gz"), "corpus for building the index (see benchsearch)")
	fl.DurationVar(&cfg.timeout, "timeout", 60*time.Second, "longest a case may run before the server is killed")
	fl.StringVar(&maxRSS, "maxrss", "4G", "server memory at which a case is killed")
	fl.StringVar(&cfg.only, "only", "", "run only cases whose name contains this")
	fl.IntVar(&cfg.clients, "clients", 0, "also drive this many concurrent clients and count their answers")
	fl.IntVar(&cfg.requests, "requests", 5, "searches each concurrent client sends")
	fl.StringVar(&cfg.label, "label", "", "name of the binary in the report (default: its path)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	var err error
	if cfg.maxRSS, err = parseBytes(maxRSS); err != nil {
		return fmt.Errorf("benchabuse: -maxrss %q: %w", maxRSS, err)
	}
	tmp, err := os.MkdirTemp("", "benchabuse-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if cfg.bin == "" {
		cfg.bin = filepath.Join(tmp, "defwatch")
		fmt.Fprintln(stderr, "building ./cmd/defwatch")
		if err := command(ctx, stderr, "go", "build", "-o", cfg.bin, "./cmd/defwatch"); err != nil {
			return fmt.Errorf("benchabuse: build: %w", err)
		}
		if cfg.label == "" {
			cfg.label = "this tree"
		}
	}
	if cfg.label == "" {
		cfg.label = cfg.bin
	}
	if cfg.data == "" {
		cfg.data = filepath.Join(os.TempDir(), fmt.Sprintf("benchabuse-data-%d", cfg.n))
	}
	if err := ensureIndex(ctx, cfg, stderr); err != nil {
		return err
	}

	fmt.Fprintf(stdout, "benchabuse: %s on %s (%s), %d cores, load %s; cap %s and %s per case\n",
		cfg.label, cfg.data, indexSize(cfg.data), runtime.NumCPU(), loadAvg(), cfg.timeout, formatBytes(cfg.maxRSS))
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "case\tvia\tanswer\twall\tRSS ready\tpeak RSS\t")
	for _, c := range cases() {
		if cfg.only != "" && !strings.Contains(c.name, cfg.only) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		r, err := measure(ctx, cfg, c)
		if err != nil {
			return fmt.Errorf("benchabuse: %s over %s: %w", c.name, c.via, err)
		}
		row := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s\t\n", c.name, c.via, r.answer, r.wall, formatBytes(r.ready), r.peak)
		fmt.Fprint(stderr, strings.ReplaceAll(row, "\t", " | ")) // progress: a slow case takes a minute
		fmt.Fprint(tw, row)
	}
	tw.Flush()
	if cfg.clients > 0 {
		return concurrent(ctx, cfg, stdout)
	}
	return nil
}

// ensureIndex builds an index of cfg.n generated articles into
// cfg.data/index/main unless one is there.
func ensureIndex(ctx context.Context, cfg config, stderr io.Writer) error {
	dst := filepath.Join(cfg.data, "index", "main")
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	build := cfg.data + ".building"
	os.RemoveAll(build)
	fmt.Fprintf(stderr, "building an index of %d articles in %s\n", cfg.n, cfg.data)
	if err := command(ctx, stderr, "go", "run", "./index/internal/benchsearch", "-n", strconv.Itoa(cfg.n),
		"-noquery", "-keep", "-dir", build, "-batches", "1000", "-corpus", cfg.corpus); err != nil {
		return fmt.Errorf("benchabuse: build the index: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.Rename(filepath.Join(build, "batch1000"), dst); err != nil {
		return err
	}
	return os.RemoveAll(build)
}

func command(ctx context.Context, stderr io.Writer, name string, args ...string) error {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	return cmd.Run()
}

// server is one `defwatch run --stages index,serve` on the data.
type server struct {
	cmd      *exec.Cmd
	api      string
	natsURL  string
	natsOpts []nats.Option // the analyst's login, when the build has users
	mu       sync.Mutex
	peak     int64
	killedAt int64 // RSS when the memory cap killed it
	exited   chan struct{}
	log      *strings.Builder
}

func start(ctx context.Context, cfg config) (*server, error) {
	httpAddr, natsAddr := freeAddr(), freeAddr()
	s := &server{api: "http://" + httpAddr, natsURL: "nats://" + natsAddr, exited: make(chan struct{}), log: &strings.Builder{}}
	// A fresh NATS store each time: the streams are empty and the index
	// only answers searches.
	if err := os.RemoveAll(filepath.Join(cfg.data, "nats")); err != nil {
		return nil, err
	}
	s.cmd = exec.Command(cfg.bin, "run", "--data", cfg.data, "--stages", "index,serve", "--alerts=false",
		"--listen", httpAddr, "--nats-listen", natsAddr, "--log-level", "warn")
	s.cmd.Env = append(os.Environ(), "DEFWATCH_LOG_FORMAT=text")
	out, err := s.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := s.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			s.mu.Lock()
			if s.log.Len() < 64<<10 {
				s.log.WriteString(sc.Text() + "\n")
			}
			s.mu.Unlock()
		}
	}()
	go func() {
		_ = s.cmd.Wait()
		close(s.exited)
	}()
	s.natsOpts = analystLogin(cfg.data)
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, err := http.Get(s.api + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case <-s.exited:
			return nil, fmt.Errorf("server exited: %s", s.logText())
		case <-ctx.Done():
			s.kill()
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			s.kill()
			return nil, fmt.Errorf("server not ready after 2 minutes: %s", s.logText())
		}
	}
	return s, nil
}

func (s *server) logText() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

// watch samples the server's memory until stop is closed, killing it past
// maxRSS.
func (s *server) watch(maxRSS int64, stop <-chan struct{}) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		rss := rssOf(s.cmd.Process.Pid)
		s.mu.Lock()
		s.peak = max(s.peak, rss)
		s.mu.Unlock()
		if rss > maxRSS {
			s.mu.Lock()
			s.killedAt = rss
			s.mu.Unlock()
			s.kill()
			return
		}
		select {
		case <-stop:
			return
		case <-s.exited:
			return
		case <-t.C:
		}
	}
}

func (s *server) kill() {
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}

type result struct {
	answer string
	wall   string
	ready  int64
	peak   string
}

func measure(ctx context.Context, cfg config, c abuseCase) (result, error) {
	s, err := start(ctx, cfg)
	if err != nil {
		return result{}, err
	}
	defer s.kill()
	ready := rssOf(s.cmd.Process.Pid)
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() { s.watch(cfg.maxRSS, stop); close(watched) }()

	cctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	t0 := time.Now()
	var answer string
	if c.via == "http" {
		answer, err = askHTTP(cctx, s.api, c.q)
	} else {
		answer, err = askNATS(cctx, s.natsURL, s.natsOpts, c)
	}
	wall := time.Since(t0)
	close(stop)
	<-watched
	// The kernel's own high-water mark catches a peak between samples.
	hwm := hwmOf(s.cmd.Process.Pid)
	s.mu.Lock()
	peak, killedAt := max(s.peak, hwm), s.killedAt
	s.mu.Unlock()

	r := result{ready: ready, wall: wall.Round(time.Millisecond).String(), peak: formatBytes(peak)}
	switch {
	case killedAt > 0:
		r.answer = "none: server killed at the memory cap"
		r.peak = "killed at " + formatBytes(killedAt)
	case cctx.Err() != nil && ctx.Err() == nil:
		r.answer = "none within the cap"
		r.wall = "> " + cfg.timeout.String()
	case err != nil:
		r.answer = "error: " + clip(err.Error(), 70)
	default:
		r.answer = answer
	}
	return r, ctx.Err()
}

func askHTTP(ctx context.Context, api, q string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, api+"/api/search?size=5&q="+url.QueryEscape(q), nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d %s", resp.StatusCode, summary(body)), nil
}

// analystLogin is how to log in to the NATS server of a defwatch run on
// data as its analyst user, who may search: the password the run keeps in
// the data directory, and the analyst's own inbox. A build from before
// NATS had users keeps none, and lets anyone in.
func analystLogin(data string) []nats.Option {
	raw, err := os.ReadFile(filepath.Join(data, "nats-users.json"))
	if err != nil {
		return nil
	}
	var users map[string]string
	if json.Unmarshal(raw, &users) != nil || users["analyst"] == "" {
		return nil
	}
	return []nats.Option{nats.UserInfo("analyst", users["analyst"]), nats.CustomInboxPrefix("_INBOX_analyst")}
}

func askNATS(ctx context.Context, natsURL string, opts []nats.Option, c abuseCase) (string, error) {
	nc, err := nats.Connect(natsURL, opts...)
	if err != nil {
		return "", err
	}
	defer nc.Close()
	data := c.raw
	if data == nil {
		if data, err = json.Marshal(map[string]any{"q": c.q, "size": 5}); err != nil {
			return "", err
		}
	}
	m, err := nc.RequestWithContext(ctx, "defwatch.search", data)
	if err != nil {
		return "", err
	}
	return summary(m.Data), nil
}

// summary is the gist of an answer: its error, or its total.
func summary(body []byte) string {
	var v struct {
		Error   string `json:"error"`
		Kind    string `json:"kind"`
		Total   *int   `json:"total"`
		Partial bool   `json:"partial"`
		Result  *struct {
			Total   int  `json:"total"`
			Partial bool `json:"partial"`
		} `json:"result"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return clip(strings.TrimSpace(string(body)), 70)
	}
	switch {
	case v.Error != "":
		return strings.TrimSpace(v.Kind + " " + strconv.Quote(clip(v.Error, 90)))
	case v.Result != nil:
		return fmt.Sprintf("%d hits%s", v.Result.Total, partialNote(v.Result.Partial))
	case v.Total != nil:
		return fmt.Sprintf("%d hits%s", *v.Total, partialNote(v.Partial))
	}
	return clip(string(body), 70)
}

func partialNote(p bool) string {
	if p {
		return " (partial)"
	}
	return ""
}

// load are the searches the concurrent clients send: an analyst's everyday
// heavy ones, with facets.
var load = []string{"ukraine", "nation:UA", "source:dvidshub.net", "*", `"peace talks"`, "nation:RU troops:>=1000", "russia OR ukraine OR nato"}

// concurrent drives cfg.clients clients at once against one server and
// counts their answers against those of the unloaded server.
func concurrent(ctx context.Context, cfg config, stdout io.Writer) error {
	s, err := start(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.kill()
	stop := make(chan struct{})
	defer close(stop)
	go s.watch(cfg.maxRSS, stop)
	client := &http.Client{Timeout: 2 * time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: cfg.clients}}
	want := map[string]int{}
	for _, q := range load {
		code, total, _, err := get(ctx, client, s.api, q)
		if err != nil || code != http.StatusOK {
			return fmt.Errorf("reference answer for %q: %d %v", q, code, err)
		}
		want[q] = total
	}
	type tally struct{ complete, partial, busy, timeout, wrong, other, shed int }
	var mu sync.Mutex
	var t tally
	var wrongs []string
	var lat []time.Duration
	var wg sync.WaitGroup
	t0 := time.Now()
	for i := range cfg.clients {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(i), 1))
			for range cfg.requests {
				q := load[rng.IntN(len(load))]
				r0 := time.Now()
				// A client told to come back does, as a well-behaved one
				// would, for a minute at most.
				code, total, partial, err := get(ctx, client, s.api, q)
				for code == http.StatusServiceUnavailable && time.Since(r0) < time.Minute {
					mu.Lock()
					t.shed++
					mu.Unlock()
					time.Sleep(time.Second + time.Duration(rng.IntN(1000))*time.Millisecond)
					code, total, partial, err = get(ctx, client, s.api, q)
				}
				d := time.Since(r0)
				mu.Lock()
				lat = append(lat, d)
				switch {
				case err != nil:
					t.other++
				case code == http.StatusServiceUnavailable:
					t.busy++
				case code == http.StatusGatewayTimeout:
					t.timeout++
				case code != http.StatusOK:
					t.other++
				case partial:
					t.partial++
				case total == want[q]:
					t.complete++
				default:
					t.wrong++
					if len(wrongs) < 5 {
						wrongs = append(wrongs, fmt.Sprintf("%s: %d instead of %d", q, total, want[q]))
					}
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	took := time.Since(t0)
	slices.Sort(lat)
	s.mu.Lock()
	peak := s.peak
	s.mu.Unlock()
	fmt.Fprintf(stdout, "%d clients x %d searches in %s (%s): %d complete, %d partial (said so), %d still 503 after a minute, %d 504, %d wrong, %d other; %d answers of 503 on the way (each retried after Retry-After); latency p50 %s, p99 %s; peak RSS %s\n",
		cfg.clients, cfg.requests, took.Round(time.Millisecond), cfg.label, t.complete, t.partial, t.busy, t.timeout, t.wrong, t.other, t.shed,
		lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond), formatBytes(peak))
	for _, w := range wrongs {
		fmt.Fprintf(stdout, "  wrong: %s\n", w)
	}
	return nil
}

func get(ctx context.Context, client *http.Client, api, q string) (code, total int, partial bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, api+"/api/search?size=20&q="+url.QueryEscape(q), nil)
	if err != nil {
		return 0, 0, false, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, 0, false, err
	}
	defer resp.Body.Close()
	var v struct {
		Total   int  `json:"total"`
		Partial bool `json:"partial"`
	}
	if resp.StatusCode == http.StatusOK {
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
			return resp.StatusCode, 0, false, err
		}
	} else {
		_, _ = io.Copy(io.Discard, resp.Body)
	}
	return resp.StatusCode, v.Total, v.Partial, nil
}

// rssOf is a process's resident memory now, and hwmOf its peak, from
// /proc (0 when it is gone).
func rssOf(pid int) int64 { return procStatus(pid, "VmRSS:") }
func hwmOf(pid int) int64 { return procStatus(pid, "VmHWM:") }

func procStatus(pid int, key string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				kb, _ := strconv.ParseInt(f[0], 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}

func parseBytes(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || n <= 0 {
		return 0, errors.New("write a size like 4G or 500M")
	}
	return int64(n * float64(mult)), nil
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	default:
		return fmt.Sprintf("%d MB", n>>20)
	}
}

func indexSize(data string) string {
	var n int64
	_ = filepath.WalkDir(filepath.Join(data, "index"), func(_ string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return formatBytes(n) + " of index"
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	return strings.Join(strings.Fields(string(b))[:3], " ")
}
