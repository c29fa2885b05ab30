package web

import (
	"net/url"
	"strings"
	"unicode"
)

// The page edits the analyst's query as text, so what a click does is
// visible in the box and can be undone by hand. It works on the query's
// top-level clauses (words, phrases, field:value, parenthesised groups
// and the operators between them) and leaves the parsing to the index.

// clauses splits q at the spaces that stand outside quotes and
// parentheses. A NOT stays with what it negates: "NOT source:x.com" is one
// clause, and not the same as source:x.com.
func clauses(q string) []string {
	var out []string
	for _, c := range split(q) {
		if n := len(out); n > 0 && out[n-1] == "NOT" && !isOr(c) && !isAnd(c) && !isNot(c) {
			out[n-1] += " " + c
			continue
		}
		out = append(out, c)
	}
	return out
}

func split(q string) []string {
	var out []string
	var cur strings.Builder
	depth, quoted := 0, false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range q {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case unicode.IsSpace(r) && depth == 0:
			flush()
			continue
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}

func isOr(c string) bool  { return c == "OR" || c == "||" }
func isAnd(c string) bool { return c == "AND" || c == "&&" }
func isNot(c string) bool { return c == "NOT" }

// fieldOf is the field a clause names ("nation" in -nation:UA), or "".
func fieldOf(c string) string {
	c = strings.TrimLeft(strings.TrimPrefix(c, "NOT "), "+-")
	i := 0
	for i < len(c) && (c[i] >= 'a' && c[i] <= 'z' || c[i] >= 'A' && c[i] <= 'Z' || c[i] == '_' || c[i] == '.' && i > 0) {
		i++
	}
	if i == 0 || i >= len(c) || c[i] != ':' {
		return ""
	}
	return strings.ToLower(c[:i])
}

// sameClause compares clauses as the index reads them: field names and
// codes in any case.
func sameClause(a, b string) bool { return strings.EqualFold(a, b) }

func hasClause(q, c string) bool {
	for _, x := range clauses(q) {
		if sameClause(x, c) {
			return true
		}
	}
	return false
}

// addClause narrows q by c. Clauses bind tighter than OR, so a query with
// a top-level OR is put in parentheses first: otherwise the new clause
// would narrow only its last alternative.
func addClause(q, c string) string {
	cs := clauses(q)
	if len(cs) == 0 || len(cs) == 1 && cs[0] == "*" {
		return c
	}
	for _, x := range cs {
		if sameClause(x, c) {
			return q
		}
	}
	for _, x := range cs {
		if isOr(x) {
			return "(" + strings.Join(cs, " ") + ") " + c
		}
	}
	return strings.Join(cs, " ") + " " + c
}

// removeClause takes every top-level c out of q.
func removeClause(q, c string) string {
	return without(clauses(q), func(x string) bool { return sameClause(x, c) })
}

// without joins cs less the clauses drop picks, then drops the operators
// left with nothing on one side.
func without(cs []string, drop func(string) bool) string {
	var kept []string
	for _, c := range cs {
		if !drop(c) {
			kept = append(kept, c)
		}
	}
	return strings.Join(tidy(kept), " ")
}

func tidy(cs []string) []string {
	var out []string
	for _, c := range cs {
		if (isOr(c) || isAnd(c)) && (len(out) == 0 || isOr(out[len(out)-1]) || isAnd(out[len(out)-1])) {
			continue
		}
		out = append(out, c)
	}
	for len(out) > 0 && (isOr(out[len(out)-1]) || isAnd(out[len(out)-1])) {
		out = out[:len(out)-1]
	}
	return out
}

// withWindow replaces q's top-level publication bounds with after:from
// before:to.
func withWindow(q, from, to string) string {
	rest := without(clauses(q), func(x string) bool {
		switch fieldOf(x) {
		case "after", "before", "last":
			return !strings.HasPrefix(x, "-") && !strings.HasPrefix(x, "NOT ")
		}
		return false
	})
	return addClause(addClause(rest, "after:"+from), "before:"+to)
}

// filter is a top-level field clause of the query, shown so it can be
// taken out with one click.
type filter struct {
	Label string
	Href  string
}

func filters(q, sort string) []filter {
	cs := clauses(q)
	var out []filter
	for _, c := range cs {
		if isFilter(c) {
			rest := without(cs, func(x string) bool { return x == c })
			out = append(out, filter{Label: c, Href: searchHref(rest, sort)})
		}
	}
	return out
}

// isFilter says c narrows by fields alone: a field clause, or a group of
// them such as a troop bucket's "(troops:>=1000 -troops:>=10000)".
func isFilter(c string) bool {
	if fieldOf(c) != "" {
		return true
	}
	inner, ok := strings.CutPrefix(c, "(")
	if inner, ok = strings.CutSuffix(inner, ")"); !ok {
		return false
	}
	cs := clauses(inner)
	for _, x := range cs {
		if !isOr(x) && !isAnd(x) && !isFilter(x) {
			return false
		}
	}
	return len(cs) > 0
}

// searchHref is the address of the search page for q, in sort order.
func searchHref(q, sort string) string {
	v := url.Values{}
	if q != "" {
		v.Set("q", q)
	}
	if sort != "" && sort != "relevance" {
		v.Set("sort", sort)
	}
	if len(v) == 0 {
		return "/"
	}
	return "/?" + v.Encode()
}

// quoteValue writes a facet value so the query language reads it back as
// one value: bare when it is a plain token, else in quotes.
func quoteValue(v string) string {
	if v != "" && !strings.ContainsAny(v, " \t\"()") {
		return v
	}
	return `"` + strings.ReplaceAll(v, `"`, "") + `"`
}
