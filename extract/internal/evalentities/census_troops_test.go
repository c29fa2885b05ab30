package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadTroopCensusRejects(t *testing.T) {
	for name, body := range map[string]string{
		"fields":   "tune\ta\ten\tonly four\n",
		"half":     "dev\ta\ten\ts\t\n",
		"figure":   "tune\ta\ten\ts\t5000/strength/\n",
		"category": "tune\ta\ten\ts\t5..5/army/\n",
		"range":    "check\ta\ten\ts\t9..5/strength/\n",
		"long":     "tune\ta\ten\t" + strings.Repeat("x", maxSentence+1) + "\t\n",
	} {
		p := filepath.Join(t.TempDir(), "c.tsv")
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := loadTroopCensus(p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	big := filepath.Join(t.TempDir(), "big.tsv")
	if err := os.WriteFile(big, make([]byte, maxCensusBytes+1), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := loadTroopCensus(big); err == nil || !strings.Contains(err.Error(), "not a census file") {
		t.Errorf("oversized file: %v", err)
	}
}

// TestTroopCensusScores scores two made-up sentences: one figure found with
// its owner, one missed, and a check-half sentence whose disagreements are
// never kept.
func TestTroopCensusScores(t *testing.T) {
	p := filepath.Join(t.TempDir(), "c.tsv")
	body := "# header\n" +
		"tune\ta\ten\tAbout 8,000 British troops arrived.\t8000..8000/strength/GB\n" +
		"tune\tb\ten\tThe weather was fine.\t12..12/other/\n" +
		"check\tc\ten\tThe weather was fine.\t7..7/casualties/\n"
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	sents, err := loadTroopCensus(p)
	if err != nil {
		t.Fatal(err)
	}
	arts := map[string]string{
		"a": "Britain sent more. About 8,000 British troops arrived.",
		"b": "The weather was fine.",
		"c": "The weather was fine.",
	}
	all, err := scoreTroopCensus(sents, arts)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 {
		t.Fatalf("%d scored, want 3", len(all))
	}
	if c := all[0].troops; c.tp != 1 || c.fp != 0 || all[0].troopOwner.right != 1 {
		t.Errorf("first sentence: %+v owner %+v, want one figure with its owner", c, all[0].troopOwner)
	}
	if all[1].troops.fn != 1 || len(all[1].misses) != 1 {
		t.Errorf("second sentence: %+v, misses %v; want one miss listed", all[1].troops, all[1].misses)
	}
	if all[2].troops.fn != 1 || len(all[2].misses) != 0 {
		t.Errorf("check sentence: %+v, misses %v; want the miss counted, not listed", all[2].troops, all[2].misses)
	}
}

func TestTroopCensusArticleMissing(t *testing.T) {
	sents := []troopCensusSentence{{half: halfTune, article: "a", text: "About 8,000 British troops arrived."}}
	if _, err := scoreTroopCensus(sents, map[string]string{}); err == nil {
		t.Error("an article not there: no error")
	}
	if _, err := scoreTroopCensus(sents, map[string]string{"a": "Something else."}); err == nil {
		t.Error("an article without the sentence: no error")
	}
}

// TestLoadCensusArticles reads a small gzipped file, collapsing spaces
// within lines, and refuses a line past the bound.
func TestLoadCensusArticles(t *testing.T) {
	write := func(body string) string {
		p := filepath.Join(t.TempDir(), "a.jsonl.gz")
		var b bytes.Buffer
		z := gzip.NewWriter(&b)
		z.Write([]byte(body))
		z.Close()
		if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	m, err := loadCensusArticles(write(`{"id":"a","text":"One  two\n three"}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m["a"] != "One two\nthree" {
		t.Errorf("text %q, want spaces collapsed within lines", m["a"])
	}
	long := `{"id":"b","text":"` + strings.Repeat("x", maxArticle) + `"}` + "\n"
	if _, err := loadCensusArticles(write(long)); err == nil {
		t.Error("an article over the bound: no error")
	}
}

// troopCensusFloors hold the troop census's check half just under what it
// reached when the census was last worked on, less the articles labelled
// since; the check half is scored only as a whole.
var troopCensusFloors = []struct {
	name  string
	get   func(*score) float64
	floor float64
}{
	{"troop figures precision", func(s *score) float64 { return s.troops.precision() }, 0.95},
	{"troop figures recall", func(s *score) float64 { return s.troops.recall() }, 0.92},
	{"troop figures F1", func(s *score) float64 { return s.troops.f1() }, 0.93},
	{"troop owners right", func(s *score) float64 { return s.troopOwner.value() }, 0.67},
}

func TestTroopCensusFloors(t *testing.T) {
	dir := "../../entity/testdata/census"
	sents, err := loadTroopCensus(filepath.Join(dir, "troops.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	labelled, err := labelledIDs(labelsDir)
	if err != nil {
		t.Fatal(err)
	}
	sents, _ = unlabelled(sents, func(s troopCensusSentence) string { return s.article }, labelled)
	arts, err := loadCensusArticles(filepath.Join(dir, "troops-articles.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := scoreTroopCensus(sents, arts)
	if err != nil {
		t.Fatal(err)
	}
	var check score
	n, figs := 0, 0
	for i := range all {
		if all[i].part == halfCheck {
			n++
			check.add(&all[i].score)
		}
		figs += all[i].troops.tp + all[i].troops.fn
	}
	// The census less the articles labelled since it was drawn.
	if len(all) < 528 || n < 267 || figs < 90 {
		t.Fatalf("%d sentences, %d in the check half, %d figures: want the whole census (528, 267, 90)", len(all), n, figs)
	}
	for _, f := range troopCensusFloors {
		if got := f.get(&check); got < f.floor {
			t.Errorf("census check half %s %.3f, under its floor %.2f", f.name, got, f.floor)
		}
	}
}
