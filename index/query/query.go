// Package query is the query language analysts type into the search box,
// the API, the CLI and saved searches: a parser into a small syntax tree,
// which becomes a Bleve query for searching the index and is also matched
// against one article at a time in Go, so a saved search alerts on exactly
// the articles a search finds.
package query

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
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

// Query is a parsed query: ready for Bleve, with the publication window its
// top-level clauses fix (zero when open), so a search can skip shards and
// draw its histogram over the right days, and ready to match articles.
type Query struct {
	src string
	q   bq.Query // nil matches everything
	// groups are the query as the analyses read it: analyses that leave
	// out the same stop words share a group. One group, with every
	// analysis, when stop words change nothing; none when the query
	// matches everything.
	groups     []group
	byAnalysis map[string]*group
	from, to   time.Time // published in [from, to)
	text       bool      // has free text, so relevance means something
	notes      []string
}

// group is the query for the articles of some analyses, with the words
// that are stop words in them left out.
type group struct {
	analyses []string
	root     node // nil matches every article of these analyses
}

// Parse reads the query language. now anchors last: in the Bleve query;
// matching takes its own now. A query that cannot be read, or is past one
// of the limits, is an error wrapping defwatch.ErrBadQuery that says what
// is wrong.
func Parse(s string, now time.Time) (*Query, error) {
	if len(s) > MaxBytes {
		return nil, BadQuery("the query is %d bytes long; the limit is %d (shorten it, or split it into several searches)", len(s), MaxBytes)
	}
	toks, err := lex(s)
	if err != nil {
		return nil, BadQuery("%v", err)
	}
	if err := checkTokens(toks); err != nil {
		return nil, err
	}
	p := &parser{toks: toks, now: now, out: &Query{src: s}}
	if len(toks) == 0 || len(toks) == 1 && toks[0].kind == tWord && toks[0].field == "" && toks[0].text == "*" && !toks[0].quoted {
		return p.out, nil
	}
	root, err := p.or(true)
	if err != nil {
		return nil, err
	}
	if p.pos < len(p.toks) {
		return nil, BadQuery("unexpected %s", p.toks[p.pos])
	}
	if err := checkTree(root); err != nil {
		return nil, err
	}
	p.out.read(root, now)
	return p.out, nil
}

// read prunes the parsed query for each analysis, notes the words left
// out, and makes the Bleve query.
func (q *Query) read(root node, now time.Time) {
	var texts []*textNode
	walk(root, func(n node) {
		if t, ok := n.(*textNode); ok {
			texts = append(texts, t)
		}
	})
	q.noteLeftOut(texts)
	// Analyses that leave out the same words read the query alike.
	bySig := map[string]*group{}
	q.byAnalysis = map[string]*group{}
	for _, a := range schema.Analyses {
		var sig strings.Builder
		for _, t := range texts {
			if t.prunedIn(a) {
				sig.WriteByte('x')
			} else {
				sig.WriteByte('-')
			}
		}
		g, ok := bySig[sig.String()]
		if !ok {
			g = &group{root: prune(root, a)}
			bySig[sig.String()] = g
		}
		g.analyses = append(g.analyses, a)
		q.byAnalysis[a] = g
	}
	for _, a := range schema.Analyses { // groups in a fixed order
		if g := q.byAnalysis[a]; g.analyses[0] == a {
			q.groups = append(q.groups, *g)
		}
	}
	for _, a := range schema.Analyses {
		q.byAnalysis[a] = q.groupOf(a)
	}
	for _, g := range q.groups {
		walk(g.root, func(n node) {
			if _, ok := n.(*textNode); ok {
				q.text = true
			}
		})
	}
	if len(q.groups) == 1 {
		if q.groups[0].root != nil {
			q.q = q.groups[0].root.toBleve(now)
		}
		return
	}
	alts := make([]bq.Query, 0, len(q.groups))
	for _, g := range q.groups {
		// The analysis field only picks the articles; it adds nothing to
		// their scores, so "invasion of ukraine" ranks English articles
		// as "invasion ukraine" does.
		in := make([]bq.Query, len(g.analyses))
		for i, a := range g.analyses {
			t := bleve.NewTermQuery(a)
			t.SetField(schema.AnalysisField)
			in[i] = t
		}
		b := bleve.NewBooleanQuery()
		if g.root != nil {
			b.AddMust(g.root.toBleve(now))
		} else {
			b.AddMust(bleve.NewMatchAllQuery())
		}
		if len(in) == 1 {
			b.AddFilter(in[0])
		} else {
			b.AddFilter(bleve.NewDisjunctionQuery(in...))
		}
		alts = append(alts, b)
	}
	q.q = bleve.NewDisjunctionQuery(alts...)
}

