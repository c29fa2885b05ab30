package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// The fault tests run defwatch's stages as processes of their own (this
// test binary run again as `defwatch`), kill them with SIGKILL or stop them
// with SIGTERM at random points of an import, take NATS nodes away, and
// check that every article is indexed once and every alert sent once. They
// wait on what the stages report (stream and consumer state), never on the
// clock. `make test` runs a short version of each; `make test-faults`
// (DEFWATCH_FAULTS=long) the long one, with its figures printed.

// childEnv marks a run of this binary as a defwatch process, not a test.
const childEnv = "DEFWATCH_TEST_CHILD"

// childReady is what a child process says once it handles signals.
const childReady = "defwatch test child: signals handled"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		// From here on SIGTERM stops defwatch cleanly; before, it would
		// end the process at once. The test waits for this line.
		fmt.Fprintln(os.Stderr, childReady)
		err := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
		stop()
		if err != nil {
			fmt.Fprintln(os.Stderr, "defwatch:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	// Many servers and stages share this test process: the memory limit
	// run sets for one of them would have the collector working for all
	// (GOMEMLIMIT set, run leaves the process's limit alone).
	if os.Getenv("GOMEMLIMIT") == "" {
		os.Setenv("GOMEMLIMIT", "off")
	}
	os.Exit(m.Run())
}

// faultScale is the size of a fault test: the short one in `make test`,
// the long one in `make test-faults`.
type faultScale struct {
	long     bool
	articles int
	kills    int
}

func scale(short, long faultScale) faultScale {
	if os.Getenv("DEFWATCH_FAULTS") == "long" {
		long.long = true
		return long
	}
	return short
}

// faultSeed is the seed of the random kill points: new each run, printed,
// and taken from DEFWATCH_FAULT_SEED to repeat a run.
func faultSeed(t *testing.T) uint64 {
	t.Helper()
	if s := os.Getenv("DEFWATCH_FAULT_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("DEFWATCH_FAULT_SEED=%q: %v", s, err)
		}
		return n
	}
	return uint64(time.Now().UnixNano())
}

// The saved searches of the fault tests each find a known part of the
// generated articles: those of one outlet.
var faultRules = map[string]string{"alpha": "alpha.fault.example", "beta": "beta.fault.example"}

// faultArchive makes n articles from the corpus articles in testdata: each
// a different cut of one of them (three quarters of its sentences and two
// from another), dated over two years, so that they fill many month shards
// and few are near-copies of each other. Every 41st comes from
// alpha.fault.example and every 97th from beta.fault.example, the outlets
// the saved searches look for.
func faultArchive(t *testing.T, n int) (data []byte, ids []string) {
	t.Helper()
	var bases []archiveRecord
	for _, line := range archiveLines(t) {
		var r archiveRecord
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		bases = append(bases, r)
	}
	split := func(text string) []string {
		var out []string
		for _, para := range strings.Split(text, "\n") {
			for _, s := range strings.SplitAfter(para, ". ") {
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			}
		}
		return out
	}
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	start := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	span := 2 * 365 * 24 * time.Hour
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range n {
		b := bases[rng.IntN(len(bases))]
		other := bases[rng.IntN(len(bases))]
		var kept []string
		for _, s := range split(b.Text) {
			if rng.Float64() < 0.75 {
				kept = append(kept, s)
			}
		}
		more := split(other.Text)
		for range 2 {
			if len(more) > 0 {
				kept = append(kept, more[rng.IntN(len(more))])
			}
		}
		source := fmt.Sprintf("outlet%d.fault.example", i%23)
		switch {
		case i%41 == 0:
			source = faultRules["alpha"]
		case i%97 == 3:
			source = faultRules["beta"]
		}
		r := archiveRecord{
			ID:        fmt.Sprintf("fault-%05d", i),
			URL:       fmt.Sprintf("https://%s/news/%d", source, i),
			Source:    source,
			Title:     b.Title,
			Published: start.Add(time.Duration(float64(span) * float64(i) / float64(n))).Format(time.RFC3339),
			Lang:      b.Lang,
			Text:      strings.Join(kept, " "),
		}
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	return buf.Bytes(), ids
}

// child is one defwatch process.
type child struct {
	name string
	cmd  *exec.Cmd
	done chan struct{}
	err  error // of Wait, once done is closed
	log  *syncBuffer
}

func startChild(t *testing.T, name string, args ...string) *child {
	t.Helper()
	c := &child{name: name, done: make(chan struct{}), log: &syncBuffer{}}
	c.cmd = exec.Command(os.Args[0], args...)
	c.cmd.Env = append(os.Environ(), childEnv+"=1")
	c.cmd.Stdout, c.cmd.Stderr = c.log, c.log
	if err := c.cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", name, err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.done)
	}()
	waitFor(t, time.Minute, name+" to start", func() bool {
		if c.exited() {
			t.Fatalf("%s ended at start: %v\n%s", name, c.err, c.log.String())
		}
		return strings.Contains(c.log.String(), childReady)
	})
	t.Cleanup(func() {
		c.kill(t)
		if t.Failed() {
			t.Logf("log of %s:\n%s", name, tail(c.log.String(), 4000))
		}
	})
	return c
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}

