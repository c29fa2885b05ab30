package index

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp/syntax"
	"slices"
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
)

// Normalize fills defaults and checks bounds.
func (r *Request) Normalize() error {
	r.Query = strings.TrimSpace(r.Query)
	switch {
	case r.Size == 0:
		r.Size = DefaultSize
	case r.Size < 0 || r.Size > MaxSize:
		return dwquery.BadQuery("size must be between 1 and %d", MaxSize)
	}
	if r.From < 0 || r.From > MaxFrom {
		return dwquery.BadQuery("from must be between 0 and %d", MaxFrom)
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
	// Interval is the width of a histogram bar: day, week or month.
	Interval string `json:"interval"`
}

// Result is the answer to a search.
type Result struct {
	Total  uint64  `json:"total"`
	TookMs int64   `json:"took_ms"`
	Hits   []Hit   `json:"hits"`
	Facets *Facets `json:"facets,omitempty"`
	// Next pages on: pass it as the next request's After.
	Next string `json:"next,omitempty"`
}

// Searcher answers searches; the local Index and a NATS client both do.
type Searcher interface {
	Search(ctx context.Context, req Request) (*Result, error)
	Article(ctx context.Context, id string) (*defwatch.Article, error)
}

var _ Searcher = (*Index)(nil)

// troopRanges are the troop-figure facet's buckets, by a figure's maximum.
var troopRanges = []struct {
	label    string
	min, max float64 // max exclusive; 0 for none
}{
	{"1–999", 1, 1000}, {"1,000–9,999", 1000, 10000}, {"10,000–99,999", 10000, 100000}, {"100,000+", 100000, 0},
}

// Search runs req.
func (x *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	if err := req.Normalize(); err != nil {
		return nil, err
	}
	pq, err := dwquery.Parse(req.Query, start)
	if err != nil {
		return nil, err
	}
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := &Result{Hits: []Hit{}}
	idx, ok := x.alias(pq.Window())
	if !ok {
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
	match := q // without the recency blend, which ordering by date ignores
	sortBy := []string{"-_score", "_id"}
	switch {
	case req.Sort == SortNewest || req.Sort == SortRelevance && !pq.HasText():
		// Without words to weigh, relevance has nothing to say: newest first.
		sortBy = []string{"-published", "_id"}
	case req.Sort == SortOldest:
		sortBy = []string{"published", "_id"}
	default:
		q = query.NewCustomScoreQueryWithScorer(q, recency(start), []string{"published"}, nil)
	}
	fetch := req.Size
	if !req.AllCopies {
		fetch = min(req.Size*3, MaxSize*3) // room to fold copies and still fill the page
	}
	sr := bleve.NewSearchRequestOptions(q, fetch, req.From, false)
	sr.SortBy(sortBy)
	sr.Fields = []string{schema.RawField, schema.StoryField, "text"}
	if req.After != "" {
		after, err := decodeAfter(req.After, len(sortBy))
		if err != nil {
			return nil, err
		}
		sr.SetSearchAfter(after)
		sr.From = 0
	}
	if pq.HasText() {
		sr.Highlight = bleve.NewHighlightWithStyle(bhtml.Name)
		sr.Highlight.AddField("title")
		sr.Highlight.AddField("text")
	}
	var hist histogram
	if !req.NoFacets {
		hist, err = x.window(ctx, match, pq, start)
		if err != nil {
			return nil, err
		}
		addFacets(sr, hist)
	}
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, searchError(err)
	}
	out.Total = res.Total
	if err := x.collectHits(out, res.Hits, req, pq.HasText(), len(res.Hits) == sr.Size); err != nil {
		return nil, err
	}
	if !req.NoFacets {
		out.Facets = x.facets(res.Facets, hist)
	}
	out.TookMs = time.Since(start).Milliseconds()
	return out, nil
}

// searchError turns the errors a query can only reveal while it runs
// (a regular expression that does not compile) into ErrBadQuery.
func searchError(err error) error {
	var reErr *syntax.Error
	if errors.As(err, &reErr) {
		return dwquery.BadQuery("%v", reErr)
	}
	return fmt.Errorf("index: search: %w", err)
}

// recency blends relevance with age: a story keeps its full score on the
// day it runs, half of what it can lose after about three weeks, and never
// less than 30%, so a strong old match still beats a weak new one.
func recency(now time.Time) func(context.Context, *search.DocumentMatch) (float64, error) {
	return func(_ context.Context, d *search.DocumentMatch) (float64, error) {
		s, _ := d.Fields["published"].(string)
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return d.Score * 0.3, nil // undated: treat as old
		}
		ageDays := math.Max(0, now.Sub(t).Hours()/24)
		return d.Score * (0.3 + 0.7*math.Exp(-ageDays/30)), nil
	}
}

