// Package extract turns a fetched Page into a tagged Article: main text and
// metadata from the HTML, then the entities analysts look for. The stage in
// stage.go runs it over the pages stream.
package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract/content"
	"github.com/defwatch/defwatch/extract/entity"
	"github.com/defwatch/defwatch/extract/mojibake"
)

// Bounds on one article, so that a hostile or broken page cannot make a
// message the NATS server refuses (its limit is 8 MB) or an index
// document nobody can read. Real articles are far below both.
const (
	maxText     = 1 << 20 // bytes of main text
	maxEntities = 200     // items in each entity list
)

// ErrEmpty: the page has no text to extract.
var ErrEmpty = errors.New("extract: page has no article text")

// Where a publication date came from, beside the page's own sources that
// content.Parse reports.
const (
	FromFeed    = "feed"    // the feed item's date
	FromArchive = "archive" // the archive record's date (defwatch import)
	FromGiven   = "given"   // the caller's --published
)

// FromText says a title was made from the opening of the text, for articles
// that come without one (archives that kept only the body).
const FromText = "text"

// Where the language came from, beside the Page's own LangFrom.
const (
	LangFromPage     = "page"     // <html lang>, content-language meta, og:locale
	LangFromDetected = "detected" // guessed from the text
)

// FromPage extracts and tags the article in p.
func FromPage(p *defwatch.Page) (*defwatch.Article, error) {
	a := &defwatch.Article{
		ID:       p.ID,
		URL:      p.URL,
		Source:   p.Source,
		Feed:     p.Feed,
		Title:    p.Title,
		Byline:   p.Byline,
		Fetched:  p.Fetched,
		Lang:     p.Lang,
		LangFrom: p.LangFrom,
	}
	if a.Title != "" {
		a.TitleFrom = FromFeed
		if p.Imported {
			a.TitleFrom = FromArchive
		}
	}
	// local is the publication time in the zone the source gave it:
	// "today" in an address published at 00:32 Kyiv time is that Kyiv day,
	// which UTC would put a day earlier.
	var local time.Time
	if p.HTML != "" {
		doc, err := content.Parse(p.HTML, p.URL)
		if err != nil {
			return nil, err
		}
		a.Text, a.Kind = doc.Text, doc.Kind
		// The page's own headline beats the feed's, which some outlets
		// shorten; the <title> element does not, it carries the site name.
		if doc.Title != "" && (a.Title == "" || doc.TitleFrom != "title") {
			a.Title, a.TitleFrom = doc.Title, doc.TitleFrom
		}
		if doc.Byline != "" {
			a.Byline = doc.Byline
		}
		if !doc.Published.IsZero() {
			a.Published, a.PublishedFrom = doc.Published.UTC(), doc.PublishedFrom
			local = doc.Published
		}
		if !doc.Modified.IsZero() {
			a.Modified = doc.Modified.UTC()
		}
		if doc.Lang != "" {
			a.Lang, a.LangFrom = doc.Lang, LangFromPage
		}
		if a.URL == "" && doc.Canonical != "" {
			a.URL = doc.Canonical
		}
		a.SiteName, a.Image = doc.SiteName, doc.Image
	} else {
		// Archives hold articles: there is no page to say otherwise.
		a.Text, a.Kind = content.CleanText(p.Text), defwatch.KindArticle
	}
	a.Text = clip(a.Text, maxText)
	// Text broken upstream (UTF-8 read through windows-1252 or a Thai code
	// page, or sent through GBK) is mended before anything reads it.
	a.Title = mojibake.Repair(a.Title)
	a.Text = mojibake.Repair(a.Text)
	a.Byline = mojibake.Repair(a.Byline)
	a.SiteName = mojibake.Repair(a.SiteName)
	if a.Published.IsZero() && possibleDate(p.Published, time.Now()) {
		a.Published, local = p.Published.UTC(), p.Published
		switch {
		case p.Imported:
			a.PublishedFrom = FromArchive
		case p.Feed != "":
			a.PublishedFrom = FromFeed
		default:
			a.PublishedFrom = FromGiven
		}
	}
	if a.Text == "" && a.Title == "" {
		return nil, ErrEmpty
	}
	if a.Title == "" {
		// An article nobody can tell apart from the next in a list is no
		// use to an analyst: its first sentence stands in for a headline.
		if a.Title = titleFromText(a.Text); a.Title != "" {
			a.TitleFrom = FromText
		}
	}
	if a.Source == "" {
		a.Source = defwatch.SourceOf(a.URL)
	}
	if a.ID == "" {
		a.ID = idOf(a)
	}
	a.Lang = primaryLang(a.Lang)
	if a.Lang == "" {
		a.Lang, a.LangFrom = DetectLang(a.Title+"\n"+a.Text), LangFromDetected
		if a.Lang == "" {
			a.LangFrom = ""
		}
	}
	tag(a, local)
	return a, nil
}

