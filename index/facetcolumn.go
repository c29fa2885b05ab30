package index

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Bleve counts a shard's facets by visiting each match's doc values: a
// chunk lookup, a decompression when the chunk changes, and a callback
// and a map lookup by string for every term, about 3 µs of CPU a match
// for our six facets. A segment never changes once written, so its
// facet fields are read once, in document order, into columns kept while
// the segment lives: each field's distinct terms, and for each document
// the numbers of its terms. A query made of terms only has its matches
// as a bitmap from the postings (see evaluate), and its facets are then
// counted over the bitmap from the columns, a few array reads a match,
// to the same figures Bleve's facet builders give.

// facetColumnBytes bounds the columns kept: about 60 bytes a document
// for our facets, some four million documents.
const facetColumnBytes = 256 << 20

// facetColumn is one segment's values of some fields, by local document
// number.
type facetColumn struct {
	fields []fieldColumn
}

// fieldColumn is one field's: document d has the terms numbered
// ords[start[d]:start[d+1]] in terms, or for a field counted by ranges
// the numbers values[start[d]:start[d+1]], its terms at full precision
// (the coarser ones a numeric field also holds are for range queries).
type fieldColumn struct {
	start  []uint32
	ords   []uint32
	terms  []string
	values []int64
}

// facetField is a field a column holds, and whether it is counted by
// ranges of its numbers.
type facetField struct {
	name   string
	ranged bool
}

// facetColumns is the kept columns, by segment and the fields read.
type facetColumns struct {
	store segmentStore[facetColumn]
}

func newFacetColumns(limit int64) *facetColumns {
	return &facetColumns{store: segmentStore[facetColumn]{limit: limit}}
}

// column is seg's column of fields, read on first use; nil when seg is of
// a kind not kept, has no doc values, or the columns are full.
func (c *facetColumns) column(seg segment.Segment, fields []facetField) *facetColumn {
	n := int64(seg.Count())
	guess := int64(len(fields)) * 8 * (n + 1) // a start and about one value a document
	return c.store.get(seg, columnName(fields), guess, func() (*facetColumn, int64) {
		col := readFacetColumn(seg, fields)
		if col == nil {
			return nil, 0
		}
		return col, col.bytes()
	})
}

// FacetColumnBytes is the memory the facet columns of the index's live
// segments take (see facetColumns).
func (x *Index) FacetColumnBytes() int64 {
	n, _ := x.facetCols.store.size()
	return n
}

// visitFacets counts the facets of docs, documents of seg, from their doc
// values as Bleve's builders do; false when a document cannot be counted
// so (see fieldVisitor.doc).
func visitFacets(seg segment.Segment, docs []uint32, fields []facetField, counts map[string]*facetCount) bool {
	byField := make([][]*facetCount, len(fields))
	for _, c := range counts {
		byField[c.field] = append(byField[c.field], c)
	}
	fv, ok := newFieldVisitor(seg, fields, func(i int, term []byte) {
		for _, c := range byField[i] {
			c.terms[string(term)]++
			c.total++
		}
	}, func(i int, v int64) {
		for _, c := range byField[i] {
			c.addValue(v)
		}
	})
	if !ok {
		return false
	}
	for _, d := range docs {
		if !fv.doc(uint64(d)) {
			return false
		}
		for i, n := range fv.found {
			if n == 0 {
				for _, c := range byField[i] {
					c.missing++
				}
			}
		}
	}
	return true
}

// fieldVisitor reads some fields' doc values a document at a time: a term
// of a field counted by ranges as its value at full precision (the
// coarser terms a numeric field also holds are for range queries), the
// others as terms.
type fieldVisitor struct {
	v      segment.DocValueVisitable
	fields []facetField
	names  []string
	state  segment.DocVisitState
	visit  func(field string, term []byte)
	saw    []bool // by field: a term at all, in the document
	found  []int  // by field: the terms or values handed on, in the document
}

// newFieldVisitor reads fields of seg, handing each document's terms to
// onTerm and values to onValue with the field's place in fields; false
// when seg has no doc values to visit.
func newFieldVisitor(seg segment.Segment, fields []facetField, onTerm func(int, []byte), onValue func(int, int64)) (*fieldVisitor, bool) {
	v, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil, false
	}
	fv := &fieldVisitor{v: v, fields: fields, names: make([]string, len(fields)), saw: make([]bool, len(fields)), found: make([]int, len(fields))}
	for i, f := range fields {
		fv.names[i] = f.name
	}
	fv.visit = func(field string, term []byte) {
		i := slices.Index(fv.names, field)
		if i < 0 {
			return
		}
		fv.saw[i] = true
		if !fields[i].ranged {
			fv.found[i]++
			onTerm(i, term)
		} else if v, ok := shiftZero(term); ok {
			fv.found[i]++
			onValue(i, v)
		}
	}
	return fv, true
}

