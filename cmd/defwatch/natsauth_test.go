package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// guardedConn is a connection that reports the permission errors the
// server sends it.
type guardedConn struct {
	nc     *nats.Conn
	js     jetstream.JetStream
	denied chan error
}

func connectAs(t *testing.T, url, user, password string) *guardedConn {
	t.Helper()
	g := &guardedConn{denied: make(chan error, 64)}
	nc, err := nats.Connect(url, nats.UserInfo(user, password), nats.CustomInboxPrefix(inboxOf(user)), nats.ErrorHandler(func(_ *nats.Conn, _ *nats.Subscription, err error) {
		if errors.Is(err, nats.ErrPermissionViolation) {
			g.denied <- err
		}
	}))
	if err != nil {
		t.Fatalf("connect as %s: %v", user, err)
	}
	t.Cleanup(nc.Close)
	g.nc = nc
	if g.js, err = jetstream.New(nc); err != nil {
		t.Fatal(err)
	}
	return g
}

// refused runs op, which uses subject, and asserts the server refused it
// for want of permission. A refused request gets no reply, so op is cut
// short once the refusal arrives; refusals of earlier ops that arrive late
// are told apart by their subject.
func (g *guardedConn) refused(t *testing.T, subject string, op func(ctx context.Context) error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- op(ctx) }()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case err := <-g.denied:
			if strings.Contains(err.Error(), `"`+subject+`"`) {
				cancel()
				<-done
				return
			}
		case <-deadline:
			cancel()
			t.Errorf("%s: no permissions violation within 30s (op: %v); want it refused", subject, <-done)
			return
		}
	}
}

// publish is a core publish confirmed by a round trip, so any refusal has
// arrived by the time it returns.
func (g *guardedConn) publish(subject string, data []byte) func(context.Context) error {
	return func(ctx context.Context) error {
		if err := g.nc.Publish(subject, data); err != nil {
			return err
		}
		return g.nc.FlushWithContext(ctx)
	}
}

func streamCount(t *testing.T, js jetstream.JetStream, name string) uint64 {
	t.Helper()
	s, err := js.Stream(t.Context(), name)
	if err != nil {
		t.Fatalf("stream %s: %v", name, err)
	}
	info, err := s.Info(t.Context())
	if err != nil {
		t.Fatalf("stream %s: %v", name, err)
	}
	return info.State.Msgs
}

