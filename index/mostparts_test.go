package index

import (
	"math/rand/v2"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
)

// mostPartsSlow counts each document's parts, one document at a time.
func mostPartsSlow(bs []*roaring.Bitmap, docs int) int {
	in := make([]int, docs)
	most := 0
	for _, b := range bs {
		for _, d := range b.ToArray() {
			in[d]++
			most = max(most, in[d])
		}
	}
	return most
}

// TestMostParts checks mostParts, by levels and by counting, against a
// plain count.
func TestMostParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 200 {
		k := 2 + rng.IntN(maxLevelParts-1) // by levels
		if round%4 == 0 {
			k = maxLevelParts + 1 + rng.IntN(20) // counted document by document
		}
		n := 1 + rng.IntN(5000) // documents
		if round%10 == 0 {
			n = 65536 + rng.IntN(5000) // past one container
		}
		bs := make([]*roaring.Bitmap, k)
		for i := range bs {
			bs[i] = roaring.New()
			// Sparse parts often share no document; dense ones always do.
			density := []float64{0.0005, 0.01, 0.3, 0.9}[rng.IntN(4)]
			for range int(density * float64(n)) {
				bs[i].Add(uint32(rng.IntN(n)))
			}
			if bs[i].IsEmpty() {
				bs[i].Add(uint32(rng.IntN(n)))
			}
		}
		if got, want := mostParts(bs), mostPartsSlow(bs, n); got != want {
			t.Fatalf("round %d: %d parts over %d documents: mostParts %d, want %d", round, k, n, got, want)
		}
	}
	// Parts that never meet, and parts that meet only pairwise.
	a, b, c := roaring.BitmapOf(1, 2), roaring.BitmapOf(3, 4), roaring.BitmapOf(5, 70000)
	if got := mostParts([]*roaring.Bitmap{a, b, c}); got != 1 {
		t.Errorf("disjoint parts: %d, want 1", got)
	}
	ab, bc, ca := roaring.BitmapOf(1, 2), roaring.BitmapOf(2, 3), roaring.BitmapOf(3, 1)
	if got := mostParts([]*roaring.Bitmap{ab, bc, ca}); got != 2 {
		t.Errorf("parts meeting in pairs: %d, want 2", got)
	}
	// A lone document beside two large parts; then two parts that never
	// meet.
	big := roaring.New()
	big.AddRange(0, 60000)
	if got := mostParts([]*roaring.Bitmap{big, big.Clone(), roaring.BitmapOf(70001)}); got != 2 {
		t.Errorf("two large parts and a lone document: %d, want 2", got)
	}
	if got := mostParts([]*roaring.Bitmap{roaring.BitmapOf(1), roaring.BitmapOf(2)}); got != 1 {
		t.Errorf("two lone documents: %d, want 1", got)
	}
}