// kill ends the process at once, as a power cut or the OOM killer would.
func (c *child) kill(t *testing.T) {
	t.Helper()
	select {
	case <-c.done:
		return
	default:
	}
	if err := c.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("kill %s: %v", c.name, err)
	}
	<-c.done
}

// term asks the process to stop and waits for it; it must stop cleanly
// within a generous bound.
func (c *child) term(t *testing.T) time.Duration {
	t.Helper()
	start := time.Now()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM %s: %v", c.name, err)
	}
	select {
	case <-c.done:
	case <-time.After(2 * time.Minute):
		t.Fatalf("%s did not stop within 2 minutes of SIGTERM", c.name)
	}
	if c.err != nil {
		t.Errorf("%s stopped with %v after SIGTERM, want a clean exit:\n%s", c.name, c.err, tail(c.log.String(), 3000))
	}
	return time.Since(start)
}

// mustRun fails the test at once if the process ended by itself (a start
// that cannot get going, as after a crash left broken state behind).
func (c *child) mustRun(t *testing.T, when string) {
	t.Helper()
	if c.exited() {
		t.Fatalf("%s ended by itself %s (%v):\n%s", c.name, when, c.err, tail(c.log.String(), 3000))
	}
}

// exited says the process ended by itself.
func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// faultRig is a NATS server (or cluster) in the test, the stages as child
// processes, and the test's own clients: the stages' user to look at
// streams, an analyst that counts announcements, an admin that imports.
type faultRig struct {
	t       *testing.T
	url     string
	users   natsUsers
	js      jetstream.JetStream // as the stages' user, to look
	indexed *announcements      // announcements on defwatch.indexed, by id
	watcher *nats.Conn          // the analyst's connection that counts them
	n       int
	ids     []string
	archive []byte
	data    string // the index process's data directory
	// stageArgs start every stage process; extra are the test's own flags.
	stageArgs, extra []string
}

// announcements counts the announcements of each article. An index
// process killed with SIGKILL between announcing a batch and recording it
// as announced leaves that batch to its successor, which announces it
// again: after a kill -9 an announcement may come twice (none is lost),
// otherwise never. So the count is kept by epoch: killed starts a new one,
// once everything the dead process published has arrived, and an article
// announced again within the epoch of its last announcement was announced
// twice by the work of one process.
type announcements struct {
	mu    sync.Mutex
	n     map[string]int // announcements, by id
	epoch int            // index processes killed so far
	at    map[string]int // the epoch of each id's last announcement
	again map[string]int // announced again in a later epoch: after a kill
	twice map[string]int // announced again in the same epoch
}

func newAnnouncements() *announcements {
	return &announcements{n: map[string]int{}, at: map[string]int{}, again: map[string]int{}, twice: map[string]int{}}
}

func (a *announcements) add(id string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.n[id] > 0 {
		if a.at[id] < a.epoch {
			a.again[id]++
		} else {
			a.twice[id]++
		}
	}
	a.n[id]++
	a.at[id] = a.epoch
}

// killed starts a new epoch: an index process was killed, and all it
// published has been received.
func (a *announcements) killed() {
	a.mu.Lock()
	a.epoch++
	a.mu.Unlock()
}

func (a *announcements) len() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.n)
}

// counts are, for each id, its announcements, and whether any came twice
// within one epoch, and again after a kill.
func (a *announcements) counts() (n map[string]int, twice, again map[string]bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	twice, again = map[string]bool{}, map[string]bool{}
	for id := range a.twice {
		twice[id] = true
	}
	for id := range a.again {
		again[id] = true
	}
	return maps.Clone(a.n), twice, again
}

