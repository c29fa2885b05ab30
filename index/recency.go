package index

import (
	"context"
	"math"
	"sort"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/defwatch/defwatch/index/schema"
)

// recencyQuery scores q's matches by relevance blended with age (see
// recencyFactor), reading each match's publication time as the integer its
// doc value holds: no lookup of its id, no map of its fields, no date
// formatted and parsed again, as a general custom score would do per hit.
type recencyQuery struct {
	q   query.Query
	now time.Time
	// seen, when set, is told the best relevance and the number of
	// matches once the shard's searcher has run to its end.
	seen *shardSeen
	// flat leaves the scores as they are: the query only counts.
	flat bool
	// page, when set, says which matches can place on the page the
	// search collects (see pageBound).
	page *pageBound
	// from and before, when set, bound when the dated matches were
	// published: their month shard's span. A match that could not place
	// even at the best its shard allows is passed over without its time
	// read (see recencySearcher.passOver).
	from, before time.Time
	// dropped, when set, is added the number of matches the searcher
	// dropped as unable to place on the page (see recencySearcher.keep):
	// the search's total less them.
	dropped *atomic.Uint64
	// times, when set, keeps segments' publication times in columns
	// (see timeColumns); without it each match's is read from its doc
	// values.
	times *timeColumns
	// only, when set, lets the shard be read at the few matches that
	// can score above the page's floor, where every other match is known
	// not to (see Index.candidates).
	only *onlyRead
}

// onlyRead is what reading a shard at its candidates needs: the index's
// impacts and the blended score a hit must beat to place.
type onlyRead struct {
	x     *Index
	floor float64
}

func (r *recencyQuery) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	child, err := r.q.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	rs := &recencySearcher{Searcher: child, flat: r.flat, now: r.now, seen: r.seen, most: 1, goctx: ctx}
	if r.page != nil && r.page.need > 0 {
		rs.dropped = r.dropped // only a page's bound names matches unplaced
	}
	if r.page != nil {
		rs.page = *r.page // each searcher keeps its own
		rs.holding = rs.dropped != nil && rs.page.need <= holdMax/4
	}
	if !r.before.IsZero() {
		// A hair above the factor itself, so that rounding in the
		// factor of a match published a moment earlier cannot put its
		// score above this bound.
		rs.most = min(1, recencyFactor(r.now, r.before)*(1+1e-9))
		rs.from, rs.before = r.from, r.before
	}
	if r.flat && r.page == nil {
		return rs, nil // counts only
	}
	rs.readsTime, rs.ir = true, i
	rs.cols = r.times.timesOf(i)
	if rs.cols == nil || !rs.cols.all {
		if err := rs.openDocValues(); err != nil {
			child.Close()
			return nil, err
		}
	}
	if r.seen != nil && !r.flat {
		rs.reader = i // to name the shard's best hits when it has run
	}
	if r.only != nil && !r.flat && r.seen != nil && rs.dropped != nil {
		rs.readOnly(r.only, r.q, i)
	}
	return rs, nil
}

// recencySearcher is its child searcher with every match's score
// blended, unless flat. It reads each match's time when it blends or
// bounds a page by date.
type recencySearcher struct {
	search.Searcher
	flat bool
	// goctx is the search's context; dropped counts the matches it drops
	// (drops of them not added yet).
	goctx   context.Context
	dropped *atomic.Uint64
	drops   uint64
	// readsTime is unset when the searcher only counts. A match's time
	// comes from cols where its segment has a column, else from dv.
	readsTime bool
	ir        bindex.IndexReader
	cols      *snapshotTimes
	dv        bindex.DocValueReader // opened when a time is not in cols
	now       time.Time

	seen     *shardSeen
	best     float64 // relevance before the blend
	count    uint64
	advanced bool // matches were skipped: best and count are not the shard's
	// only, when reading is by candidates: their internal ids still to
	// read, the shard's matches and the bounds of its relevance and of
	// the blended score of any match not among them (see readOnly).
	only               []bindex.IndexInternalID
	byCandidates       bool
	onlyCount, read    uint64
	onlyBest, onlyRest float64
	// reader and top, when seen is set and scores are blended: the
	// shard's best matches so far, kept for the query asked again.
	reader bindex.IndexReader
	top    topHeap
	page   pageBound
	// key is the page key of the match blended last. holding, when set,
	// holds back the matches that could place when read (see hold): the
	// ring held, heldN of them from heldAt. ended is set once the child
	// has no more matches, finished once their counts are added.
	key             uint64
	holding         bool
	held            []heldMatch
	heldAt, heldN   int
	ended, finished bool
	// most is the highest recency factor a match can have: 1 unless
	// the query said when its matches were published by; from and
	// before, when set, are the span their times lie in.
	most         float64
	from, before time.Time
	// visit reads a match's time into nanos, counting the values seen;
	// made once, not per match.
	visit  bindex.DocValueVisitor
	nanos  int64
	values int
}

