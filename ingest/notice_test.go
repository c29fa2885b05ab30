package ingest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// partitionOfHost waits until wk holds the partition of the host at url
// and returns it.
func partitionOfHost(t *testing.T, wk *worker, url string) *partition {
	t.Helper()
	n := partitionOf(hostOf(url))
	var p *partition
	waitFor(t, 30*time.Second, "the host's partition held", func() bool {
		wk.w.mu.Lock()
		defer wk.w.mu.Unlock()
		p = wk.w.parts[n]
		return p != nil
	})
	return p
}

// putJob stores a job for the page at url in the fetch stream.
func putJob(t *testing.T, tn *testNATS, url string) {
	t.Helper()
	data, err := json.Marshal(&job{ID: defwatch.ArticleID(url), URL: url, Feed: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tn.js.Publish(context.Background(), jobSubject(hostOf(url)), data); err != nil {
		t.Fatal(err)
	}
}

// fetchedOnce waits until the host answered a request for path, and then
// for the page in the pages stream.
func fetchedOnce(t *testing.T, tn *testNATS, h *recHost, path string) {
	t.Helper()
	waitFor(t, 30*time.Second, path+" fetched", func() bool {
		for _, r := range h.requests() {
			if r.path == path && r.completed {
				return true
			}
		}
		return false
	})
	waitFor(t, 10*time.Second, path+" published", func() bool {
		for _, p := range tn.pages(t) {
			if strings.HasSuffix(p.URL, path) {
				return true
			}
		}
		return false
	})
}

// TestNoticeBeforeItsJob: a subscriber can hear of a job before the stream
// holds it. The lane that found nothing looks again, and fetches the job
// when it lands.
func TestNoticeBeforeItsJob(t *testing.T) {
	tn := startNATS(t)
	h := newsHost(t, 0, 0, 0, "")
	cfg := testConfig()
	cfg.deaf, cfg.jobSweep = true, time.Hour // notices come from the test alone
	wk := startWorker(t, tn, cfg, FetcherConfig{})
	url := h.url + "/story/0/0"
	p := partitionOfHost(t, wk, url)
	l := p.lane(hostKey(hostOf(url)), "")
	l.notify()
	waitFor(t, 30*time.Second, "the lane to find nothing and plan to look again", func() bool {
		l.mu.Lock()
		defer l.mu.Unlock()
		return !l.lookAt.IsZero()
	})
	putJob(t, tn, url)
	fetchedOnce(t, tn, h, "/story/0/0")
}

// TestSweepFindsUnheardJobs: a job no lane heard of (its notice lost) is
// found by the partition's sweep.
func TestSweepFindsUnheardJobs(t *testing.T) {
	tn := startNATS(t)
	h := newsHost(t, 0, 0, 0, "")
	cfg := testConfig()
	cfg.deaf, cfg.jobSweep = true, 100*time.Millisecond
	wk := startWorker(t, tn, cfg, FetcherConfig{})
	partitionOfHost(t, wk, h.url)
	// The first page may be found by the listing made when the partition
	// was taken; the second comes after it.
	for _, path := range []string{"/story/0/1", "/story/0/2"} {
		putJob(t, tn, h.url+path)
		fetchedOnce(t, tn, h, path)
	}
	if n := len(h.requests()); n != 2 {
		t.Errorf("the host had %d requests, want 2", n)
	}
}
