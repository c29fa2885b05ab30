package index

import (
	"html"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/defwatch/defwatch"
)

// Saved searches are matched against each new article in Go rather than
// by indexing the article into a scratch Bleve index: a thousand rules
// then cost microseconds, not a search each. For an alert to fire for
// exactly the articles a search finds, the article is seen here as the
// index sees it: its text run through the mapping's own analysers, its
// keywords normalised as document() normalises them.

// analysers caches the index mapping's analyser of each text field, so a
// change of analyser in the mapping changes matching with it.
var analysers = sync.OnceValue(func() map[string]analysis.Analyzer {
	m := newMapping()
	out := map[string]analysis.Analyzer{}
	for _, f := range []string{"title", "text", "byline"} {
		out[f] = m.AnalyzerNamed(m.AnalyzerNameForPath(f))
	}
	return out
})

func analyzerFor(field string) analysis.Analyzer {
	if a, ok := analysers()[field]; ok {
		return a
	}
	m := newMapping()
	return m.AnalyzerNamed(m.AnalyzerNameForPath(field))
}

// matchDoc is one article prepared for matching. The analysed text is
// built only when a rule asks for words, since analysis is most of the
// cost.
type matchDoc struct {
	a   *defwatch.Article
	now time.Time // anchors last:

	source, lang                     string
	nations, names, orgs, has, kinds []string
	troopMin, troopMax               []float64
	meetingDates                     []time.Time

	text  map[string]*fieldText
	plain string // the opening of the text, once made
	// scanned holds each text field's runs (see scanRuns), which settle
	// most words without the full analysis.
	scanned map[string]map[string]bool
	pieces  []pieceSpan // of the text, made with its runs
}

var textFields = []string{"title", "text", "byline"}

func (d *matchDoc) fieldSource(field string) string {
	switch field {
	case "title":
		return d.a.Title
	case "text":
		return d.a.Text
	case "byline":
		return d.a.Byline
	}
	return ""
}

// runs returns the field's runs, scanning it the first time.
func (d *matchDoc) runs(field string) map[string]bool {
	if r, ok := d.scanned[field]; ok {
		return r
	}
	if d.scanned == nil {
		d.scanned = map[string]map[string]bool{}
	}
	var spans *[]pieceSpan
	if field == "text" {
		spans = &d.pieces
	}
	r := scanRuns(d.fieldSource(field), spans)
	d.scanned[field] = r
	return r
}

// pieceSpan is one piece of the text and where it stands.
type pieceSpan struct {
	piece      string
	start, end int
}

// textPieces returns the pieces of the text in order, for snippets.
func (d *matchDoc) textPieces() []pieceSpan {
	d.runs("text")
	return d.pieces
}

func (d *matchDoc) plainSnippet() string {
	if d.plain == "" {
		d.plain = plainSnippet(d.a.Text)
	}
	return d.plain
}

// fieldText is one analysed text field.
type fieldText struct {
	src   string
	toks  []fieldTok
	pos   map[string][]int // term → its positions, ascending
	terms []string         // distinct terms, sorted, for wildcards
}

type fieldTok struct {
	term       string
	pos        int
	start, end int // byte offsets in src
}

func newMatchDoc(a *defwatch.Article, now time.Time) *matchDoc {
	d := &matchDoc{
		a:      a,
		now:    now,
		source: strings.TrimPrefix(strings.ToLower(a.Source), "www."),
		lang:   strings.ToLower(a.Lang),
	}
	add := func(list []string, v string) []string {
		if v == "" { // the keyword analyser makes no term of nothing
			return list
		}
		return append(list, v)
	}
	for _, n := range a.Nations {
		d.nations = add(d.nations, n.Code)
		d.names = add(d.names, strings.ToLower(n.Name))
	}
	for _, o := range a.Orgs {
		d.orgs = add(d.orgs, strings.ToLower(o.Name))
	}
	for _, t := range a.Troops {
		d.troopMin = append(d.troopMin, float64(t.Min))
		d.troopMax = append(d.troopMax, float64(t.Max))
	}
	for _, m := range a.Meetings {
		d.kinds = add(d.kinds, strings.ToLower(m.Kind))
		if t, err := time.Parse(time.DateOnly, m.Date); err == nil {
			d.meetingDates = append(d.meetingDates, t)
		}
	}
	if len(a.Troops) > 0 {
		d.has = append(d.has, "troops")
	}
	if len(a.Meetings) > 0 {
		d.has = append(d.has, "meetings")
	}
	return d
}

// field returns the analysed title, text or byline.
func (d *matchDoc) field(name string) *fieldText {
	if ft, ok := d.text[name]; ok {
		return ft
	}
	ft := analyse(name, d.fieldSource(name))
	if d.text == nil {
		d.text = map[string]*fieldText{}
	}
	d.text[name] = ft
	return ft
}

