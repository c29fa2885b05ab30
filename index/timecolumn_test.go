package index

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/defwatch/defwatch"
)

// timeColumnIndex is a month of articles put in several commits, so that
// it has several segments, some undated, with the last commit putting
// again articles of the first: their old copies are deleted in an earlier
// segment, which the index is reopened before, so that it is persisted
// and no merge in memory takes the deleted copies out.
func timeColumnIndex(t *testing.T, now time.Time) *Index {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir)
	for commit := range 4 {
		if commit == 3 {
			if err := idx.Close(); err != nil {
				t.Fatal(err)
			}
			idx = openTest(t, dir)
		}
		var arts []*defwatch.Article
		for i := range 40 {
			id, text := fmt.Sprintf("c%d-%02d", commit, i), "first"
			if commit == 3 && i%4 == 0 {
				id, text = fmt.Sprintf("c0-%02d", i), "revised" // put again, changed
			}
			a := &defwatch.Article{
				ID: id, URL: "https://example.com/" + id, Source: "outlet.example", Lang: "en",
				Title: "Report " + id, Text: fmt.Sprintf("Ukraine %s talks, part %d of the series, %s.", id, i%7, text),
				Published: now.Add(-time.Duration(commit*40+i) * 7 * time.Minute),
			}
			if i%13 == 5 {
				a.Published = time.Time{}
				a.Fetched = now.Add(-time.Duration(i) * time.Minute)
			}
			arts = append(arts, a)
		}
		if _, err := idx.Put(arts); err != nil {
			t.Fatal(err)
		}
	}
	return idx
}

// A segment's column holds what its doc values hold, for every document,
// deleted ones included, and a snapshot finds each document's time in
// the right segment's column.
func TestTimeColumnMatchesDocValues(t *testing.T) {
	// Scorch merges in the background, and a merge that takes in the
	// segment with the deleted copies drops them: the index is built
	// again until it keeps them (most builds do).
	for try := 1; ; try++ {
		idx := timeColumnIndex(t, time.Now().UTC())
		checked, segments, dated, undated, deletedBefore := compareTimeColumns(t, idx)
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		if segments >= 2 && dated > 0 && undated > 0 && deletedBefore > 0 {
			t.Logf("%d documents in %d segments (%d dated, %d undated), build %d", checked, segments, dated, undated, try)
			return
		}
		if try == 20 {
			t.Fatalf("20 builds, the last with %d segments (%d with deleted documents before another), %d dated and %d undated documents: want some of each", segments, deletedBefore, dated, undated)
		}
	}
}

// compareTimeColumns compares every document's column entry in idx with
// its doc values, and counts what the index held.
func compareTimeColumns(t *testing.T, idx *Index) (checked, segments, dated, undated, deletedBefore int) {
	t.Helper()
	for _, b := range idx.pick(time.Time{}, time.Time{}) {
		adv, err := b.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		snap := r.(*scorch.IndexSnapshot)
		times := idx.times.timesOf(snap)
		if times == nil || !times.all {
			t.Fatalf("%s: no column for some of its %d segments", b.Name(), len(snap.Segments()))
		}
		rs := &recencySearcher{ir: snap}
		if err := rs.openDocValues(); err != nil {
			t.Fatal(err)
		}
		segments += len(snap.Segments())
		// Backwards first, then forwards: the column lookup must not
		// depend on matches coming in order.
		var total uint64
		for j, s := range snap.Segments() {
			total += s.Segment().Count()
			if d := s.Deleted(); d != nil && !d.IsEmpty() && j < len(snap.Segments())-1 {
				deletedBefore++ // numbers after it count its deleted documents
			}
		}
		for _, forward := range []bool{false, true} {
			for k := range total {
				n := k
				if !forward {
					n = total - 1 - k
				}
				id := make([]byte, 8)
				for j := range 8 {
					id[7-j] = byte(n >> (8 * j))
				}
				gotNanos, gotDated, ok := times.at(id)
				if !ok {
					t.Fatalf("%s: document %d has no column entry", b.Name(), n)
				}
				rs.nanos, rs.values = 0, 0
				if err := rs.dv.VisitDocValues(id, rs.visit); err != nil {
					t.Fatal(err)
				}
				if gotNanos != rs.nanos || gotDated != (rs.values == 1) {
					t.Fatalf("%s: document %d: column %d dated %v, doc values %d (%d values)", b.Name(), n, gotNanos, gotDated, rs.nanos, rs.values)
				}
				if forward {
					checked++
					if gotDated {
						dated++
					} else {
						undated++
					}
				}
			}
		}
		r.Close()
	}
	return checked, segments, dated, undated, deletedBefore
}

// Searches read times from the columns, answer as the reference does,
// and answer the same when no column can be kept (the doc values read
// per match, as before); a column goes with its segment.
func TestTimeColumnsInSearches(t *testing.T) {
	ctx := context.Background()
	now := time.Now().UTC()
	for _, limit := range []int64{timeColumnBytes, 0} {
		t.Run(fmt.Sprintf("limit %d", limit), func(t *testing.T) {
			idx := timeColumnIndex(t, now)
			idx.times = newTimeColumns(limit)
			for _, sort := range []string{SortRelevance, SortNewest, SortOldest} {
				for _, q := range []string{"ukraine", "talks -source:none" + sort, "*"} {
					req := Request{Query: q, Sort: sort, Size: 7}
					first := agreesWithReference(t, ctx, idx, sort+" "+q, req, now, 2)
					r := req
					for page := 2; page <= 4 && first.Next != ""; page++ {
						r.After = first.Next
						first = agreesWithReference(t, ctx, idx, sort+" "+q+" by token", r, now, 1)
					}
				}
			}
			bytes, n := idx.times.size()
			switch {
			case limit == 0 && n != 0:
				t.Fatalf("with no room, %d columns (%d bytes) kept", n, bytes)
			case limit > 0 && n == 0:
				t.Fatal("searches by relevance and date kept no column")
			}
			if err := idx.Close(); err != nil {
				t.Fatal(err)
			}
			// Closed, the segments are unreachable: their columns go
			// once the collector has found them.
			deadline := time.Now().Add(time.Minute)
			for {
				runtime.GC()
				if bytes, n = idx.times.size(); n == 0 && bytes == 0 {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("a minute after the index closed, %d columns (%d bytes) are still kept", n, bytes)
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}
