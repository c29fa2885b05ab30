package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"golang.org/x/net/html"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/charset"
)

const acceptPages = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

var (
	errRobots  = errors.New("refused by the site's robots.txt")
	errNotHTML = errors.New("not an HTML page")
)

// fetchPage fetches job j's page in lane l and publishes it. A failure
// schedules the next try; the item's own text from the feed goes out once
// the page has failed FallbackAfter times, and is replaced if the page is
// fetched later.
func (w *Worker) fetchPage(ctx context.Context, l *lane, j *job) {
	if !w.cfg.IgnoreRobots {
		ok, err := l.allowed(ctx, j.URL)
		if ctx.Err() != nil {
			return // the job stays in the stream for whoever holds the partition next
		}
		if err != nil {
			w.pageFailed(ctx, l, j, nil, err)
			return
		}
		if !ok {
			w.pageFailed(ctx, l, j, nil, errRobots)
			return
		}
	}
	resp, err := l.get(ctx, Request{URL: j.URL, Accept: acceptPages})
	if ctx.Err() != nil {
		return
	}
	w.m.request("page", resp)
	if err == nil {
		err = checkHTML(resp)
	}
	if err != nil {
		w.pageFailed(ctx, l, j, resp, err)
		return
	}
	// The body goes back to the pool once published: NATS has copied it.
	defer resp.Release()
	page, body, err := buildPage(resp, j)
	if err != nil {
		w.pageFailed(ctx, l, j, resp, err)
		return
	}
	if j.rec.FromFeed && j.rec.ArticleID != "" {
		page.ID = j.rec.ArticleID // replaces the article made from the feed's text
	}
	if err := w.publish(ctx, page, defwatch.BodyHTML, body, page.ID); err != nil {
		w.pageFailed(ctx, l, j, resp, err)
		return
	}
	w.m.pages.With("fetched").Add(1)
	w.m.published.With("page").Add(1)
	w.remember(ctx, j.ID, seenItem{URL: j.URL, Feed: j.Feed, Status: itemPublished, ArticleID: page.ID,
		Published: time.Now().UTC(), Tries: j.Tries + 1, FromFeed: j.rec.FromFeed})
	w.deleteJob(ctx, j.seq)
	if j.Tries > 0 || j.rec.FromFeed {
		w.log.Info("page fetched after failing", "url", j.URL, "tries", j.Tries+1, "replaces_feed_text", j.rec.FromFeed)
	}
}

// pageFailed records a failed fetch of j's page and schedules the next.
func (w *Worker) pageFailed(ctx context.Context, l *lane, j *job, resp *Response, err error) {
	if ctx.Err() != nil {
		return
	}
	kind := errorKind(resp, err)
	w.m.pages.With("failed").Add(1)
	w.m.failures.With("page", kind, "").Add(1)
	tries := j.Tries + 1
	// Some answers will not change by asking again.
	final := tries >= w.cfg.PageTries || kind == "robots" || kind == "http_404" || kind == "http_410" ||
		kind == "too_large" || kind == "blocked_address" || kind == "not_html"
	rec := j.rec
	rec.URL, rec.Feed, rec.Tries, rec.Error = j.URL, j.Feed, tries, err.Error()
	if !rec.FromFeed && (final || tries >= w.cfg.FallbackAfter) {
		if p := fallbackPage(j); p != nil {
			if perr := w.publishPage(ctx, p, p.ID+"."+defwatch.TextFromFeed); perr == nil {
				rec.FromFeed, rec.ArticleID = true, p.ID
				w.m.published.With("feed").Add(1)
			} else {
				w.log.Warn("publish item from its feed", "url", j.URL, "err", perr)
			}
		}
	}
	if final {
		rec.Status, rec.NextTry, rec.Job = itemGivenUp, time.Time{}, 0
		w.remember(ctx, j.ID, rec)
		w.deleteJob(ctx, j.seq)
		w.m.pages.With("given_up").Add(1)
		w.log.Info("page given up", "url", j.URL, "tries", tries, "err", err, "published_from_feed", rec.FromFeed)
		return
	}
	wait := w.cfg.PageRetry
	for i := 1; i < tries && wait < 12*time.Hour; i++ {
		wait *= 2
	}
	if ra := retryAfter(respRetryAfter(resp), time.Now()); ra > wait {
		wait = min(ra, 24*time.Hour)
	}
	next := time.Now().Add(min(wait, 12*time.Hour))
	nj := *j
	nj.Tries, nj.NotBefore = tries, next
	data, merr := json.Marshal(&nj)
	var ack *jetstream.PubAck
	if merr == nil {
		ack, merr = w.js.Publish(ctx, l.subject, data, jetstream.WithMsgID(retryMsgID(j.ID, tries)))
	}
	if merr != nil {
		// The old job stays; it comes round again after the wait.
		w.log.Warn("schedule page retry", "url", j.URL, "err", merr)
		l.queue(j.seq, next)
		return
	}
	rec.Status, rec.Job, rec.NextTry = itemRetry, ack.Sequence, next.UTC()
	w.remember(ctx, j.ID, rec)
	w.deleteJob(ctx, j.seq)
	l.queue(ack.Sequence, next)
	w.log.Debug("page failed, will retry", "url", j.URL, "try", tries, "of", w.cfg.PageTries, "next", next, "err", err)
}

func respRetryAfter(r *Response) string {
	if r == nil {
		return ""
	}
	return r.RetryAfter
}

