package index

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
		return badQuery("parentheses nest %d deep; the limit is %d (write the query flatter)", deepest, MaxDepth)
	}
	return nil
}

// checkTree counts what the parsed query asks of the index against the
// limits.
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
			case len(n.terms) > 0:
				terms += max(1, len(n.terms[0]))
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
	switch {
	case terms > MaxTerms:
		return badQuery("the query has %d words and values; the limit is %d (search for fewer, or split the search)", terms, MaxTerms)
	case wilds > MaxWildcards:
		return badQuery("the query has %d wildcards; the limit is %d", wilds, MaxWildcards)
	}
	return wildErr
}

// checkWildcard bounds one pattern's * and ?: each makes the automaton that
// walks the dictionary bigger.
func checkWildcard(pattern string) error {
	if n := strings.Count(pattern, "*") + strings.Count(pattern, "?"); n > MaxWildcardChars {
		return badQuery("%s: %d * and ? in one word; the limit is %d", pattern, n, MaxWildcardChars)
	}
	return nil
}