// Tag fills the entity fields of a from its title and text, resolving
// meeting dates against a.Published.
func Tag(a *defwatch.Article) { tag(a, a.Published) }

// tag is Tag with the publication time in its source's own zone.
func tag(a *defwatch.Article, published time.Time) {
	text := a.Title + "\n\n" + a.Text
	if a.TitleFrom == FromText {
		text = a.Text // the title repeats the text: its names would count twice
	}
	// Meeting dates ("on Thursday") are resolved against the publication.
	tags := entity.Tag(text, published)
	a.Nations = nonNil(capList(tags.Nations))
	a.Troops = nonNil(capList(tags.Troops))
	a.Meetings = nonNil(capList(tags.Meetings))
	a.Orgs = nonNil(capList(tags.Orgs))
	a.People = nonNil(capList(tags.People))
	a.Places = nonNil(capList(tags.Places))
}

// possibleDate rejects the dates broken feeds give: none at all, the zero
// years of unset fields, and the future beyond a day of clock skew.
func possibleDate(t, now time.Time) bool {
	return !t.IsZero() && t.Year() >= 1970 && t.Before(now.Add(24*time.Hour))
}

// capList keeps the first maxEntities items: the most-named nations, the
// earliest figures.
func capList[T any](s []T) []T { return s[:min(len(s), maxEntities)] }

// clip cuts text longer than n bytes at the last paragraph break before n
// (or the last space, or n itself), keeping whole UTF-8 characters.
func clip(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := text[:n]
	if i := strings.LastIndex(cut, "\n\n"); i > n/2 {
		return cut[:i]
	}
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		return cut[:i]
	}
	return strings.ToValidUTF8(cut, "")
}

// nonNil makes empty lists JSON arrays rather than null, so consumers can
// iterate without a check.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// idOf gives an article without a URL an id from its content, so the same
// text imported twice is one article.
func idOf(a *defwatch.Article) string {
	if a.URL != "" {
		return defwatch.ArticleID(a.URL)
	}
	sum := sha256.Sum256([]byte(a.Title + "\x00" + a.Published.Format(time.RFC3339) + "\x00" + a.Text))
	return hex.EncodeToString(sum[:8])
}

// Bounds of a title made from the text: a headline's length. A first
// sentence up to maxTitle characters is kept whole; a longer one is cut at
// the last word that ends before cutTitle, and marked as cut.
const (
	maxTitle = 120
	cutTitle = 100
	// minLead is the fewest words a leading paragraph needs to be read as
	// prose rather than a label ("VIEW VIDEO", "CNN —").
	minLead = 4
)

