package index

import (
	"math"
	mathbits "math/bits"
	"runtime"
	"sort"
	"sync"
	"weak"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/defwatch/defwatch/index/schema"
)

// A search by relevance reads the publication time of every match it
// cannot pass over (the recency blend), and a search by date of every
// match it marks against the page. Read from Bleve's doc values, each time
// costs a chunk lookup, a decompression when the chunk changes and a
// varint walk: about a sixth of a first reading's CPU at a million
// articles. A segment never changes once written, so its times are read
// once, in document order (each chunk decompressed once), into a column
// kept while the segment lives: one int64 and one bit a document.

// timeColumnBytes bounds the columns kept, about 16 million documents'
// times; a segment past it is read from its doc values as before.
const timeColumnBytes = 128 << 20

// timeColumn is one segment's publication times by local document number.
type timeColumn struct {
	nanos      []int64
	dated      []uint64 // bit n: document n has exactly one time, as a dated article has
	first, end int64    // the dated documents' earliest and latest times
}

// at is document n's time and whether it is dated.
func (c *timeColumn) at(n uint64) (int64, bool) {
	return c.nanos[n], c.dated[n>>6]&(1<<(n&63)) != 0
}

// within is the documents dated from from to to, both included.
func (c *timeColumn) within(from, to int64) *roaring.Bitmap {
	b := roaring.New()
	if from > c.end || to < c.first {
		return b
	}
	if from <= c.first && c.end <= to {
		return roaring.FromDense(c.dated, true) // every dated document
	}
	docs := make([]uint32, 0, len(c.nanos))
	for w, bits := range c.dated {
		for bits != 0 {
			n := w<<6 + mathbits.TrailingZeros64(bits)
			bits &= bits - 1
			if t := c.nanos[n]; from <= t && t <= to {
				docs = append(docs, uint32(n))
			}
		}
	}
	b.AddMany(docs)
	return b
}

// timeColumns keeps the columns of live segments (see segmentStore).
type timeColumns struct {
	store segmentStore[timeColumn]
}

func newTimeColumns(limit int64) *timeColumns {
	return &timeColumns{store: segmentStore[timeColumn]{limit: limit}}
}

// column is seg's column, read on first use; nil when seg is of a kind
// not kept or the columns are full.
func (c *timeColumns) column(seg segment.Segment) *timeColumn {
	n := int64(seg.Count())
	size := 8*n + 8*((n+63)/64)
	return c.store.get(seg, "", size, func() (*timeColumn, int64) { return readTimeColumn(seg), size })
}

// segmentStore keeps what is read once from a live segment (a column of
// its documents' values), under a name, keyed by a weak pointer to the
// segment: an entry goes when its segment does (merged away, or replaced
// by its persisted copy), and a new segment at the same address is never
// taken for the old one. The entries are bounded in bytes.
type segmentStore[T any] struct {
	mu    sync.Mutex
	m     map[any]map[string]*storeEntry[T]
	bytes int64
	limit int64
}

type storeEntry[T any] struct {
	once  sync.Once
	v     *T // nil when the segment could not be read
	bytes int64
}

// get is seg's entry of the name, read by read (which says the bytes it
// holds) on first use, guess bytes held for it meanwhile; nil when seg is
// of a kind not kept or the store is full.
func (c *segmentStore[T]) get(seg segment.Segment, name string, guess int64, read func() (*T, int64)) *T {
	k, onGone, ok := segmentKey(seg)
	if !ok {
		return nil
	}
	c.mu.Lock()
	e, ok := c.m[k][name]
	if !ok {
		if c.bytes+guess > c.limit {
			c.mu.Unlock()
			return nil
		}
		if c.m == nil {
			c.m = map[any]map[string]*storeEntry[T]{}
		}
		named, found := c.m[k]
		if !found {
			named = map[string]*storeEntry[T]{}
			c.m[k] = named
			onGone(c.drop)
		}
		e = &storeEntry[T]{bytes: guess}
		named[name] = e
		c.bytes += guess
	}
	c.mu.Unlock()
	e.once.Do(func() {
		v, size := read()
		c.mu.Lock()
		c.bytes += size - e.bytes
		e.bytes = size
		c.mu.Unlock()
		e.v = v
	})
	return e.v
}

