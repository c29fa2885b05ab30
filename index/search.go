package index

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	bhtml "github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch"
	dwquery "github.com/defwatch/defwatch/index/query"
	"github.com/defwatch/defwatch/index/schema"
)

// Request is a search.
type Request struct {
	Query string `json:"q"`
	Size  int    `json:"size,omitempty"`
	From  int    `json:"from,omitempty"`  // hits to skip; After pages better
	Sort  string `json:"sort,omitempty"`  // "relevance" (default), "newest", "oldest"
	After string `json:"after,omitempty"` // Result.Next of the previous page
	// Before pages back: Result.Prev of the page after the one wanted.
	// Only with Numbered.
	Before string `json:"before,omitempty"`
	// Numbered makes each page exactly Size articles of the order, the
	// copies of a wire story among them folded into the first (so a page
	// may show fewer hits than Size). Page n is then From (n-1)*Size, and
	// After and Before walk from it to the pages beside it, at any depth,
	// without a page drifting from its number.
	Numbered bool `json:"numbered,omitempty"`
	// NoFacets skips facet counting, for callers that only want hits.
	NoFacets bool `json:"no_facets,omitempty"`
	// AllCopies lists every copy of a wire story as its own hit.
	AllCopies bool `json:"all_copies,omitempty"`
}

// Sort orders.
const (
	SortRelevance = "relevance"
	SortNewest    = "newest"
	SortOldest    = "oldest"
)

// Limits on one request, so a client cannot make the index page through
// everything it holds.
const (
	DefaultSize = 20
	MaxSize     = 200
	MaxFrom     = 10000
	// maxAfterBytes bounds a paging token; a real one is under 200.
	maxAfterBytes = 1024
)

// Normalize fills defaults and checks bounds.
func (r *Request) Normalize() error {
	if len(r.Query) > dwquery.MaxBytes {
		return dwquery.BadQuery("the query is %d bytes long; the limit is %d (shorten it, or split it into several searches)", len(r.Query), dwquery.MaxBytes)
	}
	if len(r.After) > maxAfterBytes {
		return dwquery.BadQuery("after: not a token from this search's \"next\" (%d bytes; a token is under %d)", len(r.After), maxAfterBytes)
	}
	r.Query = strings.TrimSpace(r.Query)
	switch {
	case r.Size == 0: // not given; the HTTP and NATS APIs refuse an explicit 0
		r.Size = DefaultSize
	case r.Size < 0 || r.Size > MaxSize:
		return dwquery.BadQuery("size must be a whole number from 1 to %d, not %d", MaxSize, r.Size)
	}
	if r.From < 0 || r.From > MaxFrom {
		return dwquery.BadQuery("from must be a whole number from 0 to %d, not %d", MaxFrom, r.From)
	}
	switch {
	case r.Before != "" && !r.Numbered:
		return dwquery.BadQuery("before pages back only through numbered pages (numbered=true)")
	case r.Before != "" && r.After != "":
		return dwquery.BadQuery("give after or before, not both")
	}
	switch r.Sort {
	case "":
		r.Sort = SortRelevance
	case SortRelevance, SortNewest, SortOldest:
	default:
		return dwquery.BadQuery("sort must be relevance, newest or oldest, not %q", r.Sort)
	}
	return nil
}

// Hit is one article (or wire story) in a result: every Article field but
// the text, its score, a snippet with the matches in <mark>, and the other
// outlets that ran the same story.
type Hit struct {
	defwatch.Article
	Score float64 `json:"score"`
	// Snippet and TitleHTML are HTML with the query's matches in <mark>;
	// everything else in them is escaped.
	Snippet   string `json:"snippet"`
	TitleHTML string `json:"title_html,omitempty"`
	Story     string `json:"story,omitempty"`
	Also      []Copy `json:"also,omitempty"`
}

// Copy is another outlet's copy of a hit's story.
type Copy struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Published time.Time `json:"published,omitzero"`
}

// Bucket is one value of a facet.
type Bucket struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// Day is one bar of the publication histogram.
type Day struct {
	Date  string `json:"date"` // first day of the bar
	Count int    `json:"count"`
}

