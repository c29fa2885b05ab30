package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/index"
)

// Stages of the pipeline as the benchmark runs them: each in a process of
// its own, so the kernel's count of each process's CPU (user and system,
// from wait4) is that stage's cost, its garbage collection and start-up
// included. The NATS server with JetStream is a `defwatch run` of the
// serve stage alone, whose only work then is the embedded server.
var stageNames = []string{"import", "extract", "index", "nats server"}

// serving are the stages that run until the benchmark stops them, in the
// order `defwatch run` stops them, the server last.
var serving = []string{"extract", "index", "nats server"}

// pipelineRun is one archive through the whole pipeline.
type pipelineRun struct {
	cpu      map[string]time.Duration
	peak     map[string]int64 // the long-running stages' peak resident memory, bytes
	wall     time.Duration    // first page published to last article acknowledged
	articles int              // in the index at the end
}

// runPipeline runs `defwatch import` of the archive at path into a
// pipeline of separate `defwatch run` processes and waits until the index
// stage has acknowledged every article.
func runPipeline(ctx context.Context, bin, path, dir string, logs io.Writer) (*pipelineRun, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	natsAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	httpAddr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	natsURL := "nats://" + natsAddr
	procs := map[string]*exec.Cmd{}
	stopAll := func() {
		for _, name := range []string{"import", "extract", "index", "nats server"} {
			if c := procs[name]; c != nil && c.ProcessState == nil {
				_ = c.Process.Signal(os.Interrupt)
				_ = c.Wait()
			}
		}
	}
	defer stopAll()
	// login gives each process its NATS user, once the server has made
	// them: the stages their own, import the admin's.
	login := map[string][]string{}
	start := func(name string, args ...string) (*exec.Cmd, error) {
		c := exec.CommandContext(ctx, bin, args...)
		c.Stdout, c.Stderr = logs, logs
		c.Env = append(append(os.Environ(), "DEFWATCH_LOG_LEVEL=warn"), login[name]...)
		c.Cancel = func() error { return c.Process.Signal(os.Interrupt) }
		c.WaitDelay = time.Minute
		if err := c.Start(); err != nil {
			return nil, fmt.Errorf("start %s: %w", name, err)
		}
		procs[name] = c
		return c, nil
	}
	if _, err := start("nats server", "run", "--stages", "serve", "--data", filepath.Join(dir, "nats"),
		"--nats-listen", natsAddr, "--listen", httpAddr); err != nil {
		return nil, err
	}
	nc, js, err := dial(ctx, natsURL, filepath.Join(dir, "nats"))
	if err != nil {
		return nil, err
	}
	defer nc.Close()
	if users := natsUsers(filepath.Join(dir, "nats")); users != nil {
		for _, name := range []string{"index", "extract", "import"} {
			user := "defwatch"
			if name == "import" {
				user = "admin"
			}
			login[name] = []string{"DEFWATCH_NATS_USER=" + user, "DEFWATCH_NATS_PASSWORD=" + users[user]}
		}
	}
	if _, err := start("index", "run", "--stages", "index", "--nats", natsURL, "--data", filepath.Join(dir, "index")); err != nil {
		return nil, err
	}
	if _, err := start("extract", "run", "--stages", "extract", "--nats", natsURL, "--data", filepath.Join(dir, "extract")); err != nil {
		return nil, err
	}
	pages, articles, err := waitConsumers(ctx, js)
	if err != nil {
		return nil, err
	}

	t0 := time.Now()
	imp, err := start("import", "import", "--nats", natsURL, path)
	if err != nil {
		return nil, err
	}
	if err := imp.Wait(); err != nil {
		return nil, fmt.Errorf("import: %w", err)
	}
	if err := waitDrained(ctx, pages, articles); err != nil {
		return nil, err
	}
	run := &pipelineRun{wall: time.Since(t0), cpu: map[string]time.Duration{}, peak: map[string]int64{}}

	stream, err := js.Stream(ctx, defwatch.StreamArticles)
	if err != nil {
		return nil, err
	}
	res, err := index.NewRemote(nc).Search(ctx, index.Request{Query: "*", Size: 1, AllCopies: true, NoFacets: true})
	if err != nil {
		return nil, fmt.Errorf("count the index: %w", err)
	}
	run.articles = int(res.Total)
	if want := stream.CachedInfo().State.Msgs; res.Total != want {
		return nil, fmt.Errorf("the index holds %d articles, the articles stream %d", res.Total, want)
	}
	for _, name := range serving {
		c := procs[name]
		run.peak[name] = peakRSS(c.Process.Pid)
		if err := c.Process.Signal(os.Interrupt); err != nil {
			return nil, err
		}
		if err := c.Wait(); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	for name, c := range procs {
		run.cpu[name] = c.ProcessState.UserTime() + c.ProcessState.SystemTime()
	}
	return run, nil
}

func dial(ctx context.Context, url, data string) (*nats.Conn, jetstream.JetStream, error) {
	var nc *nats.Conn
	var err error
	for range 300 {
		// The users file is written as the server starts, so it is read
		// again on each try.
		if nc, err = nats.Connect(url, append(stagesLogin(data), nats.Name("benchpipeline"))...); err == nil {
			break
		}
		if err := sleep(ctx, 50*time.Millisecond); err != nil {
			return nil, nil, err
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("nats server at %s: %w", url, err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, err
	}
	return nc, js, nil
}

// stagesLogin is how the stages log in to the NATS server of a defwatch
// run on data: as their own user, with the password the run keeps in the
// data directory, and that user's inbox. A build from before NATS had
// users keeps none and lets anyone in.
func stagesLogin(data string) []nats.Option {
	users := natsUsers(data)
	if users == nil {
		return nil
	}
	return []nats.Option{nats.UserInfo("defwatch", users["defwatch"]), nats.CustomInboxPrefix("_INBOX_defwatch")}
}

// natsUsers are the passwords of the users a defwatch run on data made, or
// nil for a build from before NATS had users.
func natsUsers(data string) map[string]string {
	raw, err := os.ReadFile(filepath.Join(data, "nats-users.json"))
	if err != nil {
		return nil
	}
	var users map[string]string
	if json.Unmarshal(raw, &users) != nil || users["defwatch"] == "" || users["admin"] == "" {
		return nil
	}
	return users
}

// waitConsumers waits for the extract and index stages' consumers.
func waitConsumers(ctx context.Context, js jetstream.JetStream) (pages, articles jetstream.Consumer, err error) {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		pages, err = js.Consumer(ctx, defwatch.StreamPages, extract.Durable)
		if err == nil {
			articles, err = js.Consumer(ctx, defwatch.StreamArticles, "index-main")
		}
		if err == nil {
			return pages, articles, nil
		}
		if err := sleep(ctx, 50*time.Millisecond); err != nil {
			return nil, nil, err
		}
	}
	return nil, nil, fmt.Errorf("the stages did not start within 2 minutes: %w", err)
}

// waitDrained waits until every page is extracted and every article
// indexed and acknowledged. Extract acknowledges a page after publishing
// its article, so once the pages are done the articles stream is whole.
func waitDrained(ctx context.Context, pages, articles jetstream.Consumer) error {
	done := func(c jetstream.Consumer) (bool, error) {
		info, err := c.Info(ctx)
		if err != nil {
			return false, err
		}
		return info.NumPending == 0 && info.NumAckPending == 0, nil
	}
	for {
		p, err := done(pages)
		if err != nil {
			return err
		}
		if p {
			a, err := done(articles)
			if err != nil {
				return err
			}
			if a {
				return nil
			}
		}
		if err := sleep(ctx, 100*time.Millisecond); err != nil {
			return err
		}
	}
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return "127.0.0.1:" + strconv.Itoa(ln.Addr().(*net.TCPAddr).Port), nil
}

// peakRSS is the most memory process pid has had resident, or 0 where
// Linux's /proc cannot tell. (The exited child's rusage cannot: its
// maxrss counts this process, whose memory a child shares until exec.)
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kib << 10
		}
	}
	return 0
}

// cpuTime is the CPU this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