// doc reads document d; false when it cannot be read, or a field counted
// by ranges has terms but none at full precision (Bleve's builders would
// count it as not missing, and neither a column nor a count could tell).
func (fv *fieldVisitor) doc(d uint64) bool {
	clear(fv.saw)
	clear(fv.found)
	var err error
	if fv.state, err = fv.v.VisitDocValues(d, fv.names, fv.visit, fv.state); err != nil {
		return false
	}
	for i, f := range fv.fields {
		if f.ranged && fv.saw[i] && fv.found[i] == 0 {
			return false
		}
	}
	return true
}

// has says whether seg's column of fields is kept already.
func (c *facetColumns) has(seg segment.Segment, fields []facetField) bool {
	return c.store.has(seg, columnName(fields))
}

// columnName names a column of fields in the store.
func columnName(fields []facetField) string {
	var name strings.Builder
	for _, f := range fields {
		name.WriteString(f.key())
	}
	return name.String()
}

// key names f among a column's fields.
func (f facetField) key() string { return fmt.Sprintf("%s\x00%v\x00", f.name, f.ranged) }

// bytes is about the memory col holds.
func (col *facetColumn) bytes() int64 {
	var n int64
	for _, f := range col.fields {
		n += 4*int64(len(f.start)+len(f.ords)) + 8*int64(len(f.values)) + 16*int64(len(f.terms))
		for _, t := range f.terms {
			n += int64(len(t))
		}
	}
	return n
}

// readFacetColumn reads every document's doc values of fields in seg, or
// nil when seg has none to visit, its values run past 32-bit numbers, or
// a document cannot be read so (see fieldVisitor.doc).
func readFacetColumn(seg segment.Segment, fields []facetField) *facetColumn {
	n := seg.Count()
	col := &facetColumn{fields: make([]fieldColumn, len(fields))}
	known := make([]map[string]uint32, len(fields))
	for i, f := range fields {
		col.fields[i].start = make([]uint32, 1, n+1)
		if f.ranged {
			col.fields[i].values = make([]int64, 0, n)
		} else {
			col.fields[i].ords = make([]uint32, 0, n)
			known[i] = map[string]uint32{}
		}
	}
	fv, ok := newFieldVisitor(seg, fields, func(i int, term []byte) {
		f := &col.fields[i]
		ord, found := known[i][string(term)]
		if !found {
			ord = uint32(len(f.terms))
			f.terms = append(f.terms, string(term))
			known[i][f.terms[ord]] = ord
		}
		f.ords = append(f.ords, ord)
	}, func(i int, v int64) {
		col.fields[i].values = append(col.fields[i].values, v)
	})
	if !ok {
		return nil
	}
	for d := range n {
		if !fv.doc(d) {
			return nil
		}
		for i := range col.fields {
			f := &col.fields[i]
			end := len(f.ords) + len(f.values)
			if end >= math.MaxUint32 {
				return nil
			}
			f.start = append(f.start, uint32(end))
		}
	}
	for i := range col.fields {
		f := &col.fields[i]
		f.ords, f.values, f.terms = slices.Clip(f.ords), slices.Clip(f.values), slices.Clip(f.terms)
	}
	return col
}

// facetFields is the fields the facets of req read, in a fixed order.
func facetFields(req bleve.FacetsRequest) []facetField {
	var fields []facetField
	for _, r := range req {
		f := facetField{r.Field, len(r.NumericRanges)+len(r.DateTimeRanges) > 0}
		if !slices.Contains(fields, f) {
			fields = append(fields, f)
		}
	}
	slices.SortFunc(fields, func(a, b facetField) int { return strings.Compare(a.key(), b.key()) })
	return fields
}

