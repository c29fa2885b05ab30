package index

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
)

// Filter is a query in the search language compiled for matching one
// article at a time. It matches exactly the articles a search with the
// same query finds (in every copy of a wire story).
type Filter struct {
	query string
	root  node // nil matches everything
}

// NewFilter parses q. A query that cannot be read is an error wrapping
// defwatch.ErrBadQuery, with the same reason a search would give.
func NewFilter(q string) (*Filter, error) {
	// The parse time only fixes the windows toBleve would use; matching
	// takes its own now.
	pq, err := parseQuery(q, time.Now())
	if err != nil {
		return nil, err
	}
	return &Filter{query: q, root: pq.root}, nil
}

// String is the query as given.
func (f *Filter) String() string { return f.query }

// Match says whether a matches; now anchors last:.
func (f *Filter) Match(a *defwatch.Article, now time.Time) bool {
	return f.root == nil || f.root.match(newMatchDoc(a, now))
}

// Percolator matches articles against many saved searches. Each rule is
// filed under an anchor: a key that every article it matches carries (a
// nation, a language, a word the query requires, …). An article is then
// checked only against the rules filed under its own keys, and the few
// with no anchor (a query of only exclusions or dates), so the cost grows
// with the rules that could match, not with all of them.
//
// Rules change rarely and articles arrive all the time: changes build a
// new immutable set, and Match reads the current one without a lock.
type Percolator struct {
	mu    sync.Mutex // serialises changes
	rules map[string]*Filter
	set   atomic.Pointer[ruleSet]
}

// RuleMatch is one saved search an article matched.
type RuleMatch struct {
	Rule  string
	Query string
	// Snippet is HTML: the passage where the query's words occur, in
	// <mark>, everything else escaped; the opening of the text when the
	// query has no words.
	Snippet string
}

// NewPercolator returns a Percolator with no rules.
func NewPercolator() *Percolator {
	p := &Percolator{rules: map[string]*Filter{}}
	p.set.Store(buildRuleSet(nil))
	return p
}

