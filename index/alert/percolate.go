package alert

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/query"
	"github.com/defwatch/defwatch/index/schema"
)

// Percolator matches articles against many saved searches. Each rule is
// filed under its query's anchors (query.Query.Anchors): keys that every
// article it matches carries. An article is then checked only against the
// rules filed under its own keys, and the few with no anchor (a query of
// only exclusions or dates), so the cost grows with the rules that could
// match, not with all of them.
//
// Rules change rarely and articles arrive all the time: changes build a
// new immutable set, and Match reads the current one without a lock.
type Percolator struct {
	mu    sync.Mutex // serialises changes
	rules map[string]*query.Query
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
	q     *query.Query
	doc   *query.Doc
}

// Snippet is HTML: the passage where the query's words occur, in <mark>,
// everything else escaped; the opening of the text when the query has no
// words. It is made when asked for, since most matches of a wire story's
// copies are folded and never sent.
func (m RuleMatch) Snippet() string { return m.q.Snippet(m.doc) }

// NewPercolator returns a Percolator with no rules.
func NewPercolator() *Percolator {
	p := &Percolator{rules: map[string]*query.Query{}}
	p.set.Store(buildRuleSet(nil))
	return p
}

// Set adds or replaces the rule name. A query that cannot be read is
// refused with the parser's reason, and the rule keeps its old query.
func (p *Percolator) Set(name, q string) error {
	f, err := query.Parse(q, time.Now())
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
	return p.match(query.NewDoc(a, now))
}

// MatchIndexed is Match for an article Put has just committed.
func (p *Percolator) MatchIndexed(it index.Indexed, now time.Time) []RuleMatch {
	return p.match(query.NewIndexedDoc(it.Article, it.Analysed, now))
}

// MatchBatch is MatchIndexed for each article of a committed batch, on
// every CPU: the answer for items[i] is at [i].
func (p *Percolator) MatchBatch(items []index.Indexed, now time.Time) [][]RuleMatch {
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

func (p *Percolator) match(d *query.Doc) []RuleMatch {
	rs := p.set.Load()
	if len(rs.rules) == 0 {
		return nil
	}
	cand := make([]bool, len(rs.rules))
	for _, i := range rs.always {
		cand[i] = true
	}
	for _, k := range d.Keys() {
		for _, i := range rs.byKey[k] {
			cand[i] = true
		}
	}
	if len(rs.byWord) > 0 || len(rs.byStart) > 0 || len(rs.wildStarts) > 0 {
		for _, f := range schema.TextFields {
			d.Terms(f, rs.wildStarts, func(term string) {
				for _, i := range rs.byWord[term] {
					cand[i] = true
				}
				if len(term) >= query.StartLen {
					for _, i := range rs.byStart[term[:query.StartLen]] {
						cand[i] = true
					}
				}
			})
		}
	}
	var out []RuleMatch
	for i, ok := range cand {
		if !ok {
			continue
		}
		r := rs.rules[i]
		if !r.q.Matches(d) {
			continue
		}
		if out == nil {
			out = make([]RuleMatch, 0, 8)
		}
		out = append(out, RuleMatch{Rule: r.name, Query: r.q.String(), q: r.q, doc: d})
	}
	return out
}

type namedFilter struct {
	name string
	q    *query.Query
}

// ruleSet is the rules filed by anchor. Indexes point into rules, which
// is sorted by name so matches come out in a stable order.
type ruleSet struct {
	rules   []namedFilter
	byKey   map[string][]int32 // keyword anchors: "n:UA", "l:uk", "h:troops", …
	byWord  map[string][]int32 // analysed terms of title, text or byline
	byStart map[string][]int32 // the first query.StartLen bytes of such terms
	// wildStarts holds the first query.StartLen bytes of every wildcard in
	// the rules, anchor or not.
	wildStarts map[string]bool
	always     []int32 // rules with no anchor
}

func buildRuleSet(rules []namedFilter) *ruleSet {
	slices.SortFunc(rules, func(a, b namedFilter) int { return strings.Compare(a.name, b.name) })
	rs := &ruleSet{rules: rules, byKey: map[string][]int32{}, byWord: map[string][]int32{},
		byStart: map[string][]int32{}, wildStarts: map[string]bool{}}
	for i, r := range rules {
		for _, start := range r.q.WildcardStarts() {
			rs.wildStarts[start] = true
		}
		keys, any := r.q.Anchors()
		if any {
			rs.always = append(rs.always, int32(i))
			continue
		}
		for _, k := range keys {
			if term, ok := strings.CutPrefix(k, query.WordKey); ok {
				rs.byWord[term] = append(rs.byWord[term], int32(i))
			} else if start, ok := strings.CutPrefix(k, query.StartKey); ok {
				rs.byStart[start] = append(rs.byStart[start], int32(i))
			} else {
				rs.byKey[k] = append(rs.byKey[k], int32(i))
			}
		}
	}
	return rs
}
