package index

import (
	"hash/maphash"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// A shard's story records: an id's newest copy is the one found, by id and
// by any of its bands; a copy that left the shard is found no more; two
// ids whose hashes collide are each found as themselves.
func TestStoryShardRecords(t *testing.T) {
	s := newStoryShard()
	s.put("a1", "a1", 0x0001_0002_0003_0004)
	s.put("b2", "a1", 0x0001_0009_0009_0009) // a copy of a1's story, sharing a band
	s.put("c3", "c3", 0)                     // no text to hash: in no band
	s.put("a1", "z9", 0x0005_0006_0007_0008) // a1 again, with another story and hash

	got := func(sim uint64) []string {
		t.Helper()
		tbl := newStoryTable()
		tbl.shards["m"] = s
		es, err := tbl.candidates([]string{"m"}, []uint64{sim}, func(string) bleve.Index { return nil }, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.id+">"+e.story)
		}
		return out
	}
	if c := got(0x0001_0000_0000_0000); !slices.Equal(c, []string{"b2>a1"}) {
		t.Errorf("band 3 of 0x0001: %v, want only b2 (a1's first copy was replaced)", c)
	}
	if c := got(0x0000_0000_0007_0000); !slices.Equal(c, []string{"a1>z9"}) {
		t.Errorf("band 1 of 0x0007: %v, want a1's newest copy", c)
	}
	for id, want := range map[string]string{"a1": "a1>z9", "b2": "b2>a1", "c3": "c3>c3"} {
		n := s.lookup(id)
		if n < 0 {
			t.Fatalf("%s not found", id)
		}
		if e := s.entry(n); e.id+">"+e.story != want {
			t.Errorf("%s: %s>%s, want %s", id, e.id, e.story, want)
		}
	}
	s.remove("b2")
	if n := s.lookup("b2"); n >= 0 {
		t.Errorf("b2 found as record %d after it left", n)
	}
	if c := got(0x0001_0000_0000_0000); len(c) != 0 {
		t.Errorf("band 3 of 0x0001 after b2 left: %v, want none", c)
	}

	// d4's hash taken by c3's record, as a collision would.
	s.byID[maphash.String(storySeed, "d4")] = s.lookup("c3")
	s.put("d4", "d4", 0)
	if n := s.lookup("d4"); n < 0 || s.idOf(n) != "d4" {
		t.Fatalf("d4, whose hash collides, found as record %d", n)
	}
	s.remove("d4")
	if n := s.lookup("d4"); n >= 0 {
		t.Errorf("d4 found as record %d after it left", n)
	}
	if n := s.lookup("c3"); n < 0 || s.idOf(n) != "c3" {
		t.Errorf("c3 lost when d4, whose hash collides with it, left")
	}
}