// columnFacets counts the facets of req over q's matches in shard b from
// its segments' columns, as b.Search would with req's facets; ok is false
// when q is not made of terms, everything and date spans only (see
// matchTree), a segment has no
// column, or req asks for what the columns do not count (a date range
// given as text); err is ctx's once it is done.
func (x *Index) columnFacets(ctx context.Context, b bleve.Index, q query.Query, req bleve.FacetsRequest) (fr search.FacetResults, ok bool, err error) {
	tree, ok := matchTree(q)
	if !ok || !countable(req) {
		return nil, false, nil
	}
	snap, done, ok := snapshotOf(b)
	if !ok {
		return nil, false, nil
	}
	defer done()
	e, ok := x.evaluate(snap, tree, false)
	if !ok {
		return nil, false, nil
	}
	fields := facetFields(req)
	counts := make(map[string]*facetCount, len(req))
	for name, r := range req {
		c := newFacetCount(r)
		c.field = slices.Index(fields, facetField{r.Field, c.ranged()})
		counts[name] = c
	}
	var docs []uint32
	var perTerm []int
	for i, ss := range snap.Segments() {
		if i >= len(e.segs) {
			break // nothing lives in the shard
		}
		m := e.segs[i].matches
		if m.IsEmpty() {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		docs = matchedDocs(m, docs)
		seg := ss.Segment()
		if 4*uint64(len(docs)) < seg.Count() && !x.facetCols.has(seg, fields) {
			// Reading the column costs about what visiting a quarter of
			// the segment's documents does: a few matches are visited.
			if !visitFacets(seg, docs, fields, counts) {
				return nil, false, nil
			}
			continue
		}
		col := x.facetCols.column(seg, fields)
		if col == nil {
			return nil, false, nil
		}
		for _, c := range counts {
			f := &col.fields[c.field]
			if c.ranged() {
				for _, d := range docs {
					from, to := f.start[d], f.start[d+1]
					if from == to {
						c.missing++
					}
					for _, v := range f.values[from:to] {
						c.addValue(v)
					}
				}
				continue
			}
			perTerm = slices.Grow(perTerm[:0], len(f.terms))[:len(f.terms)]
			clear(perTerm)
			for _, d := range docs {
				from, to := f.start[d], f.start[d+1]
				if from == to {
					c.missing++
				}
				for _, o := range f.ords[from:to] {
					perTerm[o]++
				}
			}
			for o, n := range perTerm {
				if n > 0 {
					c.terms[f.terms[o]] += n
					c.total += n
				}
			}
		}
	}
	fr = make(search.FacetResults, len(counts))
	for name, c := range counts {
		fr[name] = c.result()
	}
	return fr, true, nil
}

// matchedDocs is m's documents, in buf's room.
func matchedDocs(m *roaring.Bitmap, buf []uint32) []uint32 {
	n := int(m.GetCardinality())
	buf = slices.Grow(buf[:0], n)[:n]
	m.ManyIterator().NextMany(buf)
	return buf
}

// countable says whether every facet of req is counted from columns:
// terms, numeric ranges, and date ranges given as times within the
// nanoseconds an int64 holds, each range named once.
func countable(req bleve.FacetsRequest) bool {
	inRange := func(t time.Time) bool {
		return t.IsZero() || t.Year() > 1678 && t.Year() < 2262
	}
	for _, f := range req {
		if len(f.NumericRanges) > 0 && len(f.DateTimeRanges) > 0 {
			return false
		}
		names := map[string]bool{}
		for _, r := range f.NumericRanges {
			if names[r.Name] {
				return false
			}
			names[r.Name] = true
		}
		for _, r := range f.DateTimeRanges {
			if names[r.Name] {
				return false
			}
			names[r.Name] = true
		}
		for _, r := range f.DateTimeRanges {
			if r.DateTimeParser != "" || r.Start.IsZero() && r.End.IsZero() || !inRange(r.Start) || !inRange(r.End) {
				return false
			}
		}
	}
	return true
}

// facetCount is one facet's figures as Bleve's builders keep them.
type facetCount struct {
	req            *bleve.FacetRequest
	field          int            // in the column
	terms          map[string]int // by term, for a terms facet
	ranges         map[string]int // by range name, once counted
	inRange        []int          // by range: the numeric facet's in req's order, the date facet's as in from
	total, missing int
	// A date facet's ranges as nanoseconds, math.MinInt64 and
	// math.MaxInt64 for an open end; sorted by start when they follow
	// one another without overlapping (disjoint), as a histogram's bars
	// do.
	from, to []int64
	names    []string
	disjoint bool
}

func newFacetCount(r *bleve.FacetRequest) *facetCount {
	c := &facetCount{req: r, terms: map[string]int{}, ranges: map[string]int{}}
	c.inRange = make([]int, len(r.NumericRanges)+len(r.DateTimeRanges))
	if len(r.DateTimeRanges) == 0 {
		return c
	}
	order := make([]int, len(r.DateTimeRanges))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return r.DateTimeRanges[a].Start.Compare(r.DateTimeRanges[b].Start) })
	c.disjoint = true
	for i, j := range order {
		dr := r.DateTimeRanges[j]
		from, to := int64(math.MinInt64), int64(math.MaxInt64)
		if !dr.Start.IsZero() {
			from = dr.Start.UnixNano()
		}
		if !dr.End.IsZero() {
			to = dr.End.UnixNano()
		}
		if i > 0 && (dr.Start.IsZero() || from < c.to[i-1]) {
			c.disjoint = false
		}
		c.from, c.to, c.names = append(c.from, from), append(c.to, to), append(c.names, dr.Name)
	}
	return c
}

