package index

import (
	"cmp"
	"fmt"
	"hash/maphash"
	"slices"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/defwatch/defwatch/index/schema"
)

// storyTable holds, for the shards a story lookup reaches, every article's
// id, story and simhash, indexed by the hash's four bands: Put finds the
// copies of a batch's articles in memory, where searching the shards for
// the bands and loading each candidate's stored fields had cost about a
// millisecond an article. A shard's entries are read from its stored
// fields when a lookup first reaches it, kept in step with each commit,
// and dropped when no lookup has reached the shard for a while. Articles
// staged but not yet committed are an overlay above the shards, so a batch
// sees the batches staged before it exactly as if they had been committed.
type storyTable struct {
	mu      sync.Mutex
	shards  map[string]*storyShard
	pending map[string]*storyEntry // by id: the newest staged copy
	// pendingBands indexes the overlay; entries no longer in pending are
	// skipped, and swept out once they outnumber the live ones.
	pendingBands [4]map[uint16][]*storyEntry
	stale        int
}

// storyEntry is one article as the story lookup sees it.
type storyEntry struct {
	id, story string
	shard     string // the shard it is in, or will be once committed
	sim       uint64
	// superseded: a later copy was staged for another shard before this
	// one was committed, so this one is never written.
	superseded bool
	prev       *storyEntry // the staged copy this one replaced
}

// storyShard is the committed entries of one shard, kept without a
// pointer the garbage collector must follow: at a million articles the
// entries of the months a lookup reaches were the largest part of the
// index stage's heap, and every collection walked all of them. Entries
// are records in one slice, their ids and stories in one byte slice; the
// records sharing a band value are chained through next, newest first.
type storyShard struct {
	recs  []storyRec
	text  []byte              // the records' ids and stories
	byID  map[uint64]int32    // a record by its id's hash: the id's newest copy
	other map[string]int32    // ids whose hash an earlier id had taken
	heads [4]map[uint16]int32 // by band value, the newest record with it
	used  time.Time
}

// storyRec is one article of a shard: its id and story are text[id:id+idLen]
// and text[story:story+storyLen].
type storyRec struct {
	sim             uint64
	id, story       uint32
	idLen, storyLen uint32
	next            [4]int32 // the next older record with the same band value, or -1
}

// storySeed hashes ids for storyShard.byID.
var storySeed = maphash.MakeSeed()

// storyIdle is how long a shard's entries stay in memory unused: a live
// stream reaches only the newest shards, a backfill all of them while it
// lasts.
const storyIdle = 10 * time.Minute

func newStoryTable() *storyTable {
	t := &storyTable{shards: map[string]*storyShard{}, pending: map[string]*storyEntry{}}
	t.resetPendingBands()
	return t
}

func newStoryShard() *storyShard {
	s := &storyShard{byID: map[uint64]int32{}, other: map[string]int32{}}
	for i := range s.heads {
		s.heads[i] = map[uint16]int32{}
	}
	return s
}

func (t *storyTable) resetPendingBands() {
	for i := range t.pendingBands {
		t.pendingBands[i] = map[uint16][]*storyEntry{}
	}
	t.stale = 0
}

// band is the value of a hash's band i.
func band(sim uint64, i int) uint16 { return uint16(sim >> (16 * i)) }

// put adds a copy of id, which replaces any earlier one.
func (s *storyShard) put(id, story string, sim uint64) {
	r := storyRec{sim: sim, id: uint32(len(s.text)), idLen: uint32(len(id))}
	s.text = append(s.text, id...)
	r.story, r.storyLen = r.id, r.idLen
	if story != id {
		r.story, r.storyLen = uint32(len(s.text)), uint32(len(story))
		s.text = append(s.text, story...)
	}
	n := int32(len(s.recs))
	for i := range r.next {
		r.next[i] = -1
		if sim == 0 {
			continue
		}
		b := band(sim, i)
		if head, ok := s.heads[i][b]; ok {
			r.next[i] = head
		}
		s.heads[i][b] = n
	}
	s.recs = append(s.recs, r)
	s.setID(id, n)
}

// setID names n the record of id.
func (s *storyShard) setID(id string, n int32) {
	h := maphash.String(storySeed, id)
	if k, ok := s.byID[h]; ok && s.idOf(k) != id {
		s.other[id] = n
		return
	}
	s.byID[h] = n
	delete(s.other, id)
}

// lookup is the record of id's newest copy, or -1.
func (s *storyShard) lookup(id string) int32 {
	if k, ok := s.byID[maphash.String(storySeed, id)]; ok && s.idOf(k) == id {
		return k
	}
	if k, ok := s.other[id]; ok {
		return k
	}
	return -1
}

// remove forgets id: its copy left the shard.
func (s *storyShard) remove(id string) {
	h := maphash.String(storySeed, id)
	if k, ok := s.byID[h]; ok && s.idOf(k) == id {
		delete(s.byID, h)
	}
	delete(s.other, id)
}

func (s *storyShard) idOf(n int32) string {
	r := &s.recs[n]
	return string(s.text[r.id : r.id+r.idLen])
}

// entry is record n as the story lookup sees it.
func (s *storyShard) entry(n int32) *storyEntry {
	r := &s.recs[n]
	e := &storyEntry{id: s.idOf(n), sim: r.sim}
	e.story = e.id
	if r.story != r.id {
		e.story = string(s.text[r.story : r.story+r.storyLen])
	}
	return e
}