// titleFromText makes a headline of the text's first sentence: leading
// labels and a dateline ("KYIV, 10 April (Reuters) – ") left out, cut on a
// word boundary when the sentence is long. It returns "" for text with no
// words.
func titleFromText(text string) string {
	var para string
	for p := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		const dashes = "-–—•*· "
		if p == "" {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(p); strings.ContainsRune(dashes, lastRune(p)) && !strings.ContainsRune(dashes, first) {
			continue // a dateline on its own line: "New York CNN Business —"
		}
		p = strings.Trim(p, dashes) // "– Gazprom to slash deliveries –", a subheading
		if p == "" {
			continue
		}
		if para == "" {
			para = p // the fallback when no paragraph is prose
		}
		if words(p) >= minLead {
			para = p
			break
		}
	}
	if para == "" {
		return ""
	}
	s := firstSentence(dropDateline(para))
	if utf8.RuneCountInString(s) <= maxTitle {
		// A headline has no full stop; a question keeps its mark.
		return strings.TrimRight(s, ". ")
	}
	r := []rune(s)[:cutTitle+1]
	cut := cutTitle
	for cut > cutTitle/2 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	if cut == cutTitle/2 { // one very long word: cut inside it
		cut = cutTitle
	}
	return strings.TrimRight(string(r[:cut]), " ,;:–—-") + "…"
}

// dropDateline removes a dateline before the first dash of a paragraph:
// a place in capitals, perhaps a date and an agency, then the dash.
func dropDateline(p string) string {
	for _, dash := range []string{" – ", " — ", " -- ", " - ", " --", "—"} {
		i := strings.Index(p, dash)
		if i <= 0 || i > 80 {
			continue
		}
		head := strings.Fields(p[:i])
		if first := strings.TrimRight(head[0], ","); utf8.RuneCountInString(first) >= 2 && strings.ToUpper(first) == first &&
			strings.ToLower(first) != first {
			if rest := strings.TrimSpace(p[i+len(dash):]); words(rest) >= minLead {
				return rest
			}
		}
	}
	return p
}

// abbreviations end with a full stop that ends no sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gov": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "sgt": true, "adm": true, "sen": true, "rep": true, "st": true,
	"jr": true, "sr": true, "no": true, "vs": true, "etc": true, "inc": true, "corp": true, "co": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true,
	"nov": true, "dec": true, "u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "ca": true,
	"bzw": true, "dr.-ing": true, "nr": true, "z.b": true, "ggf": true, "vgl": true, "ім": true, "р": true,
	"ст": true, "м": true, "т.д": true, "т.п": true, "ген": true,
}

// firstSentence is p up to the end of its first sentence: a full stop,
// question or exclamation mark (and a closing quote) before a space and a
// capital, digit or quote, or a full stop run into the next sentence
// ("in Poland.He said"), as scraped text has them.
func firstSentence(p string) string {
	rs := []rune(p)
	for i, r := range rs {
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		end := i + 1
		for end < len(rs) && strings.ContainsRune("\"'”’»)", rs[end]) {
			end++
		}
		if end >= len(rs) {
			return p
		}
		switch {
		case unicode.IsSpace(rs[end]) && end+1 < len(rs) && startsSentence(rs[end+1]):
		case i > 0 && unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[end]) &&
			end+1 < len(rs) && unicode.IsLower(rs[end+1]):
			// "Poland.He", "Putin.\"The": a lower-case letter, the mark
			// and a capitalised word, with no space; a quote there opens
			// the next sentence.
			end = i + 1
		default:
			continue
		}
		if r == '.' && !endsSentence(rs[:i]) {
			continue
		}
		return strings.TrimSpace(string(rs[:end]))
	}
	return p
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// words counts the words of s that hold a letter.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

func startsSentence(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«(", r)
}

// endsSentence says a full stop after before ends a sentence: not after an
// initial ("J."), an abbreviation ("Gov.", "U.S.") or a number's digit
// ("1.5" never reaches here: no space follows).
func endsSentence(before []rune) bool {
	j := len(before)
	for j > 0 && !unicode.IsSpace(before[j-1]) && before[j-1] != '(' {
		j--
	}
	word := string(before[j:])
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper(before[j]) {
		return false
	}
	return !abbreviations[strings.ToLower(word)]
}
