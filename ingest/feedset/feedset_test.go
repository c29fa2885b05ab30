package feedset_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest"
	"github.com/defwatch/defwatch/ingest/feedset"
	"github.com/defwatch/defwatch/ingest/internal/natstest"
)

func openSet(t *testing.T) *feedset.Store {
	t.Helper()
	_, js := natstest.Connect(t, natstest.Start(t, 0).ClientURL())
	if _, err := feedset.Open(context.Background(), js); err == nil || !strings.Contains(err.Error(), "defwatch run") {
		t.Errorf("opening a set that is not there: %v, want a hint to start defwatch run", err)
	}
	if err := feedset.Setup(context.Background(), js, 1); err != nil {
		t.Fatal(err)
	}
	set, err := feedset.Open(context.Background(), js)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestStore(t *testing.T) {
	set := openSet(t)
	ctx := context.Background()
	for _, u := range []string{"https://a.example/rss", "https://b.example/atom"} {
		if ok, err := set.Add(ctx, defwatch.Feed{URL: u, Tags: []string{"UA"}}); !ok || err != nil {
			t.Fatalf("add %s: %v, %v", u, ok, err)
		}
	}
	if ok, err := set.Add(ctx, defwatch.Feed{URL: "https://a.example/rss", Tags: []string{"other"}}); ok || err != nil {
		t.Errorf("adding again: %v, %v; want no change", ok, err)
	}
	if f, _ := set.Get(ctx, "https://a.example/rss"); !slices.Equal(f.Tags, []string{"UA"}) || f.State != defwatch.FeedNew || f.Added.IsZero() {
		t.Errorf("feed after a second add: %+v", f)
	}
	for _, bad := range []defwatch.Feed{
		{URL: "a.example/rss"}, {URL: "ftp://a.example/rss"}, {URL: "https://" + strings.Repeat("a", 3000)},
		{URL: "https://c.example/", Interval: defwatch.Duration(time.Second)},
		{URL: "https://c.example/", Tags: []string{"line\nbreak"}}, {URL: "https://c.example/", Kind: "podcast"},
	} {
		var invalid *feedset.InvalidError
		if _, err := set.Add(ctx, bad); !errors.As(err, &invalid) {
			t.Errorf("%+v: got %v, want an InvalidError", bad, err)
		}
	}
	if _, err := set.SetEnabled(ctx, "https://b.example/atom", false, "paused"); err != nil {
		t.Fatal(err)
	}
	st := feedset.State{URL: "https://a.example/rss"}
	st.Failures, st.FailingSince, st.LastError, st.LastPoll = 2, time.Now(), "HTTP 404", time.Now()
	if err := set.SaveState(ctx, defwatch.FeedKey("https://a.example/rss"), &st); err != nil {
		t.Fatal(err)
	}
	feeds, err := set.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 2 || feeds[0].State != defwatch.FeedFailing || feeds[1].State != defwatch.FeedDisabled ||
		feeds[1].DisabledBecause != "paused" || feeds[0].Health.LastError != "HTTP 404" {
		t.Errorf("list, failing first: %+v", feeds)
	}
	if err := set.Remove(ctx, "https://a.example/rss"); err != nil {
		t.Fatal(err)
	}
	if err := set.Remove(ctx, "https://a.example/rss"); !errors.Is(err, feedset.ErrNoFeed) {
		t.Errorf("removing twice: %v", err)
	}
	if _, rev, _ := set.LoadState(ctx, defwatch.FeedKey("https://a.example/rss")); rev != 0 {
		t.Error("a removed feed's state is kept")
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	feeds := []defwatch.FeedStatus{
		{Feed: defwatch.Feed{URL: "https://a.example/rss?x=1&y=2", Tags: []string{"UA", "MoD"}}, Health: defwatch.FeedHealth{Title: `News & "views"`}},
		{Feed: defwatch.Feed{URL: "https://b.example/atom"}},
	}
	var buf bytes.Buffer
	if err := feedset.WriteOPML(&buf, feeds, time.Now()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "feeds.opml")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ingest.ReadFeedList(path)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{feeds[0].URL, feeds[1].URL}) {
		t.Errorf("read back %q\n%s", got, buf.String())
	}
}

func TestAPI(t *testing.T) {
	set := openSet(t)
	srv := httptest.NewServer(set.Handler(slog.New(slog.DiscardHandler)))
	defer srv.Close()
	do := func(method, path, body string, hdr ...string) (int, map[string]any) {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		var out map[string]any
		_ = json.Unmarshal(data, &out)
		return resp.StatusCode, out
	}
	code, out := do("POST", "/api/feeds", `{"urls": ["https://a.example/rss", "https://b.example/atom"], "interval": "30m", "tags": ["UA"]}`)
	if code != http.StatusCreated || out["added"] != 2.0 {
		t.Errorf("POST: %d %v", code, out)
	}
	code, out = do("POST", "/api/feeds", `{"url": "https://a.example/rss", "disabled": true}`)
	if code != http.StatusOK || out["added"] != 0.0 {
		t.Errorf("POST to disable: %d %v", code, out)
	}
	// A change to a feed already polled answers with its health, not as new.
	key := defwatch.FeedKey("https://b.example/atom")
	if err := set.SaveState(context.Background(), key, &feedset.State{URL: "https://b.example/atom", FeedHealth: defwatch.FeedHealth{LastPoll: time.Now(), Status: 304, Items: 7}}); err != nil {
		t.Fatal(err)
	}
	code, out = do("POST", "/api/feeds", `{"url": "https://b.example/atom", "tags": ["PL"]}`)
	if code != http.StatusOK {
		t.Fatalf("POST to change tags: %d %v", code, out)
	}
	changed := out["feeds"].([]any)[0].(map[string]any)
	if h, _ := changed["health"].(map[string]any); changed["state"] != "ok" || h["status"] != 304.0 || h["items"] != 7.0 {
		t.Errorf("changed feed answered without its health: %v", changed)
	}
	code, out = do("GET", "/api/feeds", "")
	if code != http.StatusOK || out["total"] != 2.0 {
		t.Fatalf("GET: %d %v", code, out)
	}
	first := out["feeds"].([]any)[0].(map[string]any)
	if first["url"] != "https://a.example/rss" || first["state"] != "disabled" || first["interval"] != "30m0s" {
		t.Errorf("first feed: %v", first)
	}
	for _, tc := range []struct {
		method, path, body string
		want               int
		hdr                []string
	}{
		{"POST", "/api/feeds", `{"url": "not a url"}`, http.StatusBadRequest, nil},
		{"POST", "/api/feeds", `{"url": "https://c.example/", "colour": "red"}`, http.StatusBadRequest, nil},
		{"POST", "/api/feeds", `{}`, http.StatusBadRequest, nil},
		{"POST", "/api/feeds", `{"url": "https://c.example/"} {"url": "https://d.example/"}`, http.StatusBadRequest, nil},
		{"POST", "/api/feeds", `{"urls": ["` + strings.Repeat("x", 2<<20) + `"]}`, http.StatusRequestEntityTooLarge, nil},
		{"POST", "/api/feeds", `{"url": "https://c.example/"}`, http.StatusForbidden, []string{"Sec-Fetch-Site", "cross-site"}},
		{"DELETE", "/api/feeds", "", http.StatusBadRequest, nil},
		{"DELETE", "/api/feeds?url=https://nope.example/", "", http.StatusNotFound, nil},
		{"GET", "/api/feeds?url=https://nope.example/", "", http.StatusNotFound, nil},
		{"DELETE", "/api/feeds?url=https://b.example/atom", "", http.StatusOK, nil},
	} {
		if code, out := do(tc.method, tc.path, tc.body, tc.hdr...); code != tc.want {
			t.Errorf("%s %s %.60s: %d %v, want %d", tc.method, tc.path, tc.body, code, out, tc.want)
		}
	}
	if code, out := do("GET", "/api/feeds", ""); out["total"] != 1.0 {
		t.Errorf("after DELETE: %d %v", code, out)
	}
}