// has says whether seg's entry of the name is kept (or being read).
func (c *segmentStore[T]) has(seg segment.Segment, name string) bool {
	k, _, ok := segmentKey(seg)
	if !ok {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, found := c.m[k][name]
	return found
}

// drop forgets a collected segment's entries.
func (c *segmentStore[T]) drop(k any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.m[k] {
		c.bytes -= e.bytes
	}
	delete(c.m, k)
}

// size is the bytes the entries hold and how many segments have one.
func (c *segmentStore[T]) size() (int64, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bytes, len(c.m)
}

// segmentKey is a key for seg that no later segment at the same address
// can share (a weak pointer), and onGone arranges for drop(key) to be
// called once seg is collected; ok is false for a kind of segment not
// kept.
func segmentKey(seg segment.Segment) (key any, onGone func(drop func(any)), ok bool) {
	switch s := seg.(type) {
	case *zap.Segment:
		return weakKey(s)
	case *zap.SegmentBase:
		return weakKey(s)
	}
	return nil, nil, false
}

func weakKey[T any](p *T) (any, func(func(any)), bool) {
	k := weak.Make(p)
	return k, func(drop func(any)) { runtime.AddCleanup(p, drop, any(k)) }, true
}

// TimeColumnBytes is the memory the publication-time columns of the
// index's live segments take (see timeColumns).
func (x *Index) TimeColumnBytes() int64 {
	n, _ := x.times.size()
	return n
}

// size is the bytes the columns hold and how many there are.
func (c *timeColumns) size() (int64, int) { return c.store.size() }

// readTimeColumn reads every document's TimeField term at shift 0, as
// recencySearcher.visitTime does for one match; nil when seg has no doc
// values to visit.
func readTimeColumn(seg segment.Segment) *timeColumn {
	v, ok := seg.(segment.DocValueVisitable)
	if !ok {
		return nil
	}
	n := seg.Count()
	c := &timeColumn{nanos: make([]int64, n), dated: make([]uint64, (n+63)/64), first: math.MaxInt64, end: math.MinInt64}
	fields := []string{schema.TimeField}
	var nanos int64
	var values int
	visit := func(_ string, term []byte) {
		if ok, shift := numeric.ValidPrefixCodedTermBytes(term); !ok || shift != 0 {
			return
		}
		if t, err := numeric.PrefixCoded(term).Int64(); err == nil {
			nanos = t
			values++
		}
	}
	var state segment.DocVisitState
	for d := range n {
		nanos, values = 0, 0
		var err error
		if state, err = v.VisitDocValues(d, fields, visit, state); err != nil {
			return nil
		}
		c.nanos[d] = nanos
		if values == 1 {
			c.dated[d>>6] |= 1 << (d & 63)
			c.first, c.end = min(c.first, nanos), max(c.end, nanos)
		}
	}
	return c
}

// snapshotTimes finds a match's time in the columns of one shard's
// snapshot: its segments' columns and the global number each starts at.
type snapshotTimes struct {
	starts []uint64
	cols   []*timeColumn // nil where a segment has none
	cur    int           // the segment of the last match: matches come in order
	all    bool          // every segment has its column
}

// timesOf is the columns of i's segments, or nil when i is not a scorch
// snapshot.
func (c *timeColumns) timesOf(i bindex.IndexReader) *snapshotTimes {
	snap, ok := i.(*scorch.IndexSnapshot)
	if !ok || c == nil {
		return nil
	}
	segs := snap.Segments()
	t := &snapshotTimes{starts: make([]uint64, len(segs)), cols: make([]*timeColumn, len(segs)), all: true}
	var next uint64
	for j, s := range segs {
		// A snapshot numbers its documents segment after segment, each
		// counted with its deleted ones, as scorch's own offsets do.
		t.starts[j] = next
		next += s.Segment().Count()
		t.cols[j] = c.column(s.Segment())
		t.all = t.all && t.cols[j] != nil
	}
	return t
}

// at is the time of the document numbered id, and ok false when its
// segment has no column.
func (t *snapshotTimes) at(id bindex.IndexInternalID) (nanos int64, dated, ok bool) {
	n := id.Value()
	j := t.cur
	if j >= len(t.starts) || n < t.starts[j] || j+1 < len(t.starts) && n >= t.starts[j+1] {
		j = sort.Search(len(t.starts), func(x int) bool { return t.starts[x] > n }) - 1
		if j < 0 {
			return 0, false, false
		}
		t.cur = j
	}
	c := t.cols[j]
	if c == nil || n-t.starts[j] >= uint64(len(c.nanos)) {
		return 0, false, false
	}
	nanos, dated = c.at(n - t.starts[j])
	return nanos, dated, true
}