// Facets count the matching articles by value.
type Facets struct {
	Nations   []Bucket `json:"nations"`
	Sources   []Bucket `json:"sources"`
	Lang      []Bucket `json:"lang"`
	Meetings  []Bucket `json:"meetings"`
	Troops    []Bucket `json:"troops"`
	Published []Day    `json:"published"`
	// Interval is the width of a histogram bar: day, week (from a
	// Monday), month or year.
	Interval string `json:"interval"`
	// Approximate says the counts are estimates: past some tens of
	// thousands of matches, some months' are counted (the newest, then
	// spread over the years) and the others' estimated from them (their
	// bars of the histogram from their number of matches). Total is
	// exact all the same.
	Approximate bool `json:"approximate,omitempty"`
}

// Result is the answer to a search.
type Result struct {
	Total  uint64 `json:"total"`
	TookMs int64  `json:"took_ms"`
	// Notes say what the query left out or read other than written:
	// stop words, a nation by another name.
	Notes  []string `json:"notes,omitempty"`
	Hits   []Hit    `json:"hits"`
	Facets *Facets  `json:"facets,omitempty"`
	// Next pages on: pass it as the next request's After.
	Next string `json:"next,omitempty"`
	// Prev pages back, on numbered pages: pass it as Before.
	Prev string `json:"prev,omitempty"`
	// Partial says some of the month shards the search should have read
	// did not answer (they failed, or ran out of time): Total, Hits and
	// Facets count only the others, and MissedShards names the months
	// left out. A search that reaches no shard at all is an error instead.
	Partial      bool     `json:"partial"`
	MissedShards []string `json:"missed_shards,omitempty"`
}

// Searcher answers searches; the local Index and a NATS client both do.
type Searcher interface {
	Search(ctx context.Context, req Request) (*Result, error)
	Article(ctx context.Context, id string) (*defwatch.Article, error)
}

var _ Searcher = (*Index)(nil)

// troopRanges are the troop-figure facet's buckets: each article counts
// once, in the range of its largest figure (the greatest maximum).
var troopRanges = []struct {
	label    string
	min, max float64 // max exclusive; 0 for none
}{
	{"1–999", 1, 1000}, {"1,000–9,999", 1000, 10000}, {"10,000–99,999", 10000, 100000}, {"100,000+", 100000, 0},
}

// Search runs req.
func (x *Index) Search(ctx context.Context, req Request) (*Result, error) {
	return x.search(ctx, req, time.Now())
}