func newFaultRig(t *testing.T, url string, users natsUsers, sc faultScale) *faultRig {
	t.Helper()
	n := sc.articles
	rig := &faultRig{t: t, url: url, users: users, n: n, data: t.TempDir(), indexed: newAnnouncements()}
	if !sc.long {
		// Work held by a killed process comes back after --ack-wait; the
		// stages' own (minutes) would make the short run long. The long
		// run keeps them, and its figures are what a user would see.
		rig.extra = []string{"--ack-wait", "10s"}
	}
	rig.archive, rig.ids = faultArchive(t, n)
	nc, err := nats.Connect(url, nats.UserInfo(natsUserStages, users[natsUserStages]), nats.CustomInboxPrefix(stagesInbox), nats.MaxReconnects(-1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(nc.Close)
	if rig.js, err = jetstream.New(nc); err != nil {
		t.Fatal(err)
	}
	analyst, err := nats.Connect(url, nats.UserInfo(natsUserAnalyst, users[natsUserAnalyst]), nats.CustomInboxPrefix(analystInbox), nats.MaxReconnects(-1))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(analyst.Close)
	rig.watcher = analyst
	if _, err := analyst.Subscribe(defwatch.SubjectIndexed, func(m *nats.Msg) {
		var s defwatch.Summary
		if json.Unmarshal(m.Data, &s) == nil {
			rig.indexed.add(s.ID)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if err := analyst.Flush(); err != nil {
		t.Fatal(err)
	}
	level := "warn"
	if l := os.Getenv("DEFWATCH_FAULT_LOG"); l != "" {
		level = l // the stages' log level, shown when a test fails
	}
	rig.stageArgs = []string{"run", "--nats", url, "--nats-user", natsUserStages, "--nats-password", users[natsUserStages], "--log-level", level}
	return rig
}

// stage starts a stage process.
func (rig *faultRig) stage(stages string, extra ...string) *child {
	rig.t.Helper()
	data := rig.data
	if !strings.Contains(stages, "index") {
		data = filepath.Join(rig.data, "x-"+stages) // a data directory of its own
	}
	args := append(slices.Clone(rig.stageArgs), "--stages", stages, "--data", data)
	args = append(args, rig.extra...)
	return startChild(rig.t, stages, append(args, extra...)...)
}

// addRules saves the fault tests' searches, as an admin would.
func (rig *faultRig) addRules() {
	rig.t.Helper()
	ctx, cancel := context.WithTimeout(rig.t.Context(), 2*time.Minute)
	defer cancel()
	var kv jetstream.KeyValue
	waitFor(rig.t, 2*time.Minute, "the rules bucket", func() bool {
		// Each look has a short deadline of its own: a reply lost while a
		// cluster elects its leader would otherwise hold this one look,
		// and the whole wait, to the end.
		lctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		var err error
		kv, err = rig.js.KeyValue(lctx, defwatch.KVRules)
		return err == nil
	})
	for name, source := range faultRules {
		data, _ := json.Marshal(defwatch.Rule{Name: name, Query: "source:" + source, Created: time.Now().UTC()})
		if _, err := kv.Put(ctx, name, data); err != nil {
			rig.t.Fatal(err)
		}
	}
}

// importAll publishes the archive as an admin with `defwatch import`'s own
// code, a part at a time, keeping at most ahead articles in front of the
// index, so that the import lasts as long as the pipeline's work and
// the faults fall while articles still come in. A part that fails (a node
// taken away under it) is published again: the stream drops an article it
// already has, so repeating costs nothing.
func (rig *faultRig) importAll(ctx context.Context, ahead int) error {
	nc, err := nats.Connect(rig.url, nats.UserInfo(natsUserAdmin, rig.users[natsUserAdmin]), nats.CustomInboxPrefix(adminInbox), nats.MaxReconnects(-1))
	if err != nil {
		return err
	}
	defer nc.Close()
	// As `defwatch import` publishes: a lost answer is sent again.
	js, err := importJetStream(nc)
	if err != nil {
		return err
	}
	lines := bytes.SplitAfter(rig.archive, []byte("\n"))
	const part = 50
	for from := 0; from < rig.n; from += part {
		for {
			p, ok := rig.progress(ctx)
			if ok && int(max(p.announced, p.indexed)) >= from-ahead {
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(50 * time.Millisecond):
			}
		}
		chunk := bytes.Join(lines[from:min(from+part, rig.n)], nil)
		for {
			n, _, err := importArchive(ctx, js, bytes.NewReader(chunk), new(atomic.Int64), slog.New(slog.DiscardHandler))
			if err == nil && n != min(part, rig.n-from) {
				err = fmt.Errorf("imported %d of %d", n, min(part, rig.n-from))
			}
			if err == nil || ctx.Err() != nil {
				break
			}
			rig.t.Logf("import of articles %d- interrupted (%v); publishing them again", from, err)
		}
	}
	return ctx.Err()
}

// ahead is how far the import keeps in front of the index: a tenth of the
// articles.
func (rig *faultRig) ahead() int { return max(50, rig.n/10) }

// progress is how far the pipeline is: articles extracted (in the articles
// stream), articles indexed (all acknowledged by the index consumer up to
// this sequence; it waits for the oldest article a killed process held) and
// articles announced (new ones, as an alert consumer sees them arrive).
type progress struct {
	pages, extracted, indexed, pending, announced uint64
}

func (rig *faultRig) progress(ctx context.Context) (progress, bool) {
	var p progress
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	pages, err := rig.js.Stream(ctx, defwatch.StreamPages)
	if err != nil {
		return p, false
	}
	articles, err := rig.js.Stream(ctx, defwatch.StreamArticles)
	if err != nil {
		return p, false
	}
	p.pages, p.extracted = pages.CachedInfo().State.Msgs, articles.CachedInfo().State.Msgs
	p.announced = uint64(rig.indexed.len())
	cons, err := rig.js.Consumer(ctx, defwatch.StreamArticles, "index-main")
	if err != nil {
		return p, true // not made yet: nothing indexed
	}
	info := cons.CachedInfo()
	p.indexed, p.pending = info.AckFloor.Stream, info.NumPending+uint64(info.NumAckPending)
	return p, true
}

// done says every article went through: no page waits, every article is
// extracted, and the index consumer has acknowledged them all (so their
// alerts are stored).
func (p progress) done(n int) bool {
	return p.pages == 0 && p.extracted == uint64(n) && p.pending == 0 && p.indexed >= uint64(n)
}

func (rig *faultRig) waitDone(what string) {
	rig.t.Helper()
	waitFor(rig.t, 20*time.Minute, what, func() bool {
		p, ok := rig.progress(rig.t.Context())
		return ok && p.done(rig.n)
	})
}

// figures are what a fault test found.
type figures struct {
	name                       string
	articles, kills            int
	lost, duplicated           int
	neverAnnounced, announced2 int
	announcedAgain             int // again by the successor of a killed index process
	alertsSent, alertsExpected int
	alertsDuplicated           int
	recover                    []time.Duration
	events                     []string // each kill: what, when, how long to recover
	took                       time.Duration
}

func (f figures) String() string {
	var rec string
	if len(f.recover) > 0 {
		d := slices.Clone(f.recover)
		slices.Sort(d)
		rec = fmt.Sprintf("  recover p50 %s max %s", d[len(d)/2].Round(10*time.Millisecond), d[len(d)-1].Round(10*time.Millisecond))
	}
	return fmt.Sprintf("%-22s articles %d  kills %d  lost %d  duplicated %d  announced never %d twice %d (again after a kill -9 %d)  alerts sent %d/%d expected (duplicated %d)%s  took %s",
		f.name, f.articles, f.kills, f.lost, f.duplicated, f.neverAnnounced, f.announced2, f.announcedAgain, f.alertsSent, f.alertsExpected,
		f.alertsDuplicated, rec, f.took.Round(time.Second))
}

// report prints the figures (always in the long run, which is for them)
// and fails the test on anything lost or sent twice. Announcements are
// core NATS and live: with a NATS node going away, those in
// flight through it are lost by design (README: a subscriber that must miss
// nothing uses a saved search), so there liveOnly makes only a repeated
// announcement a failure. An announcement repeated by the successor of an
// index process killed with SIGKILL is counted apart (see announcements),
// not a failure: the index announces at least once.
func (rig *faultRig) report(f figures, long, liveOnly bool) {
	rig.t.Helper()
	if long {
		fmt.Println("FAULTS", f)
		for _, e := range f.events {
			fmt.Println("FAULTS   ", e)
		}
	} else {
		rig.t.Log(f)
		for _, e := range f.events {
			rig.t.Log("  ", e)
		}
	}
	if f.lost > 0 || f.duplicated > 0 {
		rig.t.Errorf("%d articles lost, %d duplicated; want none", f.lost, f.duplicated)
	}
	if f.alertsSent != f.alertsExpected || f.alertsDuplicated > 0 {
		rig.t.Errorf("%d alerts sent (%d twice), %d expected; want each once", f.alertsSent, f.alertsDuplicated, f.alertsExpected)
	}
	if f.neverAnnounced > 0 && !liveOnly || f.announced2 > 0 {
		rig.t.Errorf("%d articles never announced on %s, %d announced twice; want each once", f.neverAnnounced, defwatch.SubjectIndexed, f.announced2)
	}
}

// check opens the index the (stopped) index process kept and counts what
// went through: every article there exactly once, every alert in the alerts
// stream once per saved search and story.
func (rig *faultRig) check(f *figures) {
	t := rig.t
	t.Helper()
	idx, err := index.Open(filepath.Join(rig.data, "index", "main"))
	if err != nil {
		t.Fatalf("open the index: %v", err)
	}
	defer idx.Close()
	f.articles = rig.n
	ctx := t.Context()
	stories := map[string]map[string]bool{} // rule → stories it matched
	for name := range faultRules {
		stories[name] = map[string]bool{}
	}
	found := 0
	for _, id := range rig.ids {
		res, err := idx.Search(ctx, index.Request{Query: "id:" + id, Size: 1, NoFacets: true, AllCopies: true})
		if err != nil {
			t.Fatalf("search id:%s: %v", id, err)
		}
		if res.Total == 0 {
			f.lost++
			continue
		}
		found++
		h := res.Hits[0]
		for name, source := range faultRules {
			if h.Source == source {
				stories[name][h.Story] = true
			}
		}
	}
	count, err := idx.Count()
	if err != nil {
		t.Fatal(err)
	}
	f.duplicated = int(count) - found
	for _, s := range stories {
		f.alertsExpected += len(s)
	}
	if f.alertsExpected < rig.n/41 {
		t.Errorf("the saved searches match %d stories of %d articles; the test means them to match about %d", f.alertsExpected, rig.n, rig.n/41+rig.n/97)
	}

	// Every alert in the stream, by its message id (rule:story).
	sent := map[string]int{}
	s, err := rig.js.Stream(ctx, defwatch.StreamAlerts)
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && info.State.Msgs > 0; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var a defwatch.Alert
		if err := json.Unmarshal(m.Data, &a); err != nil || a.Summary == nil {
			t.Errorf("alert %d unreadable: %v", seq, err)
			continue
		}
		if !stories[a.Rule][a.Story] {
			t.Errorf("alert for %s, story %s, article %s: not a story the saved search matches", a.Rule, a.Story, a.ID)
		}
		sent[a.Rule+":"+a.Story]++
	}
	for _, n := range sent {
		f.alertsSent++
		if n > 1 {
			f.alertsDuplicated += n - 1
		}
	}

	announced, twice, again := rig.indexed.counts()
	for _, id := range rig.ids {
		switch {
		case announced[id] == 0:
			f.neverAnnounced++
		case twice[id]:
			f.announced2++
		case again[id]:
			f.announcedAgain++
		}
	}
}

// indexKilled waits until all a killed index process published has
// reached the test's analyst, then starts a new epoch of announcements. The
// server drops the process's connection once it has read all the process
// sent; a flush of the analyst's connection after that brings in what the
// server passed on before.
func (rig *faultRig) indexKilled(ns *server.Server) {
	t := rig.t
	t.Helper()
	waitFor(t, time.Minute, "the server to drop the killed index process's connection", func() bool {
		cz, err := ns.Connz(&server.ConnzOptions{Limit: 4096})
		if err != nil {
			t.Fatalf("connz: %v", err)
		}
		for _, c := range cz.Conns {
			if c.Name == "defwatch index" {
				return false
			}
		}
		return true
	})
	if err := rig.watcher.FlushTimeout(time.Minute); err != nil {
		t.Fatalf("flush the analyst's connection: %v", err)
	}
	rig.indexed.killed()
}

// localNATS starts a NATS server in the test, with the embedded server's
// users and configuration.
func localNATS(t *testing.T) (string, natsUsers, *server.Server) {
	t.Helper()
	dir := t.TempDir()
	users, _, err := natsUsersFor(dir)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := startNATS(t.Context(), freeAddr(t), filepath.Join(dir, "nats"), users.serverUsers(), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ns.Shutdown()
		ns.WaitForShutdown()
	})
	return ns.ClientURL(), users, ns
}

// TestKillStages kills the extract or the index process with SIGKILL at
// random points while an import goes through them, and starts it again at
// once, as systemd or Kubernetes would.
func TestKillStages(t *testing.T) {
	sc := scale(faultScale{articles: 400, kills: 3}, faultScale{articles: 10000, kills: 10})
	seed := faultSeed(t)
	t.Logf("kill points from seed %d (DEFWATCH_FAULT_SEED=%d to repeat)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	url, users, ns := localNATS(t)
	rig := newFaultRig(t, url, users, sc)
	start := time.Now()
	procs := map[string]*child{"index": rig.stage("index"), "extract": rig.stage("extract")}
	rig.addRules()

	importDone := make(chan error, 1)
	go func() { importDone <- rig.importAll(t.Context(), rig.ahead()) }()

	// Kill points: articles extracted, spread over the import. The index
	// commits in large batches, so its own count moves in jumps; the
	// extracted count moves with every page, and the index is at work on
	// what came before.
	points := make([]uint64, sc.kills)
	for i := range points {
		points[i] = uint64(float64(sc.articles) * (0.05 + 0.85*rng.Float64()))
	}
	slices.Sort(points)
	f := figures{name: "kill -9 stages", kills: sc.kills}
	// The two stages take turns, from a random one, so that each is killed.
	first := rng.IntN(2)
	for i, at := range points {
		target := []string{"index", "extract"}[(first+i)%2]
		// Recovered is new articles coming out of the restarted stage.
		counted := func(p progress) uint64 {
			if target == "index" {
				return p.announced
			}
			return p.extracted
		}
		var before uint64
		waitFor(t, 20*time.Minute, fmt.Sprintf("kill %d: %s at %d articles", i+1, target, at), func() bool {
			p, ok := rig.progress(t.Context())
			before = counted(p)
			if procs[target].exited() {
				t.Fatalf("%s exited by itself:\n%s", target, tail(procs[target].log.String(), 3000))
			}
			return ok && (p.extracted >= at || p.done(rig.n))
		})
		procs[target].kill(t)
		killed := time.Now()
		if target == "index" {
			rig.indexKilled(ns)
		}
		procs[target] = rig.stage(target)
		var finished bool
		waitFor(t, 10*time.Minute, fmt.Sprintf("%s to make progress again after kill %d", target, i+1), func() bool {
			procs[target].mustRun(t, fmt.Sprintf("after kill %d", i+1))
			p, ok := rig.progress(t.Context())
			finished = p.done(rig.n) && counted(p) == before
			return ok && (counted(p) > before || finished)
		})
		if finished {
			f.events = append(f.events, fmt.Sprintf("kill %d: %s at %d articles, after the last", i+1, target, before))
			continue
		}
		f.recover = append(f.recover, time.Since(killed))
		f.events = append(f.events, fmt.Sprintf("kill %d: %s at %d articles, progress again after %s", i+1, target, before, time.Since(killed).Round(10*time.Millisecond)))
	}
	if err := <-importDone; err != nil {
		t.Fatalf("import: %v", err)
	}
	rig.waitDone("every article through the pipeline")
	f.took = time.Since(start)
	procs["extract"].term(t)
	procs["index"].term(t)
	rig.check(&f)
	rig.report(f, sc.long, false)
}

// TestTermUnderLoad stops the stages with SIGTERM while they work through an
// import: each stop must be clean, and the restart must finish the work with
// nothing lost, nothing twice and no page left in the work queue.
func TestTermUnderLoad(t *testing.T) {
	sc := scale(faultScale{articles: 300, kills: 2}, faultScale{articles: 10000, kills: 5})
	seed := faultSeed(t)
	t.Logf("stop points from seed %d (DEFWATCH_FAULT_SEED=%d to repeat)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 2))
	url, users, _ := localNATS(t)
	rig := newFaultRig(t, url, users, sc)
	start := time.Now()
	stages := rig.stage("extract,index")
	rig.addRules()
	importDone := make(chan error, 1)
	go func() { importDone <- rig.importAll(t.Context(), rig.ahead()) }()
	f := figures{name: "SIGTERM under load", kills: sc.kills}
	points := make([]uint64, sc.kills)
	for i := range points {
		points[i] = uint64(float64(sc.articles) * (0.05 + 0.85*rng.Float64()))
	}
	slices.Sort(points)
	var stops []time.Duration
	for i, at := range points {
		var before uint64
		waitFor(t, 20*time.Minute, fmt.Sprintf("stop %d at %d articles", i+1, at), func() bool {
			p, ok := rig.progress(t.Context())
			before = p.extracted
			return ok && (p.extracted >= at || p.done(rig.n))
		})
		stop := stages.term(t)
		stops = append(stops, stop)
		restarted := time.Now()
		stages = rig.stage("extract,index")
		var finished bool
		waitFor(t, 10*time.Minute, "progress after a restart", func() bool {
			stages.mustRun(t, fmt.Sprintf("after stop %d", i+1))
			p, ok := rig.progress(t.Context())
			finished = p.done(rig.n) && p.extracted == before
			return ok && (p.extracted > before || finished)
		})
		if finished {
			f.events = append(f.events, fmt.Sprintf("stop %d at %d articles extracted, after the last (stopped in %s)", i+1, before, stop.Round(10*time.Millisecond)))
			continue
		}
		f.recover = append(f.recover, time.Since(restarted))
		f.events = append(f.events, fmt.Sprintf("stop %d at %d articles extracted: stopped in %s, progress %s after the restart",
			i+1, before, stop.Round(10*time.Millisecond), time.Since(restarted).Round(10*time.Millisecond)))
	}
	if err := <-importDone; err != nil {
		t.Fatalf("import: %v", err)
	}
	rig.waitDone("every article through the pipeline")
	f.took = time.Since(start)
	stops = append(stops, stages.term(t))
	sort.Slice(stops, func(i, j int) bool { return stops[i] < stops[j] })
	t.Logf("clean stops took %v", stops)
	rig.check(&f)
	rig.report(f, sc.long, false)
}

// natsCluster is three NATS servers in this test, routed to each other on
// loopback, with JetStream and the embedded server's users.
type natsCluster struct {
	t     *testing.T
	opts  []*server.Options
	nodes []*server.Server
}

func newNATSCluster(t *testing.T, users natsUsers) *natsCluster {
	t.Helper()
	c := &natsCluster{t: t}
	var routes []string
	var clusterPorts, clientPorts []int
	for range 3 {
		clusterPorts = append(clusterPorts, freePort(t))
		clientPorts = append(clientPorts, freePort(t))
	}
	for _, p := range clusterPorts {
		routes = append(routes, fmt.Sprintf("nats://127.0.0.1:%d", p))
	}
	for i := range 3 {
		o := &server.Options{
			ServerName: fmt.Sprintf("n%d", i+1), Host: "127.0.0.1", Port: clientPorts[i],
			JetStream: true, StoreDir: t.TempDir(), MaxPayload: maxPayload, NoSigs: true,
			Users:   users.serverUsers(),
			Cluster: server.ClusterOpts{Name: "defwatch", Host: "127.0.0.1", Port: clusterPorts[i]},
			Routes:  server.RoutesFromStr(strings.Join(routes, ",")),
			// A node that is taken away is gone at once, as a crashed one
			// would be, not after a lame duck period.
			LameDuckDuration: 0,
		}
		c.opts = append(c.opts, o)
		c.nodes = append(c.nodes, nil)
	}
	for i := range 3 {
		c.start(i)
	}
	t.Cleanup(func() {
		for _, n := range c.nodes {
			if n != nil {
				n.Shutdown()
				n.WaitForShutdown()
			}
		}
	})
	return c
}

func freePort(t *testing.T) int {
	t.Helper()
	_, p, _ := strings.Cut(freeAddr(t), ":")
	n, err := strconv.Atoi(p)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (c *natsCluster) start(i int) {
	c.t.Helper()
	s, err := server.NewServer(c.opts[i].Clone())
	if err != nil {
		c.t.Fatal(err)
	}
	s.Start()
	if !s.ReadyForConnections(30 * time.Second) {
		c.t.Fatalf("node %d did not start", i+1)
	}
	c.nodes[i] = s
}

func (c *natsCluster) stop(i int) {
	c.nodes[i].Shutdown()
	c.nodes[i].WaitForShutdown()
	c.nodes[i] = nil
}

func (c *natsCluster) urls() string {
	var out []string
	for _, o := range c.opts {
		out = append(out, fmt.Sprintf("nats://127.0.0.1:%d", o.Port))
	}
	return strings.Join(out, ",")
}

// current says every stream and bucket has all three replicas current.
func (c *natsCluster) current(ctx context.Context, js jetstream.JetStream) bool {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	names := js.StreamNames(ctx)
	n := 0
	for name := range names.Name() {
		s, err := js.Stream(ctx, name)
		if err != nil {
			return false
		}
		info := s.CachedInfo()
		if info.Cluster == nil || info.Cluster.Leader == "" || len(info.Cluster.Replicas) != 2 {
			return false
		}
		for _, r := range info.Cluster.Replicas {
			if !r.Current || r.Offline {
				return false
			}
		}
		n++
	}
	return names.Err() == nil && n > 0
}

// TestClusterNodeLoss runs the stages on a three-node NATS cluster with
// every stream replicated three times, and takes a node away and brings it
// back while an import goes through: nothing is lost or sent twice, and the
// pipeline carries on while the node is away.
func TestClusterNodeLoss(t *testing.T) {
	sc := scale(faultScale{articles: 300, kills: 1}, faultScale{articles: 10000, kills: 3})
	seed := faultSeed(t)
	t.Logf("node losses from seed %d (DEFWATCH_FAULT_SEED=%d to repeat)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, 3))
	dir := t.TempDir()
	users, _, err := natsUsersFor(dir)
	if err != nil {
		t.Fatal(err)
	}
	cl := newNATSCluster(t, users)
	rig := newFaultRig(t, cl.urls(), users, sc)
	waitFor(t, 2*time.Minute, "JetStream in the cluster", func() bool {
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		_, err := rig.js.AccountInfo(ctx)
		return err == nil
	})
	start := time.Now()
	stages := rig.stage("extract,index", "--replicas", "3")
	rig.addRules()
	importDone := make(chan error, 1)
	go func() { importDone <- rig.importAll(t.Context(), rig.ahead()) }()

	f := figures{name: "3-node cluster, node lost", kills: sc.kills}
	points := make([]uint64, sc.kills)
	for i := range points {
		points[i] = uint64(float64(sc.articles) * (0.1 + 0.7*rng.Float64()))
	}
	slices.Sort(points)
	for i, at := range points {
		// Not the node the test's own subscriber is on: it would miss the
		// announcements sent while it moves to another.
		var nodes []int
		for i, o := range cl.opts {
			if o.ServerName != rig.watcher.ConnectedServerName() {
				nodes = append(nodes, i)
			}
		}
		node := nodes[rng.IntN(len(nodes))]
		var before uint64
		waitFor(t, 20*time.Minute, fmt.Sprintf("node loss %d at %d articles", i+1, at), func() bool {
			p, ok := rig.progress(t.Context())
			before = p.indexed
			return ok && (p.indexed >= at || p.done(rig.n))
		})
		cl.stop(node)
		lost := time.Now()
		// The pipeline carries on with two of three nodes.
		waitFor(t, 10*time.Minute, fmt.Sprintf("progress with node %d away", node+1), func() bool {
			if stages.exited() {
				t.Fatalf("the stages exited with node %d away:\n%s", node+1, tail(stages.log.String(), 3000))
			}
			p, ok := rig.progress(t.Context())
			return ok && (p.indexed > before+uint64(sc.articles/20) || p.done(rig.n))
		})
		f.recover = append(f.recover, time.Since(lost))
		f.events = append(f.events, fmt.Sprintf("node %d away at %d articles indexed: %d more indexed within %s",
			node+1, before, sc.articles/20, time.Since(lost).Round(10*time.Millisecond)))
		cl.start(node)
		waitFor(t, 10*time.Minute, fmt.Sprintf("node %d to catch up", node+1), func() bool {
			return cl.current(t.Context(), rig.js)
		})
	}
	if err := <-importDone; err != nil {
		t.Fatalf("import: %v", err)
	}
	rig.waitDone("every article through the pipeline")
	waitFor(t, 10*time.Minute, "every replica current", func() bool { return cl.current(t.Context(), rig.js) })
	f.took = time.Since(start)
	stages.term(t)
	rig.check(&f)
	rig.report(f, sc.long, true)
}
