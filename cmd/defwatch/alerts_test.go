package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/alert"
)

const seedID = "seed-9780abf448872f11"

// polish is an article about a Polish exercise with 2,500 soldiers: troop
// figures, but no Ukraine.
var polish = archiveRecord{
	ID: "pl-anakonda", URL: "https://example.pl/anakonda", Source: "example.pl", Lang: "en",
	Published: "2025-04-09T08:00:00Z", Title: "Poland wraps up Anakonda drills",
	Text: "WARSAW — About 2,500 Polish soldiers took part in the Anakonda exercise at the Drawsko Pomorskie " +
		"training area this week, the Polish armed forces said on Wednesday.\n\nUnits from Lithuania and Latvia " +
		"joined the drills, which tested river crossings and air defence. The exercise ends on Friday.",
}

// uaTroops is a second article the ua-troops rule finds, of another story.
var uaTroops = archiveRecord{
	ID: "ua-brigades", URL: "https://example.org/ua-brigades", Source: "example.org", Lang: "en",
	Published: "2025-04-12T10:00:00Z", Title: "Ukraine forms new brigades",
	Text: "KYIV — Ukraine is forming four new brigades with about 12,000 troops, the defence ministry in Kyiv " +
		"said on Saturday. The brigades are to be ready by the summer, officials said.",
}

// seedRecord returns the seed's archive line, and a copy of it run by
// another outlet under another address (a wire story).
func seedRecord(t *testing.T) (seed, copied archiveRecord) {
	t.Helper()
	for _, line := range archiveLines(t) {
		var r archiveRecord
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		if r.ID == seedID {
			c := r
			c.ID, c.URL, c.Source = "seed-copy", "https://wire.example.com/nato-host", "wire.example.com"
			return r, c
		}
	}
	t.Fatal("no seed in the archive")
	return
}