// search runs req as of start: the moment last: counts back from and
// recency weighs ages against.
func (x *Index) search(ctx context.Context, req Request, start time.Time) (*Result, error) {
	if err := req.Normalize(); err != nil {
		return nil, err
	}
	pq, err := dwquery.Parse(req.Query, start)
	if err != nil {
		return nil, err
	}
	release, err := x.gate.enter(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := &Result{Hits: []Hit{}, Notes: pq.Notes()}
	shards := x.pick(pq.Window())
	if len(shards) == 0 {
		if !req.NoFacets {
			out.Facets = emptyFacets()
		}
		out.TookMs = time.Since(start).Milliseconds()
		return out, nil
	}

	var q query.Query = bleve.NewMatchAllQuery()
	if bq := pq.Bleve(); bq != nil {
		q = bq
	}
	// Bleve builds a search without looking at the deadline: what it is
	// given must be small already. Wildcards become the words they stand
	// for, found under the deadline, and the term searchers it may make
	// are bounded.
	if q, err = expandWildcards(ctx, q, shards); err != nil {
		return nil, err
	}
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	idx := bleve.NewIndexAlias(shards...)
	match := q // without the recency blend, which ordering by date ignores
	sortBy := []string{"-_score", "_id"}
	switch {
	case req.Sort == SortNewest || req.Sort == SortRelevance && !pq.HasText():
		// Without words to weigh, relevance has nothing to say: newest first.
		sortBy = []string{"-" + schema.TimeField, "_id"}
	case req.Sort == SortOldest:
		sortBy = []string{schema.TimeField, "_id"}
	default:
		// Ages are taken from the hour, not the moment: a score that
		// moved between two pages' requests would let search_after skip
		// or repeat a hit at the page break.
		q = &recencyQuery{q: q, now: start.Truncate(time.Hour), times: x.times}
	}
	fetch := req.Size
	switch {
	case req.Numbered:
		fetch = req.Size + 1 // one more says whether a page follows (or, going back, precedes)
	case !req.AllCopies:
		fetch = min(req.Size*3, MaxSize*3) // room to fold copies and still fill the page
	}
	sr := bleve.NewSearchRequestOptions(q, fetch, req.From, false)
	sr.SortBy(sortBy)
	// Fields and highlights are loaded afterwards, for the hits Bleve
	// returns, not for each shard's best (fetch per shard).
	switch {
	case req.After != "":
		after, err := decodeAfter(req.After, len(sortBy))
		if err != nil {
			return nil, err
		}
		sr.SetSearchAfter(after)
		sr.From = 0
	case req.Before != "":
		before, err := decodeAfter(req.Before, len(sortBy))
		if err != nil {
			return nil, err
		}
		sr.SetSearchBefore(before)
		sr.From = 0
	}
	var hist histogram
	if !req.NoFacets {
		hist, err = x.window(ctx, match, pq, start)
		if err != nil {
			return nil, err
		}
	}
	var res *bleve.SearchResult
	if req.Before == "" {
		// The months in the order of the sort, those that cannot place a
		// hit on the page left out.
		order := req.Sort
		if order == SortRelevance && !pq.HasText() {
			order = SortNewest
		}
		res, err = x.searchInOrder(ctx, shards, sr, sortBy, order, queryKey(match), start.Truncate(time.Hour))
	} else {
		res, err = idx.SearchInContext(ctx, sr)
	}
	if err != nil {
		return nil, searchError(err)
	}
	if out.MissedShards, err = x.missedShards(ctx, res.Status); err != nil {
		return nil, err
	}
	out.Partial = len(out.MissedShards) > 0
	out.Total = res.Total
	if err := loadHits(ctx, shards, match, res.Hits, pq.HasText()); err != nil {
		return nil, err
	}
	if err := x.collectHits(out, res.Hits, req, pq.HasText(), len(res.Hits) == sr.Size); err != nil {
		return nil, err
	}
	if !req.NoFacets {
		// Counted apart from the hits, shard by shard, so that a shard's
		// counts can be kept until it changes.
		fr, st, approx := x.shardFacets(ctx, shards, match, hist)
		missed, err := x.missedShards(ctx, st)
		if err != nil {
			return nil, err
		}
		for _, m := range missed {
			if !slices.Contains(out.MissedShards, m) {
				out.MissedShards = append(out.MissedShards, m)
			}
		}
		slices.Sort(out.MissedShards)
		out.Partial = len(out.MissedShards) > 0
		out.Facets = x.facets(fr, hist)
		out.Facets.Approximate = approx
	}
	out.TookMs = time.Since(start).Milliseconds()
	return out, nil
}

// missedShards names the shards a search over several of them could not
// read: Bleve answers with the others' hits and counts the failures in the
// status only. When none answered, the search failed, and the error says
// why (the deadline, most often).
func (x *Index) missedShards(ctx context.Context, st *bleve.SearchStatus) ([]string, error) {
	if st == nil || st.Failed == 0 {
		return nil, nil
	}
	var missed []string
	var firstErr error
	for name, err := range st.Errors {
		missed = append(missed, filepath.Base(name))
		if firstErr == nil || errors.Is(err, context.DeadlineExceeded) {
			firstErr = err
		}
	}
	slices.Sort(missed)
	if st.Successful == 0 {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("index: search: %w", ctx.Err())
		}
		return nil, searchError(firstErr)
	}
	x.log.Warn("search answered without some shards", "missed", missed, "err", firstErr)
	return missed, nil
}