// load reads the story and simhash of every article in shard b.
func loadStoryShard(b bleve.Index) (*storyShard, error) {
	s := newStoryShard()
	n, err := b.DocCount()
	if err != nil || n == 0 {
		return s, err
	}
	sr := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n), 0, false)
	sr.Fields = []string{schema.StoryField, schema.SimField}
	res, err := wholeResult(b.Search(sr))
	if err != nil {
		return nil, err
	}
	for _, h := range res.Hits {
		story, _ := h.Fields[schema.StoryField].(string)
		sim, _ := h.Fields[schema.SimField].(string)
		s.put(h.ID, story, parseSim(sim))
	}
	return s, nil
}

// candidates returns the entries of the named shards, committed or staged,
// that share a band with any of sims, ordered by id. open returns a shard's
// Bleve index, or nil when the shard does not exist yet.
func (t *storyTable) candidates(names []string, sims []uint64, open func(string) bleve.Index, now time.Time) ([]*storyEntry, error) {
	var want [4]map[uint16]bool
	for i := range want {
		want[i] = map[uint16]bool{}
	}
	for _, sim := range sims {
		if sim == 0 {
			continue
		}
		for i := range want {
			want[i][band(sim, i)] = true
		}
	}
	in := map[string]bool{}
	for _, n := range names {
		in[n] = true
	}
	seen := map[*storyEntry]bool{}
	var out []*storyEntry
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, name := range names {
		s, err := t.shardLocked(name, open)
		if err != nil {
			return nil, err
		}
		s.used = now
		found := map[int32]bool{}
		for i := range want {
			for b := range want[i] {
				head, ok := s.heads[i][b]
				if !ok {
					continue
				}
				for n := head; n >= 0; n = s.recs[n].next[i] {
					if found[n] {
						continue
					}
					found[n] = true
					// Only an id's newest copy counts, and a copy staged
					// since is what the shard will hold.
					if id := s.idOf(n); s.lookup(id) == n && t.pending[id] == nil {
						out = append(out, s.entry(n))
					}
				}
			}
		}
	}
	for i := range want {
		for b := range want[i] {
			for _, e := range t.pendingBands[i][b] {
				if t.pending[e.id] == e && in[e.shard] && !seen[e] {
					seen[e] = true
					out = append(out, e)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b *storyEntry) int { return cmp.Compare(a.id, b.id) })
	return out, nil
}

// shardLocked returns the named shard's entries, loading them first.
func (t *storyTable) shardLocked(name string, open func(string) bleve.Index) (*storyShard, error) {
	if s, ok := t.shards[name]; ok {
		return s, nil
	}
	s := newStoryShard()
	if b := open(name); b != nil {
		var err error
		if s, err = loadStoryShard(b); err != nil {
			return nil, fmt.Errorf("index: read the stories of shard %s: %w", name, err)
		}
	}
	t.shards[name] = s
	return s, nil
}

// stage adds entries to the overlay, in order: a later copy of an id
// replaces an earlier one.
func (t *storyTable) stage(entries []*storyEntry) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, e := range entries {
		if old := t.pending[e.id]; old != nil {
			t.stale++
			e.prev = old
			// Copies for other shards would be written beside this one.
			for p := old; p != nil; p = p.prev {
				if p.shard != e.shard {
					p.superseded = true
				}
			}
		}
		t.pending[e.id] = e
		if e.sim == 0 {
			continue
		}
		for i := range t.pendingBands {
			b := band(e.sim, i)
			t.pendingBands[i][b] = append(t.pendingBands[i][b], e)
		}
	}
}

// pendingShard is the shard an id's staged copy goes to, if one is staged.
func (t *storyTable) pendingShard(id string) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if e := t.pending[id]; e != nil {
		return e.shard, true
	}
	return "", false
}

// superseded says a later copy of e's article goes to another shard.
func (t *storyTable) superseded(e *storyEntry) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return e.superseded
}

// committed moves entries from the overlay into their shards; from names
// the shard each one left, if it moved.
func (t *storyTable) committed(entries []*storyEntry, from []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, e := range entries {
		e.prev = nil
		if t.pending[e.id] == e {
			delete(t.pending, e.id)
			t.stale++
		}
		if from[i] != "" && from[i] != e.shard {
			if s := t.shards[from[i]]; s != nil {
				s.remove(e.id)
			}
		}
		if s := t.shards[e.shard]; s != nil {
			s.put(e.id, e.story, e.sim)
		}
	}
	t.sweepLocked()
}

// failed takes entries whose commit failed out of the overlay. What the
// failure left on disk is unknown, so their shards are read again when
// next needed.
func (t *storyTable) failed(entries []*storyEntry, from []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, e := range entries {
		if t.pending[e.id] == e {
			delete(t.pending, e.id)
			t.stale++
		}
		delete(t.shards, e.shard)
		if from[i] != "" {
			delete(t.shards, from[i])
		}
	}
	t.sweepLocked()
}

// drop forgets a shard's entries (the shard is gone, or long unused).
func (t *storyTable) drop(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.shards, name)
}

// evict drops the shards no lookup reached since before.
func (t *storyTable) evict(before time.Time) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for name, s := range t.shards {
		if s.used.Before(before) {
			delete(t.shards, name)
		}
	}
}

func (t *storyTable) sweepLocked() {
	if len(t.pending) == 0 {
		t.resetPendingBands()
		return
	}
	if t.stale < 1024 || t.stale < len(t.pending) {
		return
	}
	t.resetPendingBands()
	for _, e := range t.pending {
		if e.sim == 0 {
			continue
		}
		for i := range t.pendingBands {
			b := band(e.sim, i)
			t.pendingBands[i][b] = append(t.pendingBands[i][b], e)
		}
	}
}
