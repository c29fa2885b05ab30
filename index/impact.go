package index

import (
	"cmp"
	"math"
	"slices"
	"sync"
	"time"

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
// One that may place a hit is read, where it can be, at the few
// documents whose terms add most (see candidates).

// impactBytes bounds the terms' impacts kept: each is about 100 bytes
// and eight a document of its best (at most topImpacts of them).
const impactBytes = 48 << 20

// topImpacts is how many of a term's best documents in a segment are kept
// by their number: every other document of the term adds at most the
// least of them, so a month whose other matches cannot place is read at
// those documents only (see candidates).
const topImpacts = 128

// impacts keeps, for live segments, the most a term of a field adds to a
// match's relevance before the query's weights, sqrt(frequency) × norm,
// and the documents it adds most to; deleted documents are included
// (they only raise the figures).
type impacts struct {
	mu    sync.Mutex
	m     map[any]map[string]*termImpact // by segment, then field "\x00" term
	bytes int
	limit int
}

// termImpact is a term's impacts in one segment.
type termImpact struct {
	most float64   // the largest
	rest float64   // at least the most a document not in top adds
	top  []uint32  // the documents of the largest, by number
	at   []float32 // their impacts, rounded up
}

func newImpacts(limit int) *impacts {
	return &impacts{m: map[any]map[string]*termImpact{}, limit: limit}
}

// of is term's impacts in seg, read from its postings pl when not kept.
func (c *impacts) of(seg segment.Segment, field, term string, pl segment.PostingsList) (*termImpact, error) {
	key, onGone, ok := segmentKey(seg)
	k := field + "\x00" + term
	if ok {
		c.mu.Lock()
		ti := c.m[key][k]
		c.mu.Unlock()
		if ti != nil {
			return ti, nil
		}
	}
	ti, err := readImpacts(pl)
	if err != nil || !ok {
		return ti, err
	}
	size := 100 + len(k) + 8*len(ti.top)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bytes+size > c.limit {
		return ti, nil
	}
	terms, found := c.m[key]
	if !found {
		terms = map[string]*termImpact{}
		c.m[key] = terms
		onGone(c.drop)
	}
	if _, dup := terms[k]; !dup {
		terms[k] = ti
		c.bytes += size
	}
	return ti, nil
}

// drop forgets a collected segment's impacts.
func (c *impacts) drop(key any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, ti := range c.m[key] {
		c.bytes -= 100 + len(k) + 8*len(ti.top)
	}
	delete(c.m, key)
}

// readImpacts walks pl's frequencies and norms, as Bleve's term scorer
// reads them, keeping the topImpacts documents it adds most to.
func readImpacts(pl segment.PostingsList) (*termImpact, error) {
	type docImpact struct {
		n uint32
		v float64
	}
	less := func(a, b docImpact) bool { return a.v < b.v }
	var h []docImpact // a min-heap of the largest
	it := pl.Iterator(true, true, false, nil)
	for {
		p, err := it.Next()
		if err != nil {
			return nil, err
		}
		if p == nil {
			break
		}
		d := docImpact{uint32(p.Number()), math.Sqrt(float64(p.Frequency())) * p.Norm()}
		switch {
		case len(h) < topImpacts:
			h = append(h, d)
			siftUp(h, len(h)-1, less)
		case d.v > h[0].v:
			h[0] = d
			siftDown(h, 0, less)
		}
	}
	var rest float64
	if len(h) == topImpacts {
		rest = h[0].v // the least kept: no other is above it
	}
	slices.SortFunc(h, func(a, b docImpact) int { return cmp.Compare(a.n, b.n) })
	ti := &termImpact{rest: rest, top: make([]uint32, len(h)), at: make([]float32, len(h))}
	for i, d := range h {
		ti.most = max(ti.most, d.v)
		ti.top[i] = d.n
		ti.at[i] = float32(d.v)
		if float64(ti.at[i]) < d.v {
			ti.at[i] = math.Nextafter32(ti.at[i], float32(math.Inf(1)))
		}
	}
	return ti, nil
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
	from, to    int64        // span: the publication times matched, both included
}

type boundOp uint8

const (
	opTerm boundOp = iota
	opNone         // Bleve's match-none searcher: nothing, and dropped by a boolean
	opAny          // a disjunction with at most one required
	opAll          // a conjunction
	opBut          // a boolean: must (or should alone), less must_not, within filter
	// Only counted, never bounded (see matchTree):
	opEvery // every document
	opSpan  // the documents published within a span
)

// publishedField is the date field a date range (after:, before:,
// last:) names, matched from the time column (see schema.TimeField).
const publishedField = "published"

// boundTree reduces q to a boundNode, and false when q holds a part
// that cannot be bounded from postings (phrases, ranges, wildcards, a
// disjunction needing two or more, boosts on compound clauses): such a
// query reads every shard as before.
func boundTree(q query.Query) (*boundNode, bool) {
	return reduceQuery(q, false)
}

// matchTree reduces q to a boundNode for its matches only, never for a
// bound: besides what boundTree takes, everything (*) and a span of
// publication dates, read from the segments' time columns.
func matchTree(q query.Query) (*boundNode, bool) {
	return reduceQuery(q, true)
}

func reduceQuery(q query.Query, count bool) (*boundNode, bool) {
	compoundBoost := func(b *query.Boost) bool { return b == nil || b.Value() == 1 }
	switch q := q.(type) {
	case *query.MatchAllQuery:
		if count {
			return &boundNode{op: opEvery}, true
		}
	case *query.DateRangeQuery:
		if count && q.FieldVal == publishedField {
			return spanNode(q)
		}
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
		return boundKids(opAny, q.Disjuncts, count)
	case *query.ConjunctionQuery:
		if !compoundBoost(q.BoostVal) {
			return nil, false
		}
		return boundKids(opAll, q.Conjuncts, count)
	case *query.BooleanQuery:
		if !compoundBoost(q.BoostVal) {
			return nil, false
		}
		var part [4]*boundNode // must, should, must_not, filter
		for i, sub := range []query.Query{q.Must, q.Should, q.MustNot, q.Filter} {
			if sub == nil {
				continue
			}
			n, ok := reduceQuery(sub, count)
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
		case must == nil && should == nil && !count:
			return nil, false // everything, less must_not or within filter
		case must == nil && should == nil:
			should = &boundNode{op: opEvery} // as Bleve starts from every document
		case must == nil:
			must = should
		}
		return &boundNode{op: opBut, must: must, not: not, filter: filter}, true
	}
	return nil, false
}

// spanNode is the publication times a date range matches, as Bleve's
// numeric range searcher reads its ends: the start included and the end
// left out unless the query says otherwise, an open end open; false when
// an end lies outside the times Bleve takes (it refuses the query).
func spanNode(q *query.DateRangeQuery) (*boundNode, bool) {
	if q.Start.IsZero() && q.End.IsZero() {
		return nil, false // Bleve refuses it
	}
	n := &boundNode{op: opSpan, from: math.MinInt64, to: math.MaxInt64}
	valid := func(t time.Time) bool { return t.Year() > 1677 && t.Year() < 2262 }
	if !q.Start.IsZero() {
		if !valid(q.Start.Time) {
			return nil, false
		}
		n.from = q.Start.UnixNano()
		if q.InclusiveStart != nil && !*q.InclusiveStart {
			n.from++
		}
	}
	if !q.End.IsZero() {
		if !valid(q.End.Time) {
			return nil, false
		}
		n.to = q.End.UnixNano()
		if q.InclusiveEnd == nil || !*q.InclusiveEnd {
			n.to--
		}
	}
	return n, true
}

func boundKids(op boundOp, qs []query.Query, count bool) (*boundNode, bool) {
	if len(qs) == 0 {
		return &boundNode{op: opNone}, true
	}
	n := &boundNode{op: op}
	for _, sub := range qs {
		k, ok := reduceQuery(sub, count)
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

// shares says whether n's matches are a leaf's own bitmap, which the
// caller must not change, rather than one made for it.
func (n *boundNode) shares() bool {
	switch n.op {
	case opTerm, opEvery, opSpan:
		return true
	case opAll:
		return len(n.kids) == 1 && n.kids[0].shares()
	}
	return false
}

// mostParts is the most of bs any one document is in. For a few parts
// (a keyword's fields and languages) it is worked out a level at a time
// with bitmaps: after each part, level j holds the documents in more than
// j of the parts so far, so the levels that are not empty at the end count
// the answer. That is a few word-wise ANDs and ORs for each pair of parts,
// where counting document by document visits every match of every part (a
// keyword's parts in two languages never all meet, so there is no
// shortcut). Pairs grow as the square of the parts, so many parts (a long
// OR of words) are counted document by document, and too many for a byte
// are taken to meet all at once, which only loosens the bound.
func mostParts(bs []*roaring.Bitmap) int {
	switch {
	case len(bs) <= 1 || len(bs) >= math.MaxUint8:
		return len(bs)
	case len(bs) > maxLevelParts:
		return mostPartsCounted(bs)
	}
	levels := make([]*roaring.Bitmap, 0, len(bs))
	for _, b := range bs {
		// From the top down, so that each level grows from the one
		// below it as it was before b.
		for j := len(levels); j > 0; j-- {
			meet := roaring.And(levels[j-1], b)
			switch {
			case meet.IsEmpty():
			case j == len(levels):
				levels = append(levels, meet)
			default:
				levels[j].Or(meet)
			}
		}
		if len(levels) == 0 {
			levels = append(levels, b.Clone()) // b may be a leaf's own
		} else {
			levels[0].Or(b)
		}
	}
	return len(levels)
}

// maxLevelParts is the most parts mostParts works out by levels.
const maxLevelParts = 12

// mostPartsCounted is mostParts counted document by document; bs has
// fewer parts than a byte counts.
func mostPartsCounted(bs []*roaring.Bitmap) int {
	var last uint32
	for _, b := range bs {
		last = max(last, b.Maximum())
	}
	in := make([]uint8, int(last)+1)
	buf := make([]uint32, 256)
	var most uint8
	for _, b := range bs {
		it := b.ManyIterator()
		for k := it.NextMany(buf); k > 0; k = it.NextMany(buf) {
			for _, d := range buf[:k] {
				in[d]++
				most = max(most, in[d])
			}
		}
	}
	return int(most)
}

// walk calls fn with n and each node under it.
func (n *boundNode) walk(fn func(*boundNode)) {
	fn(n)
	for _, k := range n.kids {
		k.walk(fn)
	}
	for _, k := range []*boundNode{n.must, n.not, n.filter} {
		if k != nil {
			k.walk(fn)
		}
	}
}

// matches is n's matches in one segment, from its leaves' bitmaps; for
// each disjunction it notes in most (unless nil) the most of its parts
// one document matches.
func (n *boundNode) matches(leaf map[*boundNode]*roaring.Bitmap, most map[*boundNode]int) *roaring.Bitmap {
	switch n.op {
	case opTerm, opEvery, opSpan:
		return leaf[n]
	case opAny:
		var bs []*roaring.Bitmap
		for _, k := range n.kids {
			if b := k.matches(leaf, most); !b.IsEmpty() {
				bs = append(bs, b)
			}
		}
		if most != nil {
			most[n] = mostParts(bs)
		}
		return roaring.FastOr(bs...)
	case opAll:
		bs := make([]*roaring.Bitmap, len(n.kids))
		for i, k := range n.kids {
			bs[i] = k.matches(leaf, most)
		}
		if len(bs) == 1 {
			return bs[0] // shared as its part's (see shares)
		}
		return roaring.FastAnd(bs...)
	case opBut:
		b := n.must.matches(leaf, most)
		if n.must.shares() {
			b = b.Clone() // a leaf's own bitmap, read again after
		}
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
		var room [16]float64
		each := room[:0]
		for _, k := range n.kids {
			each = append(each, k.bound(most, parts))
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
// count is made, of a query matchTree takes.
func (x *Index) shardBound(b bleve.Index, q query.Query, scores bool) (best float64, count uint64, ok bool) {
	tree, ok := boundTree(q)
	if !scores {
		tree, ok = matchTree(q)
	}
	if !ok {
		return 0, 0, false
	}
	snap, done, ok := snapshotOf(b)
	if !ok {
		return 0, 0, false
	}
	defer done()
	e, ok := x.evaluate(snap, tree, scores)
	if !ok {
		return 0, 0, false
	}
	for _, sg := range e.segs {
		best = max(best, tree.bound(sg.most, sg.parts))
	}
	return best * (1 + 1e-9), e.count, true
}

// evaluation is a bound query's figures in one snapshot of a shard.
type evaluation struct {
	count  uint64
	leaves []*boundNode
	weight []float64 // by leaf: what its impact is multiplied by
	segs   []segmentEval
}

// segmentEval is one segment's part: what each leaf adds at most to a
// match's relevance there (weights applied), what it adds at most to a
// match not among its best documents (rest), those documents, and its
// matches.
type segmentEval struct {
	most, rest []float64
	terms      []*termImpact // by leaf; nil where it adds nothing
	bits       []*roaring.Bitmap
	parts      map[*boundNode]int
	matches    *roaring.Bitmap
}

// evaluate reads tree's leaves in each of snap's segments: their live
// postings, counted and combined as the tree says, and with scores their
// impacts weighted by Bleve's TF-IDF arithmetic.
func (x *Index) evaluate(snap *scorch.IndexSnapshot, tree *boundNode, scores bool) (*evaluation, bool) {
	docs, err := snap.DocCount()
	if err != nil {
		return nil, false
	}
	counted := false
	tree.walk(func(n *boundNode) { counted = counted || n.op == opEvery || n.op == opSpan })
	if counted && scores {
		return nil, false // only counted, never bounded (see matchTree)
	}
	e := &evaluation{}
	tree.terms(true, func(t *boundNode, s bool) {
		t.leaf, t.scored, t.df = len(e.leaves), s, 0
		e.leaves = append(e.leaves, t)
	})
	if docs == 0 {
		return e, true
	}
	bits := make(map[*boundNode]*roaring.Bitmap, len(e.leaves))
	for _, ss := range snap.Segments() {
		seg, deleted := ss.Segment(), ss.Deleted()
		n := len(e.leaves)
		sg := segmentEval{most: make([]float64, n), rest: make([]float64, n), terms: make([]*termImpact, n), bits: make([]*roaring.Bitmap, n)}
		if scores {
			sg.parts = map[*boundNode]int{} // a count needs no parts
		}
		dicts := map[string]segment.TermDictionary{}
		for _, t := range e.leaves {
			d, found := dicts[t.field]
			if !found {
				if d, err = seg.Dictionary(t.field); err != nil {
					return nil, false
				}
				dicts[t.field] = d
			}
			pl, err := d.PostingsList([]byte(t.term), nil, nil)
			if err != nil {
				return nil, false
			}
			or, ok := pl.(interface{ OrInto(*roaring.Bitmap) })
			if !ok {
				return nil, false
			}
			b := roaring.New()
			or.OrInto(b)
			if deleted != nil {
				b.AndNot(deleted)
			}
			bits[t], sg.bits[t.leaf] = b, b
			live := b.GetCardinality()
			t.df += live
			if scores && t.scored && live > 0 {
				ti, err := x.impacts.of(seg, t.field, t.term, pl)
				if err != nil {
					return nil, false
				}
				sg.most[t.leaf], sg.rest[t.leaf], sg.terms[t.leaf] = ti.most, ti.rest, ti
			}
		}
		var spanErr bool
		tree.walk(func(n *boundNode) {
			switch {
			case spanErr:
			case n.op == opEvery:
				b := roaring.New()
				b.AddRange(0, seg.Count())
				bits[n] = b
			case n.op == opSpan:
				col := x.times.column(seg)
				if col == nil {
					spanErr = true
					return
				}
				bits[n] = col.within(n.from, n.to)
			default:
				return
			}
			if deleted != nil && !spanErr {
				bits[n].AndNot(deleted)
			}
		})
		if spanErr {
			return nil, false
		}
		sg.matches = tree.matches(bits, sg.parts)
		e.count += sg.matches.GetCardinality()
		e.segs = append(e.segs, sg)
	}
	if !scores || e.count == 0 {
		return e, true
	}
	// Bleve's term scorer: sqrt(freq) × norm × idf × queryWeight, where
	// queryWeight is boost × idf × queryNorm, and the query norm is one
	// over the root of the summed (boost × idf)² of every scoring term,
	// those no document holds included (their idf as if one did).
	idf := func(df uint64) float64 { return 1 + math.Log(float64(docs)/float64(df+1)) }
	var sum float64
	for _, t := range e.leaves {
		if t.scored {
			w := t.boost * idf(t.df)
			sum += w * w
		}
	}
	norm := 1 / math.Sqrt(sum)
	e.weight = make([]float64, len(e.leaves))
	for _, t := range e.leaves {
		i := idf(t.df)
		e.weight[t.leaf] = i * t.boost * i * norm
	}
	for _, sg := range e.segs {
		for l, w := range e.weight {
			sg.most[l] *= w
			sg.rest[l] *= w
		}
	}
	return e, true
}

// candidates are the only matches of tree in snap that can score above
// floor once blended with a recency of at most most: in each segment,
// among its leaves' best documents, those whose own bound (their
// impacts where known, each leaf's rest where not) reaches floor, when
// every other match of the segment scores below it; as internal ids in
// order. ok is false when some segment's other matches could reach floor.
func (x *Index) candidates(snap *scorch.IndexSnapshot, tree *boundNode, floor, most float64) (ids []uint64, count uint64, best float64, ok bool) {
	if !(floor > 0 && most > 0) {
		return nil, 0, 0, false // every match may place
	}
	e, ok := x.evaluate(snap, tree, true)
	if !ok || e.count == 0 {
		return nil, 0, 0, ok
	}
	var start uint64
	at := floor / most / (1 + 1e-9) // the least bound a candidate has
	for i, ss := range snap.Segments() {
		sg := e.segs[i]
		top := tree.bound(sg.most, sg.parts)
		best = max(best, top)
		if tree.bound(sg.rest, sg.parts) >= at {
			return nil, 0, 0, false
		}
		if top >= at { // else none of the segment's matches can reach floor
			ids = sg.candidates(tree, e.weight, at, start, ids)
		}
		// A snapshot numbers its documents segment after segment, each
		// counted with its deleted ones (see snapshotTimes).
		start += ss.Segment().Count()
	}
	return ids, e.count, best * (1 + 1e-9), true
}

// candidates adds to ids (as numbers from start) the segment's matches
// among its leaves' best documents whose bound reaches at, in order. The
// leaves' lists are merged; a document is first bounded as if it held
// every leaf it is not among the best of, which only raises its bound
// (see bound), and only one that passes is looked up in the bitmaps.
func (sg *segmentEval) candidates(tree *boundNode, weight []float64, at float64, start uint64, ids []uint64) []uint64 {
	n := len(sg.terms)
	pos := make([]int, n)
	doc := make([]float64, n)
	inTop := make([]bool, n)
	for {
		next, more := uint32(math.MaxUint32), false
		for l, ti := range sg.terms {
			if top := ti.topOrNil(); pos[l] < len(top) {
				next, more = min(next, top[pos[l]]), true
			}
		}
		if !more {
			return ids
		}
		for l, ti := range sg.terms {
			top := ti.topOrNil()
			inTop[l] = pos[l] < len(top) && top[pos[l]] == next
			switch {
			case inTop[l]:
				doc[l] = float64(ti.at[pos[l]]) * weight[l]
				pos[l]++
			case sg.bits[l] != nil && !sg.bits[l].IsEmpty():
				doc[l] = sg.rest[l]
			default:
				doc[l] = 0
			}
		}
		if tree.bound(doc, sg.parts) < at || !sg.matches.Contains(next) {
			continue
		}
		for l := range doc {
			if !inTop[l] && doc[l] > 0 && !sg.bits[l].Contains(next) {
				doc[l] = 0
			}
		}
		if tree.bound(doc, sg.parts) >= at {
			ids = append(ids, start+uint64(next))
		}
	}
}

// topOrNil is t's best documents, none when t is nil.
func (t *termImpact) topOrNil() []uint32 {
	if t == nil {
		return nil
	}
	return t.top
}

// planBound bounds p, a shard not read with q since it changed, where q
// allows (see shardBound). By relevance its best relevance is kept per
// state of the shard and per scoring part of q (what a question asked
// afresh, with another clause left out, shares), so that a shard bounded
// once is bounded again at the cost of a lookup, and counted only if it
// is left out; by date nothing is bounded but the count, made only if
// it is left out.
func (x *Index) planBound(p *shardPlan, q query.Query, order, ask string) {
	if order != SortRelevance {
		if _, ok := matchTree(q); ok {
			p.stat, p.known, p.bounded, p.countless = shardStat{best: math.Inf(1)}, true, true, true
		}
		return
	}
	if _, ok := boundTree(q); !ok {
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

// columnEdge is what shardEdge finds, the newest (or oldest) publication
// time of q's dated matches in b and whether there is one, read from the
// terms' postings and the segments' time columns instead of a search
// sorted by date; ok is false when q is not made of terms, everything
// and date spans only (see matchTree), or a segment has no column.
func (x *Index) columnEdge(b bleve.Index, q query.Query, newest bool) (t time.Time, found, ok bool) {
	tree, ok := matchTree(q)
	if !ok {
		return time.Time{}, false, false
	}
	snap, done, ok := snapshotOf(b)
	if !ok {
		return time.Time{}, false, false
	}
	defer done()
	e, ok := x.evaluate(snap, tree, false)
	if !ok {
		return time.Time{}, false, false
	}
	var edge int64
	for i, ss := range snap.Segments() {
		if i >= len(e.segs) {
			break // nothing lives in the shard
		}
		col := x.times.column(ss.Segment())
		if col == nil {
			return time.Time{}, false, false
		}
		it := e.segs[i].matches.Iterator()
		for it.HasNext() {
			nanos, dated := col.at(uint64(it.Next()))
			if dated && (!found || newest && nanos > edge || !newest && nanos < edge) {
				edge, found = nanos, true
			}
		}
	}
	if !found {
		return time.Time{}, false, true
	}
	return time.Unix(0, edge), true, true
}

// snapshotOf is the current snapshot of shard b's scorch engine, to be
// let go with done; ok is false when b is not a scorch index or is closed.
func snapshotOf(b bleve.Index) (snap *scorch.IndexSnapshot, done func(), ok bool) {
	engine, _ := shardState(b)
	if engine == nil {
		return nil, nil, false
	}
	r, err := engine.Reader()
	if err != nil {
		return nil, nil, false
	}
	snap, ok = r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, false
	}
	if snap == nil {
		return nil, nil, false // the shard was closed: scorch has no snapshot to give
	}
	return snap, func() { r.Close() }, true
}
