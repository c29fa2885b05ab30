package query

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/defwatch/defwatch"
)

// The keyword fields take known values only: a nation, meeting kind or
// language that does not exist would match nothing and look like an
// answer, so it is refused with the values it comes closest to.

//go:embed data/nations.tsv
var nationsTSV string

//go:embed data/languages.tsv
var languagesTSV string

// codeTable is a list of codes with their English names, and the other
// names people write them by.
type codeTable struct {
	codes  []string          // in the file's order
	names  map[string]string // code → name
	byName map[string]string // folded name or alias → code
}

func readTable(tsv string, aliases map[string]string) *codeTable {
	t := &codeTable{names: map[string]string{}, byName: map[string]string{}}
	for line := range strings.Lines(tsv) {
		code, name, ok := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if !ok || strings.HasPrefix(code, "#") {
			continue
		}
		t.codes = append(t.codes, code)
		t.names[code] = name
		t.byName[foldName(name)] = code
	}
	for alias, code := range aliases {
		t.byName[foldName(alias)] = code
	}
	return t
}

// nationAliases are names (and one code) in common use beside the ISO
// ones, and the names the nation tagger gives where they differ.
var nationAliases = map[string]string{
	"UK": "GB", "Britain": "GB", "Great Britain": "GB",
	"USA": "US", "America": "US", "United States of America": "US",
	"Russian Federation": "RU", "Czech Republic": "CZ", "Holland": "NL", "Burma": "MM",
	"Turkey": "TR", "Ivory Coast": "CI", "Côte d'Ivoire": "CI", "Cape Verde": "CV",
	"Macedonia": "MK", "Swaziland": "SZ", "East Timor": "TL",
	"DPRK": "KP", "Republic of Korea": "KR", "PRC": "CN",
	"Democratic Republic of the Congo": "CD", "Republic of the Congo": "CG",
	"Vatican": "VA", "Holy See": "VA",
}

// The tables are read on first use, not at start-up: only commands that
// parse a query need them.
var (
	nations   = sync.OnceValue(func() *codeTable { return readTable(nationsTSV, nationAliases) })
	languages = sync.OnceValue(func() *codeTable { return readTable(languagesTSV, nil) })
)

// NationName is the English short name of an ISO 3166-1 code, or "".
func NationName(code string) string { return nations().names[strings.ToUpper(code)] }

// MeetingKinds are the kinds meeting: takes, besides *.
var MeetingKinds = []string{defwatch.MeetingSummit, defwatch.MeetingMinisterial, defwatch.MeetingTalks,
	defwatch.MeetingConference, defwatch.MeetingCall, defwatch.MeetingMeeting}

// nationCode reads a nation: an ISO code, an English name or a common
// other name. note says how a name other than the code was read.
func nationCode(v string) (code, note string, err error) {
	if len(v) == 2 && isLetters(v) {
		if c := strings.ToUpper(v); nations().names[c] != "" {
			return c, "", nil
		}
	}
	if c, ok := nations().byName[foldName(v)]; ok {
		if len(v) == 2 || !strings.EqualFold(nations().names[c], v) && foldName(nations().names[c]) != foldName(v) {
			note = fmt.Sprintf("nation:%s read as %s (%s)", quoteIfSpaced(v), c, nations().names[c])
		}
		return c, note, nil
	}
	var close []string
	for _, c := range nations().suggest(v) {
		close = append(close, fmt.Sprintf("%s (%s)", c, nations().names[c]))
	}
	if len(close) > 0 {
		return "", "", BadQuery("nation:%s: no nation has that code or name; did you mean %s?", quoteIfSpaced(v), joinOr(close))
	}
	return "", "", BadQuery("nation:%s: no nation has that code or name; write an ISO 3166-1 code or the English name, such as nation:UA or nation:Ukraine, nation:GB or nation:\"United Kingdom\"", quoteIfSpaced(v))
}

