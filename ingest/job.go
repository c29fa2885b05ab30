package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/nats-io/nats.go/jetstream"
)

// Bounds on what a feed item carries into its job: the summary is kept for
// when the page cannot be fetched, and a job must stay a small message.
const (
	maxJob     = 256 << 10
	maxSummary = 128 << 10
	maxTitle   = 2 << 10
	maxAuthor  = 256
)

// job is one article page to fetch, with what its feed said of it.
type job struct {
	// ID is the article id of URL, the item's key in KVSeen.
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Feed      string    `json:"feed"`
	Title     string    `json:"title,omitempty"`
	Summary   string    `json:"summary,omitempty"` // content:encoded or the description, as the feed gave it
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	Tries     int       `json:"tries,omitempty"`
	// NotBefore is when a retry is due.
	NotBefore time.Time `json:"not_before,omitzero"`

	seq uint64   // in the fetch stream
	rec seenItem // the item's record when the job was claimed
}

func readJob(m *jetstream.RawStreamMsg) (*job, error) {
	var j job
	if err := json.Unmarshal(m.Data, &j); err != nil {
		return nil, err
	}
	if j.ID == "" || j.URL == "" {
		return nil, errors.New("job without id or url")
	}
	j.seq = m.Sequence
	return &j, nil
}

// Item states in KVSeen.
const (
	itemQueued    = "queued"    // a job waits in the fetch stream
	itemRetry     = "retry"     // its fetch failed; a job waits for its retry time
	itemPublished = "published" // the page went out
	itemGivenUp   = "given_up"  // tried PageTries times, or refused for good
)

