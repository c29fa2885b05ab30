package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
)

var funcs = template.FuncMap{
	"datetime":    dateTime,
	"langName":    langName,
	"troops":      troopLabel,
	"searchURL":   searchHref,
	"clause":      func(field, value string) string { return field + ":" + quoteValue(value) },
	"join":        strings.Join,
	"sortOptions": func() []struct{ Value, Label string } { return sortOptions },
}

func itoa(n int) string { return strconv.Itoa(n) }

// thousands writes n with comma separators, as the news does: 10,000.
func thousands[T int | int64 | uint64](n T) string {
	s := strconv.FormatInt(int64(n), 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func articleHref(id string) string { return "/article/" + url.PathEscape(id) }

// externalURL is u when it is an http(s) address, else "": a page could
// give its canonical URL as javascript: or data:, and such a link must not
// be offered at all.
func externalURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || p.Scheme != "http" && p.Scheme != "https" {
		return ""
	}
	return p.String()
}

// troopLabel reads like the news: "~10,000–30,000 troops".
func troopLabel(t defwatch.Troop) string {
	s := thousands(t.Min)
	if t.Max != t.Min {
		s += "–" + thousands(t.Max)
	}
	if t.Approx {
		s = "~" + s
	}
	return s + " troops"
}

// meetingLabel reads "ministerial 2025-04-10 Brussels", leaving out what
// the article does not say.
func meetingLabel(m defwatch.Meeting) string {
	var parts []string
	for _, p := range []string{m.Kind, m.Date, m.Location} {
		if p = strings.TrimSpace(p); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " ")
}

// langs names the languages the feeds carry most; others show as codes.
var langs = map[string]string{
	"ar": "Arabic", "bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
	"en": "English", "es": "Spanish", "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French",
	"he": "Hebrew", "hu": "Hungarian", "it": "Italian", "ja": "Japanese", "ka": "Georgian", "ko": "Korean",
	"lt": "Lithuanian", "lv": "Latvian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese",
	"ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
	"zh": "Chinese",
}

func langName(code string) string {
	if n, ok := langs[strings.ToLower(code)]; ok {
		return n
	}
	return code
}
