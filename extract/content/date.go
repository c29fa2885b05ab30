package content

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// earliest is the first date a page of ours can plausibly carry; anything
// before it is a parse of something that was not a publication date.
var earliest = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)

// plausible rejects dates no article can have. A day of slack in the future
// absorbs time zones and clocks that run ahead.
func plausible(t, now time.Time) bool {
	return !t.IsZero() && !t.Before(earliest) && !t.After(now.Add(24*time.Hour))
}

// numericLayouts are the machine-readable forms that metadata uses. Order
// matters only for speed: the common ISO forms come first.
var numericLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"2006/01/02",
	"2006.01.02 15:04",
	"2006.01.02",
	"20060102T150405Z0700",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon Jan _2 15:04:05 MST 2006",
	"Mon Jan _2 15:04:05 -0700 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
}

// zoneOffsets gives the offsets of the abbreviations news sites print. Go
// only knows the abbreviations of the local zone, so without this table
// "10:00 EST" would silently become 10:00 UTC.
var zoneOffsets = map[string]int{
	"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "WET": 0,
	"EST": -5, "EDT": -4, "ET": -5, "CST": -6, "CDT": -5, "CT": -6,
	"MST": -7, "MDT": -6, "MT": -7, "PST": -8, "PDT": -7, "PT": -8,
	"AKST": -9, "AKDT": -8, "HST": -10,
	"BST": 1, "CET": 1, "CEST": 2, "WEST": 1, "EET": 2, "EEST": 3, "MSK": 3,
	"IST": 5*60 + 30, "PKT": 5, "SGT": 8, "HKT": 8, "AWST": 8, "JST": 9, "KST": 9,
	"ACST": 9*60 + 30, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}

// zoneMinutes turns a zoneOffsets value into minutes east of UTC: small
// values are hours, the rest are already minutes.
func zoneMinutes(v int) int {
	if v > -24 && v < 24 {
		return v * 60
	}
	return v
}

// parseDate reads a date in any of the forms pages put in metadata or in
// text. A date without a zone is taken as UTC.
func parseDate(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 120 {
		return time.Time{}, false
	}
	for _, layout := range numericLayouts {
		if t, err := time.ParseInLocation(layout, s, time.UTC); err == nil {
			t = fixZone(t)
			if plausible(t, now) {
				return t, true
			}
			return time.Time{}, false
		}
	}
	if t, ok := parseUnix(s); ok && plausible(t, now) {
		return t, true
	}
	if t, ok := parseTextDate(s); ok && plausible(t, now) {
		return t, true
	}
	return time.Time{}, false
}

// fixZone replaces the zero offset Go invents for an abbreviation it does
// not know by the abbreviation's real offset.
func fixZone(t time.Time) time.Time {
	name, off := t.Zone()
	if off != 0 || name == "UTC" || name == "" {
		return t
	}
	if v, ok := zoneOffsets[strings.ToUpper(name)]; ok && v != 0 {
		m := zoneMinutes(v)
		return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(),
			t.Nanosecond(), time.FixedZone(name, m*60))
	}
	return t
}

// parseUnix accepts epoch seconds or milliseconds, which some sites put in
// data attributes and JSON.
func parseUnix(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	if len(s) == 13 {
		return time.UnixMilli(n).UTC(), true
	}
	return time.Unix(n, 0).UTC(), true
}

var months = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// The languages of our sources besides English.
	"januar": 1, "janvier": 1, "enero": 1, "gennaio": 1, "janeiro": 1,
	"februar": 2, "février": 2, "fevrier": 2, "febrero": 2, "febbraio": 2, "fevereiro": 2,
	"märz": 3, "mars": 3, "marzo": 3, "março": 3, "marco": 3,
	"avril": 4, "abril": 4, "aprile": 4,
	"mai": 5, "mayo": 5, "maggio": 5, "maio": 5,
	"juni": 6, "juin": 6, "junio": 6, "giugno": 6, "junho": 6,
	"juli": 7, "juillet": 7, "julio": 7, "luglio": 7, "julho": 7,
	"août": 8, "aout": 8, "agosto": 8,
	"septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
	"oktober": 10, "octobre": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
	"novembre": 11, "noviembre": 11, "novembro": 11,
	"dezember": 12, "décembre": 12, "decembre": 12, "diciembre": 12, "dicembre": 12, "dezembro": 12,
}