func analyse(field, src string) *fieldText {
	ft := &fieldText{src: src}
	if src == "" {
		return ft
	}
	toks := analyzerFor(field).Analyze([]byte(src))
	ft.toks = make([]fieldTok, len(toks))
	ft.pos = make(map[string][]int, len(toks)/2)
	for i, t := range toks {
		idx, ok := ft.pos[string(t.Term)]
		term := string(t.Term)
		if ok {
			term = ft.toks[idx[0]].term // one string per distinct term
		}
		ft.toks[i] = fieldTok{term: term, pos: t.Position, start: t.Start, end: t.End}
		ft.pos[term] = append(idx, i)
	}
	// pos held token indexes while building; positions are what phrases
	// compare.
	ft.terms = make([]string, 0, len(ft.pos))
	for term, idx := range ft.pos {
		for j, i := range idx {
			idx[j] = ft.toks[i].pos
		}
		ft.terms = append(ft.terms, term)
	}
	slices.Sort(ft.terms)
	return ft
}

// hasTerm says the field holds term.
func (ft *fieldText) hasTerm(term string) bool {
	_, ok := ft.pos[term]
	return ok
}

// hasPhrase says the terms occur at their offsets from one position.
func (ft *fieldText) hasPhrase(terms []phraseTerm) bool {
	if len(terms) == 0 {
		return false
	}
	first := ft.pos[terms[0].term]
next:
	for _, p := range first {
		for _, t := range terms[1:] {
			if _, ok := slices.BinarySearch(ft.pos[t.term], p+t.off); !ok {
				continue next
			}
		}
		return true
	}
	return false
}

// matchingTerms calls fn for each term that the wildcard matches, stopping
// when fn returns false. prefix, the wildcard's literal start, narrows the
// sorted terms to look at.
func (ft *fieldText) matchingTerms(n *textNode, fn func(string) bool) {
	prefix := wildPrefix(strings.ToLower(n.value))
	i := sort.SearchStrings(ft.terms, prefix)
	for ; i < len(ft.terms) && strings.HasPrefix(ft.terms[i], prefix); i++ {
		if n.wild.MatchString(ft.terms[i]) && !fn(ft.terms[i]) {
			return
		}
	}
}

func wildPrefix(w string) string {
	if i := strings.IndexAny(w, "*?"); i >= 0 {
		return w[:i]
	}
	return w
}

func (n *andNode) match(d *matchDoc) bool {
	for i, c := range n.cheapFirst {
		if c.match(d) != (i < n.negFrom) {
			return false
		}
	}
	return true
}

// needsText is 1 when matching n may analyse the article's text, else 0.
func needsText(n node) int {
	var parts []node
	switch n := n.(type) {
	case *textNode:
		return 1
	case *andNode:
		parts = n.cheapFirst
	case *orNode:
		parts = n.alts
	}
	for _, c := range parts {
		if needsText(c) == 1 {
			return 1
		}
	}
	return 0
}

func (n *orNode) match(d *matchDoc) bool {
	for _, c := range n.alts {
		if c.match(d) {
			return true
		}
	}
	return false
}

func (n conjNode) match(d *matchDoc) bool {
	for _, c := range n {
		if !c.match(d) {
			return false
		}
	}
	return true
}

// piecesIn says every piece of the terms occurs in runs, as it must
// when the terms occur in the analysed field.
func piecesIn(terms []phraseTerm, runs map[string]bool) bool {
	for _, t := range terms {
		for _, p := range anchorPieces(t.term) {
			if _, ok := runs[p]; !ok {
				return false
			}
		}
	}
	return true
}

