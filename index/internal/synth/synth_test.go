package synth

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	got := Sentences("Troops moved. Talks began! Why now? No end\n\nA new paragraph.")
	want := []string{"Troops moved.", "Talks began!", "Why now?", "No end", "A new paragraph."}
	if !slices.Equal(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}

// TestCut: a cut holds only sentences of its own article and of another in
// its language, never one of another language, and the same seed makes
// the same cut.
func TestCut(t *testing.T) {
	corpus := []Text{
		{ID: "a", Lang: "en", Sentences: []string{"A1.", "A2.", "A3.", "A4.", "A5.", "A6."}},
		{ID: "b", Lang: "en", Sentences: []string{"B1.", "B2."}},
		{ID: "c", Lang: "de", Sentences: []string{"C1.", "C2."}},
	}
	id := func(x Text) Text { return x }
	for seed := range uint64(50) {
		cut := Cut(rand.New(rand.NewPCG(seed, 1)), corpus, corpus[0], id)
		if cut != Cut(rand.New(rand.NewPCG(seed, 1)), corpus, corpus[0], id) {
			t.Fatalf("seed %d: two cuts differ", seed)
		}
		if cut == "" || strings.Contains(cut, "C") {
			t.Fatalf("seed %d: cut %q is empty or holds another language", seed, cut)
		}
		for _, s := range strings.Fields(cut) {
			if s[0] != 'A' && s[0] != 'B' {
				t.Fatalf("seed %d: %q in the cut %q", seed, s, cut)
			}
		}
	}
	if got := Cut(rand.New(rand.NewPCG(1, 1)), []Text{{ID: "x"}}, Text{ID: "x"}, id); got != "" {
		t.Errorf("an article without sentences cut to %q", got)
	}
}
