package benchset

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestSplitFollowsTheRule: the committed split is what the rule gives for
// its ids, so nobody moved a page between the parts by hand.
func TestSplitFollowsTheRule(t *testing.T) {
	parts, err := readSplit(splitFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 750 {
		t.Fatalf("split.tsv has %d pages, extraction-dev has 750", len(parts))
	}
	want := splitIDs(slices.Collect(maps.Keys(parts)))
	held := 0
	for id, part := range parts {
		if want[id] != part {
			t.Errorf("page %s is %s in split.tsv, the rule puts it in %s", id, part, want[id])
		}
		if part == partHeldOut {
			held++
		}
	}
	if held != 300 {
		t.Errorf("%d pages held out, want 300 (40%%)", held)
	}
}

// TestSplitRoundTrip: what writeSplit writes, readSplit reads back.
func TestSplitRoundTrip(t *testing.T) {
	parts := splitIDs([]string{"0001", "0002", "0003", "0004", "0005"})
	path := filepath.Join(t.TempDir(), "split.tsv")
	if err := writeSplit(path, parts); err != nil {
		t.Fatal(err)
	}
	got, err := readSplit(path)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(got, parts) {
		t.Errorf("read back %v, wrote %v", got, parts)
	}
	if got["0001"] == "" {
		t.Error("page 0001 lost")
	}
}

// TestReadSplitRejectsBadLines: a typo in a part name is an error, not a
// page silently left out of both parts.
func TestReadSplitRejectsBadLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "split.tsv")
	if err := os.WriteFile(path, []byte("id\tpart\n0001\theld-out\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readSplit(path); err == nil {
		t.Error("readSplit took part \"held-out\"")
	}
}