// Set adds or replaces the rule name. A query that cannot be read is
// refused with the parser's reason, and the rule keeps its old query.
func (p *Percolator) Set(name, query string) error {
	f, err := NewFilter(query)
	if err != nil {
		return fmt.Errorf("rule %s: %w", name, err)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rules[name] = f
	p.rebuild()
	return nil
}

// Delete removes the rule name, if there is one.
func (p *Percolator) Delete(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.rules[name]; ok {
		delete(p.rules, name)
		p.rebuild()
	}
}

// Len is the number of rules.
func (p *Percolator) Len() int { return len(p.set.Load().rules) }

func (p *Percolator) rebuild() {
	rules := make([]namedFilter, 0, len(p.rules))
	for name, f := range p.rules {
		rules = append(rules, namedFilter{name, f})
	}
	p.set.Store(buildRuleSet(rules))
}

// Match returns the rules a matches, by name; now anchors last:.
func (p *Percolator) Match(a *defwatch.Article, now time.Time) []RuleMatch {
	rs := p.set.Load()
	if len(rs.rules) == 0 {
		return nil
	}
	d := newMatchDoc(a, now)
	cand := make([]bool, len(rs.rules))
	for _, i := range rs.always {
		cand[i] = true
	}
	mark := func(key string) {
		for _, i := range rs.byKey[key] {
			cand[i] = true
		}
	}
	for _, k := range articleKeys(d) {
		mark(k)
	}
	if len(rs.byWord) > 0 {
		for _, f := range textFields {
			for piece := range d.runs(f) {
				for _, i := range rs.byWord[piece] {
					cand[i] = true
				}
			}
		}
	}
	var out []RuleMatch
	for i, ok := range cand {
		if !ok {
			continue
		}
		r := rs.rules[i]
		if r.f.root != nil && !r.f.root.match(d) {
			continue
		}
		out = append(out, RuleMatch{Rule: r.name, Query: r.f.query, Snippet: matchSnippet(r.f.root, d)})
	}
	return out
}

type namedFilter struct {
	name string
	f    *Filter
}

// ruleSet is the rules filed by anchor. Indexes point into rules, which
// is sorted by name so matches come out in a stable order.
type ruleSet struct {
	rules  []namedFilter
	byKey  map[string][]int32 // keyword anchors: "n:UA", "l:uk", "h:troops", …
	byWord map[string][]int32 // analysed terms of title, text or byline
	always []int32            // rules with no anchor
}

func buildRuleSet(rules []namedFilter) *ruleSet {
	slices.SortFunc(rules, func(a, b namedFilter) int { return strings.Compare(a.name, b.name) })
	rs := &ruleSet{rules: rules, byKey: map[string][]int32{}, byWord: map[string][]int32{}}
	for i, r := range rules {
		a := anchorsOf(r.f.root)
		if a.any {
			rs.always = append(rs.always, int32(i))
			continue
		}
		for _, k := range a.keys {
			if term, ok := wordKey(k); ok {
				rs.byWord[term] = append(rs.byWord[term], int32(i))
			} else {
				rs.byKey[k] = append(rs.byKey[k], int32(i))
			}
		}
	}
	return rs
}

// anchorSet is keys of which every matching article carries one, or any
// when no such keys are known. Empty keys without any: nothing matches.
type anchorSet struct {
	keys []string
	any  bool
}

const wordPrefix = "w:"

func wordKey(k string) (string, bool) {
	return strings.CutPrefix(k, wordPrefix)
}

// keyPrefix is the anchor key prefix of each keyword field.
var keyPrefix = map[string]string{
	"nations": "n:", "nation_names": "nn:", "orgs": "o:", "has": "h:",
	"meetings.kind": "m:", "source": "s:", "lang": "l:",
}

// articleKeys are the keyword anchors the article carries.
func articleKeys(d *matchDoc) []string {
	keys := make([]string, 0, 8+len(d.nations)*2+len(d.orgs))
	add := func(prefix string, vals ...string) {
		for _, v := range vals {
			if v != "" {
				keys = append(keys, prefix+v)
			}
		}
	}
	add("n:", d.nations...)
	add("nn:", d.names...)
	add("o:", d.orgs...)
	add("h:", d.has...)
	add("m:", d.kinds...)
	add("s:", d.source)
	add("l:", d.lang)
	add("id:", d.a.ID)
	return keys
}

// anchorsOf works out a node's anchors: a term is its own; a troop
// figure needs "h:troops"; words need one of their terms; AND takes its
// most selective part; OR needs one of each alternative's.
func anchorsOf(n node) anchorSet {
	switch n := n.(type) {
	case nil:
		return anchorSet{any: true}
	case *termNode:
		return anchorSet{keys: []string{keyPrefix[n.field] + n.value}}
	case *rangeNode:
		return anchorSet{keys: []string{"h:troops"}}
	case *dateNode:
		if n.field == "meetings.date" {
			return anchorSet{keys: []string{"h:meetings"}}
		}
	case *idNode:
		return anchorSet{keys: []string{"id:" + n.id}}
	case *textNode:
		if n.wild != nil {
			break
		}
		var keys []string
		for _, terms := range n.terms {
			if len(terms) == 0 {
				continue // matches nothing in this field
			}
			// The longest piece is most likely the rarest.
			best := ""
			for _, t := range terms {
				for _, piece := range anchorPieces(t.term) {
					if len(piece) > len(best) {
						best = piece
					}
				}
			}
			if best == "" {
				return anchorSet{any: true} // no piece the scan below can see
			}
			if !slices.Contains(keys, wordPrefix+best) {
				keys = append(keys, wordPrefix+best)
			}
		}
		return anchorSet{keys: keys}
	case conjNode:
		return bestOf(n)
	case *andNode:
		return bestOf(n.must)
	case *orNode:
		var keys []string
		for _, c := range n.alts {
			a := anchorsOf(c)
			if a.any {
				return a
			}
			for _, k := range a.keys {
				if !slices.Contains(keys, k) {
					keys = append(keys, k)
				}
			}
		}
		return anchorSet{keys: keys}
	}
	return anchorSet{any: true}
}

// bestOf picks the anchors of the part of a conjunction that lets the
// fewest articles through.
func bestOf(parts []node) anchorSet {
	best, bestCost := anchorSet{any: true}, 0
	for _, c := range parts {
		a := anchorsOf(c)
		if a.any {
			continue
		}
		cost := 0
		for _, k := range a.keys {
			cost += keyCost(k)
		}
		if best.any || cost < bestCost {
			best, bestCost = a, cost
		}
	}
	return best
}

// keyCost guesses how many articles carry a key: nearly all have a
// language, many have troop figures; a word, an outlet or an id is rare.
func keyCost(k string) int {
	p := strings.HasPrefix
	switch {
	case p(k, "id:"):
		return 1
	case p(k, "l:"), k == "h:troops", k == "h:meetings":
		return 50
	case p(k, "n:"), p(k, "nn:"):
		return 20
	case p(k, "o:"), p(k, "m:"):
		return 10
	case p(k, wordPrefix):
		return max(2, 12-len(k)) // longer words are rarer
	}
	return 5
}

// Words are filed under a piece of one of their terms rather than the
// term itself, so that finding the candidates does not need the article's
// full analysis (the bulk of matching's cost when done for every
// article). A piece is a run of Latin or Cyrillic letters and digits,
// lower-cased. The analyser never splits such a run (letters and digits
// next to each other stay one word), so every piece of an article's term
// is a whole run in its text, and a plain scan of the text finds it.
// Scripts the analyser splits inside a run (ideographs, Thai, …) and
// Greek (whose final sigma the analyser rewrites) give no pieces, and a
// rule that has only such words goes unfiled.

func anchorRune(r rune) bool {
	return '0' <= r && r <= '9' || unicode.IsLetter(r) && (r < 0x250 || unicode.In(r, unicode.Latin, unicode.Cyrillic))
}

// anchorPieces splits a term into its pieces.
func anchorPieces(term string) []string {
	var out []string
	scanPieces(term, nil, func(p []byte, _, _ int) bool {
		out = append(out, string(p))
		return true
	})
	return out
}

// scanPieces calls fn with each lower-cased piece of text and its byte
// span until fn returns false; buf is scratch space, returned for reuse.
func scanPieces(text string, buf []byte, fn func(piece []byte, start, end int) bool) []byte {
	buf = buf[:0]
	start := 0
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if len(buf) > 0 {
					if !fn(buf, start, i) {
						return buf
					}
					buf = buf[:0]
				}
				i++
				continue
			}
			if len(buf) == 0 {
				start = i
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if anchorRune(r) {
			if len(buf) == 0 {
				start = i
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		} else if len(buf) > 0 {
			if !fn(buf, start, i) {
				return buf
			}
			buf = buf[:0]
		}
		i += size
	}
	if len(buf) > 0 {
		fn(buf, start, len(text))
	}
	return buf
}

// scanRuns maps each piece of text to whether one of its occurrences is
// certainly a whole term to the analyser: set off on both sides by
// space or by punctuation that never joins words (not . , ; : ' ’ _ and
// the like, which can join "U.S." or "10,000" into one term).
// When spans is not nil, it receives every piece in order.
func scanRuns(text string, spans *[]pieceSpan) map[string]bool {
	runs := map[string]bool{}
	var keys map[string]string // one string per distinct piece
	if spans != nil {
		keys = map[string]string{}
	}
	scanPieces(text, nil, func(p []byte, start, end int) bool {
		clean := breaksWord(text, start, true) && breaksWord(text, end, false)
		if was, ok := runs[string(p)]; !ok || clean && !was {
			runs[string(p)] = clean
		}
		if spans != nil {
			k, ok := keys[string(p)]
			if !ok {
				k = string(p)
				keys[k] = k
			}
			*spans = append(*spans, pieceSpan{k, start, end})
		}
		return true
	})
	return runs
}

// breaksWord says the character before (or at) i can never join the run
// that ends (or starts) there to more of a word.
func breaksWord(text string, i int, before bool) bool {
	var r rune
	switch {
	case before && i == 0, !before && i == len(text):
		return true
	case before:
		r, _ = utf8.DecodeLastRuneInString(text[:i])
	default:
		r, _ = utf8.DecodeRuneInString(text[i:])
	}
	if r < utf8.RuneSelf {
		return r <= ' ' || strings.ContainsRune(`!"#$%&()*+-/<=>?@[\]^`+"`{|}~", r)
	}
	return unicode.IsSpace(r) || strings.ContainsRune("–—“”„«»", r)
}
