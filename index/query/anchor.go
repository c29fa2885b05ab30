package query

import (
	"slices"
	"strings"
)

// A saved search can be filed under an anchor: a key that every article it
// matches carries (a nation, a language, a word the query requires, …), so
// that an article is checked only against the searches filed under its own
// keys.

// Anchors are keys of which every article the query matches carries one;
// any is true when no such keys are known (a query of only exclusions or
// dates). No keys and not any: the query matches nothing.
func (q *Query) Anchors() (keys []string, any bool) {
	if len(q.groups) == 1 {
		a := anchorsOf(q.groups[0].root)
		return a.keys, a.any
	}
	if len(q.groups) == 0 {
		return nil, true
	}
	// A group matches only articles of its analyses: where it knows no
	// better key, the analysis is one.
	for _, g := range q.groups {
		a := anchorsOf(g.root)
		if a.any {
			a.keys = nil
			for _, an := range g.analyses {
				a.keys = append(a.keys, AnalysisKey+an)
			}
		}
		for _, k := range a.keys {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
	}
	return keys, false
}

// WildcardStarts are the first StartLen bytes of the literal start of each
// wildcard the query asks for (those long enough to have one).
func (q *Query) WildcardStarts() []string {
	var wilds []*textNode
	for _, g := range q.groups {
		highlightTerms(g.root, map[string]bool{}, &wilds)
	}
	var out []string
	for _, w := range wilds {
		for _, p := range w.patterns {
			if prefix := wildPrefix(p); len(prefix) >= StartLen && !slices.Contains(out, prefix[:StartLen]) {
				out = append(out, prefix[:StartLen])
			}
		}
	}
	return out
}

// Keys are the keyword anchors the article carries: "n:UA", "l:en", ….
func (d *Doc) Keys() []string {
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
	add(AnalysisKey, d.analysis)
	add("id:", d.a.ID)
	return keys
}

// anchorSet is keys of which every matching article carries one, or any
// when no such keys are known. Empty keys without any: nothing matches.
type anchorSet struct {
	keys []string
	any  bool
}

// Anchors in the text: a term ("w:troops"), or the first StartLen bytes
// of a wildcard's literal start ("p:tro" for troop*).
const (
	WordKey  = "w:"
	StartKey = "p:"
	StartLen = 3
	// AnalysisKey is the key of the analysis of the article's text
	// ("a:en"), which a query with stop words reads per analysis.
	AnalysisKey = "a:"
)

// keyPrefix is the anchor key prefix of each keyword field.
var keyPrefix = map[string]string{
	"nations": "n:", "nation_names": "nn:", "orgs": "o:", "has": "h:",
	"meetings.kind": "m:", "source": "s:", "lang": "l:",
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
		var keys []string
		add := func(k string) {
			if !slices.Contains(keys, k) {
				keys = append(keys, k)
			}
		}
		if n.wild != nil {
			// A wildcard's terms share its literal start.
			for _, p := range n.patterns {
				prefix := wildPrefix(p)
				if len(prefix) < StartLen {
					return anchorSet{any: true}
				}
				add(StartKey + prefix[:StartLen])
			}
			return anchorSet{keys: keys}
		}
		// Any form in any field may match; each needs all its terms, of
		// which the longest is most likely the rarest.
		for _, forms := range n.forms {
			for _, fm := range forms {
				best := ""
				for _, t := range fm {
					if len(t.term) > len(best) {
						best = t.term
					}
				}
				add(WordKey + best)
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
	case p(k, "l:"), p(k, AnalysisKey), k == "h:troops", k == "h:meetings":
		return 50
	case p(k, "n:"), p(k, "nn:"):
		return 20
	case p(k, "o:"), p(k, "m:"):
		return 10
	case p(k, WordKey):
		return max(2, 12-len(k)) // longer words are rarer
	case p(k, StartKey):
		return 15
	}
	return 5
}