func (q *Query) groupOf(a string) *group {
	for i := range q.groups {
		if slices.Contains(q.groups[i].analyses, a) {
			return &q.groups[i]
		}
	}
	return nil
}

// noteLeftOut says which words the query leaves out, and where.
func (q *Query) noteLeftOut(texts []*textNode) {
	for _, t := range texts {
		if len(t.exempt) == 0 {
			continue
		}
		what := strconv.Quote(t.value)
		var note string
		switch {
		case !t.stop:
			note = fmt.Sprintf("left out %s: it has no letters or digits", what)
		case len(t.exempt) == len(schema.Analyses):
			note = fmt.Sprintf("left out %s: a stop word in every language", what)
		default:
			var langs []string
			for _, a := range schema.Analyses {
				if t.prunedIn(a) && (a != schema.Other || len(t.exempt) == 1) {
					langs = append(langs, schema.LanguageName(a))
				}
			}
			note = fmt.Sprintf("left out %s for articles in %s: a stop word there", what, joinAnd(langs))
		}
		q.note(note)
	}
}

func (q *Query) note(s string) {
	if !slices.Contains(q.notes, s) {
		q.notes = append(q.notes, s)
	}
}

// joinAnd joins "a", "b" and "c" as "a, b and c".
func joinAnd(list []string) string {
	if len(list) <= 1 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}

// String is the query as given.
func (q *Query) String() string { return q.src }

// Bleve is the query for Bleve, or nil when it matches everything.
func (q *Query) Bleve() bq.Query { return q.q }

// Window is the publication window [from, to) the query's top-level
// clauses fix; either end is zero when open.
func (q *Query) Window() (from, to time.Time) { return q.from, q.to }

// HasText says the query asks for words, so relevance means something and
// hits can be highlighted.
func (q *Query) HasText() bool { return q.text }

// Notes say what the query left out or read other than written (stop
// words, a nation's other code), for the person who wrote it.
func (q *Query) Notes() []string { return slices.Clone(q.notes) }

// Match says whether a matches; now anchors last:.
func (q *Query) Match(a *defwatch.Article, now time.Time) bool {
	return q.Matches(NewDoc(a, now))
}

// Matches says whether the article in d matches.
func (q *Query) Matches(d *Doc) bool {
	root, all := q.rootFor(d)
	return all || root.match(d)
}

// rootFor is the query as the article's analysis reads it; all says it
// matches every such article.
func (q *Query) rootFor(d *Doc) (root node, all bool) {
	if len(q.groups) == 0 {
		return nil, true
	}
	g := q.byAnalysis[d.analysis]
	if g == nil || g.root == nil {
		return nil, true
	}
	return g.root, false
}

