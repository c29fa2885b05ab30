package index

import (
	"math/rand/v2"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
)

// mostPartsSlow counts each document's parts in a map.
func mostPartsSlow(bs []*roaring.Bitmap) int {
	in := map[uint32]int{}
	most := 0
	for _, b := range bs {
		for _, d := range b.ToArray() {
			in[d]++
			most = max(most, in[d])
		}
	}
	return most
}

func TestMostParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 400 {
		k := 2 + rng.IntN(5)
		n := 1 + rng.IntN(70000) // documents, past one container of 65,536
		bs := make([]*roaring.Bitmap, k)
		for i := range bs {
			bs[i] = roaring.New()
			// Sparse parts often share no document; dense ones always do.
			density := []float64{0.0005, 0.01, 0.3, 0.9}[rng.IntN(4)]
			for d := range n {
				if rng.Float64() < density {
					bs[i].Add(uint32(d))
				}
			}
			if bs[i].IsEmpty() {
				bs[i].Add(uint32(rng.IntN(n)))
			}
		}
		if got, want := mostParts(bs), mostPartsSlow(bs); got != want {
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
	// The pooled counts of a larger query must not leak into a smaller one.
	big := roaring.New()
	big.AddRange(0, 60000)
	if got := mostParts([]*roaring.Bitmap{big, big.Clone(), roaring.BitmapOf(70001)}); got != 2 {
		t.Errorf("two large parts and a lone document: %d, want 2", got)
	}
	if got := mostParts([]*roaring.Bitmap{roaring.BitmapOf(1), roaring.BitmapOf(2)}); got != 1 {
		t.Errorf("after a larger count: %d, want 1", got)
	}
}
