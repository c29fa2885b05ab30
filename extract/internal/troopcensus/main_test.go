package main

import (
	"fmt"
	"slices"
	"testing"
)

func TestCandidate(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"About 8,000 British army troops will take part in exercises.", true},
		{"Тисячі солдатів ворога були захоплені.", true},
		{"Zehntausende Reservisten wurden einberufen.", true},
		{"Des milliers de soldats ont été déployés.", true},
		{"Десятки тысяч военных погибли.", true},
		{"Tens of thousands of people were killed.", true},
		// Numbers or personnel words alone, or too far apart.
		{"The talks lasted until 2024 and resumed in Geneva.", false},
		{"Soldiers marched through the square.", false},
		{"In 1990 the committee, after a long and bitter debate over budgets and plans and other matters, praised the soldiers.", false},
	} {
		if got := candidate(c.s); got != c.want {
			t.Errorf("candidate(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	got := sentences("Gen. Smith met U.S. troops. They said \"yes.\" Then 5,000 left!\nA new line")
	want := []string{"Gen. Smith met U.S. troops.", "They said \"yes.\"", "Then 5,000 left!", "A new line"}
	if !slices.Equal(got, want) {
		t.Errorf("sentences = %q, want %q", got, want)
	}
}

// TestDraw checks the rule's shape on made-up articles: the per-article
// cap, the size, halves of each block split evenly, and the same draw
// twice.
func TestDraw(t *testing.T) {
	var arts []article
	for i := range 300 {
		text := ""
		for j := range 5 {
			text += fmt.Sprintf("Sentence %d says %d soldiers left. ", j, i*10+j)
		}
		arts = append(arts, article{ID: fmt.Sprintf("a%03d", i), Lang: "en", Text: text})
	}
	a, b := draw(slices.Clone(arts)), draw(slices.Clone(arts))
	if !slices.Equal(a, b) {
		t.Fatal("two draws differ")
	}
	if len(a) != (blocks+laterBlocks)*blockSize {
		t.Fatalf("drew %d, want %d", len(a), (blocks+laterBlocks)*blockSize)
	}
	per := map[string]int{}
	for bi := 0; bi < blocks+laterBlocks; bi++ {
		if bi == blocks {
			for id, n := range per {
				if n > perArticle {
					t.Errorf("%s drawn %d times in the first blocks, over the cap %d", id, n, perArticle)
				}
			}
		}
		tune := 0
		for _, d := range a[bi*blockSize : (bi+1)*blockSize] {
			per[d.article]++
			if d.half == "tune" {
				tune++
			}
		}
		if tune != blockSize/2 {
			t.Errorf("block %d: %d tune sentences, want %d", bi, tune, blockSize/2)
		}
	}
	for id, n := range per {
		if n > laterPerArticle {
			t.Errorf("%s drawn %d times, over the later cap %d", id, n, laterPerArticle)
		}
	}
}
