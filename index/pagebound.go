package index

import (
	"math"
	"strconv"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"

	"github.com/defwatch/defwatch/index/schema"
)

// unplaced is the id a match is given when it cannot place on the page:
// Bleve then sorts it without reading its id from the stored fields.
const unplaced = "\x00"

// pageBound spares Bleve's collector the per-match id lookup its `_id`
// tie-break makes (most of the CPU of a query with many matches, read
// from each match's stored fields): a match that sorts below the need
// best matches already seen can never be among the first need, whatever
// its id, so it is named unplaced and its id is never read. The
// collector sorts by relevance (blended), newest or oldest first, each
// time then by id, and collects need hits. Each match is reduced to a
// key that orders as the sort's first field does, higher first. Only
// the keys of matches sure to come after the page's search_after key
// count: those whose key is below the after key's (a tie needs the id to
// tell).
type pageBound struct {
	need     int
	sort     boundSort
	after    uint64
	hasAfter bool
	best     []uint64 // min-heap of the need best keys seen
	// shared, when set, is what the searchers of one search's shards
	// share; sharedFloor is its floor as last read, read again every
	// few matches (each read of a line the other searchers write costs
	// as much as the rest of a match's bookkeeping).
	shared      *pageShare
	sharedFloor uint64
	reads       uint8
	passed      uint64 // matches passed over, added to shared.passed at the end
	handed      uint64 // matches handed on to place, added to shared.handed at the end
}

// pageShare is shared by the searchers of one search's shards.
type pageShare struct {
	// floor is the highest floor any of them has reached: a key below
	// it is below that shard's need best.
	floor atomic.Uint64
	// passed counts the matches passed over unread, and handed those
	// handed on to Bleve's collector as able to place (each has its id
	// read), for tests and figures: each searcher adds its own counts
	// once, when it ends.
	passed, handed atomic.Uint64
}

// done adds the matches b passed over and handed on to what its search
// shares.
func (b *pageBound) done() {
	if b.shared != nil {
		b.shared.passed.Add(b.passed)
		b.shared.handed.Add(b.handed)
	}
	b.passed, b.handed = 0, 0
}

type boundSort int

const (
	byScore boundSort = iota
	byNewest
	byOldest
)

// newPageBound is the bound for the search sr; nil when sr sorts
// otherwise or pages backwards.
func newPageBound(sr *bleve.SearchRequest) *pageBound {
	if len(sr.Sort) != 2 || sr.SearchBefore != nil || sr.From+sr.Size <= 0 {
		return nil
	}
	if id, ok := sr.Sort[1].(*search.SortDocID); !ok || id.Desc {
		return nil
	}
	b := &pageBound{need: sr.From + sr.Size}
	switch first := sr.Sort[0].(type) {
	case *search.SortScore:
		if !first.Desc {
			return nil
		}
		b.sort = byScore
	case *search.SortField:
		if first.Field != schema.TimeField || first.Type != search.SortFieldAuto || first.Missing != search.SortFieldMissingLast {
			return nil
		}
		b.sort = byOldest
		if first.Desc {
			b.sort = byNewest
		}
	default:
		return nil
	}
	if sr.SearchAfter != nil {
		var ok bool
		if b.after, ok = b.afterKey(sr.SearchAfter[0]); !ok {
			return nil
		}
		b.hasAfter = true
	}
	return b
}

// afterKey is the key of a search_after value of the sort's first field.
func (b *pageBound) afterKey(v string) (uint64, bool) {
	if b.sort == byScore {
		score, err := strconv.ParseFloat(v, 64)
		if err != nil || !(score >= 0) {
			return 0, false
		}
		return b.key(score, 0, false), true
	}
	// A time, as Bleve sorts by it; an undated hit's placeholder is not
	// one, and is left to Bleve.
	if ok, shift := numeric.ValidPrefixCodedTermBytes([]byte(v)); !ok || shift != 0 {
		return 0, false
	}
	nanos, err := numeric.PrefixCoded(v).Int64()
	if err != nil {
		return 0, false
	}
	return b.key(0, nanos, true), true
}

// key orders matches as the sort's first field does, higher first:
// scores (never negative) by their bits, times with the sign bit flipped
// so that they order as unsigned, oldest first by their complement.
// Undated matches sort last either way, at 0, tying with each other.
func (b *pageBound) key(score float64, nanos int64, dated bool) uint64 {
	switch {
	case b.sort == byScore:
		return math.Float64bits(score)
	case !dated:
		return 0
	case b.sort == byNewest:
		return uint64(nanos) ^ 1<<63
	default:
		return ^(uint64(nanos) ^ 1<<63)
	}
}

// floor is the key a match must reach to place: the least of the need
// best this searcher has seen, or a higher one another shard's searcher
// has reached. False while neither is known.
func (b *pageBound) floor() (uint64, bool) {
	var f uint64
	ok := false
	if b.need > 0 && len(b.best) == b.need {
		f, ok = b.best[0], true
	}
	if b.shared != nil {
		if b.reads++; b.reads%32 == 1 {
			b.sharedFloor = b.shared.floor.Load()
		}
		if v := b.sharedFloor; v > f {
			f, ok = v, true
		}
	}
	return f, ok
}

// mark names d unplaced when it cannot place, and counts its key
// otherwise; nanos and dated are its publication time. It gives back d's
// key.
func (b *pageBound) mark(d *search.DocumentMatch, nanos int64, dated bool) uint64 {
	if b.need == 0 {
		return 0
	}
	k := b.key(d.Score, nanos, dated)
	if b.below(k) {
		d.ID = unplaced
		return k
	}
	if b.hasAfter && k >= b.after {
		return k // on or before the key: Bleve needs its id to tell
	}
	h := b.best
	switch {
	case len(h) < b.need:
		b.best = append(h, k)
		siftUp(b.best, len(b.best)-1, lessKey)
	case k > h[0]:
		h[0] = k
		siftDown(h, 0, lessKey)
	default:
		return k
	}
	if b.shared != nil && len(b.best) == b.need && b.best[0] > b.sharedFloor {
		raise(&b.shared.floor, b.best[0])
	}
	return k
}

// below says whether a match of key k can no longer place: the floor
// is known and k is under it.
func (b *pageBound) below(k uint64) bool {
	f, ok := b.floor()
	return ok && k < f
}

// raise sets v to k when k is higher.
func raise(v *atomic.Uint64, k uint64) {
	for {
		old := v.Load()
		if k <= old || v.CompareAndSwap(old, k) {
			return
		}
	}
}

func lessKey(a, b uint64) bool { return a < b }