// checkHTML refuses bodies extract cannot read: PDFs, images, feeds.
func checkHTML(r *Response) error {
	mt, _, err := mime.ParseMediaType(r.ContentType)
	if err != nil || mt == "" {
		mt = http.DetectContentType(r.Body)
		mt, _, _ = strings.Cut(mt, ";")
	}
	switch mt {
	case "text/html", "application/xhtml+xml", "text/plain", "application/octet-stream":
		return nil
	}
	return fmt.Errorf("%w (%s)", errNotHTML, mt)
}

// buildPage decodes a fetched page to UTF-8 and reads its canonical URL,
// which names the article. The page's HTML is returned beside it, as
// bytes: a page is copied as few times as it can be on its way out.
func buildPage(resp *Response, j *job) (*defwatch.Page, []byte, error) {
	body, enc, err := charset.Decode(resp.Body, resp.ContentType)
	if err != nil {
		return nil, nil, fmt.Errorf("decode: %w", err)
	}
	canonical := canonicalLink(body, resp.URL)
	if canonical == "" {
		canonical = resp.URL
	}
	p := &defwatch.Page{
		ID:        defwatch.ArticleID(canonical),
		URL:       canonical,
		Source:    defwatch.SourceOf(canonical),
		Feed:      j.Feed,
		Title:     j.Title,
		Published: j.Published,
		Byline:    j.Author,
		Fetched:   time.Now().UTC(),
		Charset:   enc,
	}
	if lang := strings.TrimSpace(resp.Language); lang != "" {
		p.Lang, p.LangFrom = lang, "header"
	} else if j.Lang != "" {
		p.Lang, p.LangFrom = j.Lang, "feed"
	}
	return p, body, nil
}

// fallbackPage is the item as its feed told it, for when its page cannot
// be fetched; nil when the feed told nothing worth indexing.
func fallbackPage(j *job) *defwatch.Page {
	text := htmlText(j.Summary)
	if text == "" {
		text = j.Title
	}
	if strings.TrimSpace(text) == "" {
		return nil
	}
	p := &defwatch.Page{
		ID:        defwatch.ArticleID(j.URL),
		URL:       j.URL,
		Source:    defwatch.SourceOf(j.URL),
		Feed:      j.Feed,
		Title:     j.Title,
		Published: j.Published,
		Byline:    j.Author,
		Fetched:   time.Now().UTC(),
		Text:      text,
		TextFrom:  defwatch.TextFromFeed,
	}
	if j.Lang != "" {
		p.Lang, p.LangFrom = j.Lang, "feed"
	}
	return p
}

// htmlText is the text of an HTML fragment (a feed's summary or
// content:encoded), with a blank line between blocks.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(collapseBlank(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteString("\n\n")
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr":
				b.WriteString("\n\n")
			}
		}
	}
}

// collapseBlank joins runs of blank lines into one and trims each line.
func collapseBlank(s string) string {
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, ln := range lines {
		ln = strings.Join(strings.Fields(ln), " ")
		if ln == "" {
			if !blank && len(out) > 0 {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, ln)
		blank = false
	}
	return strings.Join(out, "\n")
}

// publishPage sends p to the pages stream.
func (w *Worker) publishPage(ctx context.Context, p *defwatch.Page, msgID string) error {
	if p.HTML != "" {
		return w.publish(ctx, p, defwatch.BodyHTML, []byte(p.HTML), msgID)
	}
	return w.publish(ctx, p, defwatch.BodyText, []byte(p.Text), msgID)
}

// publish sends page p with body (p's own HTML and Text are not read) to
// the pages stream, the body raw and the metadata in a header. A page over
// the server's message limit is made to fit: scripts, styles and comments
// go first (they carry no article text), then, if need be, the end; the
// log says which.
func (w *Worker) publish(ctx context.Context, p *defwatch.Page, kind string, body []byte, msgID string) error {
	head := *p
	head.HTML, head.Text = "", ""
	meta, _, _, err := defwatch.EncodePage(&head)
	if err != nil {
		return err
	}
	room := w.cfg.MaxMsg - len(meta) - 1024 // the other headers and the message's own framing
	if room <= 0 {
		return fmt.Errorf("page %s: its metadata alone is %d bytes, over the message limit", p.URL, len(meta))
	}
	if len(body) > room {
		before := len(body)
		var cut bool
		if kind == defwatch.BodyHTML {
			var s string
			s, cut = compactHTML(string(body), room)
			body = []byte(s)
		} else {
			body, cut = []byte(clip(string(body), room)), true
		}
		how := "compacted"
		msg := "page over the NATS message limit: scripts, styles and comments dropped"
		if cut {
			how = "cut"
			msg = "page over the NATS message limit even without scripts and styles: its end was cut"
		}
		w.m.compacted.With(how).Add(1)
		w.log.Warn(msg, "url", p.URL, "bytes", before, "now", len(body), "limit", room)
	}
	m := &nats.Msg{Subject: defwatch.SubjectPages, Header: nats.Header{}, Data: body}
	m.Header.Set(defwatch.HeaderPage, string(meta))
	m.Header.Set(defwatch.HeaderBody, kind)
	if _, err := w.js.PublishMsg(ctx, m, jetstream.WithMsgID(msgID)); err != nil {
		return fmt.Errorf("publish page: %w", err)
	}
	return nil
}

// PageMsg is p as a message on defwatch.pages, for other publishers (the
// archive import): the body raw and the metadata in headers.
func PageMsg(p *defwatch.Page) (*nats.Msg, error) {
	meta, kind, body, err := defwatch.EncodePage(p)
	if err != nil {
		return nil, err
	}
	m := &nats.Msg{Subject: defwatch.SubjectPages, Header: nats.Header{}, Data: body}
	m.Header.Set(defwatch.HeaderPage, string(meta))
	m.Header.Set(defwatch.HeaderBody, kind)
	return m, nil
}
