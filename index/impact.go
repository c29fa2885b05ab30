package index

import (
	"math"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// A month shard not yet read with a query is bounded instead of read,
// where the query is made of terms only (as a keyword search is): its
// matches are counted exactly from the terms' postings bitmaps (ANDed,
// ORed and subtracted as the query's clauses say, deleted documents
// left out), and its best relevance is bounded by Bleve's TF-IDF
// arithmetic from each term's document frequency in the shard and the
// most the term adds to any one match of a segment: the largest
// sqrt(frequency) × norm among the segment's postings of the term, read
// once while the segment lives. A shard whose bound times the recency of
// its newest day cannot place a hit on the page is then left unread, as
// one whose figures are kept is, and adds its exact count to the total.
// So a keyword asked the first time reads the newest months only.

// impactEntries bounds the terms' impacts kept, about 80 bytes each
// with a short term; past it impacts are read again each time.
const impactEntries = 1 << 18

// impacts keeps, for live segments, the most a term of a field adds to a
// match's relevance before the query's weights: the largest
// sqrt(frequency) × norm over the segment's postings of the term,
// deleted documents included (they only raise it).
type impacts struct {
	mu    sync.Mutex
	m     map[any]*segmentImpacts
	n     int // entries in all segments
	limit int
}

type segmentImpacts struct {
	most map[string]float64 // field "\x00" term
}

func newImpacts(limit int) *impacts {
	return &impacts{m: map[any]*segmentImpacts{}, limit: limit}
}

// most is the most term of field adds in seg, read from its postings pl
// when not kept.
func (c *impacts) most(seg segment.Segment, field, term string, pl segment.PostingsList) (float64, error) {
	key, onGone, ok := segmentKey(seg)
	k := field + "\x00" + term
	if ok {
		c.mu.Lock()
		if s, found := c.m[key]; found {
			if v, found := s.most[k]; found {
				c.mu.Unlock()
				return v, nil
			}
		}
		c.mu.Unlock()
	}
	v, err := mostImpact(pl)
	if err != nil || !ok {
		return v, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	s, found := c.m[key]
	if !found {
		if c.n >= c.limit {
			return v, nil
		}
		s = &segmentImpacts{most: map[string]float64{}}
		c.m[key] = s
		onGone(c.drop)
	}
	if _, dup := s.most[k]; !dup && c.n < c.limit {
		s.most[k] = v
		c.n++
	}
	return v, nil
}

// drop forgets a collected segment's impacts.
func (c *impacts) drop(key any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.m[key]; ok {
		c.n -= len(s.most)
		delete(c.m, key)
	}
}

// mostImpact walks pl's frequencies and norms, as Bleve's term scorer
// reads them.
func mostImpact(pl segment.PostingsList) (float64, error) {
	it := pl.Iterator(true, true, false, nil)
	most := 0.0
	for {
		p, err := it.Next()
		if err != nil {
			return 0, err
		}
		if p == nil {
			return most, nil
		}
		most = max(most, math.Sqrt(float64(p.Frequency()))*p.Norm())
	}
}

// boundNode is a query reduced to what bounding it needs: term leaves
// and how their matches combine.
type boundNode struct {
	op          boundOp
	field, term string
	boost       float64
	kids        []*boundNode // any, all
	must, not   *boundNode   // but: the positive part and what it excludes
	filter      *boundNode   // but: a filter that does not score
	df          uint64       // term: live documents holding it, in the shard
	leaf        int          // term: its place among the query's terms
	scored      bool         // term: whether it scores (not under a must_not or a filter)
}

type boundOp uint8

const (
	opTerm boundOp = iota
	opNone         // Bleve's match-none searcher: nothing, and dropped by a boolean
	opAny          // a disjunction with at most one required
	opAll          // a conjunction
	opBut          // a boolean: must (or should alone), less must_not, within filter
)

// boundTree reduces q to a boundNode, and false when q holds a part
// that cannot be bounded from postings (phrases, ranges, wildcards, a
// disjunction needing two or more, boosts on compound clauses): such a
// query reads every shard as before.
func boundTree(q query.Query) (*boundNode, bool) {
	compoundBoost := func(b *query.Boost) bool { return b == nil || b.Value() == 1 }
	switch q := q.(type) {
	case *query.TermQuery:
		if q.FieldVal == "" || q.BoostVal.Value() <= 0 {
			return nil, false // a lone term ignores its boost; a weightless one scores anyway
		}
		return &boundNode{op: opTerm, field: q.FieldVal, term: q.Term, boost: q.BoostVal.Value()}, true
	case *query.MatchNoneQuery:
		return &boundNode{op: opNone}, true
	case *query.DisjunctionQuery:
		if q.Min > 1 || !compoundBoost(q.BoostVal) {
			return nil, false
		}
		return boundKids(opAny, q.Disjuncts)
	case *query.ConjunctionQuery:
		if !compoundBoost(q.BoostVal) {
			return nil, false
		}
		return boundKids(opAll, q.Conjuncts)
	case *query.BooleanQuery:
		if !compoundBoost(q.BoostVal) {
			return nil, false
		}
		var part [4]*boundNode // must, should, must_not, filter
		for i, sub := range []query.Query{q.Must, q.Should, q.MustNot, q.Filter} {
			if sub == nil {
				continue
			}
			n, ok := boundTree(sub)
			if !ok {
				return nil, false
			}
			// Bleve drops a clause whose searcher matches nothing by
			// construction; a filter stays.
			if n.op != opNone || i == 3 {
				part[i] = n
			}
		}
		must, should, not, filter := part[0], part[1], part[2], part[3]
		switch {
		case must == nil && should == nil && not == nil && filter == nil:
			return &boundNode{op: opNone}, true
		case must != nil && should != nil:
			return nil, false // should then only adds to scores
		case must == nil && should == nil:
			return nil, false // everything, less must_not or within filter
		case must == nil:
			must = should
		}
		return &boundNode{op: opBut, must: must, not: not, filter: filter}, true
	}
	return nil, false
}

func boundKids(op boundOp, qs []query.Query) (*boundNode, bool) {
	if len(qs) == 0 {
		return &boundNode{op: opNone}, true
	}
	n := &boundNode{op: op}
	for _, sub := range qs {
		k, ok := boundTree(sub)
		if !ok {
			return nil, false
		}
		n.kids = append(n.kids, k)
	}
	return n, true
}

// terms calls fn with each term leaf, and whether it scores (not under a
// must_not or a filter).
func (n *boundNode) terms(scores bool, fn func(t *boundNode, scores bool)) {
	switch n.op {
	case opTerm:
		fn(n, scores)
	case opAny, opAll:
		for _, k := range n.kids {
			k.terms(scores, fn)
		}
	case opBut:
		n.must.terms(scores, fn)
		if n.not != nil {
			n.not.terms(false, fn)
		}
		if n.filter != nil {
			n.filter.terms(false, fn)
		}
	}
}

// matches is n's matches in one segment, from its leaves' bitmaps; for
// each disjunction it notes in most the most of its parts one document
// matches.
func (n *boundNode) matches(leaf map[*boundNode]*roaring.Bitmap, most map[*boundNode]int) *roaring.Bitmap {
	switch n.op {
	case opTerm:
		return leaf[n]
	case opAny:
		// atLeast[j]: the documents matching more than j parts so far.
		var atLeast []*roaring.Bitmap
		for _, k := range n.kids {
			b := k.matches(leaf, most)
			if b.IsEmpty() {
				continue
			}
			for j := len(atLeast) - 1; j >= 0; j-- {
				both := roaring.And(atLeast[j], b)
				if both.IsEmpty() {
					continue
				}
				if j+1 == len(atLeast) {
					atLeast = append(atLeast, both)
				} else {
					atLeast[j+1].Or(both)
				}
			}
			if len(atLeast) == 0 {
				atLeast = append(atLeast, b.Clone())
			} else {
				atLeast[0].Or(b)
			}
		}
		most[n] = len(atLeast)
		if len(atLeast) == 0 {
			return roaring.New()
		}
		return atLeast[0]
	case opAll:
		bs := make([]*roaring.Bitmap, len(n.kids))
		for i, k := range n.kids {
			bs[i] = k.matches(leaf, most)
		}
		return roaring.FastAnd(bs...)
	case opBut:
		b := n.must.matches(leaf, most).Clone()
		if n.filter != nil {
			b.And(n.filter.matches(leaf, most))
		}
		if n.not != nil {
			b.AndNot(n.not.matches(leaf, most))
		}
		return b
	}
	return roaring.New()
}

// bound is the most n can score in a segment whose term leaves score at
// most most[leaf] each: a conjunction adds its parts, a disjunction adds
// the parts that match times the share of its parts that do (Bleve's
// coordination), so at most the best m parts' sum times m/n, m up to the
// most parts one document of the segment matches (parts).
func (n *boundNode) bound(most []float64, parts map[*boundNode]int) float64 {
	switch n.op {
	case opTerm:
		return most[n.leaf]
	case opAll:
		var sum float64
		for _, k := range n.kids {
			sum += k.bound(most, parts)
		}
		return sum
	case opAny:
		each := make([]float64, len(n.kids))
		for i, k := range n.kids {
			each[i] = k.bound(most, parts)
		}
		slices.SortFunc(each, func(a, b float64) int { return cmpFloat(b, a) })
		var sum, best float64
		for m, v := range each[:min(len(each), parts[n])] {
			sum += v
			best = max(best, sum*float64(m+1)/float64(len(each)))
		}
		return best
	case opBut:
		return n.must.bound(most, parts)
	}
	return 0
}

// shardBound is the most relevance (before the recency blend) any match
// of q in shard b can have and the number of its matches, without
// running the query; ok is false when q cannot be bounded (see
// boundTree) or b is not a scorch index. With scores false only the
// count is made.
func (x *Index) shardBound(b bleve.Index, q query.Query, scores bool) (best float64, count uint64, ok bool) {
	tree, ok := boundTree(q)
	if !ok {
		return 0, 0, false
	}
	engine, _ := shardState(b)
	if engine == nil {
		return 0, 0, false
	}
	r, err := engine.Reader()
	if err != nil {
		return 0, 0, false
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return 0, 0, false
	}
	docs, err := snap.DocCount()
	if err != nil || docs == 0 {
		return 0, 0, err == nil
	}
	var leaves []*boundNode
	tree.terms(true, func(t *boundNode, s bool) {
		t.leaf, t.scored = len(leaves), s
		leaves = append(leaves, t)
	})
	// Each segment's most of each leaf, then the leaves' weights once
	// their frequencies in the whole shard are known.
	var most [][]float64
	var parts []map[*boundNode]int
	bits := make(map[*boundNode]*roaring.Bitmap, len(leaves))
	for _, ss := range snap.Segments() {
		seg, deleted := ss.Segment(), ss.Deleted()
		segMost := make([]float64, len(leaves))
		dicts := map[string]segment.TermDictionary{}
		for _, t := range leaves {
			d, found := dicts[t.field]
			if !found {
				if d, err = seg.Dictionary(t.field); err != nil {
					return 0, 0, false
				}
				dicts[t.field] = d
			}
			pl, err := d.PostingsList([]byte(t.term), nil, nil)
			if err != nil {
				return 0, 0, false
			}
			or, ok := pl.(interface{ OrInto(*roaring.Bitmap) })
			if !ok {
				return 0, 0, false
			}
			b := roaring.New()
			or.OrInto(b)
			if deleted != nil {
				b.AndNot(deleted)
			}
			bits[t] = b
			live := b.GetCardinality()
			t.df += live
			if scores && t.scored && live > 0 {
				if segMost[t.leaf], err = x.impacts.most(seg, t.field, t.term, pl); err != nil {
					return 0, 0, false
				}
			}
		}
		segParts := map[*boundNode]int{}
		count += tree.matches(bits, segParts).GetCardinality()
		most, parts = append(most, segMost), append(parts, segParts)
	}
	if !scores || count == 0 {
		return 0, count, true
	}
	// Bleve's term scorer: sqrt(freq) × norm × idf × queryWeight, where
	// queryWeight is boost × idf × queryNorm, and the query norm is one
	// over the root of the summed (boost × idf)² of every scoring term,
	// those no document holds included (their idf as if one did).
	idf := func(df uint64) float64 { return 1 + math.Log(float64(docs)/float64(df+1)) }
	var sum float64
	for _, t := range leaves {
		if t.scored {
			w := t.boost * idf(t.df)
			sum += w * w
		}
	}
	norm := 1 / math.Sqrt(sum)
	for j, m := range most {
		for _, t := range leaves {
			i := idf(t.df)
			m[t.leaf] *= i * t.boost * i * norm
		}
		best = max(best, tree.bound(m, parts[j]))
	}
	return best * (1 + 1e-9), count, true
}

// planBound bounds p, a shard not read with q since it changed, where q
// allows (see shardBound). By relevance its best relevance is kept per
// state of the shard and per scoring part of q (what a question asked
// afresh, with another clause left out, shares), so that a shard bounded
// once is bounded again at the cost of a lookup, and counted only if it
// is left out; by date nothing is bounded but the count, made only if
// it is left out.
func (x *Index) planBound(p *shardPlan, q query.Query, order, ask string) {
	if _, ok := boundTree(q); !ok {
		return
	}
	if order != SortRelevance {
		p.stat, p.known, p.bounded, p.countless = shardStat{best: math.Inf(1)}, true, true, true
		return
	}
	key := facetKey{p.engine, p.epoch, "bound " + scoringKey(q)}
	if key.ask != "bound " {
		if st, ok := x.stats.stat(key); ok {
			p.stat, p.known, p.bounded, p.countless = shardStat{best: st.best}, true, true, true
			return
		}
	}
	best, count, ok := x.shardBound(p.b, q, true)
	// Only the state the plan names: a shard that moved on meanwhile is
	// read.
	if e2, epoch2 := shardState(p.b); !ok || e2 != p.engine || epoch2 != p.epoch {
		return
	}
	p.stat, p.known, p.bounded = shardStat{best: best, count: count}, true, true
	if key.ask != "bound " && ask != "" {
		x.stats.putStat(key, shardStat{best: best})
	}
}

// planCount counts p's matches of q for a shard left out unread, as
// planBound left it, and false when the shard moved on meanwhile.
func (x *Index) planCount(p *shardPlan, q query.Query) (uint64, bool) {
	_, count, ok := x.shardBound(p.b, q, false)
	if e2, epoch2 := shardState(p.b); !ok || e2 != p.engine || epoch2 != p.epoch {
		return 0, false
	}
	return count, true
}

// scoringKey is the JSON of the part of q that scores: a boolean's must
// (or should alone), else q; "" when it cannot be told apart by its JSON.
func scoringKey(q query.Query) string {
	if b, ok := q.(*query.BooleanQuery); ok {
		switch {
		case b.Must != nil && b.Should == nil:
			q = b.Must
		case b.Must == nil && b.Should != nil:
			q = b.Should
		}
	}
	return queryKey(q)
}
