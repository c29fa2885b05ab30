package index

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch"
)

// The query language analysts type into the search box, the API and the
// CLI. Words and fields are ANDed; OR, -, NOT and parentheses say
// otherwise:
//
//	nation:UA troops:>=10000 last:7d
//	"peacekeeping force" (nation:GB OR nation:FR) -source:example.com
//
// Fields: nation (code or name), troops (>=N, <N, N, N-M, *), meeting
// (kind or *), meeting_after and meeting_before (a meeting's own date),
// org, source, lang, after, before, last (12h, 7d, 4w, 1y), title, text,
// byline, id.

// fieldNames lists the fields for error messages.
const fieldNames = "nation, troops, meeting, meeting_after, meeting_before, org, source, lang, after, before, last, title, text, byline, id"

// parsedQuery is a query ready for Bleve, with the publication window its
// top-level clauses fix (zero when open), so a search can skip shards and
// draw its histogram over the right days.
type parsedQuery struct {
	q        query.Query // nil matches everything
	from, to time.Time   // published in [from, to)
	text     bool        // has free text, so relevance means something
}

// parseQuery parses the query language. now anchors last:.
func parseQuery(s string, now time.Time) (*parsedQuery, error) {
	toks, err := lex(s)
	if err != nil {
		return nil, badQuery("%v", err)
	}
	p := &parser{toks: toks, now: now, out: &parsedQuery{}}
	if len(toks) == 0 || len(toks) == 1 && toks[0].kind == tWord && toks[0].field == "" && toks[0].text == "*" && !toks[0].quoted {
		return p.out, nil
	}
	q, err := p.or(true)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, badQuery("unexpected %s", p.toks[p.pos])
	}
	p.out.q = q
	return p.out, nil
}

func badQuery(format string, args ...any) error {
	return fmt.Errorf("%w: %s", defwatch.ErrBadQuery, fmt.Sprintf(format, args...))
}

type tokenKind int

const (
	tWord tokenKind = iota
	tOpen
	tClose
	tOr
	tAnd
	tNot
)

type token struct {
	kind   tokenKind
	text   string // the value, unquoted
	field  string // "nation" in nation:UA
	quoted bool
	neg    bool // a leading "-"
	must   bool // a leading "+" (redundant: everything is required)
}

func (t token) String() string {
	switch t.kind {
	case tOpen:
		return `"("`
	case tClose:
		return `")"`
	case tOr:
		return "OR"
	case tAnd:
		return "AND"
	case tNot:
		return "NOT"
	}
	if t.field != "" {
		return strconv.Quote(t.field + ":" + t.text)
	}
	return strconv.Quote(t.text)
}

// lex splits a query into tokens. Quotes group words into a phrase, and a
// field's value may be quoted (nation:"United Kingdom").
func lex(s string) ([]token, error) {
	var toks []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			continue
		case r == '(':
			toks = append(toks, token{kind: tOpen})
			i++
			continue
		case r == ')':
			toks = append(toks, token{kind: tClose})
			i++
			continue
		}
		t := token{kind: tWord}
		if s[i] == '-' || s[i] == '+' {
			t.neg, t.must = s[i] == '-', s[i] == '+'
			i++
			if i >= len(s) || s[i] == ' ' {
				return nil, fmt.Errorf("%q must stand right before a word, a phrase or a field", s[i-1:i])
			}
		}
		// A field name is letters (and dots) followed by a colon.
		if j := fieldEnd(s, i); j > i {
			t.field = strings.ToLower(s[i:j])
			i = j + 1
			if i >= len(s) || s[i] == ' ' || s[i] == ')' {
				return nil, fmt.Errorf("%s: has no value (write %s:VALUE)", t.field, t.field)
			}
		}
		if s[i] == '"' {
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("unterminated quote: add the closing \" after %q", s[i:])
			}
			t.text, t.quoted = s[i+1:i+1+end], true
			i += end + 2
		} else {
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' {
					break
				}
				j += size
			}
			t.text = s[i:j]
			i = j
		}
		if t.field == "" && !t.quoted && !t.neg && !t.must {
			switch t.text {
			case "OR", "||":
				t.kind = tOr
			case "AND", "&&":
				t.kind = tAnd
			case "NOT":
				t.kind = tNot
			}
		}
		toks = append(toks, t)
	}
	return toks, nil
}

// fieldEnd returns the index of the colon ending a field name at s[i:], or
// i when there is none.
func fieldEnd(s string, i int) int {
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '_' || s[j] == '.' && j > i) {
		j++
	}
	if j > i && j < len(s) && s[j] == ':' {
		return j
	}
	return i
}

type parser struct {
	toks []token
	pos  int
	now  time.Time
	out  *parsedQuery
}

func (p *parser) peek() (token, bool) {
	if p.pos >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.pos], true
}

