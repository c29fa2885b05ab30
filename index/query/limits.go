package query

import (
	"strings"
)

// Limits on one query, from whatever entry point: the search box, the API,
// NATS, the CLI and saved searches all parse with them. Each is far above
// what an analyst writes, and each stops a query whose cost would grow
// with its size before any of that cost is paid: the index's search and
// its automata take no deadline while they are built, so what reaches
// them has to be small already.
const (
	// MaxBytes is the longest query read at all: longer than any query
	// an analyst writes (30 nations OR'ed with a few phrases is under
	// 1,000), short enough that reading one costs nothing.
	MaxBytes = 4096
	// MaxTerms bounds the words, phrase words and field values of a
	// query (ukraine repeated a thousand times is a thousand).
	MaxTerms = 128
	// MaxDepth bounds how deep parentheses nest.
	MaxDepth = 16
	// MaxWildcards bounds the wildcard clauses of a query: each one is a
	// walk over the index's dictionary of words, in every month.
	MaxWildcards = 8
	// MaxWildcardChars bounds the * and ? of one wildcard.
	MaxWildcardChars = 4
	// MaxWildcardTerms bounds the words of the index one wildcard may
	// stand for; a search expands each into that many words at most.
	MaxWildcardTerms = 1000
)

// checkTokens refuses nesting past MaxDepth before the parser, which
// recurses once a level, walks into it.
func checkTokens(toks []token) error {
	depth, deepest := 0, 0
	for _, t := range toks {
		switch t.kind {
		case tOpen:
			depth++
			deepest = max(deepest, depth)
		case tClose:
			depth--
		}
	}
	if deepest > MaxDepth {
		return BadQuery("parentheses nest %d deep; the limit is %d (write the query flatter)", deepest, MaxDepth)
	}
	return nil
}

// checkTree counts what a parsed query asks of the index against the
// limits; a Query that Parse returned is always within them.
func checkTree(root node) error {
	var terms, wilds int
	var wildErr error
	var walk func(n node)
	walk = func(n node) {
		switch n := n.(type) {
		case *andNode:
			for _, c := range n.must {
				walk(c)
			}
			for _, c := range n.not {
				walk(c)
			}
		case *orNode:
			for _, c := range n.alts {
				walk(c)
			}
		case conjNode:
			for _, c := range n {
				walk(c)
			}
		case *textNode:
			switch {
			case n.wild != nil:
				terms++
				wilds++
				if wildErr == nil {
					wildErr = checkWildcard(n.value)
				}
			case len(n.forms) > 0:
				longest := 1
				for _, f := range n.forms[0] {
					longest = max(longest, len(f))
				}
				terms += longest
			default:
				terms++
			}
		case *wildNode:
			terms++
			wilds++
			if wildErr == nil {
				wildErr = checkWildcard(n.pattern)
			}
		default:
			terms++
		}
	}
	if root != nil {
		walk(root)
	}
	// Wildcards first: of the two, they are what costs.
	switch {
	case wilds > MaxWildcards:
		return BadQuery("the query has %d wildcards; the limit is %d", wilds, MaxWildcards)
	case terms > MaxTerms:
		return BadQuery("the query has %d words and values; the limit is %d (search for fewer, or split the search)", terms, MaxTerms)
	}
	return wildErr
}

// checkWildcard bounds one pattern's * and ?: each makes the automaton that
// walks the dictionary bigger.
func checkWildcard(pattern string) error {
	if n := strings.Count(pattern, "*") + strings.Count(pattern, "?"); n > MaxWildcardChars {
		return BadQuery("%s: %d * and ? in one word; the limit is %d", pattern, n, MaxWildcardChars)
	}
	return nil
}
