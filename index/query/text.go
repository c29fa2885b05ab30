package query

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch/index/schema"
)

// A word or phrase of a query is read in every language the index
// analyses, since the language of a query is not known: "переговори" is
// "переговор" to the Ukrainian and the Russian analysis and stays whole to
// the others. Each distinct reading is a form, and an article matches when
// its field holds any form: its own language's one, or another's that
// happens to agree ("NATO", "Україна" in a Russian text).
//
// A word that is a stop word in a language says nothing about the articles
// of that language: "the war" asks English articles for "war" alone. The
// query is therefore pruned per analysis (Query.groups), and an article is
// matched by the pruning of its own analysis. A word no language can read
// ("—") is left out everywhere.

// textNode is words (all of them), a phrase or a wildcard in any of the
// analysed text fields.
type textNode struct {
	value  string
	phrase bool
	fields []string
	// patterns are a wildcard's pattern as each analysis normalises
	// letters (distinct), and wild their regular expressions over one
	// term; empty for words and phrases.
	patterns []string
	wild     []*regexp.Regexp
	// forms holds, per field, the distinct readings of the value: words
	// are all required, a phrase's terms at their offsets.
	forms [][]form
	// exempt are the analyses that read the value as nothing (stop words
	// only), sorted; all of them when it has no letters or digits.
	exempt []string
	// stop says the value has letters or digits, so an analysis that
	// reads nothing in it reads only stop words.
	stop bool
}

// form is one reading of a word or phrase: its terms, each with its
// offset from the first.
type form []phraseTerm

// phraseTerm is one analysed term and its offset from the first.
type phraseTerm struct {
	term string
	off  int
}

func (f form) key() string {
	var b strings.Builder
	for _, t := range f {
		b.WriteString(t.term)
		b.WriteByte('@')
		b.WriteString(strconv.Itoa(t.off))
		b.WriteByte(' ')
	}
	return b.String()
}

func newTextNode(v string, phrase bool, fields ...string) (*textNode, error) {
	n := &textNode{value: v, phrase: phrase, fields: fields}
	if !phrase && strings.ContainsAny(v, "*?") {
		for _, a := range schema.Analyses {
			if p := schema.Pattern(a, v); !slices.Contains(n.patterns, p) {
				re, err := wildcardRegexp(p)
				if err != nil {
					return nil, BadQuery("%s: not a pattern that can match: %v", v, err)
				}
				n.patterns = append(n.patterns, p)
				n.wild = append(n.wild, re)
			}
		}
		return n, nil
	}
	n.stop = schema.Words(v) > 0
	exempt := map[string]bool{}
	for _, f := range fields {
		var forms []form
		seen := map[string]bool{}
		analyses := schema.Analyses
		for _, a := range analyses {
			toks := schema.Analyzer(f, a).Analyze([]byte(v))
			if len(toks) == 0 {
				if f == "byline" {
					// One analysis for every language: a byline word that
					// reads as nothing reads so everywhere.
					for _, a := range analyses {
						exempt[a] = true
					}
				} else {
					exempt[a] = true
				}
				continue
			}
			for _, fm := range readings(toks, phrase) {
				if k := fm.key(); !seen[k] {
					seen[k] = true
					forms = append(forms, fm)
				}
			}
		}
		n.forms = append(n.forms, forms)
	}
	for a := range exempt {
		n.exempt = append(n.exempt, a)
	}
	slices.Sort(n.exempt)
	return n, nil
}