// seenItem is what is remembered of a feed item, by the article id of its
// link: the claim that makes one fetch serve every feed carrying it.
type seenItem struct {
	URL    string `json:"url"`
	Feed   string `json:"feed"`
	Status string `json:"status,omitempty"`
	// Job is the stream sequence of the job that owns the item; any other
	// job for it is a duplicate.
	Job       uint64    `json:"job,omitempty"`
	ArticleID string    `json:"article_id,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Tries     int       `json:"tries,omitempty"`
	Error     string    `json:"error,omitempty"`
	NextTry   time.Time `json:"next_try,omitzero"`
	// FromFeed: the feed's own text went out while the page could not be
	// fetched, under ArticleID.
	FromFeed bool `json:"from_feed,omitempty"`
}

// known says the item needs no new job: it is done, or a job has it.
// Records from before jobs existed count as known once published.
func (s seenItem) known() bool {
	switch s.Status {
	case itemQueued, itemRetry, itemPublished, itemGivenUp:
		return true
	}
	return !s.Published.IsZero()
}

func (s seenItem) done() bool {
	return s.Status == itemPublished || s.Status == itemGivenUp || s.Status == "" && !s.Published.IsZero()
}

// enqueue claims new feed items and queues their pages for the lanes of
// their hosts, wherever those lanes run. It reports which items were new:
// an item in three feeds is queued once. Each job goes out first, with the
// article id as its message id, so two feeds finding one item at the same
// moment make one job; the claim then names the job. The lookups, the
// publishes and the claims each go out together, so a poll that finds
// fifty items waits for three round trips, not a hundred and fifty.
func (w *Worker) enqueue(ctx context.Context, jobs []*job) ([]bool, []error) {
	isNew := make([]bool, len(jobs))
	errs := make([]error, len(jobs))
	revs := make([]uint64, len(jobs))
	known := make([]bool, len(jobs))
	parallel(len(jobs), func(i int) {
		e, err := w.seen.Get(ctx, jobs[i].ID)
		switch {
		case err == nil:
			var s seenItem
			if json.Unmarshal(e.Value(), &s) == nil && s.known() {
				known[i] = true
			}
			revs[i] = e.Revision()
		case !errors.Is(err, jetstream.ErrKeyNotFound):
			errs[i] = fmt.Errorf("read seen: %w", err)
		}
	})
	acks := make([]jetstream.PubAckFuture, len(jobs))
	seqs := make([]uint64, len(jobs))
	var waiting []int // published, ack not yet read: each holds a slot
	settle := func() {
		for _, i := range waiting {
			select {
			case ack := <-acks[i].Ok():
				if !ack.Duplicate {
					seqs[i] = ack.Sequence
				}
			case err := <-acks[i].Err():
				errs[i] = fmt.Errorf("queue page: %w", err)
			case <-ctx.Done():
				errs[i] = ctx.Err()
			}
			<-w.pubSlots
		}
		waiting = waiting[:0]
	}
	for i, j := range jobs {
		if known[i] || errs[i] != nil {
			continue
		}
		data, err := json.Marshal(j)
		if err != nil {
			errs[i] = err
			continue
		}
		// Hundreds of lanes queue at once, and the client takes a bounded
		// number of unanswered publishes: each takes a slot. A lane that
		// finds none free first gives back its own (reading their acks), so
		// no two lanes can wait on each other.
		select {
		case w.pubSlots <- struct{}{}:
		default:
			settle()
			select {
			case w.pubSlots <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				continue
			}
		}
		acks[i], err = w.js.PublishAsync(jobSubject(hostOf(j.URL)), data, jetstream.WithMsgID(j.ID))
		if err != nil {
			<-w.pubSlots
			errs[i] = fmt.Errorf("queue page: %w", err)
			continue
		}
		waiting = append(waiting, i)
	}
	settle()
	parallel(len(jobs), func(i int) {
		if seqs[i] == 0 {
			return
		}
		j := jobs[i]
		rec, _ := json.Marshal(seenItem{URL: j.URL, Feed: j.Feed, Status: itemQueued, Job: seqs[i]})
		var err error
		if revs[i] > 0 {
			_, err = w.seen.Update(ctx, j.ID, rec, revs[i])
		} else {
			_, err = w.seen.Create(ctx, j.ID, rec)
		}
		switch {
		case err == nil:
			isNew[i] = true
		case errors.Is(err, jetstream.ErrKeyExists), errors.Is(err, jetstream.ErrKeyRevisionMismatch):
			// Another process claimed the item in between; its job serves.
			w.deleteJob(ctx, seqs[i])
		default:
			w.deleteJob(ctx, seqs[i])
			errs[i] = fmt.Errorf("claim item: %w", err)
		}
	})
	return isNew, errs
}

// parallel runs fn(0..n-1), at most 16 at a time.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			fn(i)
		})
	}
	wg.Wait()
}

// claimOr says whether job j should be done now: its item is not done,
// and no other job owns it. A job that should not is deleted. When the
// item's record cannot be read, it says to look again later.
func (w *Worker) claimOr(ctx context.Context, j *job) (ok, later bool) {
	e, err := w.seen.Get(ctx, j.ID)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		// Its claim was never written (a crash in between): it owns the
		// item.
		j.rec = seenItem{URL: j.URL, Feed: j.Feed}
		return true, false
	case err != nil:
		if ctx.Err() == nil {
			w.log.Warn("read seen", "article_id", j.ID, "err", err)
		}
		return false, true
	}
	var s seenItem
	_ = json.Unmarshal(e.Value(), &s) // an unreadable record is a job to do
	if s.done() || s.Job != 0 && s.Job != j.seq && (s.Status == itemQueued || s.Status == itemRetry) {
		w.deleteJob(ctx, j.seq)
		return false, false
	}
	j.rec = s
	return true, false
}

func (w *Worker) deleteJob(ctx context.Context, seq uint64) {
	if err := w.jobs.DeleteMsg(ctx, seq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) && ctx.Err() == nil {
		w.log.Warn("delete done page fetch", "seq", seq, "err", err)
	}
}

func (w *Worker) remember(ctx context.Context, key string, s seenItem) {
	data, err := json.Marshal(s)
	if err == nil {
		_, err = w.seen.Put(ctx, key, data)
	}
	if err != nil && ctx.Err() == nil {
		// The worst outcome is one more fetch of the page; the article id
		// keeps the index free of duplicates.
		w.log.Warn("could not remember item", "item_url", s.URL, "err", err)
	}
}

// retryJob runs the job at seq, whose retry time has come.
func (w *Worker) retryJob(ctx context.Context, l *lane, seq uint64) {
	l.unqueue(seq)
	msg, err := w.jobs.GetMsg(ctx, seq)
	if err != nil {
		if !errors.Is(err, jetstream.ErrMsgNotFound) && ctx.Err() == nil {
			w.log.Warn("read page fetch", "seq", seq, "err", err)
			l.queue(seq, time.Now().Add(10*time.Second))
		}
		return
	}
	j, err := readJob(msg)
	if err != nil {
		w.deleteJob(ctx, seq)
		return
	}
	ok, later := w.claimOr(ctx, j)
	switch {
	case ok:
		w.fetchPage(ctx, l, j)
	case later && ctx.Err() == nil:
		l.queue(seq, time.Now().Add(10*time.Second))
	}
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func retryMsgID(id string, try int) string { return id + ".try" + strconv.Itoa(try) }