// wholeResult is for the index's own lookups (where an article is, its
// story's copies, one article), which must see every shard: a shard that
// did not answer is an error, never a smaller answer.
func wholeResult(res *bleve.SearchResult, err error) (*bleve.SearchResult, error) {
	if err != nil {
		return nil, err
	}
	if st := res.Status; st != nil && st.Failed > 0 {
		for name, err := range st.Errors {
			return nil, fmt.Errorf("shard %s: %w", filepath.Base(name), err)
		}
	}
	return res, nil
}

// searchError turns the errors a query can only reveal while it runs
// (a regular expression that does not compile) into ErrBadQuery.
func searchError(err error) error {
	var reErr *syntax.Error
	if errors.As(err, &reErr) {
		return dwquery.BadQuery("%v", reErr)
	}
	if strings.Contains(err.Error(), "TooManyTermSearchers") {
		// Bleve's own bound, which the query limits should keep a search
		// from reaching.
		return dwquery.BadQuery("the query asks too much of the index; make it simpler")
	}
	return fmt.Errorf("index: search: %w", err)
}

// loadHits fills hits' stored fields, and their highlights when the query
// has words, asking each shard for its own hits by id: a search over
// several shards would load the fields of each shard's best, most of which
// the merged list leaves out. The highlights come from the query's matches
// in each document, as in the search itself.
func loadHits(ctx context.Context, shards []bleve.Index, q query.Query, hits search.DocumentMatchCollection, highlighted bool) error {
	byShard := map[string][]*search.DocumentMatch{}
	for _, h := range hits {
		byShard[h.Index] = append(byShard[h.Index], h)
	}
	for _, b := range shards {
		hs := byShard[b.Name()]
		if len(hs) == 0 {
			continue
		}
		ids := make([]string, len(hs))
		for i, h := range hs {
			ids[i] = h.ID
		}
		sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), q), len(ids), 0, false)
		sr.Fields = []string{schema.RawField, schema.StoryField, "text"}
		sr.Score = "none"
		if highlighted {
			sr.Highlight = bleve.NewHighlightWithStyle(bhtml.Name)
			sr.Highlight.AddField("title")
			sr.Highlight.AddField("text")
		}
		res, err := b.SearchInContext(ctx, sr)
		if err != nil {
			return fmt.Errorf("index: load hits from shard %s: %w", filepath.Base(b.Name()), searchError(err))
		}
		got := make(map[string]*search.DocumentMatch, len(res.Hits))
		for _, h := range res.Hits {
			got[h.ID] = h
		}
		for _, h := range hs {
			g, ok := got[h.ID]
			if !ok {
				return fmt.Errorf("index: hit %s left shard %s while it was read; search again", h.ID, filepath.Base(b.Name()))
			}
			h.Fields, h.Fragments = g.Fields, g.Fragments
		}
	}
	return nil
}

// collectHits turns Bleve's hits into the page, folding later copies of a
// wire story into its first hit.
// more says Bleve returned a full page, so hits may follow.
func (x *Index) collectHits(out *Result, hits search.DocumentMatchCollection, req Request, highlighted, more bool) error {
	if req.Numbered {
		// The page is exactly the articles Bleve gave, less the one
		// fetched beyond them to see whether the walk goes on.
		var prev, next bool
		if req.Before != "" {
			if len(hits) > req.Size {
				hits, prev = hits[len(hits)-req.Size:], true
			}
			next = true // the page the walk came from
		} else {
			if len(hits) > req.Size {
				hits, next = hits[:req.Size], true
			}
			prev = req.From > 0 || req.After != ""
		}
		if _, _, err := x.fold(out, hits, req, highlighted, len(hits)); err != nil {
			return err
		}
		if len(hits) > 0 && prev {
			out.Prev = encodeAfter(hits[0])
		}
		if len(hits) > 0 && next {
			out.Next = encodeAfter(hits[len(hits)-1])
		}
		return nil
	}
	last, full, err := x.fold(out, hits, req, highlighted, req.Size)
	if err != nil {
		return err
	}
	if last != nil && (more || full) {
		out.Next = encodeAfter(last)
	}
	return nil
}

