package index

// The search as it was before it did work in proportion to what it shows:
// one Bleve search over every shard the query's window reaches, scoring,
// sorting, faceting and loading every hit's fields. The tests keep it as
// the oracle the search must agree with, hit for hit, on the same index.
//
// One change from it as it ran: each shard's facets are asked for in full
// (refFacetSize), where the search asked each for its top terms only and
// added those up, which could leave a term short in the sum.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
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

// refFacetSize is the terms asked of each shard per facet: all of them.
const refFacetSize = 100000

// refTroopRanges are the troop-figure facet's buckets: each article counts
// once, in the range of its largest figure (the greatest maximum).
var refTroopRanges = []struct {
	label    string
	min, max float64 // max exclusive; 0 for none
}{
	{"1–999", 1, 1000}, {"1,000–9,999", 1000, 10000}, {"10,000–99,999", 10000, 100000}, {"100,000+", 100000, 0},
}

// refSearch runs req as the search did.
func (x *Index) refSearch(ctx context.Context, req Request, start time.Time) (*Result, error) {
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
	idx, ok := x.alias(pq.Window())
	if !ok {
		if !req.NoFacets {
			out.Facets = refEmptyFacets()
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
	if q, err = expandWildcards(ctx, q, x.pick(pq.Window())); err != nil {
		return nil, err
	}
	ctx = context.WithValue(ctx, search.MaxTermSearchersKey, maxTermSearchers)
	match := q // without the recency blend, which ordering by date ignores
	sortBy := []string{"-_score", "_id"}
	switch {
	case req.Sort == SortNewest || req.Sort == SortRelevance && !pq.HasText():
		// Without words to weigh, relevance has nothing to say: newest first.
		sortBy = []string{"-published", "_id"}
	case req.Sort == SortOldest:
		sortBy = []string{"published", "_id"}
	default:
		// Ages are taken from the hour, not the moment: a score that
		// moved between two pages' requests would let search_after skip
		// or repeat a hit at the page break.
		q = query.NewCustomScoreQueryWithScorer(q, refRecency(start.Truncate(time.Hour)), []string{"published"}, nil)
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
	sr.Fields = []string{schema.RawField, schema.StoryField, "text"}
	switch {
	case req.After != "":
		after, err := refDecodeAfter(req.After, len(sortBy))
		if err != nil {
			return nil, err
		}
		sr.SetSearchAfter(after)
		sr.From = 0
	case req.Before != "":
		before, err := refDecodeAfter(req.Before, len(sortBy))
		if err != nil {
			return nil, err
		}
		sr.SetSearchBefore(before)
		sr.From = 0
	}
	if pq.HasText() {
		sr.Highlight = bleve.NewHighlightWithStyle(bhtml.Name)
		sr.Highlight.AddField("title")
		sr.Highlight.AddField("text")
	}
	var hist refHistogram
	if !req.NoFacets {
		hist, err = x.refWindow(ctx, match, pq, start)
		if err != nil {
			return nil, err
		}
		refAddFacets(sr, hist)
	}
	res, err := idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, searchError(err)
	}
	if out.MissedShards, err = x.refMissedShards(ctx, res.Status); err != nil {
		return nil, err
	}
	out.Partial = len(out.MissedShards) > 0
	out.Total = res.Total
	if err := x.refCollectHits(out, res.Hits, req, pq.HasText(), len(res.Hits) == sr.Size); err != nil {
		return nil, err
	}
	if !req.NoFacets {
		out.Facets = x.refFacets(res.Facets, hist)
	}
	out.TookMs = time.Since(start).Milliseconds()
	return out, nil
}

// refMissedShards names the shards a search over several of them could not
// read: Bleve answers with the others' hits and counts the failures in the
// status only. When none answered, the search failed, and the error says
// why (the deadline, most often).
func (x *Index) refMissedShards(ctx context.Context, st *bleve.SearchStatus) ([]string, error) {
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

// refRecency blends relevance with age: a story keeps its full score on the
// day it runs, half of what it can lose after about three weeks, and never
// less than 30%, so a strong old match still beats a weak new one.
func refRecency(now time.Time) func(context.Context, *search.DocumentMatch) (float64, error) {
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

// refCollectHits turns Bleve's hits into the page, folding later copies of a
// wire story into its first hit.
// more says Bleve returned a full page, so hits may follow.
func (x *Index) refCollectHits(out *Result, hits search.DocumentMatchCollection, req Request, highlighted, more bool) error {
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
		if _, _, err := x.refFold(out, hits, req, highlighted, len(hits)); err != nil {
			return err
		}
		if len(hits) > 0 && prev {
			out.Prev = refEncodeAfter(hits[0])
		}
		if len(hits) > 0 && next {
			out.Next = refEncodeAfter(hits[len(hits)-1])
		}
		return nil
	}
	last, full, err := x.refFold(out, hits, req, highlighted, req.Size)
	if err != nil {
		return err
	}
	if last != nil && (more || full) {
		out.Next = refEncodeAfter(last)
	}
	return nil
}

// refFold adds hits to out, at most limit stories, each later copy of a wire
// story going into its first hit's Also unless req asks for all copies.
// It returns the last hit it took, and whether it stopped because the
// page was full.
func (x *Index) refFold(out *Result, hits search.DocumentMatchCollection, req Request, highlighted bool, limit int) (last *search.DocumentMatch, full bool, err error) {
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
		hit := Hit{Article: *a, Score: h.Score, Story: story, Snippet: refSnippet(h, text, highlighted)}
		if highlighted && len(h.Fragments["title"]) > 0 {
			hit.TitleHTML = strings.ToValidUTF8(h.Fragments["title"][0], "")
		}
		byStory[story] = len(out.Hits)
		out.Hits = append(out.Hits, hit)
		last = h
	}
	return last, false, nil
}

// refSnippet is the text fragments that match, or the text's opening, as HTML.
func refSnippet(h *search.DocumentMatch, text string, highlighted bool) string {
	if highlighted {
		if frags := h.Fragments["text"]; len(frags) > 0 {
			return strings.ToValidUTF8(strings.Join(frags[:min(2, len(frags))], " … "), "")
		}
	}
	return dwquery.PlainSnippet(text)
}

// refEncodeAfter is the token that pages on from h. Bleve gives a score's
// place in h.Sort as the word "_score"; search_after needs the number.
func refEncodeAfter(h *search.DocumentMatch) string {
	keys := slices.Clone(h.Sort)
	if len(keys) > 0 && keys[0] == "_score" { // only relevance sorts by score, and first
		keys[0] = strconv.FormatFloat(h.Score, 'g', -1, 64)
	}
	data, _ := json.Marshal(keys) // a []string always marshals
	return base64.RawURLEncoding.EncodeToString(data)
}

func refDecodeAfter(s string, n int) ([]string, error) {
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

// refHistogram is the publication window a result's bars cover.
type refHistogram struct {
	from, to time.Time
	interval string
	bars     []time.Time // start of each bar
}

// Histogram bounds: spans up to these many days get bars of a day, a week
// or a month; longer ones a bar a year. Every span stays within about a
// hundred bars, which a column of the page can still draw apart.
const (
	refDayBars   = 92
	refWeekBars  = 2 * 366
	refMonthBars = 10 * 366
	refMaxBars   = 400 // against a window no article can have: years 0 to 9999
)

// refWindow picks the histogram's span: the query's own window where it sets
// one, else from the oldest to the newest matching article, so the chart
// shows every match however far apart they lie. A recent window open at
// its end (last:7d) runs to today. x.mu must be held for reading.
func (x *Index) refWindow(ctx context.Context, q query.Query, pq *dwquery.Query, now time.Time) (refHistogram, error) {
	from, to := pq.Window()
	endOfToday := now.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
	if to.IsZero() {
		to = endOfToday
		if from.IsZero() || to.Sub(from) > refDayBars*24*time.Hour {
			newest, err := x.refEdge(ctx, q, true)
			if err != nil {
				return refHistogram{}, err
			}
			if !newest.IsZero() {
				// The newest match is a moment inside its day: end after it.
				to = newest.UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
			}
		}
	}
	to = to.UTC()
	if from.IsZero() {
		oldest, err := x.refEdge(ctx, q, false)
		if err != nil {
			return refHistogram{}, err
		}
		from = oldest
	}
	if from.IsZero() || !from.Before(to) {
		from = to.AddDate(0, 0, -30) // nothing dated matches: an empty month
	}
	from = from.UTC().Truncate(24 * time.Hour)
	h := refHistogram{from: from, to: to}
	switch days := to.Sub(from).Hours() / 24; {
	case days <= refDayBars:
		h.interval = "day"
	case days <= refWeekBars:
		h.interval = "week"
	case days <= refMonthBars:
		h.interval = "month"
	default:
		h.interval = "year"
	}
	for t := refBarStart(from, h.interval); t.Before(to) && len(h.bars) < refMaxBars; t = refNextBar(t, h.interval) {
		h.bars = append(h.bars, t)
	}
	return h, nil
}

// refBarStart is the start of the bar t falls in: its day, the Monday of its
// week, the first of its month or year.
func refBarStart(t time.Time, interval string) time.Time {
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

func refNextBar(t time.Time, interval string) time.Time {
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

// refEdge is the publication time of the newest (or the oldest) article
// matching q, or zero when none is dated. It asks the month shards from
// that end and stops at the first that has a match: sorting every match
// in the archive by date, as one search over all shards does, cost as
// much as the search it serves.
func (x *Index) refEdge(ctx context.Context, q query.Query, newest bool) (time.Time, error) {
	var months []string
	for name := range x.shards {
		if _, _, ok := shardSpan(name); ok {
			months = append(months, name)
		}
	}
	slices.Sort(months)
	order := "published"
	if newest {
		slices.Reverse(months)
		order = "-published"
	}
	for _, name := range months {
		sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
		sr.SortBy([]string{order})
		sr.Fields = []string{schema.RawField}
		res, err := x.shards[name].SearchInContext(ctx, sr)
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
		if len(res.Hits) == 0 {
			continue
		}
		// Articles filed by their fetch time have no publication date,
		// and sort after those that have one.
		if a, err := fromRaw(res.Hits[0].Fields[schema.RawField]); err == nil && !a.Published.IsZero() {
			return a.Published, nil
		}
	}
	return time.Time{}, nil
}

func (h refHistogram) refBarEnd(i int) time.Time {
	return refNextBar(h.bars[i], h.interval)
}

func refAddFacets(sr *bleve.SearchRequest, h refHistogram) {
	sr.AddFacet("nations", bleve.NewFacetRequest("nations", refFacetSize))
	// An outlet may have gone by two names (a page without og:site_name):
	// room to merge them and still fill the list.
	sr.AddFacet("sources", bleve.NewFacetRequest(schema.OutletField, refFacetSize))
	sr.AddFacet("lang", bleve.NewFacetRequest("lang", refFacetSize))
	sr.AddFacet("meetings", bleve.NewFacetRequest("meetings.kind", refFacetSize))
	troops := bleve.NewFacetRequest(schema.PeakField, len(refTroopRanges))
	for _, r := range refTroopRanges {
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
		pub.AddDateTimeRange(t.Format(time.DateOnly), t, h.refBarEnd(i))
	}
	sr.AddFacet("published", pub)
}

func refEmptyFacets() *Facets {
	return &Facets{Nations: []Bucket{}, Sources: []Bucket{}, Lang: []Bucket{}, Meetings: []Bucket{}, Troops: []Bucket{}, Published: []Day{}, Interval: "day"}
}

func (x *Index) refFacets(fr search.FacetResults, h refHistogram) *Facets {
	f := refEmptyFacets()
	f.Interval = h.interval
	// Bleve sorts the merged terms (most first, then by term); the
	// search asked each shard for these many.
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
	f.Sources = refOutlets(terms("sources", 2*refMaxSources))
	if r, ok := fr["troops"]; ok {
		counts := map[string]int{}
		for _, nr := range r.NumericRanges {
			counts[nr.Name] = nr.Count
		}
		for _, tr := range refTroopRanges {
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

// refMaxSources is the length of the sources facet.
const refMaxSources = 30

// refOutlets turns the outlet facet's terms ("key\x1fname") into sources by
// key, named by the name most of their articles give, largest first.
func refOutlets(terms []Bucket) []Bucket {
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
	for _, o := range order[:min(len(order), refMaxSources)] {
		out = append(out, o.Bucket)
	}
	return out
}
