package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	text := "Gen. Smith met the U.S. envoy on Monday. They spoke at length! \"Is it over?\" He asked.\n" +
		"Сьогодні провів зустріч. Говорили про мир."
	want := []string{
		"Gen. Smith met the U.S. envoy on Monday.",
		"They spoke at length!",
		"\"Is it over?\"",
		"He asked.",
		"Сьогодні провів зустріч.",
		"Говорили про мир.",
	}
	if got := sentences(text); !slices.Equal(got, want) {
		t.Errorf("sentences:\n got %q\nwant %q", got, want)
	}
}

func TestBroadPattern(t *testing.T) {
	for _, s := range []string{
		"The ministers met in Brussels.", "Talks resumed.", "a summit", "Провів перемовини",
		"зустрілися в Києві", "встреча прошла", "переговоры", "das Außenministertreffen",
		"traf sich mit", "beim Nato-Gipfel", "un entretien avec", "la rencontre", "négociations",
	} {
		if !broad.MatchString(s) {
			t.Errorf("broad pattern misses %q", s)
		}
	}
	for _, s := range []string{"a metal plate", "the method", "gemetzel", "хостинг"} {
		if broad.MatchString(s) {
			t.Errorf("broad pattern takes %q", s)
		}
	}
}

// TestDrawRule checks the rule on a made-up corpus: the sample's size,
// at most perArticle sentences from one article, halves that share no
// article and split the sample evenly, and the same draw every time.
func TestDrawRule(t *testing.T) {
	var arts []article
	for i := range 150 {
		var b strings.Builder
		for j := range 5 {
			fmt.Fprintf(&b, "Minister %d met envoy %d in a long enough sentence. ", i, j)
		}
		b.WriteString("A sentence with none of the words in it at all.")
		arts = append(arts, article{ID: fmt.Sprintf("a-%03d", i), Published: "2024-01-02", Lang: "en", Text: b.String()})
	}
	rows := draw(arts)
	if len(rows) != sampleSize {
		t.Fatalf("%d sentences drawn, want %d", len(rows), sampleSize)
	}
	per, half, n := map[string]int{}, map[string]string{}, map[string]int{}
	for _, r := range rows {
		if !broad.MatchString(r.sentence) {
			t.Errorf("drawn sentence without a meeting word: %q", r.sentence)
		}
		per[r.id]++
		if h, ok := half[r.id]; ok && h != r.half {
			t.Errorf("article %s in both halves", r.id)
		}
		half[r.id] = r.half
		n[r.half]++
	}
	for id, c := range per {
		if c > perArticle {
			t.Errorf("article %s gives %d sentences, more than %d", id, c, perArticle)
		}
	}
	if n[halfTune] < sampleSize/2 || n[halfTune] > sampleSize/2+perArticle || n[halfCheck] == 0 {
		t.Errorf("halves of %d and %d sentences, want about %d each", n[halfTune], n[halfCheck], sampleSize/2)
	}
	slices.Reverse(arts)
	if again := draw(arts); !slices.Equal(again, rows) {
		t.Error("a second draw of the same articles in another order differs")
	}
}

func TestDecodeCorpusBounds(t *testing.T) {
	long := `{"id":"x","text":"` + strings.Repeat("a", maxLine) + `"}` + "\n"
	if _, err := decodeCorpus(strings.NewReader(long), nil); err == nil || !strings.Contains(err.Error(), "not an article") {
		t.Errorf("a line over %d bytes: error %v, want one saying it is not an article", maxLine, err)
	}
	in := `{"id":"a","text":"x"}` + "\n" + `{"id":"b","text":"y"}` + "\n" + `{"id":"c"` + "\n"
	if _, err := decodeCorpus(strings.NewReader(in), map[string]bool{"a": true}); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("broken line 3: error %v, want one naming line 3", err)
	}
	got, err := decodeCorpus(strings.NewReader(in[:strings.LastIndex(in, "{")]), map[string]bool{"a": true})
	if err != nil || len(got) != 1 || got[0].ID != "b" {
		t.Errorf("skipping a: got %v, %v; want article b alone", got, err)
	}
}
