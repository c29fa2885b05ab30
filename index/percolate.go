package index

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

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
	held  bool // changes wait for Release to take effect
}

// Hold makes changes wait until Release, which applies them at once:
// loading many rules then builds the set once, not once a rule.
func (p *Percolator) Hold() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.held = true
}

// Release applies the changes made since Hold.
func (p *Percolator) Release() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.held = false
	p.rebuild()
}

// RuleMatch is one saved search an article matched.
type RuleMatch struct {
	Rule  string
	Query string
	root  node
	doc   *matchDoc
}

// Snippet is HTML: the passage where the query's words occur, in <mark>,
// everything else escaped; the opening of the text when the query has no
// words. It is made when asked for, since most matches of a wire story's
// copies are folded and never sent.
func (m RuleMatch) Snippet() string { return matchSnippet(m.root, m.doc) }

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

// Len is the number of rules in effect.
func (p *Percolator) Len() int { return len(p.set.Load().rules) }

func (p *Percolator) rebuild() {
	if p.held {
		return
	}
	rules := make([]namedFilter, 0, len(p.rules))
	for name, f := range p.rules {
		rules = append(rules, namedFilter{name, f})
	}
	p.set.Store(buildRuleSet(rules))
}

// Match returns the rules a matches, by name; now anchors last:. The
// article's text is analysed here; MatchIndexed reuses the analysis its
// commit made.
func (p *Percolator) Match(a *defwatch.Article, now time.Time) []RuleMatch {
	return p.match(newMatchDoc(a, now))
}

// MatchIndexed is Match for an article Put has just committed.
func (p *Percolator) MatchIndexed(it Indexed, now time.Time) []RuleMatch {
	d := newMatchDoc(it.Article, now)
	for name, tf := range it.analysed {
		if d.text == nil {
			d.text = map[string]*fieldText{}
		}
		d.text[name] = &fieldText{freqs: tf}
	}
	return p.match(d)
}

// MatchBatch is MatchIndexed for each article of a committed batch, on
// every CPU: the answer for items[i] is at [i].
func (p *Percolator) MatchBatch(items []Indexed, now time.Time) [][]RuleMatch {
	out := make([][]RuleMatch, len(items))
	if p.Len() == 0 {
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(items)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(items); i = int(next.Add(1) - 1) {
				out[i] = p.MatchIndexed(items[i], now)
			}
		})
	}
	wg.Wait()
	return out
}

func (p *Percolator) match(d *matchDoc) []RuleMatch {
	rs := p.set.Load()
	if len(rs.rules) == 0 {
		return nil
	}
	cand := make([]bool, len(rs.rules))
	for _, i := range rs.always {
		cand[i] = true
	}
	for _, k := range articleKeys(d) {
		for _, i := range rs.byKey[k] {
			cand[i] = true
		}
	}
	if len(rs.byWord) > 0 || len(rs.byStart) > 0 || len(rs.wildStarts) > 0 {
		for _, f := range textFields {
			ft := d.field(f)
			ft.startsFor = rs.wildStarts
			for term := range ft.freqs {
				for _, i := range rs.byWord[term] {
					cand[i] = true
				}
				if len(term) >= prefixLen {
					for _, i := range rs.byStart[term[:prefixLen]] {
						cand[i] = true
					}
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
		if out == nil {
			out = make([]RuleMatch, 0, 8)
		}
		out = append(out, RuleMatch{Rule: r.name, Query: r.f.query, root: r.f.root, doc: d})
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
	rules   []namedFilter
	byKey   map[string][]int32 // keyword anchors: "n:UA", "l:uk", "h:troops", …
	byWord  map[string][]int32 // analysed terms of title, text or byline
	byStart map[string][]int32 // the first prefixLen bytes of such terms
	// wildStarts holds the first prefixLen bytes of every wildcard in the
	// rules, anchor or not.
	wildStarts map[string]bool
	always     []int32 // rules with no anchor
}

func buildRuleSet(rules []namedFilter) *ruleSet {
	slices.SortFunc(rules, func(a, b namedFilter) int { return strings.Compare(a.name, b.name) })
	rs := &ruleSet{rules: rules, byKey: map[string][]int32{}, byWord: map[string][]int32{},
		byStart: map[string][]int32{}, wildStarts: map[string]bool{}}
	for i, r := range rules {
		var wilds []*textNode
		highlightTerms(r.f.root, map[string]bool{}, &wilds)
		for _, w := range wilds {
			if prefix := wildPrefix(strings.ToLower(w.value)); len(prefix) >= prefixLen {
				rs.wildStarts[prefix[:prefixLen]] = true
			}
		}
		a := anchorsOf(r.f.root)
		if a.any {
			rs.always = append(rs.always, int32(i))
			continue
		}
		for _, k := range a.keys {
			if term, ok := strings.CutPrefix(k, wordPrefix); ok {
				rs.byWord[term] = append(rs.byWord[term], int32(i))
			} else if start, ok := strings.CutPrefix(k, prefixKey); ok {
				rs.byStart[start] = append(rs.byStart[start], int32(i))
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

// Anchors in the text: a term ("w:troops"), or the first prefixLen bytes
// of a wildcard's literal start ("p:tro" for troop*).
const (
	wordPrefix = "w:"
	prefixKey  = "p:"
	prefixLen  = 3
)

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
			// A wildcard's terms share its literal start.
			if prefix := wildPrefix(strings.ToLower(n.value)); len(prefix) >= prefixLen {
				return anchorSet{keys: []string{prefixKey + prefix[:prefixLen]}}
			}
			break
		}
		var keys []string
		for _, terms := range n.terms {
			if len(terms) == 0 {
				continue // matches nothing in this field
			}
			// Every term is required; the longest is most likely the rarest.
			best := ""
			for _, t := range terms {
				if len(t.term) > len(best) {
					best = t.term
				}
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
	case p(k, prefixKey):
		return 15
	}
	return 5
}
