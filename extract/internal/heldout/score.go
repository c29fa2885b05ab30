package main

import (
	"math"
	"strings"
	"unicode"
)

// The metric is the one the article-extraction benchmark's evaluate.py
// defines in its docstring, so a held-out figure can sit next to the
// benchmark's.

// shingleSize is how many consecutive tokens make one shingle.
const shingleSize = 4

// tokens splits text into runs of word characters as Python's \w+ does on
// str: letters, numbers and the underscore, but not combining marks.
func tokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts each run of shingleSize tokens; a text shorter than that
// is one shingle of all its tokens.
func shingles(toks []string) map[string]int {
	m := make(map[string]int, len(toks))
	switch {
	case len(toks) == 0:
	case len(toks) < shingleSize:
		m[strings.Join(toks, "\x00")]++
	default:
		for i := 0; i+shingleSize <= len(toks); i++ {
			m[strings.Join(toks[i:i+shingleSize], "\x00")]++
		}
	}
	return m
}

// pageScore is one page's result.
type pageScore struct {
	id                  string
	precision, recall   float64
	hasPred, hasTruth   bool
	exact               bool
	truthToks, predToks int
}

func (s pageScore) f1() float64 { return harmonic(s.precision, s.recall) }

func scorePage(id, truth, pred string) pageScore {
	tt, pt := tokens(truth), tokens(pred)
	ts, ps := shingles(tt), shingles(pt)
	tp, fp, fn := 0, 0, 0
	for k, n := range ps {
		m := min(n, ts[k])
		tp += m
		fp += n - m
	}
	for k, n := range ts {
		fn += max(0, n-ps[k])
	}
	s := pageScore{id: id, hasPred: tp+fp > 0, hasTruth: tp+fn > 0,
		truthToks: len(tt), predToks: len(pt), exact: equal(tt, pt)}
	if fp == 0 && fn == 0 {
		s.precision, s.recall = 1, 1
		return s
	}
	if tp+fp > 0 {
		s.precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.recall = float64(tp) / float64(tp+fn)
	}
	return s
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// summary is a set's result: precision averages only the pages with a
// prediction, recall all pages with a reference, and F1 is taken of those
// means, not averaged over pages.
type summary struct {
	precision, recall, f1 float64
	pages, empty          int
}

func summarize(rows []pageScore) summary {
	var ps, rs float64
	var np, nr int
	for _, r := range rows {
		if r.hasPred {
			ps += r.precision
			np++
		}
		if r.hasTruth {
			rs += r.recall
			nr++
		}
	}
	s := summary{pages: len(rows), empty: len(rows) - np}
	if np > 0 {
		s.precision = ps / float64(np)
	}
	if nr > 0 {
		s.recall = rs / float64(nr)
	}
	s.f1 = harmonic(s.precision, s.recall)
	return s
}

func harmonic(p, r float64) float64 {
	if p+r == 0 || math.IsNaN(p+r) {
		return 0
	}
	return 2 * p * r / (p + r)
}