// or parses alternatives. top says the clauses are not under an OR or NOT,
// so date fields among them bound the whole query.
func (p *parser) or(top bool) (query.Query, error) {
	first, err := p.and(top)
	if err != nil {
		return nil, err
	}
	alts := []query.Query{first}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.pos++
		if t2, ok := p.peek(); !ok || t2.kind == tClose || t2.kind == tOr {
			return nil, badQuery("OR needs something on both sides")
		}
		next, err := p.and(false)
		if err != nil {
			return nil, err
		}
		alts = append(alts, next)
	}
	if len(alts) == 1 {
		return first, nil
	}
	if top {
		// Dates inside alternatives do not bound the query after all.
		p.out.from, p.out.to = time.Time{}, time.Time{}
	}
	return bleve.NewDisjunctionQuery(alts...), nil
}

// and parses clauses that must all hold (the default between clauses).
func (p *parser) and(top bool) (query.Query, error) {
	var must, mustNot []query.Query
	for {
		t, ok := p.peek()
		if !ok || t.kind == tOr || t.kind == tClose {
			break
		}
		if t.kind == tAnd {
			p.pos++
			if t2, ok := p.peek(); !ok || t2.kind == tClose || t2.kind == tOr || t2.kind == tAnd {
				return nil, badQuery("AND needs something on both sides")
			}
			continue
		}
		neg := false
		if t.kind == tNot {
			p.pos++
			neg = true
			if t, ok = p.peek(); !ok || t.kind == tClose || t.kind == tOr {
				return nil, badQuery("NOT needs something after it")
			}
		}
		q, err := p.unary(top && !neg)
		if err != nil {
			return nil, err
		}
		if neg {
			mustNot = append(mustNot, q)
		} else if nq, ok := q.(negated); ok {
			mustNot = append(mustNot, nq.Query)
		} else {
			must = append(must, q)
		}
	}
	if len(must) == 0 && len(mustNot) == 0 {
		return nil, badQuery("empty query or parentheses")
	}
	if len(mustNot) == 0 && len(must) == 1 {
		return must[0], nil
	}
	b := bleve.NewBooleanQuery()
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery()) // only exclusions: of everything
	}
	b.AddMust(must...)
	b.AddMustNot(mustNot...)
	return b, nil
}

// negated marks a clause written with a leading "-".
type negated struct{ query.Query }

func (p *parser) unary(top bool) (query.Query, error) {
	t, _ := p.peek()
	if t.kind == tOpen {
		p.pos++
		q, err := p.or(top)
		if err != nil {
			return nil, err
		}
		if t, ok := p.peek(); !ok || t.kind != tClose {
			return nil, badQuery(`unclosed "(": add the ")"`)
		}
		p.pos++
		return q, nil
	}
	if t.kind != tWord {
		return nil, badQuery("unexpected %s", t)
	}
	p.pos++
	q, err := p.clause(t, top && !t.neg)
	if err != nil {
		return nil, err
	}
	if t.neg {
		return negated{q}, nil
	}
	return q, nil
}

// clause turns one word, phrase or field into a query.
func (p *parser) clause(t token, top bool) (query.Query, error) {
	v := t.text
	switch t.field {
	case "":
		p.out.text = true
		return textQuery(v, t.quoted, "title", "text"), nil
	case "title", "text", "byline":
		p.out.text = true
		return textQuery(v, t.quoted, t.field), nil
	case "nation", "nations":
		if len(v) == 2 && isLetters(v) {
			return term(strings.ToUpper(v), "nations"), nil
		}
		return term(strings.ToLower(v), "nation_names"), nil
	case "org", "orgs":
		return term(strings.ToLower(v), "orgs"), nil
	case "source":
		v = strings.ToLower(strings.TrimPrefix(v, "www."))
		if strings.ContainsAny(v, "*?") {
			w := bleve.NewWildcardQuery(v)
			w.SetField("source")
			return w, nil
		}
		return term(v, "source"), nil
	case "lang":
		return term(strings.ToLower(v), "lang"), nil
	case "meeting", "meetings":
		if v == "*" {
			return term("meetings", "has"), nil
		}
		return term(strings.ToLower(v), "meetings.kind"), nil
	case "troops":
		return troopsQuery(v)
	case "after", "before":
		d, end, err := parseDay(v)
		if err != nil {
			return nil, badQuery("%s:%s: %v", t.field, v, err)
		}
		if t.field == "after" {
			return p.window(d, time.Time{}, top), nil
		}
		return p.window(time.Time{}, end, top), nil
	case "meeting_after", "meeting_before":
		d, end, err := parseDay(v)
		if err != nil {
			return nil, badQuery("%s:%s: %v", t.field, v, err)
		}
		incl, excl := true, false
		var q *query.DateRangeQuery
		if t.field == "meeting_after" {
			q = bleve.NewDateRangeInclusiveQuery(d, time.Time{}, &incl, &excl)
		} else {
			q = bleve.NewDateRangeInclusiveQuery(time.Time{}, end, &incl, &excl)
		}
		q.SetField("meetings.date")
		return q, nil
	case "last":
		d, err := parseSpan(v)
		if err != nil {
			return nil, badQuery("last:%s: %v", v, err)
		}
		return p.window(p.now.Add(-d), time.Time{}, top), nil
	case "id":
		return bleve.NewDocIDQuery([]string{v}), nil
	}
	return nil, badQuery("unknown field %q (fields: %s)", t.field+":", fieldNames)
}