// ranged says whether the facet counts ranges of numbers.
func (c *facetCount) ranged() bool {
	return len(c.req.NumericRanges)+len(c.req.DateTimeRanges) > 0
}

// addValue counts a value at full precision in each range holding it, as
// a builder's UpdateVisitor does.
func (c *facetCount) addValue(v int64) {
	if len(c.req.NumericRanges) > 0 {
		f := numeric.Int64ToFloat64(v)
		for i, r := range c.req.NumericRanges {
			if (r.Min == nil || f >= *r.Min) && (r.Max == nil || f < *r.Max) {
				c.inRange[i]++
				c.total++
			}
		}
		return
	}
	if c.disjoint {
		// The last range starting at or before v is the only one that
		// may hold it.
		i, found := slices.BinarySearch(c.from, v)
		if !found {
			i--
		}
		if i >= 0 && v < c.to[i] {
			c.inRange[i]++
			c.total++
		}
		return
	}
	for i := range c.from {
		if c.from[i] <= v && v < c.to[i] {
			c.inRange[i]++
			c.total++
		}
	}
}

// shiftZero is the value of a numeric term at full precision, and false
// for a term of a coarser precision (a range query's helper) or none.
func shiftZero(term []byte) (int64, bool) {
	p := numeric.PrefixCoded(term)
	if shift, err := p.Shift(); err != nil || shift != 0 {
		return 0, false
	}
	v, err := p.Int64()
	return v, err == nil
}

// result is the facet as Bleve's builder of its kind gives it.
func (c *facetCount) result() *search.FacetResult {
	rv := &search.FacetResult{Field: c.req.Field, Total: c.total, Missing: c.missing}
	for i, n := range c.inRange {
		if n == 0 {
			continue // a builder names only the ranges it counted
		}
		if len(c.req.NumericRanges) > 0 {
			c.ranges[c.req.NumericRanges[i].Name] = n
		} else {
			c.ranges[c.names[i]] = n
		}
	}
	notOther := 0
	switch {
	case len(c.req.NumericRanges) > 0:
		rv.NumericRanges = make(search.NumericRangeFacets, 0, len(c.ranges))
		for _, r := range c.req.NumericRanges {
			if n, ok := c.ranges[r.Name]; ok {
				rv.NumericRanges = append(rv.NumericRanges, &search.NumericRangeFacet{Name: r.Name, Count: n, Min: r.Min, Max: r.Max})
			}
		}
		sort.Sort(rv.NumericRanges)
		rv.NumericRanges = rv.NumericRanges[:min(len(rv.NumericRanges), c.req.Size)]
		for _, r := range rv.NumericRanges {
			notOther += r.Count
		}
	case len(c.req.DateTimeRanges) > 0:
		rv.DateRanges = make(search.DateRangeFacets, 0, len(c.ranges))
		for _, r := range c.req.DateTimeRanges {
			n, ok := c.ranges[r.Name]
			if !ok {
				continue
			}
			d := &search.DateRangeFacet{Name: r.Name, Count: n}
			if !r.Start.IsZero() {
				s := r.Start.Format(time.RFC3339Nano)
				d.Start = &s
			}
			if !r.End.IsZero() {
				s := r.End.Format(time.RFC3339Nano)
				d.End = &s
			}
			rv.DateRanges = append(rv.DateRanges, d)
		}
		sort.Sort(rv.DateRanges)
		rv.DateRanges = rv.DateRanges[:min(len(rv.DateRanges), c.req.Size)]
		for _, r := range rv.DateRanges {
			notOther += r.Count
		}
	default:
		rv.Terms = &search.TermFacets{}
		for t, n := range c.terms {
			rv.Terms.Add(&search.TermFacet{Term: t, Count: n})
		}
		sort.Sort(rv.Terms)
		rv.Terms.TrimToTopN(min(c.req.Size, rv.Terms.Len()))
		for _, t := range rv.Terms.Terms() {
			notOther += t.Count
		}
	}
	rv.Other = c.total - notOther
	return rv
}
