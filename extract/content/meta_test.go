package content

import (
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     time.Time // zero: must be rejected
	}{
		{"RFC 3339", "2025-04-10T09:12:00Z", time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)},
		{"offset", "2025-04-10T11:12:00+02:00", time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)},
		{"offset without colon", "2021-11-01T10:52:50+0100", time.Date(2021, 11, 1, 9, 52, 50, 0, time.UTC)},
		{"milliseconds", "2019-01-03T07:00:02.000Z", time.Date(2019, 1, 3, 7, 0, 2, 0, time.UTC)},
		{"no zone is UTC", "2019-04-28 06:01:07", time.Date(2019, 4, 28, 6, 1, 7, 0, time.UTC)},
		{"date only", "2015-05-27", time.Date(2015, 5, 27, 0, 0, 0, 0, time.UTC)},
		{"RFC 1123 with EST", "Thu, 10 Apr 2025 05:12:00 EST", time.Date(2025, 4, 10, 10, 12, 0, 0, time.UTC)},
		{"RFC 1123 numeric zone", "Thu, 10 Apr 2025 09:12:00 +0000", time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)},
		{"US text date", "April 10, 2025", time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC)},
		{"published prefix", "Published May 27, 2015", time.Date(2015, 5, 27, 0, 0, 0, 0, time.UTC)},
		{"abbreviated month", "Dec. 30, 2015", time.Date(2015, 12, 30, 0, 0, 0, 0, time.UTC)},
		{"day first with clock and zone", "10 April 2025 10:12 BST", time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)},
		{"pm clock", "Fri 6:45 PM, Feb 16, 2018", time.Date(2018, 2, 16, 18, 45, 0, 0, time.UTC)},
		{"a.m. with ET", "April 10, 2025 5:12 a.m. ET", time.Date(2025, 4, 10, 10, 12, 0, 0, time.UTC)},
		{"Portuguese", "sexta-feira, 22 de outubro de 2010 às 20:13", time.Date(2010, 10, 22, 20, 13, 0, 0, time.UTC)},
		{"German", "10. März 2025", time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)},
		{"European numeric", "10.04.2025", time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC)},
		{"American numeric", "04/10/2025", time.Date(2025, 4, 10, 0, 0, 0, 0, time.UTC)},
		{"unix seconds", "1744276320", time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)},
		{"future", "2031-01-01T00:00:00Z", time.Time{}},
		{"before 1990", "1989-12-31", time.Time{}},
		{"31 April", "April 31, 2025", time.Time{}},
		{"no date", "yesterday", time.Time{}},
		{"empty", "", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseDate(tt.in, fixedNow)
			if tt.want.IsZero() {
				if ok {
					t.Errorf("parseDate(%q) = %v, want rejected", tt.in, got)
				}
				return
			}
			if !ok || !got.Equal(tt.want) {
				t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
			}
		})
	}
}

func TestDateFromURL(t *testing.T) {
	tests := []struct {
		url  string
		want string // "" for none
	}{
		{"https://example.com/2025/04/10/nato-ukraine-force/", "2025-04-10"},
		{"https://example.com/news/2025-04-10-nato", "2025-04-10"},
		{"https://example.com/20250410/nato", "2025-04-10"},
		{"https://example.com/2019/11/story.html", "2019-11-01"},
		{"https://example.com/article/1234567890", ""},
		{"https://example.com/2031/01/02/future", ""},
		{"https://example.com/2025/13/40/bad", ""},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			got, ok := dateFromURL(tt.url, fixedNow)
			s := ""
			if ok {
				s = got.Format("2006-01-02")
			}
			if s != tt.want {
				t.Errorf("dateFromURL(%q) = %q, want %q", tt.url, s, tt.want)
			}
		})
	}
}