// visitTime reads TimeField's one term: the time prefix-coded at shift 0.
func (s *recencySearcher) visitTime(_ string, term []byte) {
	if ok, shift := numeric.ValidPrefixCodedTermBytes(term); !ok || shift != 0 {
		return
	}
	if n, err := numeric.PrefixCoded(term).Int64(); err == nil {
		s.nanos = n
		s.values++
	}
}

// readOnly has the searcher read the shard of i at its candidates only,
// when every other match of q there is known to score below the floor.
func (s *recencySearcher) readOnly(o *onlyRead, q query.Query, i bindex.IndexReader) {
	snap, ok := i.(*scorch.IndexSnapshot)
	if !ok {
		return
	}
	tree, ok := boundTree(q)
	if !ok {
		return
	}
	ids, count, best, ok := o.x.candidates(snap, tree, o.floor, s.most)
	if !ok {
		return
	}
	o.x.stats.readByCandidates()
	s.byCandidates, s.onlyCount, s.onlyBest, s.onlyRest = true, count, best, o.floor
	s.only = make([]bindex.IndexInternalID, len(ids))
	for j, n := range ids {
		s.only[j] = bindex.NewIndexInternalID(nil, n)
	}
}

// nextCandidate is the next of the candidates that matches, read by
// advancing the child searcher to it.
func (s *recencySearcher) nextCandidate(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for len(s.only) > 0 {
		id := s.only[0]
		s.only = s.only[1:]
		d, err := s.Searcher.Advance(ctx, id)
		if err != nil || d == nil {
			return d, err
		}
		if d.IndexInternalID.Equals(id) {
			s.read++
			return d, nil
		}
		// Not a match after all (it cannot be, in the snapshot the
		// candidates came from): the child stands past it.
		ctx.DocumentMatchPool.Put(d)
	}
	return nil, nil
}

func (s *recencySearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for {
		if s.heldN > 0 && (s.heldN == holdMax || s.ended || !s.holding) {
			h := s.unhold()
			if !s.page.below(h.key) {
				return s.hand(h.d), nil
			}
			// The matches read since have raised the floor above it.
			if err := s.drop(ctx, h.d); err != nil {
				return nil, err
			}
			continue
		}
		if s.ended {
			s.finish(nil)
			return nil, nil
		}
		var d *search.DocumentMatch
		var err error
		if s.byCandidates {
			d, err = s.nextCandidate(ctx)
		} else {
			d, err = s.Searcher.Next(ctx)
		}
		if d, err = s.take(ctx, d, err); d != nil || err != nil {
			return d, err
		}
	}
}

// take deals with what the child searcher gave, and gives back the match
// to hand on now, if any: an error ends the reading, no match ends the
// child's; a match is blended, then dropped, held back or handed on.
func (s *recencySearcher) take(ctx *search.SearchContext, d *search.DocumentMatch, err error) (*search.DocumentMatch, error) {
	if err != nil {
		s.finish(err)
		return nil, err
	}
	if d == nil {
		s.ended = true
		return nil, nil
	}
	if d, err = s.keep(ctx, d); err != nil || d == nil {
		return nil, err
	}
	if s.holding {
		s.hold(d)
		return nil, nil
	}
	return s.hand(d), nil
}

