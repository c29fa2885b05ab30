package main

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const testCorpus = "../../../testdata/articles.jsonl.gz"

func TestCorpusPartsAreDisjoint(t *testing.T) {
	all, err := readCorpus(testCorpus, partAll)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := readCorpus(testCorpus, partDev)
	if err != nil {
		t.Fatal(err)
	}
	held, err := readCorpus(testCorpus, partHeldOut)
	if err != nil {
		t.Fatal(err)
	}
	if len(dev)+len(held) != len(all) || len(dev) < len(all)/3 || len(held) < len(all)/3 {
		t.Errorf("parts of %d and %d articles from %d", len(dev), len(held), len(all))
	}
	ids := map[string]bool{}
	for _, a := range dev {
		ids[a.id] = true
	}
	for _, a := range held {
		if ids[a.id] {
			t.Errorf("%s is in both parts", a.id)
		}
	}
}

func TestArchiveIsTheSameEachTime(t *testing.T) {
	corpus, err := readCorpus(testCorpus, partHeldOut)
	if err != nil {
		t.Fatal(err)
	}
	spec := archiveSpec{n: 500, seed: 3, end: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), span: 548 * 24 * time.Hour, wireRate: 0.2}
	var runs [2]bytes.Buffer
	for i := range runs {
		if err := encodeArchive(&runs[i], makeArchive(corpus, spec)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(runs[0].Bytes(), runs[1].Bytes()) {
		t.Fatal("the same spec made two archives")
	}
	recs := makeArchive(corpus, spec)
	if len(recs) != spec.n {
		t.Fatalf("%d articles, want %d", len(recs), spec.n)
	}
	ids := map[string]bool{}
	months := map[string]bool{}
	copies := 0
	for i, r := range recs {
		if ids[r.ID] {
			t.Errorf("id %s twice", r.ID)
		}
		ids[r.ID] = true
		months[r.at.Format("2006-01")] = true
		if i > 0 && r.at.Before(recs[i-1].at) {
			t.Errorf("article %d is older than the one before", i)
		}
		if r.at.After(spec.end) || r.at.Before(spec.end.Add(-spec.span)) {
			t.Errorf("%s outside the span", r.Published)
		}
		if strings.Contains(r.Text, "\n\n(Reporting by") || strings.Contains(r.Text, "\n\nCopyright 2025") {
			copies++
		}
	}
	if len(months) < 18 {
		t.Errorf("dates over %d months, want 18 or more", len(months))
	}
	if copies < spec.n/10 {
		t.Errorf("%d wire copies in %d articles", copies, spec.n)
	}
	shuf := shuffled(recs, 1)
	if slices.EqualFunc(shuf, recs, func(a, b record) bool { return a.ID == b.ID }) {
		t.Error("the random-date archive is in date order")
	}
	path := filepath.Join(t.TempDir(), "a.jsonl")
	if err := writeArchive(path, shuf); err != nil {
		t.Fatal(err)
	}
}