// collectHits turns Bleve's hits into the page, folding later copies of a
// wire story into its first hit.
// more says Bleve returned a full page, so hits may follow.
func (x *Index) collectHits(out *Result, hits search.DocumentMatchCollection, req Request, highlighted, more bool) error {
	byStory := map[string]int{} // story → index in out.Hits
	var lastSort []string
	for _, h := range hits {
		a, err := fromRaw(h.Fields[schema.RawField])
		if err != nil {
			return fmt.Errorf("index: hit %s: %w", h.ID, err)
		}
		story, _ := h.Fields[schema.StoryField].(string)
		if i, ok := byStory[story]; ok && story != "" && !req.AllCopies {
			if len(out.Hits[i].Also) < 20 {
				out.Hits[i].Also = append(out.Hits[i].Also, Copy{ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title, Published: a.Published})
			}
			lastSort = h.Sort
			continue
		}
		if len(out.Hits) == req.Size {
			more = true // the page is full; the next page starts after lastSort
			break
		}
		text, _ := h.Fields["text"].(string)
		hit := Hit{Article: *a, Score: h.Score, Story: story, Snippet: snippet(h, text, highlighted)}
		if highlighted && len(h.Fragments["title"]) > 0 {
			hit.TitleHTML = strings.ToValidUTF8(h.Fragments["title"][0], "")
		}
		byStory[story] = len(out.Hits)
		out.Hits = append(out.Hits, hit)
		lastSort = h.Sort
	}
	if lastSort != nil && more {
		out.Next = encodeAfter(lastSort)
	}
	return nil
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

func encodeAfter(sort []string) string {
	data, _ := json.Marshal(sort) // a []string always marshals
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

// window picks the histogram's span: the query's own window, or else the
// 30 days up to the newest matching article, so an archive's result still
// draws its bars where its articles are. x.mu must be held for reading.
func (x *Index) window(ctx context.Context, q query.Query, pq *dwquery.Query, now time.Time) (histogram, error) {
	from, to := pq.Window()
	open := to.IsZero()
	if open {
		to = now
		if from.IsZero() {
			newest, err := x.newest(ctx, q)
			if err != nil {
				return histogram{}, err
			}
			if !newest.IsZero() {
				to = newest
			}
		}
	}
	if open {
		// now or the newest match is a moment inside its day: end after it.
		to = to.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	} else {
		to = to.UTC() // the query's own end is already exclusive
	}
	if from.IsZero() || !from.Before(to) {
		from = to.AddDate(0, 0, -30)
	}
	from = from.UTC().Truncate(24 * time.Hour)
	h := histogram{from: from, to: to}
	days := to.Sub(from).Hours() / 24
	switch {
	case days <= 92:
		h.interval = "day"
		for t := from; t.Before(to); t = t.AddDate(0, 0, 1) {
			h.bars = append(h.bars, t)
		}
	case days <= 2*366:
		h.interval = "week"
		for t := from; t.Before(to); t = t.AddDate(0, 0, 7) {
			h.bars = append(h.bars, t)
		}
	default:
		h.interval = "month"
		t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
		for ; t.Before(to) && len(h.bars) < 240; t = t.AddDate(0, 1, 0) {
			h.bars = append(h.bars, t)
		}
	}
	return h, nil
}

// newest is the publication time of the newest article matching q, or zero.
// It asks the month shards newest first and stops at the first that has a
// match: sorting every match in the archive by date, as one search over all
// shards does, cost as much as the search it serves.
func (x *Index) newest(ctx context.Context, q query.Query) (time.Time, error) {
	var months []string
	for name := range x.shards {
		if _, _, ok := shardSpan(name); ok {
			months = append(months, name)
		}
	}
	slices.Sort(months)
	for _, name := range slices.Backward(months) {
		sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
		sr.SortBy([]string{"-published"})
		sr.Fields = []string{schema.RawField}
		res, err := x.shards[name].SearchInContext(ctx, sr)
		if err != nil {
			return time.Time{}, searchError(err)
		}
		if len(res.Hits) == 0 {
			continue
		}
		if a, err := fromRaw(res.Hits[0].Fields[schema.RawField]); err == nil && !a.Published.IsZero() {
			return a.Published, nil
		}
	}
	return time.Time{}, nil
}

func (h histogram) barEnd(i int) time.Time {
	if i+1 < len(h.bars) {
		return h.bars[i+1]
	}
	return h.to
}

func addFacets(sr *bleve.SearchRequest, h histogram) {
	sr.AddFacet("nations", bleve.NewFacetRequest("nations", 30))
	sr.AddFacet("sources", bleve.NewFacetRequest("source", 30))
	sr.AddFacet("lang", bleve.NewFacetRequest("lang", 12))
	sr.AddFacet("meetings", bleve.NewFacetRequest("meetings.kind", 8))
	troops := bleve.NewFacetRequest("troops.max", len(troopRanges))
	for _, r := range troopRanges {
		lo, hi := r.min, r.max
		if hi == 0 {
			troops.AddNumericRange(r.label, &lo, nil)
		} else {
			troops.AddNumericRange(r.label, &lo, &hi)
		}
	}
	sr.AddFacet("troops", troops)
	pub := bleve.NewFacetRequest("published", len(h.bars))
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
	terms := func(name string) []Bucket {
		out := []Bucket{}
		if r, ok := fr[name]; ok && r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				out = append(out, Bucket{Value: t.Term, Count: t.Count})
			}
		}
		return out
	}
	f.Nations, f.Sources, f.Lang, f.Meetings = terms("nations"), terms("sources"), terms("lang"), terms("meetings")
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
