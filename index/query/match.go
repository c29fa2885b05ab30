package query

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/schema"
)

// Saved searches are matched against each new article in Go rather than
// by indexing the article into a scratch Bleve index: a thousand rules
// then cost microseconds, not a search each. For an alert to fire for
// exactly the articles a search finds, the article is seen here as the
// index sees it: its text run through the mapping's own analysers, its
// keywords normalised as document() normalises them.

// Doc is one article prepared for matching. The analysed text comes from
// the commit that indexed the article when there was one, and is made only
// when a query asks for words otherwise.
type Doc struct {
	a   *defwatch.Article
	now time.Time // anchors last:
	// analysis is the analysis of the article's text (by its language).
	analysis string

	source, lang                     string
	nations, names, orgs, has, kinds []string
	troopMin, troopMax               []float64
	meetingDates                     []time.Time

	text  map[string]*fieldText
	plain string // the opening of the text, once made
}

func (d *Doc) fieldSource(field string) string {
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

func (d *Doc) plainSnippet() string {
	if d.plain == "" {
		d.plain = PlainSnippet(d.a.Text)
	}
	return d.plain
}

// fieldText is one analysed text field: each term with its positions and
// byte offsets in token order, as Bleve records them with term vectors.
type fieldText struct {
	freqs bleveindex.TokenFrequencies
	// starts lists the terms under their first StartLen bytes, for the
	// starts in startsFor (those of the saved searches' wildcards), so a
	// wildcard need not try every term; made when a wildcard first asks.
	starts    map[string][]string
	startsFor map[string]bool
}

func NewDoc(a *defwatch.Article, now time.Time) *Doc {
	d := &Doc{
		a:        a,
		now:      now,
		source:   strings.TrimPrefix(strings.ToLower(a.Source), "www."),
		lang:     strings.ToLower(a.Lang),
		analysis: schema.AnalysisOf(a.Lang),
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

// NewIndexedDoc is NewDoc for an article just committed to the index,
// with the analysis of its text fields the commit made (by field name),
// so matching need not analyse the text again.
func NewIndexedDoc(a *defwatch.Article, analysed map[string]bleveindex.TokenFrequencies, now time.Time) *Doc {
	d := NewDoc(a, now)
	for name, tf := range analysed {
		if d.text == nil {
			d.text = map[string]*fieldText{}
		}
		d.text[name] = &fieldText{freqs: tf}
	}
	return d
}

// Terms calls fn for each term of the analysed text field. starts are the
// wildcard starts (Query.WildcardStarts) of the queries the article will
// be matched against: their wildcards then try only the terms that share
// a start, not every term.
func (d *Doc) Terms(field string, starts map[string]bool, fn func(term string)) {
	ft := d.field(field)
	ft.startsFor = starts
	for term := range ft.freqs {
		fn(term)
	}
}

// field returns the analysed title, text or byline.
func (d *Doc) field(name string) *fieldText {
	if ft, ok := d.text[name]; ok {
		return ft
	}
	ft := analyse(name, d.analysis, d.fieldSource(name))
	if d.text == nil {
		d.text = map[string]*fieldText{}
	}
	d.text[name] = ft
	return ft
}

// analyse runs the mapping's analyser of field for analysis a over src, as
// a commit does.
func analyse(field, a, src string) *fieldText {
	if src == "" {
		return &fieldText{}
	}
	toks := schema.Analyzer(field, a).Analyze([]byte(src))
	return &fieldText{freqs: analysis.TokenFrequency(toks, nil, bleveindex.IndexField|bleveindex.IncludeTermVectors)}
}

// hasTerm says the field holds term.
func (ft *fieldText) hasTerm(term string) bool {
	return ft.freqs[term] != nil
}

// hasPhrase says the terms occur at their offsets from one position.
func (ft *fieldText) hasPhrase(terms []phraseTerm) bool {
	if len(terms) == 0 {
		return false
	}
	first := ft.freqs[terms[0].term]
	if first == nil {
		return false
	}
next:
	for _, l := range first.Locations {
		for _, t := range terms[1:] {
			tf := ft.freqs[t.term]
			if tf == nil {
				return false
			}
			// Locations are in token order, so by position.
			if _, ok := slices.BinarySearchFunc(tf.Locations, l.Position+t.off-terms[0].off, func(l *bleveindex.TokenLocation, p int) int {
				return l.Position - p
			}); !ok {
				continue next
			}
		}
		return true
	}
	return false
}

// matchingTerms calls fn for each term that the wildcard matches, stopping
// when fn returns false. Only terms that start with a pattern's literal
// prefix are tried against it.
func (ft *fieldText) matchingTerms(n *textNode, fn func(string) bool) {
	for i, p := range n.patterns {
		if !ft.matchingPattern(p, n.wild[i], fn) {
			return
		}
	}
}

// matchingPattern is matchingTerms for one pattern; false when fn asked to
// stop.
func (ft *fieldText) matchingPattern(pattern string, re *regexp.Regexp, fn func(string) bool) bool {
	prefix := wildPrefix(pattern)
	try := func(term string) bool {
		return !strings.HasPrefix(term, prefix) || !re.MatchString(term) || fn(term)
	}
	if len(prefix) >= StartLen && ft.startsFor[prefix[:StartLen]] {
		if ft.starts == nil {
			ft.starts = map[string][]string{}
			for term := range ft.freqs {
				if len(term) >= StartLen && ft.startsFor[term[:StartLen]] {
					ft.starts[term[:StartLen]] = append(ft.starts[term[:StartLen]], term)
				}
			}
		}
		for _, term := range ft.starts[prefix[:StartLen]] {
			if !try(term) {
				return false
			}
		}
		return true
	}
	for term := range ft.freqs {
		if !try(term) {
			return false
		}
	}
	return true
}

func wildPrefix(w string) string {
	if i := strings.IndexAny(w, "*?"); i >= 0 {
		return w[:i]
	}
	return w
}

func (n *andNode) match(d *Doc) bool {
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

func (n *orNode) match(d *Doc) bool {
	for _, c := range n.alts {
		if c.match(d) {
			return true
		}
	}
	return false
}

func (n conjNode) match(d *Doc) bool {
	for _, c := range n {
		if !c.match(d) {
			return false
		}
	}
	return true
}

func (n *termNode) match(d *Doc) bool {
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

func (n *wildNode) match(d *Doc) bool {
	return n.field == "source" && d.source != "" && n.re.MatchString(d.source)
}

func (n *rangeNode) match(d *Doc) bool {
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

func (n *dateNode) match(d *Doc) bool {
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

func (n *idNode) match(d *Doc) bool { return d.a.ID == n.id }

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
		for _, forms := range n.forms {
			for _, fm := range forms {
				for _, t := range fm {
					words[t.term] = true
				}
			}
		}
	}
}

// snippetLen is about how much text a snippet shows.
const snippetLen = 280

// Snippet is HTML: the passage of the article's text around the first term
// the query asks for, with those terms in <mark> and everything else
// escaped; or the opening of the text when the query has no words.
func (q *Query) Snippet(d *Doc) string {
	words := map[string]bool{}
	var wilds []*textNode
	if root, all := q.rootFor(d); !all {
		highlightTerms(root, words, &wilds)
	}
	if len(words) == 0 && len(wilds) == 0 {
		return d.plainSnippet()
	}
	ft := d.field("text")
	var marks []*bleveindex.TokenLocation
	for w := range words {
		if tf := ft.freqs[w]; tf != nil {
			marks = append(marks, tf.Locations...)
		}
	}
	for _, w := range wilds {
		ft.matchingTerms(w, func(term string) bool {
			marks = append(marks, ft.freqs[term].Locations...)
			return true
		})
	}
	if len(marks) == 0 {
		return d.plainSnippet()
	}
	slices.SortFunc(marks, func(a, b *bleveindex.TokenLocation) int { return a.Start - b.Start })
	src := d.a.Text
	first := marks[0].Start
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
	w := snippetWriter{b: make([]byte, 0, end-start+64)}
	if start > 0 {
		w.raw("…")
	}
	at := start
	for _, m := range marks {
		if m.End > end {
			break
		}
		if m.Start < at {
			continue
		}
		w.text(src[at:m.Start])
		w.raw("<mark>")
		w.text(src[m.Start:m.End])
		w.b = append(w.b, "</mark>"...)
		at = m.End
	}
	w.text(src[at:end])
	if end < len(src) {
		w.raw("…")
	}
	return string(w.b)
}

// snippetWriter writes a snippet in one pass: text HTML-escaped, each run
// of white space as one space (none at the start or the end), bytes that
// are not UTF-8 dropped.
type snippetWriter struct {
	b     []byte
	space bool // white space seen since the last thing written
}

// raw writes s as it is, after the space that runs before it.
func (w *snippetWriter) raw(s string) {
	if w.space && len(w.b) > 0 {
		w.b = append(w.b, ' ')
	}
	w.space = false
	w.b = append(w.b, s...)
}

func (w *snippetWriter) text(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == ' ' || '\t' <= c && c <= '\r':
				w.space = true
			case c == '<':
				w.raw("&lt;")
			case c == '>':
				w.raw("&gt;")
			case c == '&':
				w.raw("&amp;")
			case c == '"':
				w.raw("&#34;")
			case c == '\'':
				w.raw("&#39;")
			default:
				if w.space && len(w.b) > 0 {
					w.b = append(w.b, ' ')
				}
				w.space = false
				w.b = append(w.b, c)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			// not UTF-8: dropped
		case unicode.IsSpace(r):
			w.space = true
		default:
			w.raw(s[i : i+size])
		}
		i += size
	}
}

// PlainSnippet is the opening of text, escaped for HTML.
func PlainSnippet(text string) string {
	// Only the opening is read: the text may run to a megabyte.
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if len(text) > 4*snippetLen {
		cut := 4 * snippetLen
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	text = CollapseSpace(text)
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

// CollapseSpace turns each run of white space in s into one space and
// trims both ends, as strings.Fields and Join would, in one pass. ASCII
// is looked at byte by byte; only the lead bytes of Unicode's other
// spaces (U+0085, U+00A0, U+1680, U+2000–U+3000) make it decode a rune.
func CollapseSpace(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		size, isSpace := 1, false
		switch {
		case c < utf8.RuneSelf:
			isSpace = c == ' ' || '\t' <= c && c <= '\r'
		case c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3:
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = unicode.IsSpace(r)
		default:
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		if isSpace {
			space = len(b) > 0
		} else {
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return string(b)
}