func TestCleanTitle(t *testing.T) {
	tests := []struct {
		name, title, site, host string
		loose                   bool
		want                    string
	}{
		{"site suffix", "NATO chiefs meet in Brussels | Reuters", "", "reuters.com", false, "NATO chiefs meet in Brussels"},
		{"site name suffix", "Obama admits US gun laws are his 'biggest frustration' - BBC News", "BBC News", "bbc.com", false, "Obama admits US gun laws are his 'biggest frustration'"},
		{"site prefix", "Reuters | NATO chiefs meet in Brussels", "Reuters", "", false, "NATO chiefs meet in Brussels"},
		{"section and site", "Ukraine force takes shape - Europe - Defense Wire", "Defense Wire", "", true, "Ukraine force takes shape"},
		{"columnist kept", "What is the sea telling us? | Eleanor Ainge Roy", "the Guardian", "theguardian.com", false, "What is the sea telling us? | Eleanor Ainge Roy"},
		{"dash inside headline kept", "Ukraine - Russia talks stall", "Defense Wire", "", false, "Ukraine - Russia talks stall"},
		{"loose title suffix", "Defense ministers of 30 nations to meet at NATO - DW", "", "", true, "Defense ministers of 30 nations to meet at NATO"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanTitle(tt.title, tt.site, tt.host, tt.loose); got != tt.want {
				t.Errorf("cleanTitle(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "en-US": "en", "pt_BR": "pt", "EN-gb": "en", "fil": "fil",
		"": "", "english": "", "x": "", "de, en": "de", "12": "",
	} {
		t.Run(in, func(t *testing.T) {
			if got := primaryLang(in); got != want {
				t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestParseJSONLD(t *testing.T) {
	tests := []struct {
		name      string
		blocks    []string
		headline  string
		published string
		authors   string
		publisher string
	}{
		{
			name:     "graph",
			blocks:   []string{`{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},{"@type":"NewsArticle","headline":"H","datePublished":"2025-04-10T09:12:00Z","author":{"@type":"Person","name":"A B"},"publisher":{"@type":"Organization","name":"Wire"}}]}`},
			headline: "H", published: "2025-04-10T09:12:00Z", authors: "A B", publisher: "Wire",
		},
		{
			name:     "array of blocks and authors",
			blocks:   []string{`[{"@type":"Organization","name":"Wire"},{"@type":["Article","NewsArticle"],"headline":"H","datePublished":"2025-04-10","author":[{"name":"A"},"B"]}]`},
			headline: "H", published: "2025-04-10", authors: "A, B", publisher: "Wire",
		},
		{
			name:     "raw newline inside a string",
			blocks:   []string{"{\"@type\":\"NewsArticle\",\"headline\":\"two\nlines\",\"datePublished\":\"2025-04-10\"}"},
			headline: "two lines", published: "2025-04-10",
		},
		{
			name:   "broken block is skipped",
			blocks: []string{`{"@type":"NewsArticle",`, `{"@type":"BlogPosting","headline":"ok"}`}, headline: "ok",
		},
		{
			name:     "the article beats a page",
			blocks:   []string{`{"@type":"WebPage","headline":"page","datePublished":"2020-01-01"}`, `{"@type":"NewsArticle","headline":"story","datePublished":"2025-04-10"}`},
			headline: "story", published: "2025-04-10",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := parseJSONLD(tt.blocks)
			if a.headline != tt.headline || a.published != tt.published ||
				strings.Join(a.authors, ", ") != tt.authors || a.publisher != tt.publisher {
				t.Errorf("got headline %q published %q authors %q publisher %q", a.headline, a.published, a.authors, a.publisher)
			}
		})
	}
}

// TestParseMetadataSources checks each source of each field on small pages.
func TestParseMetadataSources(t *testing.T) {
	tests := []struct {
		name, page, url string
		check           func(d Document) string // "" when right
	}{
		{
			name: "meta published with offset",
			page: `<html lang="de-AT"><head><meta property="article:published_time" content="2025-04-10T11:12:00+02:00"></head><body><p>x</p></body></html>`,
			check: func(d Document) string {
				if !d.Published.Equal(time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)) || d.PublishedFrom != "meta" || d.Lang != "de" {
					return "want 09:12 UTC from meta, lang de"
				}
				return ""
			},
		},
		{
			name: "time in the article",
			page: `<body><aside><time datetime="2024-01-01">old</time></aside><article><h1>T</h1><time datetime="2025-04-10T09:12:00Z">10 April</time>` + strings.Repeat("<p>Ministers from thirty nations met at NATO headquarters, officials said.</p>", 5) + `</article></body>`,
			check: func(d Document) string {
				if d.Published.Format(time.RFC3339) != "2025-04-10T09:12:00Z" || d.PublishedFrom != "time" {
					return "want the <time> inside <article>"
				}
				return ""
			},
		},
		{
			name: "date from the URL",
			page: `<body><p>x</p></body>`, url: "https://example.com/2025/04/10/story",
			check: func(d Document) string {
				if d.Published.Format("2006-01-02") != "2025-04-10" || d.PublishedFrom != "url" {
					return "want 2025-04-10 from url"
				}
				return ""
			},
		},
		{
			name: "impossible meta date falls through to the URL",
			page: `<head><meta name="date" content="2099-01-01"></head><body><p>x</p></body>`, url: "https://example.com/2025/04/10/story",
			check: func(d Document) string {
				if d.PublishedFrom != "url" {
					return "want the URL date, not a future one"
				}
				return ""
			},
		},
		{
			name: "title from <title> without the site",
			page: `<head><title>Defense ministers of 30 nations meet at NATO | Defense Wire</title><meta property="og:site_name" content="Defense Wire"></head><body></body>`,
			check: func(d Document) string {
				if d.Title != "Defense ministers of 30 nations meet at NATO" || d.TitleFrom != "title" {
					return "want the headline part of <title>"
				}
				return ""
			},
		},
		{
			name: "title from h1 before title",
			page: `<head><title>Site</title></head><body><h1> The  headline </h1></body>`,
			check: func(d Document) string {
				if d.Title != "The headline" || d.TitleFrom != "h1" {
					return "want the h1"
				}
				return ""
			},
		},
		{
			name: "byline from meta, itemprop and rel",
			page: `<head><meta name="author" content="By Jane Doe"></head><body></body>`,
			check: func(d Document) string {
				if d.Byline != "Jane Doe" {
					return "want Jane Doe"
				}
				return ""
			},
		},
		{
			name: "byline from itemprop author",
			page: `<body><span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span> and <a rel="author" href="/x">John Roe</a></body>`,
			check: func(d Document) string {
				if d.Byline != "Jane Doe, John Roe" {
					return "want both names"
				}
				return ""
			},
		},
		{
			name: "canonical from og:url, image and language from og",
			page: `<head><meta property="og:url" content="/a/b"><meta property="og:image" content="img/lead.jpg"><meta property="og:locale" content="fr_FR"></head><body></body>`,
			url:  "https://example.com/x/y?z=1",
			check: func(d Document) string {
				if d.Canonical != "https://example.com/a/b" || d.Image != "https://example.com/x/img/lead.jpg" || d.Lang != "fr" {
					return "want absolute canonical and image, lang fr"
				}
				return ""
			},
		},
		{
			name: "site name from JSON-LD publisher",
			page: `<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","publisher":{"@type":"Organization","name":"Wire"}}</script></head><body></body>`,
			check: func(d Document) string {
				if d.SiteName != "Wire" || d.Title != "H" || d.TitleFrom != "json-ld" {
					return "want site Wire and title H from json-ld"
				}
				return ""
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse(tt.page, tt.url, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if msg := tt.check(d); msg != "" {
				t.Errorf("%s; got %+v", msg, d)
			}
		})
	}
}