// langCode reads a language: an ISO 639-1 code or its English name.
func langCode(v string) (code, note string, err error) {
	lv := strings.ToLower(v)
	if languages().names[lv] != "" {
		return lv, "", nil
	}
	if c, ok := languages().byName[foldName(v)]; ok {
		return c, fmt.Sprintf("lang:%s read as lang:%s", quoteIfSpaced(v), c), nil
	}
	var close []string
	for _, c := range languages().suggest(v) {
		close = append(close, fmt.Sprintf("%s (%s)", c, languages().names[c]))
	}
	if len(close) > 0 {
		return "", "", BadQuery("lang:%s: not a language code; did you mean %s?", quoteIfSpaced(v), joinOr(close))
	}
	return "", "", BadQuery("lang:%s: not a language code; write an ISO 639-1 code, such as lang:en, lang:uk, lang:de or lang:ru", quoteIfSpaced(v))
}

// meetingKind reads a meeting kind.
func meetingKind(v string) (string, error) {
	k := strings.ToLower(v)
	if slices.Contains(MeetingKinds, k) {
		return k, nil
	}
	// Plurals and capitals are the same kind: meeting:Summits.
	if s, ok := strings.CutSuffix(k, "s"); ok && slices.Contains(MeetingKinds, s) {
		return s, nil
	}
	list := strings.Join(MeetingKinds, ", ") + " or * for any"
	var close []string
	for _, c := range MeetingKinds {
		if d := distance(k, c); d <= maxDistance(k) {
			close = append(close, c)
		}
	}
	if len(close) > 0 {
		return "", BadQuery("meeting:%s: not a meeting kind; did you mean %s? (kinds: %s)", quoteIfSpaced(v), joinOr(close), list)
	}
	return "", BadQuery("meeting:%s: not a meeting kind (kinds: %s)", quoteIfSpaced(v), list)
}

// suggest lists up to three codes whose code or name is closest to v, or
// that v begins the name of.
func (t *codeTable) suggest(v string) []string {
	f := foldName(v)
	type scored struct {
		code string
		d    int
	}
	var found []scored
	limit := maxDistance(f)
	for _, c := range t.codes {
		best := limit + 1
		if len(f) == 2 && len(c) == 2 && f[0] == strings.ToLower(c)[0] {
			// A code typed, a code meant: one letter off, the first right.
			best = min(best, distance(f, strings.ToLower(c)))
		}
		name := foldName(t.names[c])
		best = min(best, distance(f, name))
		if len(f) >= 3 && strings.HasPrefix(name, f) {
			best = 0 // the start of the name: the likeliest meaning
		}
		for alias, ac := range t.byName {
			if ac == c && alias != name {
				best = min(best, distance(f, alias))
			}
		}
		if best <= limit {
			found = append(found, scored{c, best})
		}
	}
	slices.SortStableFunc(found, func(a, b scored) int { return a.d - b.d })
	var out []string
	for _, s := range found {
		if len(out) == 3 {
			break
		}
		out = append(out, s.code)
	}
	return out
}

// maxDistance is how many edits a misspelling of s may have: one in a
// short word, two in a long one.
func maxDistance(s string) int {
	n := len([]rune(s))
	switch {
	case n <= 2:
		return 1
	case n <= 8:
		return max(1, n/4)
	}
	return 2
}

// distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of two neighbours, each
// one edit ("Ukriane" is one from "Ukraine").
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return max(len(ra), len(rb)) // too long to be a misspelling worth the work
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// foldName is a name as compared: lower case, without diacritics, one
// kind of apostrophe, single spaces.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’' || r == 'ʼ' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func quoteIfSpaced(v string) string {
	if strings.ContainsAny(v, " \t") {
		return `"` + v + `"`
	}
	return v
}

// joinOr joins "a", "b" and "c" as "a, b or c".
func joinOr(list []string) string {
	if len(list) <= 1 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], ", ") + " or " + list[len(list)-1]
}