// window is a range on published; at the top level it also narrows the
// query's window.
func (p *parser) window(from, to time.Time, top bool) query.Query {
	if top {
		if !from.IsZero() && from.After(p.out.from) {
			p.out.from = from
		}
		if !to.IsZero() && (p.out.to.IsZero() || to.Before(p.out.to)) {
			p.out.to = to
		}
	}
	incl, excl := true, false
	q := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
	q.SetField("published")
	return q
}

// textQuery matches words or a phrase in any of fields.
func textQuery(v string, phrase bool, fields ...string) query.Query {
	var alts []query.Query
	for _, f := range fields {
		switch {
		case phrase:
			q := bleve.NewMatchPhraseQuery(v)
			q.SetField(f)
			alts = append(alts, q)
		case strings.ContainsAny(v, "*?"):
			q := bleve.NewWildcardQuery(strings.ToLower(v))
			q.SetField(f)
			alts = append(alts, q)
		default:
			q := bleve.NewMatchQuery(v)
			q.SetField(f)
			q.SetOperator(query.MatchQueryOperatorAnd)
			if f == "title" {
				q.SetBoost(2) // a word in the headline says more
			}
			alts = append(alts, q)
		}
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return bleve.NewDisjunctionQuery(alts...)
}

func term(v, field string) query.Query {
	q := bleve.NewTermQuery(v)
	q.SetField(field)
	return q
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// troopsQuery reads troops:>=N, >N, <=N, <N, N, N-M and *. A figure
// matches when its range reaches the bound: >=10000 is any figure whose
// maximum is at least 10,000; N-M is any figure overlapping N to M.
func troopsQuery(v string) (query.Query, error) {
	if v == "*" {
		return term("troops", "has"), nil
	}
	num := func(s string) (float64, error) {
		s = strings.NewReplacer(",", "", "_", "").Replace(s)
		mult := 1.0
		switch {
		case strings.HasSuffix(s, "k") || strings.HasSuffix(s, "K"):
			mult, s = 1e3, s[:len(s)-1]
		case strings.HasSuffix(s, "m") || strings.HasSuffix(s, "M"):
			mult, s = 1e6, s[:len(s)-1]
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, badQuery("troops:%s: %q is not a number (write troops:>=10000, troops:5000-8000 or troops:*)", v, s)
		}
		return f * mult, nil
	}
	rng := func(field string, min, max *float64, minIncl, maxIncl bool) query.Query {
		q := bleve.NewNumericRangeInclusiveQuery(min, max, &minIncl, &maxIncl)
		q.SetField(field)
		return q
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(v, op); ok {
			n, err := num(rest)
			if err != nil {
				return nil, err
			}
			switch op {
			case ">=":
				return rng("troops.max", &n, nil, true, false), nil
			case ">":
				return rng("troops.max", &n, nil, false, false), nil
			case "<=":
				return rng("troops.min", nil, &n, false, true), nil
			default:
				return rng("troops.min", nil, &n, false, false), nil
			}
		}
	}
	lo, hi := v, v
	if a, b, ok := strings.Cut(v, "-"); ok {
		lo, hi = a, b
	}
	l, err := num(lo)
	if err != nil {
		return nil, err
	}
	h, err := num(hi)
	if err != nil {
		return nil, err
	}
	if l > h {
		return nil, badQuery("troops:%s: the range runs from the smaller to the larger number", v)
	}
	return bleve.NewConjunctionQuery(rng("troops.max", &l, nil, true, false), rng("troops.min", nil, &h, false, true)), nil
}

// parseDay reads a day (2025-04-10), a month (2025-04) or a full time, and
// returns its start and the end of the span it names: both after: and
// before: include the day or month they name.
func parseDay(s string) (start, end time.Time, err error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, t.AddDate(0, 0, 1), nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, t.AddDate(0, 1, 0), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), t.UTC().Add(time.Second), nil
	}
	return time.Time{}, time.Time{}, fmt.Errorf("not a date (write 2025-04-10 or 2025-04)")
}

// parseSpan reads 12h, 7d, 2w, 1y.
func parseSpan(s string) (time.Duration, error) {
	if len(s) < 2 {
		return 0, fmt.Errorf("write a number and h, d, w or y, like 7d")
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 || n > 100*366 {
		return 0, fmt.Errorf("write a number and h, d, w or y, like 7d")
	}
	unit := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour, 'y': 365 * 24 * time.Hour}[s[len(s)-1]]
	if unit == 0 {
		return 0, fmt.Errorf("unknown unit %q: use h, d, w or y", s[len(s)-1:])
	}
	return time.Duration(n) * unit, nil
}