// fold adds hits to out, at most limit stories, each later copy of a wire
// story going into its first hit's Also unless req asks for all copies.
// It returns the last hit it took, and whether it stopped because the
// page was full.
func (x *Index) fold(out *Result, hits search.DocumentMatchCollection, req Request, highlighted bool, limit int) (last *search.DocumentMatch, full bool, err error) {
	byStory := map[string]int{} // story → index in out.Hits
	for _, h := range hits {
		a, err := fromRaw(h.Fields[schema.RawField])
		if err != nil {
			return nil, false, fmt.Errorf("index: hit %s: %w", h.ID, err)
		}
		story, _ := h.Fields[schema.StoryField].(string)
		if i, ok := byStory[story]; ok && story != "" && !req.AllCopies {
			if len(out.Hits[i].Also) < 20 {
				out.Hits[i].Also = append(out.Hits[i].Also, Copy{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Published: a.Published})
			}
			last = h
			continue
		}
		if len(out.Hits) == limit {
			return last, true, nil // the page is full; the next page starts after last
		}
		text, _ := h.Fields["text"].(string)
		hit := Hit{Article: *a, Score: h.Score, Story: story, Snippet: snippet(h, text, highlighted)}
		if highlighted && len(h.Fragments["title"]) > 0 {
			hit.TitleHTML = strings.ToValidUTF8(h.Fragments["title"][0], "")
		}
		byStory[story] = len(out.Hits)
		out.Hits = append(out.Hits, hit)
		last = h
	}
	return last, false, nil
}

// snippet is the text fragments that match, or the text's opening, as HTML.
func snippet(h *search.DocumentMatch, text string, highlighted bool) string {
	if highlighted {
		if frags := h.Fragments["text"]; len(frags) > 0 {
			return strings.ToValidUTF8(strings.Join(frags[:min(2, len(frags))], " … "), "")
		}
	}
	return dwquery.PlainSnippet(text)
}

// encodeAfter is the token that pages on from h. Bleve gives a score's
// place in h.Sort as the word "_score"; search_after needs the number.
func encodeAfter(h *search.DocumentMatch) string {
	keys := slices.Clone(h.Sort)
	if len(keys) > 0 && keys[0] == "_score" { // only relevance sorts by score, and first
		keys[0] = strconv.FormatFloat(h.Score, 'g', -1, 64)
	}
	data, _ := json.Marshal(keys) // a []string always marshals
	return base64.RawURLEncoding.EncodeToString(data)
}

func decodeAfter(s string, n int) ([]string, error) {
	data, err := base64.RawURLEncoding.DecodeString(s)
	var keys []string
	if err == nil {
		err = json.Unmarshal(data, &keys)
	}
	if err != nil || len(keys) != n {
		return nil, dwquery.BadQuery("after: not a token from this search's \"next\" (was the sort changed?)")
	}
	return keys, nil
}

// histogram is the publication window a result's bars cover.
type histogram struct {
	from, to time.Time
	interval string
	bars     []time.Time // start of each bar
}

// Histogram bounds: spans up to these many days get bars of a day, a week
// or a month; longer ones a bar a year. Every span stays within about a
// hundred bars, which a column of the page can still draw apart.
const (
	dayBars   = 92
	weekBars  = 2 * 366
	monthBars = 10 * 366
	maxBars   = 400 // against a window no article can have: years 0 to 9999
)

// window picks the histogram's span: the query's own window where it sets
// one, else from the oldest to the newest matching article, so the chart
// shows every match however far apart they lie. A recent window open at
// its end (last:7d) runs to today. x.mu must be held for reading.
func (x *Index) window(ctx context.Context, q query.Query, pq *dwquery.Query, now time.Time) (histogram, error) {
	from, to := pq.Window()
	endOfToday := now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	if to.IsZero() {
		to = endOfToday
		if from.IsZero() || to.Sub(from) > dayBars*24*time.Hour {
			newest, err := x.edge(ctx, q, true)
			if err != nil {
				return histogram{}, err
			}
			if !newest.IsZero() {
				// The newest match is a moment inside its day: end after it.
				to = newest.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
			}
		}
	}
	to = to.UTC()
	if from.IsZero() {
		oldest, err := x.edge(ctx, q, false)
		if err != nil {
			return histogram{}, err
		}
		from = oldest
	}
	if from.IsZero() || !from.Before(to) {
		from = to.AddDate(0, 0, -30) // nothing dated matches: an empty month
	}
	from = from.UTC().Truncate(24 * time.Hour)
	h := histogram{from: from, to: to}
	switch days := to.Sub(from).Hours() / 24; {
	case days <= dayBars:
		h.interval = "day"
	case days <= weekBars:
		h.interval = "week"
	case days <= monthBars:
		h.interval = "month"
	default:
		h.interval = "year"
	}
	for t := barStart(from, h.interval); t.Before(to) && len(h.bars) < maxBars; t = nextBar(t, h.interval) {
		h.bars = append(h.bars, t)
	}
	return h, nil
}