// BadQuery is an error wrapping defwatch.ErrBadQuery with a reason.
func BadQuery(format string, args ...any) error {
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
		if q, size := utf8.DecodeRuneInString(s[i:]); isQuote(q) {
			// Quotes pasted from a word processor or another language
			// ("“…”", "„…“", "«…»") quote as well as '"'.
			end := strings.IndexFunc(s[i+size:], isQuote)
			if end < 0 {
				return nil, fmt.Errorf("unterminated quote: add the closing \" after %q", s[i:])
			}
			_, closeSize := utf8.DecodeRuneInString(s[i+size+end:])
			t.text, t.quoted = s[i+size:i+size+end], true
			i += size + end + closeSize
		} else {
			j := i
			for j < len(s) {
				r, size := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || isQuote(r) {
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

// isQuote says r opens or closes a phrase.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟':
		return true
	}
	return false
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
	out  *Query
}

func (p *parser) peek() (token, bool) {
	if p.pos >= len(p.toks) {
		return token{}, false
	}
	return p.toks[p.pos], true
}

// or parses alternatives. top says the clauses are not under an OR or NOT,
// so date fields among them bound the whole query.
func (p *parser) or(top bool) (node, error) {
	first, err := p.and(top)
	if err != nil {
		return nil, err
	}
	alts := []node{first}
	for {
		t, ok := p.peek()
		if !ok || t.kind != tOr {
			break
		}
		p.pos++
		if t2, ok := p.peek(); !ok || t2.kind == tClose || t2.kind == tOr {
			return nil, BadQuery("OR needs something on both sides")
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
	return &orNode{alts: alts}, nil
}

// and parses clauses that must all hold (the default between clauses).
func (p *parser) and(top bool) (node, error) {
	var must, mustNot []node
	for {
		t, ok := p.peek()
		if !ok || t.kind == tOr || t.kind == tClose {
			break
		}
		if t.kind == tAnd {
			p.pos++
			if t2, ok := p.peek(); !ok || t2.kind == tClose || t2.kind == tOr || t2.kind == tAnd {
				return nil, BadQuery("AND needs something on both sides")
			}
			continue
		}
		neg := false
		if t.kind == tNot {
			p.pos++
			neg = true
			if t, ok = p.peek(); !ok || t.kind == tClose || t.kind == tOr {
				return nil, BadQuery("NOT needs something after it")
			}
		}
		n, err := p.unary(top && !neg)
		if err != nil {
			return nil, err
		}
		if neg {
			mustNot = append(mustNot, n)
		} else if nn, ok := n.(negated); ok {
			mustNot = append(mustNot, nn.node)
		} else {
			must = append(must, n)
		}
	}
	if len(must) == 0 && len(mustNot) == 0 {
		return nil, BadQuery("empty query or parentheses")
	}
	if len(mustNot) == 0 && len(must) == 1 {
		return must[0], nil
	}
	return newAndNode(must, mustNot), nil
}

// negated marks a clause written with a leading "-".
type negated struct{ node }

func (p *parser) unary(top bool) (node, error) {
	t, _ := p.peek()
	if t.kind == tOpen {
		p.pos++
		n, err := p.or(top)
		if err != nil {
			return nil, err
		}
		if t, ok := p.peek(); !ok || t.kind != tClose {
			return nil, BadQuery(`unclosed "(": add the ")"`)
		}
		p.pos++
		return n, nil
	}
	if t.kind != tWord {
		return nil, BadQuery("unexpected %s", t)
	}
	p.pos++
	n, err := p.clause(t, top && !t.neg)
	if err != nil {
		return nil, err
	}
	if t.neg {
		return negated{n}, nil
	}
	return n, nil
}

// clause turns one word, phrase or field into a node.
func (p *parser) clause(t token, top bool) (node, error) {
	v := t.text
	switch t.field {
	case "":
		p.out.text = true
		return newTextNode(v, t.quoted, "title", "text")
	case "title", "text", "byline":
		p.out.text = true
		return newTextNode(v, t.quoted, t.field)
	case "nation", "nations":
		if v == "*" {
			return &anyNode{field: "nations"}, nil
		}
		code, note, err := nationCode(v)
		if err != nil {
			return nil, err
		}
		if note != "" {
			p.out.note(note)
		}
		return &termNode{field: "nations", value: code}, nil
	case "org", "orgs":
		return &termNode{field: "orgs", value: strings.ToLower(v)}, nil
	case "source":
		v = strings.ToLower(strings.TrimPrefix(v, "www."))
		if strings.ContainsAny(v, "*?") {
			return newWildNode("source", v)
		}
		return &termNode{field: "source", value: v}, nil
	case "lang":
		code, note, err := langCode(v)
		if err != nil {
			return nil, err
		}
		if note != "" {
			p.out.note(note)
		}
		return &termNode{field: "lang", value: code}, nil
	case "meeting", "meetings":
		if v == "*" {
			return &termNode{field: "has", value: "meetings"}, nil
		}
		kind, err := meetingKind(v)
		if err != nil {
			return nil, err
		}
		return &termNode{field: "meetings.kind", value: kind}, nil
	case "troops":
		return troopsNode(v)
	case "after", "before":
		d, end, err := parseDay(v)
		if err != nil {
			return nil, BadQuery("%s:%s: %v", t.field, v, err)
		}
		if t.field == "after" {
			return p.window(&dateNode{field: "published", from: d}, top), nil
		}
		return p.window(&dateNode{field: "published", to: end}, top), nil
	case "meeting_after", "meeting_before":
		d, end, err := parseDay(v)
		if err != nil {
			return nil, BadQuery("%s:%s: %v", t.field, v, err)
		}
		if t.field == "meeting_after" {
			return &dateNode{field: "meetings.date", from: d}, nil
		}
		return &dateNode{field: "meetings.date", to: end}, nil
	case "last":
		d, err := parseSpan(v)
		if err != nil {
			return nil, BadQuery("last:%s: %v", v, err)
		}
		return p.window(&dateNode{field: "published", last: d}, top), nil
	case "id":
		return &idNode{id: v}, nil
	}
	return nil, BadQuery("unknown field %q (fields: %s)", t.field+":", fieldNames)
}

// window returns a range on published; at the top level it also narrows
// the query's window.
func (p *parser) window(d *dateNode, top bool) node {
	if top {
		from, to := d.bounds(p.now)
		if !from.IsZero() && from.After(p.out.from) {
			p.out.from = from
		}
		if !to.IsZero() && (p.out.to.IsZero() || to.Before(p.out.to)) {
			p.out.to = to
		}
	}
	return d
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// troopsNode reads troops:>=N, >N, <=N, <N, N, N-M and *. A figure
// matches when its range reaches the bound: >=10000 is any figure whose
// maximum is at least 10,000; N-M is any figure overlapping N to M.
func troopsNode(v string) (node, error) {
	if v == "*" {
		return &termNode{field: "has", value: "troops"}, nil
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
			return 0, BadQuery("troops:%s: %q is not a number (write troops:>=10000, troops:5000-8000 or troops:*)", v, s)
		}
		return f * mult, nil
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		if rest, ok := strings.CutPrefix(v, op); ok {
			n, err := num(rest)
			if err != nil {
				return nil, err
			}
			switch op {
			case ">=":
				return &rangeNode{field: "troops.max", min: &n, minIncl: true}, nil
			case ">":
				return &rangeNode{field: "troops.max", min: &n}, nil
			case "<=":
				return &rangeNode{field: "troops.min", max: &n, maxIncl: true}, nil
			default:
				return &rangeNode{field: "troops.min", max: &n}, nil
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
		return nil, BadQuery("troops:%s: the range runs from the smaller to the larger number", v)
	}
	return conjNode{
		&rangeNode{field: "troops.max", min: &l, minIncl: true},
		&rangeNode{field: "troops.min", max: &h, maxIncl: true},
	}, nil
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

// The parser builds a small tree of nodes. One tree serves two ends: Bleve
// runs it over the index (toBleve), and saved searches evaluate it against
// one article at a time in Go (match, in match.go), so an alert fires for
// exactly the articles a search would find.
type node interface {
	// toBleve is the Bleve query; now anchors last:.
	toBleve(now time.Time) bq.Query
	// match says whether the article in d satisfies the node.
	match(d *Doc) bool
}

// walk calls fn for n and every node under it.
func walk(n node, fn func(node)) {
	if n == nil {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *andNode:
		for _, c := range n.must {
			walk(c, fn)
		}
		for _, c := range n.not {
			walk(c, fn)
		}
	case *orNode:
		for _, c := range n.alts {
			walk(c, fn)
		}
	case conjNode:
		for _, c := range n {
			walk(c, fn)
		}
	}
}

// prune is n without the words and phrases analysis a reads as nothing,
// and without what is left empty by that; nil when nothing is left.
// A clause left out asks nothing: "the war" is "war", "the OR war" is
// "war", "nation:UA -the" is "nation:UA".
func prune(n node, a string) node {
	switch n := n.(type) {
	case *textNode:
		if n.prunedIn(a) {
			return nil
		}
	case *andNode:
		must, not := pruneAll(n.must, a), pruneAll(n.not, a)
		switch {
		case len(must) == len(n.must) && len(not) == len(n.not):
			return n
		case len(must) == 0 && len(not) == 0:
			return nil
		case len(not) == 0 && len(must) == 1:
			return must[0]
		}
		return newAndNode(must, not)
	case *orNode:
		alts := pruneAll(n.alts, a)
		switch {
		case len(alts) == len(n.alts):
			return n
		case len(alts) == 0:
			return nil
		case len(alts) == 1:
			return alts[0]
		}
		return &orNode{alts: alts}
	}
	return n
}

func pruneAll(list []node, a string) []node {
	out := make([]node, 0, len(list))
	for _, c := range list {
		if p := prune(c, a); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// andNode: every must and none of not. Built only for two or more clauses
// or for any exclusion.
type andNode struct {
	must, not []node
	// cheapFirst is must then not, clauses that need the analysed text
	// last: matching stops at the first clause that fails, and most
	// articles fail on a nation or a figure before their text is read.
	cheapFirst []node
	negFrom    int // cheapFirst[negFrom:] are ordered from not
}

func newAndNode(must, not []node) *andNode {
	n := &andNode{must: must, not: not}
	byCost := func(list []node) []node {
		out := slices.Clone(list)
		slices.SortStableFunc(out, func(a, b node) int { return needsText(a) - needsText(b) })
		return out
	}
	n.cheapFirst = append(byCost(must), byCost(not)...)
	n.negFrom = len(must)
	return n
}

func (n *andNode) toBleve(now time.Time) bq.Query {
	b := bleve.NewBooleanQuery()
	must := make([]bq.Query, 0, max(1, len(n.must)))
	for _, c := range n.must {
		must = append(must, c.toBleve(now))
	}
	if len(must) == 0 {
		must = append(must, bleve.NewMatchAllQuery()) // only exclusions: of everything
	}
	not := make([]bq.Query, 0, len(n.not))
	for _, c := range n.not {
		not = append(not, c.toBleve(now))
	}
	b.AddMust(must...)
	b.AddMustNot(not...)
	return b
}

// orNode: any of alts.
type orNode struct{ alts []node }

func (n *orNode) toBleve(now time.Time) bq.Query {
	qs := make([]bq.Query, len(n.alts))
	for i, c := range n.alts {
		qs[i] = c.toBleve(now)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// conjNode: all of its parts, as one conjunction (a troop range's two
// bounds).
type conjNode []node

func (n conjNode) toBleve(now time.Time) bq.Query {
	qs := make([]bq.Query, len(n))
	for i, c := range n {
		qs[i] = c.toBleve(now)
	}
	return bleve.NewConjunctionQuery(qs...)
}

// termNode is one exact term of a keyword field.
type termNode struct{ field, value string }

func (n *termNode) toBleve(time.Time) bq.Query {
	q := bleve.NewTermQuery(n.value)
	q.SetField(n.field)
	return q
}

// anyNode is any value of a keyword field: an article that names a
// nation (nation:*).
type anyNode struct{ field string }

func (n *anyNode) toBleve(time.Time) bq.Query {
	q := bleve.NewWildcardQuery("*")
	q.SetField(n.field)
	return q
}

func (n *anyNode) match(d *Doc) bool { return n.field == "nations" && len(d.nations) > 0 }

// wildNode is a wildcard over a keyword field (source:*.bbc.co.uk).
type wildNode struct {
	field, pattern string
	re             *regexp.Regexp
}

func newWildNode(field, pattern string) (node, error) {
	re, err := wildcardRegexp(pattern)
	if err != nil {
		return nil, BadQuery("%s:%s: not a pattern that can match: %v", field, pattern, err)
	}
	return &wildNode{field: field, pattern: pattern, re: re}, nil
}

func (n *wildNode) toBleve(time.Time) bq.Query {
	q := bleve.NewWildcardQuery(n.pattern)
	q.SetField(n.field)
	return q
}

// wildcardRegexp is a wildcard as Bleve reads it: * any run of
// characters, ? one, everything else literal, and the whole term must
// match.
func wildcardRegexp(w string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString(`^(?:`)
	lit := 0
	for i := 0; i < len(w); i++ {
		if w[i] == '*' || w[i] == '?' {
			b.WriteString(regexp.QuoteMeta(w[lit:i]))
			b.WriteString(map[byte]string{'*': ".*", '?': "."}[w[i]])
			lit = i + 1
		}
	}
	b.WriteString(regexp.QuoteMeta(w[lit:]))
	b.WriteString(`)$`)
	return regexp.Compile(b.String())
}

// rangeNode bounds a numeric field (a troop figure's min or max).
type rangeNode struct {
	field            string
	min, max         *float64
	minIncl, maxIncl bool
}

func (n *rangeNode) toBleve(time.Time) bq.Query {
	minIncl, maxIncl := n.minIncl, n.maxIncl
	q := bleve.NewNumericRangeInclusiveQuery(n.min, n.max, &minIncl, &maxIncl)
	q.SetField(n.field)
	return q
}

// dateNode is a window on a date field: from inclusive, to exclusive,
// either open when zero. last is a window relative to the time of the
// search or match (last:7d), which sets from.
type dateNode struct {
	field    string
	from, to time.Time
	last     time.Duration
}

func (n *dateNode) bounds(now time.Time) (from, to time.Time) {
	if n.last > 0 {
		return now.Add(-n.last), n.to
	}
	return n.from, n.to
}

func (n *dateNode) toBleve(now time.Time) bq.Query {
	from, to := n.bounds(now)
	incl, excl := true, false
	q := bleve.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
	q.SetField(n.field)
	return q
}

// idNode is one article by id.
type idNode struct{ id string }

func (n *idNode) toBleve(time.Time) bq.Query { return bleve.NewDocIDQuery([]string{n.id}) }