// finish ends the searcher's reading: what it passed over, handed on and
// dropped is added to its search's counts and, read to its end without
// an error or an advance, its shard's figures to what is seen of it.
// Only the first call counts.
func (s *recencySearcher) finish(err error) {
	if s.finished {
		return
	}
	s.finished = true
	s.page.done()
	best, count := s.best, s.count
	if s.byCandidates {
		// The matches never read count as dropped.
		s.drops += s.onlyCount - min(s.read, s.onlyCount)
		best, count = s.onlyBest, s.onlyCount
	}
	s.flushDropped()
	if err == nil && s.seen != nil && !s.advanced {
		s.seen.finish(best, count, s.kept())
	}
}

func (s *recencySearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	s.advanced = true
	// What is held is handed on from now as it comes, less the matches
	// before id; the child stands past the rest.
	s.holding = false
	for s.heldN > 0 && s.held[s.heldAt].d.IndexInternalID.Compare(id) < 0 {
		ctx.DocumentMatchPool.Put(s.unhold().d)
	}
	switch {
	case s.heldN > 0 || s.ended:
	case s.byCandidates:
		// Read on from the first candidate at or after id: the child
		// is only ever advanced forward.
		s.only = s.only[sort.Search(len(s.only), func(i int) bool { return s.only[i].Compare(id) >= 0 }):]
	default:
		d, err := s.Searcher.Advance(ctx, id)
		if d, err = s.take(ctx, d, err); d != nil || err != nil {
			return d, err
		}
	}
	return s.Next(ctx)
}

// holdMax is the most matches a searcher holds back (see
// recencySearcher.hold), and the most a page may need for it to hold
// any is a quarter of that.
const holdMax = 256

// heldMatch is a match held back and its key on the page.
type heldMatch struct {
	d   *search.DocumentMatch
	key uint64
}

// hold keeps d, a match able to place when it was read, from Bleve's
// collector until holdMax more have been read or the shard has none
// left. Bleve's collector reads the id of every match it is handed that
// could place (its `_id` tie-break), from the match's stored fields. A
// month's matches come in the order its articles were indexed, which
// for a month being written is the order they were published: by
// recency and by date each one read would place, so each had its id
// read. Held back, most are overtaken by the later ones before they are
// handed on, and are dropped unread instead (see Next).
func (s *recencySearcher) hold(d *search.DocumentMatch) {
	if s.held == nil {
		s.held = make([]heldMatch, holdMax)
	}
	s.held[(s.heldAt+s.heldN)%holdMax] = heldMatch{d: d, key: s.key}
	s.heldN++
}

// unhold takes out the match held longest.
func (s *recencySearcher) unhold() heldMatch {
	h := s.held[s.heldAt]
	s.held[s.heldAt] = heldMatch{}
	s.heldAt = (s.heldAt + 1) % holdMax
	s.heldN--
	return h
}

// hand gives d to Bleve's collector, counting it when it can place.
func (s *recencySearcher) hand(d *search.DocumentMatch) *search.DocumentMatch {
	if d.ID != unplaced {
		s.page.handed++
	}
	return d
}

// keep blends d and gives it back, or nil when it is dropped: a match that
// cannot place on the page is not handed to Bleve's collector, which
// would take it, read its sort values (by date, its time again from the
// doc values) and weigh it against its heap only to let it go. The
// search counts it in its total instead (see recencyQuery.dropped).
func (s *recencySearcher) keep(ctx *search.SearchContext, d *search.DocumentMatch) (*search.DocumentMatch, error) {
	if err := s.blend(d); err != nil {
		return nil, err
	}
	if s.dropped == nil || d.ID != unplaced {
		return d, nil
	}
	return nil, s.drop(ctx, d)
}

// drop lets d go, counted in the search's total but not handed on.
func (s *recencySearcher) drop(ctx *search.SearchContext, d *search.DocumentMatch) error {
	ctx.DocumentMatchPool.Put(d)
	// Bleve's collector looks at the deadline every 1,024 matches it is
	// handed; those it is not handed are looked at here.
	if s.drops++; s.drops%1024 == 0 {
		return s.goctx.Err()
	}
	return nil
}

// flushDropped adds the matches dropped to the search's count.
func (s *recencySearcher) flushDropped() {
	if s.dropped != nil {
		s.dropped.Add(s.drops)
		s.drops = 0
	}
}

