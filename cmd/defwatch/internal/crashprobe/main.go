// Command crashprobe stops a real `defwatch run` again and again while
// archives are imported into it (SIGKILL, and with -term every other time
// SIGTERM), starts it again each time on the same data, and once the
// pipeline is idle reports what a crash can leave wrong: pages left in the
// work queue, articles indexed but never announced on defwatch.indexed, and
// articles announced twice. A stream of its own on the embedded server
// records every announcement, so none is missed while the probe's
// connection is down.
//
//	go build -o /tmp/defwatch ./cmd/defwatch
//	go run ./cmd/defwatch/internal/crashprobe -bin /tmp/defwatch -kills 8 -term \
//	    ../shared/corpus/news/articles.jsonl.gz testdata/articles.jsonl.gz
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "crashprobe:", err)
		os.Exit(1)
	}
}

type probe struct {
	bin, data          string
	httpAddr, natsAddr string
	stderr             io.Writer
}

func run(args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("crashprobe", flag.ContinueOnError)
	fl.SetOutput(stderr)
	bin := fl.String("bin", "", "defwatch binary")
	data := fl.String("data", "", "data directory (default: a new temporary one)")
	kills := fl.Int("kills", 5, "how often to stop the run")
	term := fl.Bool("term", false, "every other stop is a SIGTERM")
	seed := fl.Uint64("seed", 1, "seed of the stop times")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *bin == "" || fl.NArg() == 0 {
		return errors.New("give -bin and one or more archives")
	}
	if *data == "" {
		d, err := os.MkdirTemp("", "crashprobe-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		*data = d
	}
	p := &probe{bin: *bin, data: *data, httpAddr: freeAddr(), natsAddr: freeAddr(), stderr: stderr}
	cmd, err := p.start()
	if err != nil {
		return err
	}
	defer func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		_ = cmd.Wait()
	}()
	// The stages' own user: the probe makes a stream of its own. Its
	// password is in the data directory from the first start.
	raw, err := os.ReadFile(filepath.Join(p.data, "nats-users.json"))
	if err != nil {
		return err
	}
	var users map[string]string
	if err := json.Unmarshal(raw, &users); err != nil {
		return fmt.Errorf("nats-users.json: %w", err)
	}
	nc, err := nats.Connect("nats://"+p.natsAddr, nats.UserInfo("defwatch", users["defwatch"]), nats.CustomInboxPrefix("_INBOX_defwatch"),
		nats.MaxReconnects(-1), nats.ReconnectWait(100*time.Millisecond))
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	ctx := context.Background()
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{Name: "CRASHPROBE", Subjects: []string{defwatch.SubjectIndexed}, Storage: jetstream.FileStorage}); err != nil {
		return err
	}

	rng := rand.New(rand.NewPCG(*seed, 1))
	for k := range *kills {
		imp := p.importAll(fl.Args())
		wait := time.Duration(500+rng.IntN(4000)) * time.Millisecond
		time.Sleep(wait)
		sig := syscall.SIGKILL
		if *term && k%2 == 1 {
			sig = syscall.SIGTERM
		}
		_ = cmd.Process.Signal(sig)
		_ = cmd.Wait()
		fmt.Fprintf(stderr, "stop %d: %s after %s\n", k+1, sig, wait)
		if cmd, err = p.start(); err != nil {
			return err
		}
		_ = imp.Wait() // the import rides out the restart, or stops
	}
	if err := p.importAll(fl.Args()).Wait(); err != nil {
		return fmt.Errorf("the last import: %w", err)
	}
	// Idle: the same count three times, a minute and a half apart in all,
	// past the ack waits and the pages sweep.
	var indexed uint64
	for stable := 0; stable < 3; {
		time.Sleep(30 * time.Second)
		n, err := p.total()
		if err != nil {
			continue
		}
		if n == indexed {
			stable++
		} else {
			stable = 0
		}
		indexed = n
	}

	pages, err := streamMsgs(ctx, js, defwatch.StreamPages)
	if err != nil {
		return err
	}
	announced, twice, err := announcements(ctx, js)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d stops; %d articles indexed; %d announced (%d never, %d more than once); %d pages left in the work queue\n",
		*kills, indexed, announced, int(indexed)-announced, twice, pages)
	return nil
}

func (p *probe) start() (*exec.Cmd, error) {
	cmd := exec.Command(p.bin, "run", "--data", p.data, "--listen", p.httpAddr, "--nats-listen", p.natsAddr, "--log-level", "error")
	cmd.Stderr = p.stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	for range 1200 {
		resp, err := http.Get("http://" + p.httpAddr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return cmd, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = cmd.Process.Kill()
	return nil, errors.New("defwatch run did not become ready within 2 minutes (see its log above)")
}

// importAll imports the archives one after another in the background.
func (p *probe) importAll(files []string) *exec.Cmd {
	script := `for f in "$@"; do "$DEFWATCH" import --nats "$NATS" --data "$DATA" --log-level error "$f" || exit 1; done`
	cmd := exec.Command("sh", append([]string{"-c", script, "sh"}, files...)...)
	cmd.Env = append(os.Environ(), "DEFWATCH="+p.bin, "NATS=nats://"+p.natsAddr, "DATA="+p.data)
	cmd.Stdout, cmd.Stderr = p.stderr, p.stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(p.stderr, "import:", err)
	}
	return cmd
}

func (p *probe) total() (uint64, error) {
	resp, err := http.Get("http://" + p.httpAddr + "/api/search?q=*&size=1&facets=false")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var v struct{ Total uint64 }
	return v.Total, json.NewDecoder(resp.Body).Decode(&v)
}

func streamMsgs(ctx context.Context, js jetstream.JetStream, name string) (uint64, error) {
	s, err := js.Stream(ctx, name)
	if err != nil {
		return 0, err
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, err
	}
	return info.State.Msgs, nil
}

// announcements counts the distinct articles announced, and those
// announced more than once.
func announcements(ctx context.Context, js jetstream.JetStream) (distinct, twice int, err error) {
	n, err := streamMsgs(ctx, js, "CRASHPROBE")
	if err != nil {
		return 0, 0, err
	}
	s, err := js.Stream(ctx, "CRASHPROBE")
	if err != nil {
		return 0, 0, err
	}
	cons, err := s.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{})
	if err != nil {
		return 0, 0, err
	}
	counts := map[string]int{}
	for range n {
		m, err := cons.Next(jetstream.FetchMaxWait(5 * time.Second))
		if err != nil {
			return 0, 0, err
		}
		var sum struct{ ID string }
		if err := json.Unmarshal(m.Data(), &sum); err != nil {
			return 0, 0, err
		}
		counts[sum.ID]++
	}
	for _, c := range counts {
		if c > 1 {
			twice++
		}
	}
	return len(counts), twice, nil
}

func freeAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