// TestNATSPermissions tries, as each user of the embedded server and as
// nobody, what an attacker on the NATS port would: forge a page, an article
// or an alert, delete a stream or a bucket, remove a saved search. Only the
// stages may write the pipeline's streams; the analyst reads alerts and
// searches; the admin manages saved searches and imports.
func TestNATSPermissions(t *testing.T) {
	data, natsAddr := t.TempDir(), freeAddr(t)
	url := "nats://" + natsAddr
	startRun(t, "--data", data, "--nats-listen", natsAddr, "--listen", freeAddr(t))
	_, stages := natsClient(t, url)
	users, err := loadNATSUsers(data)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(data, natsUsersFile)); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("users file: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
	analyst := connectAs(t, url, natsUserAnalyst, users[natsUserAnalyst])
	admin := connectAs(t, url, natsUserAdmin, users[natsUserAdmin])

	t.Run("nobody", func(t *testing.T) {
		for _, opts := range [][]nats.Option{nil, {nats.UserInfo(natsUserAnalyst, "guess")}, {nats.UserInfo(natsUserStages, users[natsUserAdmin])}} {
			nc, err := nats.Connect(url, opts...)
			if err == nil {
				nc.Close()
				t.Errorf("connected with %d options, want the server to refuse", len(opts))
			} else if !errors.Is(err, nats.ErrAuthorization) {
				t.Errorf("got %v, want an authorization violation", err)
			}
		}
	})

	// A saved search the attackers will try to remove, and an article the
	// analyst should be told about.
	if out, err := alertsCmd(t, natsAddr, "add", "ua", "nation:UA"); err != nil {
		t.Fatalf("admin adds a saved search: %v %s", err, out)
	}
	alerts := make(chan *nats.Msg, 16)
	if _, err := analyst.nc.ChanSubscribe("defwatch.alerts.>", alerts); err != nil {
		t.Fatal(err)
	}
	indexed := make(chan *nats.Msg, 16)
	if _, err := analyst.nc.ChanSubscribe(defwatch.SubjectIndexed, indexed); err != nil {
		t.Fatal(err)
	}
	if err := analyst.nc.Flush(); err != nil {
		t.Fatal(err)
	}
	seed, _ := seedRecord(t)
	importFile(t, natsAddr, writeArchive(t, seed))

	t.Run("analyst reads alerts and announcements and searches", func(t *testing.T) {
		for name, ch := range map[string]chan *nats.Msg{"alert": alerts, "announcement": indexed} {
			select {
			case m := <-ch:
				if !strings.Contains(string(m.Data), seedID) {
					t.Errorf("%s on %s is not about the seed: %.200s", name, m.Subject, m.Data)
				}
			case <-time.After(90 * time.Second):
				t.Fatalf("no %s reached the analyst", name)
			}
		}
		m, err := analyst.nc.Request(defwatch.SubjectSearch, []byte(`{"q": "nation:UA", "size": 1}`), 30*time.Second)
		if err != nil {
			t.Fatalf("search request: %v", err)
		}
		var rep struct{ Result *index.Result }
		if err := json.Unmarshal(m.Data, &rep); err != nil || rep.Result == nil || rep.Result.Total != 1 {
			t.Errorf("search reply %.300s (%v), want one hit", m.Data, err)
		}
		if _, err := analyst.nc.Request(defwatch.SubjectArticleGet, []byte(seedID), 30*time.Second); err != nil {
			t.Errorf("article request: %v", err)
		}
	})

	pagesBefore := streamCount(t, stages, defwatch.StreamPages)
	articlesBefore := streamCount(t, stages, defwatch.StreamArticles)
	alertsBefore := streamCount(t, stages, defwatch.StreamAlerts)
	forged := []byte(`{"id":"forged","url":"https://www.nato.int/forged","source":"nato.int","title":"NATO withdraws all troops","text":"NATO withdraws all troops."}`)

	for _, c := range []struct {
		user string
		conn *guardedConn
	}{{natsUserAnalyst, analyst}, {natsUserAdmin, admin}} {
		t.Run(c.user+" cannot forge or destroy", func(t *testing.T) {
			g := c.conn
			g.refused(t, defwatch.SubjectPages, g.publish(defwatch.SubjectPages, forged))
			g.refused(t, defwatch.SubjectPages, func(ctx context.Context) error {
				_, err := g.js.Publish(ctx, defwatch.SubjectPages, forged)
				return err
			})
			g.refused(t, defwatch.ArticleSubject("en"), g.publish(defwatch.ArticleSubject("en"), forged))
			g.refused(t, defwatch.SubjectAlerts+".ua", g.publish(defwatch.SubjectAlerts+".ua", forged))
			g.refused(t, defwatch.SubjectIndexed, g.publish(defwatch.SubjectIndexed, forged))
			g.refused(t, defwatch.SubjectSearch, func(ctx context.Context) error {
				_, err := g.nc.QueueSubscribe(defwatch.SubjectSearch, index.QueueGroup, func(*nats.Msg) {})
				if err != nil {
					return err
				}
				return g.nc.FlushWithContext(ctx)
			})
			g.refused(t, defwatch.SubjectPages, func(ctx context.Context) error {
				if _, err := g.nc.Subscribe(defwatch.SubjectPages, func(*nats.Msg) {}); err != nil {
					return err
				}
				return g.nc.FlushWithContext(ctx)
			})
			g.refused(t, "$JS.API.STREAM.DELETE."+defwatch.StreamArticles, func(ctx context.Context) error { return g.js.DeleteStream(ctx, defwatch.StreamArticles) })
			g.refused(t, "$JS.API.STREAM.PURGE."+defwatch.StreamPages, func(ctx context.Context) error {
				_, err := g.nc.RequestWithContext(ctx, "$JS.API.STREAM.PURGE."+defwatch.StreamPages, nil)
				return err
			})
			g.refused(t, "$JS.API.STREAM.DELETE.KV_"+defwatch.KVRules, func(ctx context.Context) error { return g.js.DeleteKeyValue(ctx, defwatch.KVRules) })
			g.refused(t, "$JS.API.CONSUMER.DELETE."+defwatch.StreamArticles+".index-main", func(ctx context.Context) error {
				return g.js.DeleteConsumer(ctx, defwatch.StreamArticles, "index-main")
			})
			g.refused(t, "$KV."+defwatch.KVAlerted+".ua.x", g.publish("$KV."+defwatch.KVAlerted+".ua.x", []byte("sent")))
			// The answers others were given: pulled pages, saved searches.
			for _, other := range []string{"_INBOX.>", stagesInbox + ".>", analystInbox + ".>", adminInbox + ".>"} {
				if other == inboxOf(c.user)+".>" {
					continue
				}
				g.refused(t, other, func(ctx context.Context) error {
					if _, err := g.nc.Subscribe(other, func(*nats.Msg) {}); err != nil {
						return err
					}
					return g.nc.FlushWithContext(ctx)
				})
			}
		})
	}
	t.Run("analyst cannot change saved searches or import", func(t *testing.T) {
		analyst.refused(t, "$KV."+defwatch.KVRules+".ua", analyst.publish("$KV."+defwatch.KVRules+".ua", nil))
		analyst.refused(t, "$KV."+defwatch.KVRules+".mine", analyst.publish("$KV."+defwatch.KVRules+".mine", []byte(`{"query":"*"}`)))
		analyst.refused(t, defwatch.SubjectImport, analyst.publish(defwatch.SubjectImport, forged))
		analyst.refused(t, "$JS.API.STREAM.INFO.KV_"+defwatch.KVRules, func(ctx context.Context) error {
			_, err := analyst.js.KeyValue(ctx, defwatch.KVRules)
			return err
		})
	})

	t.Run("nothing changed", func(t *testing.T) {
		if got := streamCount(t, stages, defwatch.StreamPages); got != pagesBefore {
			t.Errorf("pages stream: %d messages, was %d", got, pagesBefore)
		}
		if got := streamCount(t, stages, defwatch.StreamArticles); got != articlesBefore {
			t.Errorf("articles stream: %d messages, was %d", got, articlesBefore)
		}
		if got := streamCount(t, stages, defwatch.StreamAlerts); got != alertsBefore {
			t.Errorf("alerts stream: %d messages, was %d", got, alertsBefore)
		}
		kv, err := stages.KeyValue(t.Context(), defwatch.KVRules)
		if err != nil {
			t.Fatalf("rules bucket: %v", err)
		}
		if _, err := kv.Get(t.Context(), "ua"); err != nil {
			t.Errorf("saved search ua: %v", err)
		}
		if _, err := kv.Get(t.Context(), "mine"); err == nil {
			t.Error("the analyst's saved search was stored")
		}
	})

	t.Run("admin follows the alerts stream with a durable consumer", func(t *testing.T) {
		cons, err := admin.js.CreateOrUpdateConsumer(t.Context(), defwatch.StreamAlerts, jetstream.ConsumerConfig{
			Durable: "bot", AckPolicy: jetstream.AckExplicitPolicy, FilterSubject: "defwatch.alerts.ua"})
		if err != nil {
			t.Fatal(err)
		}
		batch, err := cons.Fetch(1, jetstream.FetchMaxWait(10*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		var got int
		for m := range batch.Messages() {
			got++
			if err := m.DoubleAck(t.Context()); err != nil {
				t.Errorf("ack: %v", err)
			}
		}
		if got != 1 {
			t.Errorf("fetched %d alerts, want the seed's", got)
		}
	})

	t.Run("admin manages saved searches", func(t *testing.T) {
		kv, err := admin.js.KeyValue(t.Context(), defwatch.KVRules)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := kv.Put(t.Context(), "ru", []byte(`{"name":"ru","query":"nation:RU"}`)); err != nil {
			t.Errorf("put: %v", err)
		}
		keys, err := kv.ListKeys(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for k := range keys.Keys() {
			names = append(names, k)
		}
		if strings.Join(names, ",") != "ua,ru" && strings.Join(names, ",") != "ru,ua" {
			t.Errorf("keys %v, want ua and ru", names)
		}
		if err := kv.Delete(t.Context(), "ru"); err != nil {
			t.Errorf("delete: %v", err)
		}
		if out, err := alertsCmd(t, natsAddr, "list"); err != nil || !strings.Contains(out, "nation:UA") {
			t.Errorf("alerts list: %v %s", err, out)
		}
	})
}

func TestNATSUsersKeptAcrossRestarts(t *testing.T) {
	data := t.TempDir()
	var first syncBuffer
	r := startRunOut(t, &first, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	users, err := loadNATSUsers(data)
	if err != nil {
		t.Fatal(err)
	}
	r.stop(t)
	out := first.String()
	for _, want := range []string{"--user analyst --password=" + users[natsUserAnalyst], "--user admin --password=" + users[natsUserAdmin], natsUsersFile} {
		if !strings.Contains(out, want) {
			t.Errorf("the first start does not print %q:\n%s", want, out)
		}
	}
	var second syncBuffer
	r = startRunOut(t, &second, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	r.stop(t)
	again, err := loadNATSUsers(data)
	if err != nil {
		t.Fatal(err)
	}
	if again[natsUserAnalyst] != users[natsUserAnalyst] || again[natsUserStages] != users[natsUserStages] {
		t.Error("the passwords changed across a restart")
	}
	if strings.Contains(second.String(), users[natsUserAnalyst]) {
		t.Error("a restart prints the passwords again")
	}
}

// A generated password never starts with "-", which the nats CLI (and most
// tools) would take for a flag; one in 64 of URL-safe base64 strings does.
func TestNewPasswordsNeverLookLikeFlags(t *testing.T) {
	for range 2000 {
		p, err := newPassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(p) != 32 || p[0] == '-' {
			t.Fatalf("password %q: want 32 characters, not starting with -", p)
		}
	}
}