func (n *textNode) match(d *matchDoc) bool {
	for i, f := range n.fields {
		switch {
		case n.wild != nil:
			found := false
			d.field(f).matchingTerms(n, func(string) bool { found = true; return false })
			if found {
				return true
			}
		case n.phrase:
			if !piecesIn(n.terms[i], d.runs(f)) {
				continue // a word of the phrase is missing altogether
			}
			if d.field(f).hasPhrase(n.terms[i]) {
				return true
			}
		default:
			if n.simple[i] {
				// Each term is one piece: the scan says absent for sure,
				// present for sure, or cannot tell.
				runs := d.runs(f)
				absent, sure := false, true
				for _, t := range n.terms[i] {
					clean, ok := runs[t.term]
					absent = absent || !ok
					sure = sure && clean
				}
				if absent {
					continue
				}
				if sure {
					return true
				}
			}
			// Words that analyse to nothing ("the") match nothing, as in
			// Bleve.
			all := len(n.terms[i]) > 0
			ft := d.field(f)
			for _, t := range n.terms[i] {
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

func (n *termNode) match(d *matchDoc) bool {
	switch n.field {
	case "nations":
		return slices.Contains(d.nations, n.value)
	case "nation_names":
		return slices.Contains(d.names, n.value)
	case "orgs":
		return slices.Contains(d.orgs, n.value)
	case "has":
		return slices.Contains(d.has, n.value)
	case "meetings.kind":
		return slices.Contains(d.kinds, n.value)
	case "source":
		return n.value != "" && d.source == n.value
	case "lang":
		return n.value != "" && d.lang == n.value
	}
	return false
}

func (n *wildNode) match(d *matchDoc) bool {
	return n.field == "source" && d.source != "" && n.re.MatchString(d.source)
}

func (n *rangeNode) match(d *matchDoc) bool {
	vals := d.troopMax
	if n.field == "troops.min" {
		vals = d.troopMin
	}
	for _, v := range vals {
		if n.min != nil && (v < *n.min || v == *n.min && !n.minIncl) {
			continue
		}
		if n.max != nil && (v > *n.max || v == *n.max && !n.maxIncl) {
			continue
		}
		return true
	}
	return false
}

func (n *dateNode) match(d *matchDoc) bool {
	from, to := n.bounds(d.now)
	in := func(t time.Time) bool {
		return (from.IsZero() || !t.Before(from)) && (to.IsZero() || t.Before(to))
	}
	switch n.field {
	case "published":
		return !d.a.Published.IsZero() && in(d.a.Published)
	case "meetings.date":
		return slices.ContainsFunc(d.meetingDates, in)
	}
	return false
}

func (n *idNode) match(d *matchDoc) bool { return d.a.ID == n.id }

// highlightTerms collects what a snippet marks: the terms of the words,
// phrases and wildcards the query asks for, outside NOT.
func highlightTerms(n node, words map[string]bool, wilds *[]*textNode) {
	switch n := n.(type) {
	case *andNode:
		for _, c := range n.must {
			highlightTerms(c, words, wilds)
		}
	case *orNode:
		for _, c := range n.alts {
			highlightTerms(c, words, wilds)
		}
	case conjNode:
		for _, c := range n {
			highlightTerms(c, words, wilds)
		}
	case *textNode:
		if n.wild != nil {
			*wilds = append(*wilds, n)
			return
		}
		for _, ts := range n.terms {
			for _, t := range ts {
				for _, p := range anchorPieces(t.term) {
					words[p] = true
				}
			}
		}
	}
}

// snippetLen is about how much text a snippet shows.
const snippetLen = 280

// matchSnippet is HTML: the passage of the text around the first term the
// query asks for, with those terms in <mark> and everything else escaped;
// or the opening of the text when the query has no words.
func matchSnippet(root node, d *matchDoc) string {
	words := map[string]bool{}
	var wilds []*textNode
	if root != nil {
		highlightTerms(root, words, &wilds)
	}
	if len(words) == 0 && len(wilds) == 0 {
		return d.plainSnippet()
	}
	// A highlight need not be exact, so the plain scan marks the pieces of
	// the query's words, sparing the full analysis.
	marked := func(piece string) bool {
		if words[piece] {
			return true
		}
		for _, w := range wilds {
			if w.wild.MatchString(piece) {
				return true
			}
		}
		return false
	}
	src := d.a.Text
	var marks []pieceSpan
	limit := len(src)
	for _, p := range d.textPieces() {
		if p.start >= limit {
			break
		}
		if marked(p.piece) {
			if len(marks) == 0 {
				limit = p.start + snippetLen
			}
			marks = append(marks, p)
		}
	}
	if len(marks) == 0 {
		return d.plainSnippet()
	}
	first := marks[0].start
	start := max(0, first-snippetLen/4)
	for start > 0 && !utf8.RuneStart(src[start]) {
		start--
	}
	if i := strings.IndexAny(src[start:first], " \n\t"); start > 0 && i >= 0 {
		start += i + 1 // begin on a word
	}
	end := min(len(src), start+snippetLen)
	for end < len(src) && !utf8.RuneStart(src[end]) {
		end++
	}
	var b strings.Builder
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, m := range marks {
		if m.end > end {
			break
		}
		b.WriteString(html.EscapeString(src[at:m.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(src[m.start:m.end]))
		b.WriteString("</mark>")
		at = m.end
	}
	b.WriteString(html.EscapeString(src[at:end]))
	if end < len(src) {
		b.WriteString("…")
	}
	return strings.ToValidUTF8(strings.Join(strings.Fields(b.String()), " "), "")
}

// plainSnippet is the opening of text, escaped.
func plainSnippet(text string) string {
	// Only the opening is read: the text may run to a megabyte.
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if len(text) > 4*snippetLen {
		cut := 4 * snippetLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	text = strings.Join(strings.Fields(text), " ")
	if len(text) > snippetLen {
		cut := snippetLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if i := strings.LastIndexByte(text[:cut], ' '); i > snippetLen/2 {
			cut = i
		}
		text = text[:cut] + "…"
	}
	return html.EscapeString(text)
}