// archiveLines reads the archive's lines.
func archiveLines(tb testing.TB) [][]byte {
	tb.Helper()
	f, err := os.Open(archive)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	in, err := maybeGunzip(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out [][]byte
	for sc.Scan() {
		out = append(out, bytes.Clone(sc.Bytes()))
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// natsClient connects to the embedded server at url as the stages' user,
// which may look at everything, closing the connection when the test ends.
func natsClient(tb testing.TB, url string) (*nats.Conn, jetstream.JetStream) {
	tb.Helper()
	return natsClientAs(tb, url, natsUserStages)
}

// natsClientAs connects to the embedded server at url as user.
func natsClientAs(tb testing.TB, url, user string) (*nats.Conn, jetstream.JetStream) {
	tb.Helper()
	opts := []nats.Option{nats.UserInfo(user, natsPassword(tb, url, user))}
	if user == natsUserStages {
		opts = append(opts, nats.CustomInboxPrefix(stagesInbox))
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(nc.Close)
	js, err := jetstream.New(nc)
	if err != nil {
		tb.Fatal(err)
	}
	return nc, js
}

func writeArchive(t *testing.T, recs ...archiveRecord) string {
	t.Helper()
	var b bytes.Buffer
	for _, r := range recs {
		line, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	p := filepath.Join(t.TempDir(), "a.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// inbox collects what a plain NATS subscriber receives.
type inbox struct {
	mu   sync.Mutex
	msgs []*nats.Msg
}

func subscribe(t *testing.T, nc *nats.Conn, subject string) *inbox {
	t.Helper()
	in := &inbox{}
	_, err := nc.Subscribe(subject, func(m *nats.Msg) {
		in.mu.Lock()
		in.msgs = append(in.msgs, m)
		in.mu.Unlock()
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := nc.Flush(); err != nil {
		t.Fatal(err)
	}
	return in
}

// markerHeader marks the messages settle publishes.
const markerHeader = "Defwatch-Test-Marker"

// settle waits until whatever reached the server on subject before now has
// reached the inbox too: a marker published after it on the same subject
// arrives after it.
func (in *inbox) settle(t *testing.T, nc *nats.Conn, subject string) {
	t.Helper()
	m := nats.NewMsg(subject)
	m.Header.Set(markerHeader, subject)
	m.Data = []byte("{}")
	if err := nc.PublishMsg(m); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 10*time.Second, "the marker on "+subject, func() bool {
		in.mu.Lock()
		defer in.mu.Unlock()
		return slices.ContainsFunc(in.msgs, func(m *nats.Msg) bool { return m.Header.Get(markerHeader) == subject })
	})
}

// received is what the inbox holds but the markers.
func (in *inbox) received() []*nats.Msg {
	in.mu.Lock()
	defer in.mu.Unlock()
	return slices.DeleteFunc(slices.Clone(in.msgs), func(m *nats.Msg) bool { return m.Header.Get(markerHeader) != "" })
}

func (in *inbox) len() int { return len(in.received()) }

// alerts decodes every alert received.
func (in *inbox) alerts(t *testing.T) []defwatch.Alert {
	t.Helper()
	msgs := in.received()
	out := make([]defwatch.Alert, len(msgs))
	for i, m := range msgs {
		if err := json.Unmarshal(m.Data, &out[i]); err != nil {
			t.Fatalf("alert on %s: %v: %s", m.Subject, err, m.Data)
		}
	}
	return out
}

// ids are the article ids of the announcements received.
func (in *inbox) ids(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, m := range in.received() {
		var s defwatch.Summary
		if err := json.Unmarshal(m.Data, &s); err != nil {
			t.Fatalf("announcement on %s: %v", m.Subject, err)
		}
		out = append(out, s.ID)
	}
	return out
}

func (in *inbox) waitFor(t *testing.T, id string) {
	t.Helper()
	waitFor(t, 30*time.Second, "announcement of "+id, func() bool { return slices.Contains(in.ids(t), id) })
}

func alertsCmd(t *testing.T, natsAddr string, args ...string) (string, error) {
	t.Helper()
	var out, errs bytes.Buffer
	args = append([]string{"alerts", args[0], "--nats", "nats://" + natsAddr, "--data", embeddedData(t, natsAddr)}, args[1:]...)
	err := Run(t.Context(), args, nil, &out, &errs)
	return out.String() + errs.String(), err
}

// TestAlerts is the alert consumer's story: a saved search, an article
// it finds and one it does not, duplicates and wire copies, a consumer
// that was away, a restart that rebuilds the index, a digest, a webhook.
func TestAlerts(t *testing.T) {
	was := alert.DigestCheck
	alert.DigestCheck = 100 * time.Millisecond
	t.Cleanup(func() { alert.DigestCheck = was })
	data, natsAddr := t.TempDir(), freeAddr(t)
	r := startRun(t, "--data", data, "--nats-listen", natsAddr, "--listen", freeAddr(t), "--allow-private")

	nc, js := natsClient(t, "nats://"+natsAddr)
	alerts := subscribe(t, nc, "defwatch.alerts.>")
	indexed := subscribe(t, nc, "defwatch.indexed")
	ua := subscribe(t, nc, "defwatch.nations.UA")
	pl := subscribe(t, nc, "defwatch.nations.PL")
	troops := subscribe(t, nc, "defwatch.troops.>")
	// A bot with a durable consumer that reads nothing until later.
	bot, err := js.CreateConsumer(t.Context(), defwatch.StreamAlerts, jetstream.ConsumerConfig{
		Durable: "bot", FilterSubject: "defwatch.alerts.ua-troops", AckPolicy: jetstream.AckExplicitPolicy,
	})
	if err != nil {
		t.Fatal(err)
	}

	var hookMu sync.Mutex
	var hooked []defwatch.Alert
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var a defwatch.Alert
		if err := json.NewDecoder(req.Body).Decode(&a); err != nil || req.Header.Get("Idempotency-Key") == "" {
			t.Errorf("webhook got an unreadable alert (%v) or no Idempotency-Key", err)
		}
		hookMu.Lock()
		hooked = append(hooked, a)
		hookMu.Unlock()
	}))
	defer hook.Close()

	t.Run("add, refuse, list", func(t *testing.T) {
		out, err := alertsCmd(t, natsAddr, "add", "ua-troops", "nation:UA troops:>=1000")
		if err != nil || !strings.Contains(out, "added ua-troops") || !strings.Contains(out, "defwatch.alerts.ua-troops") {
			t.Fatalf("add: %v %q", err, out)
		}
		if out, err := alertsCmd(t, natsAddr, "add", "--webhook", hook.URL, "hooked", "nation:UA"); err != nil {
			t.Fatalf("add with webhook: %v %q", err, out)
		}
		for _, bad := range [][]string{
			{"add", "bad", "troops:>=lots"},
			{"add", "bad", `"unclosed`},
			{"add", "a.b", "nation:UA"},
			{"add", "--digest", "10s", "bad", "nation:UA"},
			{"add", "--webhook", "ftp://x", "bad", "nation:UA"},
			{"rm", "missing"},
			{"add", "late", "nation:UA", "--digest", "1h"},
		} {
			out, err := alertsCmd(t, natsAddr, bad...)
			if err == nil {
				t.Errorf("%v: accepted (%q)", bad, out)
			}
		}
		out, err = alertsCmd(t, natsAddr, "list")
		if err != nil || !strings.Contains(out, "ua-troops") || !strings.Contains(out, "nation:UA troops:>=1000") || strings.Contains(out, "bad") {
			t.Errorf("list: %v\n%s", err, out)
		}
	})

	seed, copied := seedRecord(t)
	t.Run("one alert for the seed, none for the Polish exercise", func(t *testing.T) {
		importFile(t, natsAddr, writeArchive(t, polish, seed))
		indexed.waitFor(t, polish.ID)
		indexed.waitFor(t, seed.ID)
		waitFor(t, 10*time.Second, "the alert", func() bool { return alerts.len() >= 2 })
		time.Sleep(time.Second) // time for a wrong second alert to show
		var got []defwatch.Alert
		for _, a := range alerts.alerts(t) {
			if a.Rule == "ua-troops" {
				got = append(got, a)
			}
		}
		if len(got) != 1 {
			t.Fatalf("ua-troops: %d alerts, want 1: %+v", len(got), got)
		}
		a := got[0]
		if a.Kind != defwatch.AlertMatch || a.Query != "nation:UA troops:>=1000" || a.ID != seedID ||
			a.Story != seedID || a.URL == "" || !strings.HasPrefix(a.Title, "NATO to host defense leaders") ||
			a.Snippet == "" || len(a.Meetings) == 0 || a.Indexed.IsZero() {
			t.Errorf("alert: %+v", a)
		}
		checkSeedTags(t, &defwatch.Article{Nations: a.Nations, Troops: a.Troops})
		if ids := ua.ids(t); !slices.Equal(ids, []string{seedID}) {
			t.Errorf("defwatch.nations.UA: %v", ids)
		}
		if ids := pl.ids(t); !slices.Contains(ids, polish.ID) {
			t.Errorf("defwatch.nations.PL: %v, want the Polish exercise", ids)
		}
		if ids := troops.ids(t); !slices.Contains(ids, polish.ID) || !slices.Contains(ids, seedID) {
			t.Errorf("defwatch.troops.>: %v, want both", ids)
		}
		waitFor(t, 10*time.Second, "the webhook", func() bool {
			hookMu.Lock()
			defer hookMu.Unlock()
			return len(hooked) == 1
		})
		hookMu.Lock()
		if hooked[0].Rule != "hooked" || hooked[0].ID != seedID {
			t.Errorf("webhook got %+v", hooked[0])
		}
		hookMu.Unlock()
	})

	t.Run("duplicates and wire copies alert once", func(t *testing.T) {
		before := alerts.len()
		importFile(t, natsAddr, writeArchive(t, seed, copied, polish))
		indexed.waitFor(t, copied.ID)
		time.Sleep(time.Second)
		if n := alerts.len(); n != before {
			t.Errorf("%d more alerts, want none: %+v", n-before, alerts.alerts(t)[before:])
		}
		for _, m := range indexed.msgs {
			var s defwatch.Summary
			if json.Unmarshal(m.Data, &s) == nil && s.ID == copied.ID && s.Story != seedID {
				t.Errorf("the copy's story is %q, want the seed's", s.Story)
			}
		}
	})

	t.Run("tail prints alerts", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
		defer cancel()
		var out bytes.Buffer
		err := Run(ctx, []string{"alerts", "tail", "--nats", "nats://" + natsAddr, "--data", data, "--since", "1h", "ua-troops"}, nil, &out, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "== ua-troops") || !strings.Contains(out.String(), "NATO to host defense leaders") ||
			strings.Count(out.String(), "== ") != 1 {
			t.Errorf("tail printed:\n%s", out.String())
		}
	})

	// defwatch goes down and its index is lost; the rebuild from the
	// stream alerts nothing again, and a new article still alerts.
	r.stop(t)
	if err := os.RemoveAll(filepath.Join(data, "index")); err != nil {
		t.Fatal(err)
	}
	before := alerts.len()
	r = startRun(t, "--data", data, "--nats-listen", natsAddr, "--listen", freeAddr(t), "--allow-private")
	waitForTotal(t, r.api, "*", 3)
	nc.Flush()
	time.Sleep(time.Second)
	if n := alerts.len(); n != before {
		t.Errorf("rebuilding the index sent %d alerts again", n-before)
	}

	t.Run("digest", func(t *testing.T) {
		// The command refuses periods under a minute; the test writes its
		// rule straight into the bucket.
		kv, err := js.KeyValue(t.Context(), defwatch.KVRules)
		if err != nil {
			t.Fatal(err)
		}
		rule, _ := json.Marshal(defwatch.Rule{Query: "troops:>=1000", Digest: defwatch.Duration(2 * time.Second)})
		if _, err := kv.Put(t.Context(), "daily", rule); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond) // for the alerter to see it
		importFile(t, natsAddr, writeArchive(t, uaTroops))
		indexed.waitFor(t, uaTroops.ID)
		var digest defwatch.Alert
		waitFor(t, 15*time.Second, "the digest", func() bool {
			for _, a := range alerts.alerts(t) {
				if a.Rule == "daily" {
					digest = a
					return true
				}
			}
			return false
		})
		if digest.Kind != defwatch.AlertDigest || len(digest.Matches) != 1 || digest.Matches[0].ID != uaTroops.ID ||
			digest.Summary != nil || !digest.From.Before(digest.To) {
			t.Errorf("digest: %+v", digest)
		}

		// A rule that stops being a digest sends what was waiting at once.
		hourly, _ := json.Marshal(defwatch.Rule{Query: "nation:FR", Digest: defwatch.Duration(time.Hour)})
		if _, err := kv.Put(t.Context(), "hourly", hourly); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		fr := archiveRecord{ID: "fr-rafale", URL: "https://example.fr/rafale", Source: "example.fr", Lang: "en",
			Published: "2025-04-13T09:00:00Z", Title: "France orders more Rafale jets",
			Text: "PARIS — France ordered 42 more Rafale fighter jets on Sunday, the armed forces ministry said."}
		importFile(t, natsAddr, writeArchive(t, fr))
		indexed.waitFor(t, fr.ID)
		digests, err := js.Stream(t.Context(), defwatch.StreamDigest)
		if err != nil {
			t.Fatal(err)
		}
		waitFor(t, 10*time.Second, "the match to wait for its digest", func() bool {
			info, err := digests.Info(t.Context(), jetstream.WithSubjectFilter("defwatch.digest.hourly"))
			return err == nil && info.State.Subjects["defwatch.digest.hourly"] == 1
		})
		plain, _ := json.Marshal(defwatch.Rule{Query: "nation:FR"})
		if _, err := kv.Put(t.Context(), "hourly", plain); err != nil {
			t.Fatal(err)
		}
		waitFor(t, 10*time.Second, "the last digest", func() bool {
			for _, a := range alerts.alerts(t) {
				if a.Rule == "hourly" && a.Kind == defwatch.AlertDigest && len(a.Matches) == 1 && a.Matches[0].ID == fr.ID {
					return true
				}
			}
			return false
		})
	})

	t.Run("a consumer that was away gets every alert", func(t *testing.T) {
		batch, err := bot.Fetch(10, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for m := range batch.Messages() {
			var a defwatch.Alert
			if err := json.Unmarshal(m.Data(), &a); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, a.ID)
			m.Ack()
		}
		if !slices.Equal(ids, []string{seedID, uaTroops.ID}) {
			t.Errorf("bot read %v", ids)
		}
	})

	t.Run("rm stops the alerts", func(t *testing.T) {
		if out, err := alertsCmd(t, natsAddr, "rm", "ua-troops"); err != nil || !strings.Contains(out, "removed ua-troops") {
			t.Fatalf("rm: %v %q", err, out)
		}
		time.Sleep(200 * time.Millisecond)
		before := alerts.len()
		again := uaTroops
		again.ID, again.URL, again.Text = "ua-later", "https://example.org/ua-later", "Ukraine said 5,000 troops would rotate to the front next month, in a plan unlike the last."
		importFile(t, natsAddr, writeArchive(t, again))
		indexed.waitFor(t, again.ID)
		time.Sleep(time.Second)
		for _, a := range alerts.alerts(t)[before:] {
			if a.Rule == "ua-troops" {
				t.Errorf("removed rule alerted: %+v", a)
			}
		}
	})
}

// TestTwoAlertingReplicas runs two index replicas, both alerting: each
// article is still announced once, and each alert sent once.
func TestTwoAlertingReplicas(t *testing.T) {
	natsAddr := freeAddr(t)
	natsURL := "nats://" + natsAddr
	startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--stages", "extract")
	waitFor(t, 20*time.Second, "the embedded NATS server", func() bool {
		c, err := net.Dial("tcp", natsAddr)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
	nc, js := natsClient(t, natsURL)
	// The port opens before the first stage has made the streams and
	// buckets; the rule goes in once they are there.
	waitFor(t, 20*time.Second, "the saved-search bucket", func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := js.KeyValue(ctx, defwatch.KVRules)
		return err == nil
	})
	alerts := subscribe(t, nc, "defwatch.alerts.>")
	indexed := subscribe(t, nc, "defwatch.indexed")
	if out, err := alertsCmd(t, natsAddr, "add", "ua-troops", "nation:UA troops:>=1000"); err != nil {
		t.Fatalf("add: %v %q", err, out)
	}
	startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "index", "--index-name", "a")
	startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "index", "--index-name", "b")

	seed, _ := seedRecord(t)
	importFile(t, natsAddr, writeArchive(t, polish, seed))
	waitFor(t, 30*time.Second, "both replicas to index both articles", func() bool {
		for _, name := range []string{"index-a", "index-b"} {
			c, err := js.Consumer(t.Context(), defwatch.StreamArticles, name)
			if err != nil {
				return false
			}
			if info := c.CachedInfo(); info.AckFloor.Stream < 2 || info.NumAckPending > 0 {
				return false
			}
		}
		return true
	})
	// Both replicas acknowledged both articles, and each announces and
	// alerts before it acknowledges.
	indexed.settle(t, nc, defwatch.SubjectIndexed)
	alerts.settle(t, nc, defwatch.SubjectAlerts+".ua-troops")
	if ids := indexed.ids(t); len(ids) != 2 || !slices.Contains(ids, seedID) || !slices.Contains(ids, polish.ID) {
		t.Errorf("defwatch.indexed: %v, want each article once", ids)
	}
	if got := alerts.alerts(t); len(got) != 1 || got[0].ID != seedID {
		t.Errorf("%d alerts, want one for the seed: %+v", len(got), got)
	}
}
