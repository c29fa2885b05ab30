package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
)

// Sources is the feed set as the Sources page reads it.
type Sources interface {
	// List returns every feed with its health, failing feeds first.
	List(ctx context.Context) ([]defwatch.FeedStatus, error)
}

// WithSources serves the Sources page over the feed set; when src is also
// a SourceEditor, the page can add, disable, enable and remove feeds.
func WithSources(src Sources) Option { return func(h *server) { h.sources = src } }

// SourceEditor, when the Sources is one too, lets the page change the set.
type SourceEditor interface {
	Add(ctx context.Context, f defwatch.Feed) (bool, error)
	SetEnabled(ctx context.Context, url string, enabled bool, why string) (*defwatch.Feed, error)
	Remove(ctx context.Context, url string) error
}

// sourcesPerPage bounds one page of the table: a set of 10,000 feeds is
// read a state and a page at a time.
const sourcesPerPage = 500

type sourcesPage struct {
	Total    int
	Counts   []stateCount
	State    string // the filter, "" for all
	Rows     []sourceRow
	From, To int // 1-based, of the filtered list
	Shown    int // feeds matching the filter
	Prev     string
	Next     string
	Editable bool
	Done     string // what the last change did
	Error    string // why it failed
}

type stateCount struct {
	State, Label, Href string
	N                  int
	Current            bool
}

type sourceRow struct {
	defwatch.FeedStatus
	Href      string // the feed's URL when http(s)
	LastPoll  string
	LastError string
	ErrorAt   string
	NextPoll  string
	Interval  string
}

func (h *server) sourcesPage(rw http.ResponseWriter, r *http.Request) {
	h.renderSources(rw, r, http.StatusOK, r.URL.Query().Get("done"), "")
}

func (h *server) renderSources(rw http.ResponseWriter, r *http.Request, status int, done, failure string) {
	if h.sources == nil {
		h.fail(rw, r, http.StatusNotFound, "No feed set here",
			"This server does not reach the feed set. Run it with NATS (defwatch run) to see the sources.")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	feeds, err := h.sources.List(ctx)
	if err != nil {
		h.log.Error("list feeds", "err", err)
		h.fail(rw, r, http.StatusServiceUnavailable, "The feed set cannot be read",
			"The feed set did not answer. The server's log says why; reload to try again.")
		return
	}
	now := h.now()
	_, editable := h.sources.(SourceEditor)
	q := r.URL.Query()
	p := sourcesPage{Total: len(feeds), State: q.Get("state"), Editable: editable, Done: done, Error: failure}
	counts := map[string]int{}
	for _, f := range feeds {
		counts[f.State]++
	}
	all := stateCount{Label: "All", Href: "/sources", N: len(feeds), Current: p.State == ""}
	p.Counts = append(p.Counts, all)
	for _, st := range []struct{ state, label string }{
		{defwatch.FeedFailing, "Failing"}, {defwatch.FeedDisabled, "Disabled"},
		{defwatch.FeedNew, "New"}, {defwatch.FeedOK, "OK"},
	} {
		p.Counts = append(p.Counts, stateCount{State: st.state, Label: st.label, N: counts[st.state],
			Href: "/sources?state=" + st.state, Current: p.State == st.state})
	}
	var shown []defwatch.FeedStatus
	for _, f := range feeds {
		if p.State == "" || f.State == p.State {
			shown = append(shown, f)
		}
	}
	p.Shown = len(shown)
	n, _ := strconv.Atoi(q.Get("page"))
	n = max(n, 1)
	from := min((n-1)*sourcesPerPage, len(shown))
	to := min(from+sourcesPerPage, len(shown))
	p.From, p.To = from+1, to
	link := func(to int) string {
		v := url.Values{}
		if p.State != "" {
			v.Set("state", p.State)
		}
		v.Set("page", strconv.Itoa(to))
		return "/sources?" + v.Encode()
	}
	if from > 0 {
		p.Prev = link(n - 1)
	}
	if to < len(shown) {
		p.Next = link(n + 1)
	}
	for _, f := range shown[from:to] {
		row := sourceRow{FeedStatus: f, Href: externalURL(f.URL)}
		row.LastPoll = ago(f.Health.LastPoll, now)
		row.LastError = f.Health.LastError
		row.ErrorAt = ago(f.Health.LastErrorAt, now)
		if !f.Disabled {
			row.NextPoll = until(f.Health.NextPoll, now)
		}
		if f.Interval > 0 {
			row.Interval = time.Duration(f.Interval).String()
		}
		p.Rows = append(p.Rows, row)
	}
	h.render(rw, r, status, "sources", page{Title: "Sources", Nav: "sources", Data: p})
}

// sourcesChange applies the page's forms: add a feed, disable, enable or
// remove one, then shows the page again.
func (h *server) sourcesChange(rw http.ResponseWriter, r *http.Request) {
	ed, ok := h.sources.(SourceEditor)
	if !ok {
		h.fail(rw, r, http.StatusNotFound, "No feed set here", "This server cannot change the feed set.")
		return
	}
	r.Body = http.MaxBytesReader(rw, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		h.renderSources(rw, r, http.StatusBadRequest, "", "The form could not be read: "+err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	feedURL := strings.TrimSpace(r.PostForm.Get("url"))
	var done string
	var err error
	switch action := r.PostForm.Get("action"); action {
	case "add":
		f := defwatch.Feed{URL: feedURL}
		for _, t := range strings.Split(r.PostForm.Get("tags"), ",") {
			if t = strings.TrimSpace(t); t != "" {
				f.Tags = append(f.Tags, t)
			}
		}
		if iv := strings.TrimSpace(r.PostForm.Get("interval")); iv != "" {
			d, perr := time.ParseDuration(iv)
			if perr != nil {
				err = fmt.Errorf("interval %q: write it as 30m or 2h", iv)
				break
			}
			f.Interval = defwatch.Duration(d)
		}
		var added bool
		if added, err = ed.Add(ctx, f); err == nil {
			done = "added " + feedURL + "; it is polled within seconds"
			if !added {
				done = feedURL + " is in the set already"
			}
		}
	case "disable", "enable":
		if _, err = ed.SetEnabled(ctx, feedURL, action == "enable", "disabled on the Sources page"); err == nil {
			done = action + "d " + feedURL
		}
	case "remove":
		if err = ed.Remove(ctx, feedURL); err == nil {
			done = "removed " + feedURL
		}
	default:
		err = errors.New("unknown action")
	}
	if err != nil {
		h.renderSources(rw, r, http.StatusBadRequest, "", err.Error())
		return
	}
	http.Redirect(rw, r, "/sources?done="+url.QueryEscape(done), http.StatusSeeOther)
}

// ago says how long before now t was, as "3m ago"; "" for never.
func ago(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	return short(now.Sub(t)) + " ago"
}

// until says how long after now t is, as "in 3m", or "due" when past.
func until(t, now time.Time) string {
	if t.IsZero() {
		return "now"
	}
	if d := t.Sub(now); d > 0 {
		return "in " + short(d)
	}
	return "due"
}

func short(d time.Duration) string {
	switch {
	case d < time.Minute:
		return strconv.Itoa(int(d.Seconds())) + "s"
	case d < time.Hour:
		return strconv.Itoa(int(d.Minutes())) + "m"
	case d < 48*time.Hour:
		return strconv.Itoa(int(d.Hours())) + "h"
	default:
		return strconv.Itoa(int(d.Hours()/24)) + "d"
	}
}