func (s *recencySearcher) blend(d *search.DocumentMatch) error {
	s.count++
	s.best = max(s.best, d.Score)
	if !s.readsTime {
		return nil // counts only
	}
	if s.passOver(d) {
		return nil
	}
	nanos, dated, err := s.timeOf(d.IndexInternalID)
	if err != nil {
		return err
	}
	if !s.flat {
		rel := d.Score
		d.Score = blended(rel, s.now, nanos, dated)
		if s.reader != nil {
			s.top.offer(d.IndexInternalID, rel, d.Score, nanos, dated)
		}
	}
	s.key = s.page.mark(d, nanos, dated)
	return nil
}

// timeOf is the publication time of the match numbered id, from its
// segment's column or else its doc values.
func (s *recencySearcher) timeOf(id bindex.IndexInternalID) (int64, bool, error) {
	if s.cols != nil {
		if nanos, dated, ok := s.cols.at(id); ok {
			return nanos, dated, nil
		}
	}
	if s.dv == nil {
		if err := s.openDocValues(); err != nil {
			return 0, false, err
		}
	}
	s.nanos, s.values = 0, 0
	if err := s.dv.VisitDocValues(id, s.visit); err != nil {
		return 0, false, err
	}
	return s.nanos, s.values == 1, nil
}

func (s *recencySearcher) openDocValues() (err error) {
	s.dv, err = s.ir.DocValueReader([]string{schema.TimeField})
	s.visit = s.visitTime
	return err
}

// passOver names d unplaced without reading its time when even the
// highest key it could have sorts below the need best matches seen, in
// this shard or another of the search: by relevance its relevance times
// the shard's highest recency, by date the shard's newest (or oldest)
// moment. By relevance it must also be unable to join the shard's kept
// best. Most matches of an old month pass over once the page has filled.
// By relevance its score is then that bound, at least its true score and
// still below the page.
func (s *recencySearcher) passOver(d *search.DocumentMatch) bool {
	b := &s.page
	floor, ok := b.floor()
	if !ok {
		return false
	}
	var most float64
	var k uint64
	switch {
	case b.sort == byScore && !s.flat:
		most = d.Score * s.most
		k = b.key(most, 0, true)
		if s.reader != nil && (len(s.top) < topKept || most > s.top[0].score) {
			return false
		}
	case b.sort == byNewest && !s.before.IsZero():
		k = b.key(0, s.before.UnixNano(), true)
	case b.sort == byOldest && !s.from.IsZero():
		k = b.key(0, s.from.UnixNano(), true)
	default:
		return false
	}
	if k >= floor {
		return false
	}
	if b.sort == byScore {
		d.Score = most
	}
	d.ID = unplaced
	b.passed++
	return true
}

// blended is relevance rel blended with the recency of a publication
// time in nanoseconds, as of now; undated articles count as old. A kept
// hit's score is found again by the same arithmetic, to the last bit.
func blended(rel float64, now time.Time, nanos int64, dated bool) float64 {
	if !dated {
		return rel * 0.3
	}
	return rel * recencyFactor(now, time.Unix(0, nanos))
}

// kept is the shard's best matches as the searcher saw them, named by
// their ids, or nil when they cannot be named.
func (s *recencySearcher) kept() *keptTop {
	if s.reader == nil {
		return nil
	}
	t := &keptTop{hour: s.now, floor: math.Inf(-1), hits: make([]keptHit, 0, len(s.top))}
	if s.count > uint64(len(s.top)) {
		// A match left out scored at most the least one kept.
		t.floor = s.top[0].score
	}
	if s.byCandidates && s.onlyCount > s.count {
		// Those not read scored below the floor they were left under.
		t.floor = max(t.floor, s.onlyRest)
	}
	for _, c := range s.top {
		id, err := s.reader.ExternalID(c.iid)
		if err != nil {
			return nil
		}
		t.hits = append(t.hits, keptHit{id: id, rel: c.rel, nanos: c.nanos, dated: c.dated})
		t.bytes += len(id) + keptHitBytes
	}
	return t
}

// recencyFactor is what relevance keeps of a story's score at its age: all
// of it on the day it runs, half of what it can lose after about three
// weeks, and never less than 30%, so a strong old match still beats a
// weak new one.
func recencyFactor(now, published time.Time) float64 {
	ageDays := math.Max(0, now.Sub(published).Hours()/24)
	return 0.3 + 0.7*math.Exp(-ageDays/30)
}
