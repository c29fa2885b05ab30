package main

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestFeedToSearch(t *testing.T) {
	site := newTestSite(t)
	listen := freeAddr(t)
	r := startRun(t, "--data", t.TempDir(), "--nats-listen", freeAddr(t), "--listen", listen,
		"--feed", site.URL+"/feed.xml", "--allow-private", "--host-delay", "0", "--poll-interval", "1s")

	res := waitForTotal(t, r.api, "*", 3)
	checkSeed(t, r.api, hitByTitle(t, res, "NATO to host defense leaders"))

	t.Run("af.mil page without a charset is read as UTF-8", func(t *testing.T) {
		h := hitByTitle(t, res, "AF leaders cite Airmen")
		var a struct{ Text string }
		getJSON(t, r.api+"/api/articles/"+h.ID, &a)
		if !strings.Contains(a.Text, "’") || strings.Contains(a.Text, "â€") {
			t.Errorf("text not decoded as UTF-8: %.300q", a.Text)
		}
	})
	t.Run("query string", func(t *testing.T) {
		for q, want := range map[string]int{
			"nation:UA":                     1,
			"nation:Ukraine troops:>=10000": 1,
			"nation:UA troops:>=50000":      0,
			`"Smart Women, Smart Power"`:    1,
			"source:127.0.0.1":              3,
			"lang:en":                       3,
			"nation:PL":                     0,
			"last:30d":                      0, // the test articles are from 2013-2025
		} {
			if got := search(t, r.api, q).Total; got != uint64(want) {
				t.Errorf("%s: %d hits, want %d", q, got, want)
			}
		}
	})
	t.Run("errors", func(t *testing.T) {
		for path, want := range map[string]int{
			"/api/search?q=title:%22unclosed": http.StatusBadRequest,
			"/api/search?q=*&size=-1":         http.StatusBadRequest,
			"/api/search?q=*&size=ten":        http.StatusBadRequest,
			"/api/articles/nosuchid":          http.StatusNotFound,
			"/healthz":                        http.StatusOK,
		} {
			if got := getJSON(t, r.api+path, nil); got != want {
				t.Errorf("GET %s: %d, want %d", path, got, want)
			}
		}
	})
	t.Run("conditional GET", func(t *testing.T) {
		waitFor(t, 10*time.Second, "a 304 on a later poll", func() bool { return site.notModified.Load() > 0 })
		for path, n := range site.hits() {
			if n != 1 {
				t.Errorf("%s fetched %d times, want once", path, n)
			}
		}
	})
}

func TestRestartKeepsIndexAndMemory(t *testing.T) {
	site := newTestSite(t)
	site.conditional.Store(false) // only defwatch's memory of items can avoid refetching
	data := t.TempDir()
	args := func() []string {
		return []string{"--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t),
			"--feed", site.URL + "/feed.xml", "--allow-private", "--host-delay", "0", "--poll-interval", "1s"}
	}
	first := startRun(t, args()...)
	waitForTotal(t, first.api, "*", 3)
	first.stop(t)
	before := site.hits()
	feedPolls := site.feedHits.Load()

	second := startRun(t, args()...)
	if got := search(t, second.api, "*").Total; got != 3 {
		t.Errorf("after restart the index holds %d articles, want 3", got)
	}
	waitFor(t, 10*time.Second, "two polls after the restart", func() bool { return site.feedHits.Load() >= feedPolls+2 })
	time.Sleep(500 * time.Millisecond) // longer than --flush-after: anything refetched would be indexed by now
	res := search(t, second.api, "*")
	if res.Total != 3 {
		t.Errorf("after restart and a poll: %d articles, want 3", res.Total)
	}
	for path, n := range site.hits() {
		if n != before[path] {
			t.Errorf("%s fetched again after restart (%d, then %d)", path, before[path], n)
		}
	}
	checkSeed(t, second.api, hitByTitle(t, res, "NATO to host defense leaders"))
}

func TestStagesInSeparateProcesses(t *testing.T) {
	site := newTestSite(t)
	natsAddr := freeAddr(t)
	natsURL := "nats://" + natsAddr
	indexer := startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(t), "--stages", "index,serve")
	startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "extract")
	startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "ingest",
		"--feed", site.URL+"/feed.xml", "--allow-private", "--host-delay", "0")
	// A serve stage with no index of its own searches over NATS.
	front := startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "serve", "--listen", freeAddr(t))

	waitForTotal(t, indexer.api, "*", 3)
	res := search(t, front.api, "*")
	if res.Total != 3 {
		t.Fatalf("serve over NATS: %d articles, want 3", res.Total)
	}
	checkSeed(t, front.api, hitByTitle(t, res, "NATO to host defense leaders"))
	if code := getJSON(t, front.api+"/api/search?q=title:%22unclosed", nil); code != http.StatusBadRequest {
		t.Errorf("bad query over NATS: %d, want 400", code)
	}
}

func TestRunNamesTheTakenPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	taken := ln.Addr().String()
	for flag, args := range map[string][]string{
		"--nats-listen": {"--nats-listen", taken, "--listen", freeAddr(t)},
		"--listen":      {"--nats-listen", freeAddr(t), "--listen", taken},
	} {
		t.Run(flag, func(t *testing.T) {
			err := Run(t.Context(), append([]string{"run", "--data", t.TempDir()}, args...), nil, nil, t.Output())
			if err == nil || !strings.Contains(err.Error(), flag+" "+taken) {
				t.Errorf("got %v, want an error naming %s %s", err, flag, taken)
			}
		})
	}
}

// TestIndexReplicasShareSearch runs two index replicas, each building its
// own full index, answering searches over NATS as one queue group: a
// serve stage without an index keeps answering when either replica stops.
func TestIndexReplicasShareSearch(t *testing.T) {
	site := newTestSite(t)
	natsAddr := freeAddr(t)
	natsURL := "nats://" + natsAddr
	startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--stages", "ingest,extract",
		"--feed", site.URL+"/feed.xml", "--allow-private", "--host-delay", "0")
	waitFor(t, 20*time.Second, "the embedded NATS server", func() bool {
		c, err := net.Dial("tcp", natsAddr)
		if err == nil {
			c.Close()
		}
		return err == nil
	})
	a := startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "index", "--index-name", "a")
	b := startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "index", "--index-name", "b")
	front := startRun(t, "--data", t.TempDir(), "--nats", natsURL, "--stages", "serve", "--listen", freeAddr(t))

	// Replicas catch up on their own; once twenty answers in a row are whole,
	// both have answered and both hold all three articles.
	waitFor(t, 30*time.Second, "both replicas to hold the three articles", func() bool {
		for range 20 {
			if search(t, front.api, "*").Total != 3 {
				return false
			}
		}
		return true
	})
	for range 20 {
		if got := search(t, front.api, "nation:UA").Total; got != 1 {
			t.Fatalf("nation:UA over NATS: %d, want 1 from either replica", got)
		}
	}
	a.stop(t)
	for range 10 {
		if got := search(t, front.api, "*").Total; got != 3 {
			t.Fatalf("with replica a stopped: %d articles, want 3 from b", got)
		}
	}
	b.stop(t)
	if code := getJSON(t, front.api+"/api/search?q=*", nil); code != http.StatusServiceUnavailable {
		t.Errorf("no replica left: status %d, want 503", code)
	}
}