// lazyRegexp compiles expr on first use rather than at start-up: every
// command of the one binary links this package, and a page without a
// date or script data never needs its patterns.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

var (
	// numericDate finds 2025-04-10, 10.04.2025, 04/10/2025 and the like.
	numericDate = lazyRegexp(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b|\b(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4})\b`)
	// clock finds 9:12, 09:12:30, 9:12 pm, 9.12 a.m., optionally followed by a zone.
	clock = lazyRegexp(`(?i)\b(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?(?:\s*\(?([A-Z]{1,4}T|UTC|GMT)\)?)?`)
	word  = lazyRegexp(`\p{L}+\.?|\d+(?:st|nd|rd|th)?`)
)

// parseTextDate reads the dates people write: "April 10, 2025", "10 April
// 2025 09:12 BST", "Thursday 10/04/2025", "Published Dec. 30, 2015".
// Numeric day/month order follows the separator: 04/10/2025 is American
// (month first), 10.04.2025 and 10-04-2025 are European (day first).
func parseTextDate(s string) (time.Time, bool) {
	year, month, day := 0, time.Month(0), 0
	// The clock is read first and cut out, so that neither its digits nor
	// a numeric date's "10.04" are taken for the other.
	rest := s
	if loc := numericDate().FindStringIndex(s); loc != nil {
		rest = s[:loc[0]] + " " + s[loc[1]:]
	}
	hour, minute, sec, zone := 0, 0, 0, time.UTC
	if loc := clock().FindStringSubmatchIndex(rest); loc != nil {
		m := clock().FindStringSubmatch(rest)
		hour, minute, sec = atoi(m[1]), atoi(m[2]), atoi(m[3])
		ampm := strings.ToLower(strings.ReplaceAll(m[4], ".", ""))
		if ampm == "pm" && hour < 12 {
			hour += 12
		} else if ampm == "am" && hour == 12 {
			hour = 0
		}
		if v, ok := zoneOffsets[strings.ToUpper(m[5])]; ok && m[5] != "" {
			zone = time.FixedZone(strings.ToUpper(m[5]), zoneMinutes(v)*60)
		}
		if hour > 23 || minute > 59 || sec > 59 {
			hour, minute, sec = 0, 0, 0
		}
		rest = rest[:loc[0]] + " " + rest[loc[1]:]
	}
	if m := numericDate().FindStringSubmatch(s); m != nil {
		if m[1] != "" {
			year, month, day = atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3])
		} else {
			a, b := atoi(m[4]), atoi(m[6])
			year = atoi(m[7])
			if m[5] == "/" && a <= 12 {
				month, day = time.Month(a), b
			} else {
				month, day = time.Month(b), a
			}
			if month > 12 && day <= 12 {
				month, day = time.Month(day), int(month)
			}
		}
	} else {
		var nums []int
		for _, w := range word().FindAllString(strings.ToLower(rest), 12) {
			w = strings.TrimSuffix(w, ".")
			if mo, ok := months[w]; ok && month == 0 {
				month = mo
				continue
			}
			if w[0] >= '0' && w[0] <= '9' {
				nums = append(nums, atoi(strings.TrimRight(w, "stndrh")))
			}
		}
		if month == 0 {
			return time.Time{}, false
		}
		for _, n := range nums {
			switch {
			case n >= 1900 && n <= 2100 && year == 0:
				year = n
			case n >= 1 && n <= 31 && day == 0:
				day = n
			}
		}
	}
	if year == 0 || month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, hour, minute, sec, 0, zone)
	if t.Day() != day {
		return time.Time{}, false // 31 April and friends
	}
	return t, true
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// urlDate finds the date that many sites put in article paths:
// /2025/04/10/, /2025-04-10/, /20250410/ and /2025/04/ (taken as the first).
var urlDate = lazyRegexp(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])(?:[/-]?(0[1-9]|[12]\d|3[01]))?(?:[/-]|$)`)

func dateFromURL(u string, now time.Time) (time.Time, bool) {
	m := urlDate().FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	day := 1
	if m[3] != "" {
		day = atoi(m[3])
	}
	t := time.Date(atoi(m[1]), time.Month(atoi(m[2])), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || !plausible(t, now) {
		return time.Time{}, false
	}
	return t, true
}