// barStart is the start of the bar t falls in: its day, the Monday of its
// week, the first of its month or year.
func barStart(t time.Time, interval string) time.Time {
	t = t.UTC().Truncate(24 * time.Hour)
	switch interval {
	case "week":
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "year":
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

func nextBar(t time.Time, interval string) time.Time {
	switch interval {
	case "week":
		return t.AddDate(0, 0, 7)
	case "month":
		return t.AddDate(0, 1, 0)
	case "year":
		return t.AddDate(1, 0, 0)
	}
	return t.AddDate(0, 0, 1)
}

// edge is the publication time of the newest (or the oldest) article
// matching q, or zero when none is dated. It asks the month shards from
// that end and stops at the first that has a match: sorting every match
// in the archive by date, as one search over all shards does, cost as
// much as the search it serves.
func (x *Index) edge(ctx context.Context, q query.Query, newest bool) (time.Time, error) {
	var months []string
	for name := range x.shards {
		if _, _, ok := shardSpan(name); ok {
			months = append(months, name)
		}
	}
	slices.Sort(months)
	order := schema.TimeField
	if newest {
		slices.Reverse(months)
		order = "-" + schema.TimeField
	}
	// A shard's edge for q is kept until the shard changes: the months
	// between the newest and the first with a match are otherwise read
	// again for every search.
	ask := queryKey(q)
	if ask != "" {
		ask = order + " " + ask
	}
	for _, name := range months {
		b := x.shards[name]
		engine, epoch := shardState(b)
		key := facetKey{engine, epoch, ask}
		if engine != nil && ask != "" {
			if e, ok := x.stats.edge(key); ok {
				if e.found {
					return e.t, nil
				}
				continue
			}
		}
		t, found, ok := x.columnEdge(b, q, newest)
		var err error
		if !ok {
			t, found, err = shardEdge(ctx, b, q, order)
		}
		if err != nil {
			if ctx.Err() != nil {
				return time.Time{}, fmt.Errorf("index: search: %w", ctx.Err())
			}
			if errors.Is(searchError(err), defwatch.ErrBadQuery) {
				return time.Time{}, searchError(err)
			}
			// The search itself says this shard was missed; the
			// histogram only needs a place to end.
			continue
		}
		if e2, epoch2 := shardState(b); engine != nil && ask != "" && e2 == engine && epoch2 == epoch {
			x.stats.putEdge(key, edgeStat{t: t, found: found})
		}
		if found {
			return t, nil
		}
	}
	return time.Time{}, nil
}

// shardEdge is the first publication time of q's matches in b in order,
// and whether b has a dated match.
func shardEdge(ctx context.Context, b bleve.Index, q query.Query, order string) (time.Time, bool, error) {
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	sr.SortBy([]string{order})
	sr.Fields = []string{schema.RawField}
	res, err := b.SearchInContext(ctx, sr)
	if err != nil || len(res.Hits) == 0 {
		return time.Time{}, false, err
	}
	// Articles filed by their fetch time have no publication date, and
	// sort after those that have one.
	a, err := fromRaw(res.Hits[0].Fields[schema.RawField])
	if err != nil || a.Published.IsZero() {
		return time.Time{}, false, nil
	}
	return a.Published, true, nil
}

func (h histogram) barEnd(i int) time.Time {
	return nextBar(h.bars[i], h.interval)
}

func addFacets(sr *bleve.SearchRequest, h histogram) {
	// Each shard is asked for every term: Bleve sums the shards' lists,
	// and a term left off one shard's top few would come out short.
	sr.AddFacet("nations", bleve.NewFacetRequest("nations", allTerms))
	sr.AddFacet("sources", bleve.NewFacetRequest(schema.OutletField, allTerms))
	sr.AddFacet("lang", bleve.NewFacetRequest("lang", allTerms))
	sr.AddFacet("meetings", bleve.NewFacetRequest("meetings.kind", allTerms))
	troops := bleve.NewFacetRequest(schema.PeakField, len(troopRanges))
	for _, r := range troopRanges {
		lo, hi := r.min, r.max
		if hi == 0 {
			troops.AddNumericRange(r.label, &lo, nil)
		} else {
			troops.AddNumericRange(r.label, &lo, &hi)
		}
	}
	sr.AddFacet("troops", troops)
	// Counted from the one-term time column: a date facet reads only the
	// term at full precision, and the date field's column holds sixteen.
	pub := bleve.NewFacetRequest(schema.TimeField, len(h.bars))
	for i, t := range h.bars {
		pub.AddDateTimeRange(t.Format(time.DateOnly), t, h.barEnd(i))
	}
	sr.AddFacet("published", pub)
}

func emptyFacets() *Facets {
	return &Facets{Nations: []Bucket{}, Sources: []Bucket{}, Lang: []Bucket{}, Meetings: []Bucket{}, Troops: []Bucket{}, Published: []Day{}, Interval: "day"}
}

func (x *Index) facets(fr search.FacetResults, h histogram) *Facets {
	f := emptyFacets()
	f.Interval = h.interval
	// Bleve sorts the terms it merged, most first, then by term.
	terms := func(name string, size int) []Bucket {
		out := []Bucket{}
		if r, ok := fr[name]; ok && r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				out = append(out, Bucket{Value: t.Term, Count: t.Count})
			}
		}
		return out[:min(len(out), size)]
	}
	f.Nations, f.Lang, f.Meetings = terms("nations", 30), terms("lang", 12), terms("meetings", 8)
	// An outlet may have gone by two names (a page without og:site_name):
	// room to merge them and still fill the list.
	f.Sources = outlets(terms("sources", 2*maxSources))
	if r, ok := fr["troops"]; ok {
		counts := map[string]int{}
		for _, nr := range r.NumericRanges {
			counts[nr.Name] = nr.Count
		}
		for _, tr := range troopRanges {
			f.Troops = append(f.Troops, Bucket{Value: tr.label, Count: counts[tr.label]})
		}
	}
	counts := map[string]int{}
	if r, ok := fr["published"]; ok {
		for _, dr := range r.DateRanges {
			counts[dr.Name] = dr.Count
		}
	}
	for _, t := range h.bars {
		d := t.Format(time.DateOnly)
		f.Published = append(f.Published, Day{Date: d, Count: counts[d]})
	}
	return f
}

// maxSources is the length of the sources facet.
const maxSources = 30

// allTerms is more terms than a facet's field holds.
const allTerms = 1 << 20

// outlets turns the outlet facet's terms ("key\x1fname") into sources by
// key, named by the name most of their articles give, largest first.
func outlets(terms []Bucket) []Bucket {
	type outlet struct {
		Bucket
		best int // articles under Label
	}
	byKey := map[string]*outlet{}
	var order []*outlet
	for _, t := range terms {
		key, name, _ := strings.Cut(t.Value, schema.OutletSep)
		o, ok := byKey[key]
		if !ok {
			o = &outlet{Bucket: Bucket{Value: key}}
			byKey[key] = o
			order = append(order, o)
		}
		o.Count += t.Count
		if t.Count > o.best {
			o.Label, o.best = name, t.Count
		}
	}
	slices.SortStableFunc(order, func(a, b *outlet) int { return b.Count - a.Count })
	out := []Bucket{}
	for _, o := range order[:min(len(order), maxSources)] {
		out = append(out, o.Bucket)
	}
	return out
}