// readings turns one analysis of a value into its forms. A word's
// hyphenated parts give way to their joined term, which the index holds
// for every spelling ("co-operation", "cooperation"). A phrase has two
// readings when it holds a hyphenated word: by its parts, which matches
// the hyphenated spelling, and by the joined term in their place, which
// matches the spelling without hyphens.
func readings(toks analysis.TokenStream, phrase bool) []form {
	var joined []*analysis.Token
	for _, t := range toks {
		if t.Type == schema.JoinedType {
			joined = append(joined, t)
		}
	}
	inJoined := func(t *analysis.Token) *analysis.Token {
		for _, j := range joined {
			if t != j && t.Start >= j.Start && t.End <= j.End {
				return j
			}
		}
		return nil
	}
	first := toks[0].Position
	if !phrase {
		var f form
		for _, t := range toks {
			if inJoined(t) == nil {
				f = append(f, phraseTerm{term: string(t.Term), off: t.Position - first})
			}
		}
		return []form{f}
	}
	var parts form
	for _, t := range toks {
		if t.Type != schema.JoinedType {
			parts = append(parts, phraseTerm{term: string(t.Term), off: t.Position - first})
		}
	}
	if len(joined) == 0 {
		return []form{parts.fromZero()}
	}
	// The joined reading: each hyphenated word takes one position, and
	// the words after it move up by the positions its parts had.
	var whole form
	shift := 0
	for _, t := range toks {
		if inJoined(t) != nil {
			continue
		}
		whole = append(whole, phraseTerm{term: string(t.Term), off: t.Position - first - shift})
		if t.Type == schema.JoinedType {
			last := t.Position
			for _, p := range toks {
				if p.Type != schema.JoinedType && p.Start >= t.Start && p.End <= t.End {
					last = max(last, p.Position)
				}
			}
			shift += last - t.Position
		}
	}
	if len(parts) == 0 {
		return []form{whole.fromZero()}
	}
	return []form{parts.fromZero(), whole.fromZero()}
}

// fromZero is the form with offsets counted from its first term: a
// phrase whose first word was a stop word, or the part of a hyphenated
// word that was, starts where its first term does.
func (f form) fromZero() form {
	if len(f) == 0 || f[0].off == 0 {
		return f
	}
	shift := f[0].off
	out := make(form, len(f))
	for i, t := range f {
		out[i] = phraseTerm{term: t.term, off: t.off - shift}
	}
	return out
}

// prunedIn says analysis a reads nothing in the node.
func (n *textNode) prunedIn(a string) bool {
	_, ok := slices.BinarySearch(n.exempt, a)
	return ok
}

func (n *textNode) toBleve(time.Time) bq.Query {
	var alts []bq.Query
	for i, f := range n.fields {
		if n.wild != nil {
			for _, p := range n.patterns {
				q := bleve.NewWildcardQuery(p)
				q.SetField(f)
				alts = append(alts, q)
			}
			continue
		}
		for _, fm := range n.forms[i] {
			alts = append(alts, formQuery(fm, f, n.phrase))
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// formQuery asks field for one form: a phrase's terms at their offsets,
// or all of the words anywhere.
func formQuery(fm form, field string, phrase bool) bq.Query {
	// A word in the headline says more.
	boost := 1.0
	if field == "title" && !phrase {
		boost = 2
	}
	term := func(t string) bq.Query {
		q := bleve.NewTermQuery(t)
		q.SetField(field)
		q.SetBoost(boost)
		return q
	}
	switch {
	case len(fm) == 1:
		return term(fm[0].term)
	case phrase:
		slots := make([][]string, fm[len(fm)-1].off+1)
		for _, t := range fm {
			slots[t.off] = append(slots[t.off], t.term)
		}
		return bq.NewMultiPhraseQuery(slots, field)
	default:
		qs := make([]bq.Query, len(fm))
		for i, t := range fm {
			qs[i] = term(t.term)
		}
		return bleve.NewConjunctionQuery(qs...)
	}
}

func (n *textNode) match(d *Doc) bool {
	for i, f := range n.fields {
		ft := d.field(f)
		if n.wild != nil {
			found := false
			ft.matchingTerms(n, func(string) bool { found = true; return false })
			if found {
				return true
			}
			continue
		}
		for _, fm := range n.forms[i] {
			if n.phrase {
				if ft.hasPhrase(fm) {
					return true
				}
				continue
			}
			all := true
			for _, t := range fm {
				if !ft.hasTerm(t.term) {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	return false
}
