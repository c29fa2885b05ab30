package content

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// fixedNow is the clock of the tests, so plausibility checks on dates do not
// depend on when the tests run.
var fixedNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

func readFixture(t testing.TB, path string) string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var wordRE = regexp.MustCompile(`[\p{L}\p{M}\p{N}_]+`)

// shingleF1 scores text against a reference the way the article-extraction
// benchmark does: 4-word shingles compared as multisets.
func shingleF1(ref, got string) (precision, recall, f1 float64) {
	shingles := func(s string) map[string]int {
		toks := wordRE.FindAllString(s, -1)
		m := map[string]int{}
		if len(toks) > 0 && len(toks) < 4 {
			m[strings.Join(toks, " ")]++
		}
		for i := 0; i+4 <= len(toks); i++ {
			m[strings.Join(toks[i:i+4], " ")]++
		}
		return m
	}
	r, g := shingles(ref), shingles(got)
	tp, fp, fn := 0, 0, 0
	for k, n := range g {
		m := min(n, r[k])
		tp += m
		fp += n - m
	}
	for k, n := range r {
		fn += max(0, n-g[k])
	}
	if fp == 0 && fn == 0 {
		return 1, 1, 1
	}
	if tp == 0 {
		return 0, 0, 0
	}
	precision = float64(tp) / float64(tp+fp)
	recall = float64(tp) / float64(tp+fn)
	return precision, recall, 2 * precision * recall / (precision + recall)
}

func TestParseSeedPage(t *testing.T) {
	seed := CleanText(readFixture(t, "../../testdata/seed.txt"))
	title, body, _ := strings.Cut(seed, "\n\n")
	const pageURL = "https://defensewire.example/world/europe/nato-ukraine-force-ministers?utm_source=feed"
	for _, file := range []string{"article.html", "article-bare-counters.html"} {
		t.Run(file, func(t *testing.T) {
			doc, err := parse(readFixture(t, "testdata/seed/"+file), pageURL, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Text != body {
				t.Errorf("text differs from the seed's paragraphs\n got: %q\nwant: %q", doc.Text, body)
			}
			for _, junk := range []string{"Related stories", "cookies", "Sign up", "©", "Advertisement",
				"Flags outside", "Tags:", "Most read", "Home"} {
				if strings.Contains(doc.Text, junk) {
					t.Errorf("text keeps boilerplate %q", junk)
				}
			}
			want := Document{
				Title: title, TitleFrom: "og", Byline: "Staff Reporter",
				Published:     time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC),
				PublishedFrom: "json-ld",
				Modified:      time.Date(2025, 4, 10, 11, 40, 0, 0, time.UTC),
				Canonical:     "https://defensewire.example/world/europe/nato-ukraine-force-ministers",
				SiteName:      "Defense Wire", Lang: "en",
				Image: "https://defensewire.example/media/2025/04/nato-hq.jpg",
				Text:  doc.Text, Kind: KindArticle,
			}
			if doc != want {
				t.Errorf("metadata\n got: %+v\nwant: %+v", withoutText(doc), withoutText(want))
			}
		})
	}
}

func withoutText(d Document) Document {
	d.Text = ""
	return d
}

func TestCleanText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"wrapped lines join", "First line\nwraps here.\n\nSecond para.", "First line wraps here.\n\nSecond para."},
		{"share counters go", "Title\n\n    0\n    0\n\n    Body text.", "Title\n\nBody text."},
		{"counter forms", "12\n1.2K\n3,401\nText", "Text"},
		{"numbers inside prose stay", "In 2025 it had 30\nnations.", "In 2025 it had 30 nations."},
		{"crlf and blank runs", "a\r\n\r\n\r\n\r\nb", "a\n\nb"},
		{"no-break spaces collapse", "a\u00a0\u00a0b  c", "a b c"},
		{"mojibake is kept", "NATOโ€™s headquarters", "NATOโ€™s headquarters"},
		{"empty", "  \n \n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CleanText(tt.in); got != tt.want {
				t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	t.Run("seed", func(t *testing.T) {
		got := CleanText(readFixture(t, "../../testdata/seed.txt"))
		paras := strings.Split(got, "\n\n")
		if len(paras) != 8 {
			t.Fatalf("got %d paragraphs, want the title and 7 body paragraphs:\n%s", len(paras), got)
		}
		if paras[0] != "NATO to host defense leaders for Ukraine force discussions" {
			t.Errorf("first paragraph is %q, want the title", paras[0])
		}
		for _, p := range paras {
			if isCounter(p) {
				t.Errorf("counter line %q survived", p)
			}
		}
		if !strings.HasPrefix(paras[1], "BRUSSELS โ€“ The defense ministers") {
			t.Errorf("body starts %q, want the dateline with its bytes kept", paras[1][:40])
		}
	})
}

// TestParseBenchmarkPages runs pages of the public article-extraction
// benchmark, each chosen for a way extraction went wrong once.
func TestParseBenchmarkPages(t *testing.T) {
	var urls map[string]string
	if err := json.Unmarshal([]byte(readFixture(t, "testdata/bench/urls.json")), &urls); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, id string
		minF1    float64
	}{
		{"plain news page", "06e5123e4ef7", 0.95},
		{"article wrapper with a modal class", "432362af0be4", 0.95},
		{"headline box outscoring a link-rich body", "6ebac05f637e", 0.85},
		{"short story above a list of teaser articles", "b3c19dd5f061", 0.8},
		{"data table with linked names", "11ea381ad92b", 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse(readFixture(t, "testdata/bench/"+tt.id+".html.gz"), urls[tt.id], fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			ref := readFixture(t, "testdata/bench/"+tt.id+".txt")
			p, r, f1 := shingleF1(ref, doc.Text)
			if f1 < tt.minF1 {
				t.Errorf("F1 %.3f (precision %.3f, recall %.3f), want >= %.2f\n%s", f1, p, r, tt.minF1, doc.Text)
			}
		})
	}
}

// TestParseAirForce runs af.mil print pages: a template from 2015 with no
// metadata at all, the body as text and <br> in a <div>, the date printed
// under the headline, and the whole page inside an ASP.NET <form>.
func TestParseAirForce(t *testing.T) {
	var want map[string]struct {
		URL, Title, Published, Text string
	}
	if err := json.Unmarshal([]byte(readFixture(t, "testdata/afmil/expected.json")), &want); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, byline string
	}{
		{"biography", "Print0170", ""},
		{"news story", "Print03b5", "Staff Sgt. Joe W. McFadden, 52nd Fighter Wing Public Affairs"},
		{"commentary", "Print04c7", "Staff Sgt. Michael Battles, 39th Air Base Wing Public Affairs"},
		{"fact sheet with headings", "Print04d3", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := want[tt.file]
			doc, err := parse(readFixture(t, "testdata/afmil/"+tt.file+".html.gz"), w.URL, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != w.Title {
				t.Errorf("title %q, want %q", doc.Title, w.Title)
			}
			if len(w.Published) == len("2006-01-02") {
				if got := doc.Published.Format("2006-01-02"); got != w.Published {
					t.Errorf("published %s (from %q), want %s", got, doc.PublishedFrom, w.Published)
				}
			}
			if doc.Byline != tt.byline {
				t.Errorf("byline %q, want %q", doc.Byline, tt.byline)
			}
			if p, r, f1 := shingleF1(w.Text, doc.Text); f1 < 0.97 {
				t.Errorf("F1 %.3f (precision %.3f, recall %.3f)\n%s", f1, p, r, doc.Text)
			}
		})
	}
}

// TestParseMozillaMetadata checks metadata against the expectations that
// Mozilla's Readability test suite ships with its pages. Only the fields
// where its answer is the page's own are compared (it reads some bylines
// from unrelated markup).
func TestParseMozillaMetadata(t *testing.T) {
	tests := []struct {
		page   string
		fields []string
	}{
		{"bbc-1", []string{"title", "published", "lang", "siteName"}},
		{"guardian-1", []string{"title", "byline", "published", "lang", "siteName"}},
		{"heise", []string{"title", "byline", "lang", "siteName"}},
		{"lemonde-1", []string{"title", "byline", "lang", "siteName"}},
		{"nytimes-1", []string{"title", "byline", "lang"}},
		{"seattletimes-1", []string{"title", "published", "lang", "siteName"}},
		{"liberation-1", []string{"title", "published", "lang", "siteName"}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			dir := filepath.Join("testdata/mozilla", tt.page)
			var want map[string]any
			if err := json.Unmarshal([]byte(readFixture(t, filepath.Join(dir, "expected-metadata.json"))), &want); err != nil {
				t.Fatal(err)
			}
			doc, err := parse(readFixture(t, filepath.Join(dir, "source.html.gz")), "http://fakehost/test/page.html", fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range tt.fields {
				key := f
				if f == "published" {
					key = "publishedTime"
				}
				w, _ := want[key].(string)
				switch f {
				case "title":
					if doc.Title != w {
						t.Errorf("title %q, want %q", doc.Title, w)
					}
				case "byline":
					if doc.Byline != w {
						t.Errorf("byline %q, want %q", doc.Byline, w)
					}
				case "siteName":
					if doc.SiteName != w {
						t.Errorf("site name %q, want %q", doc.SiteName, w)
					}
				case "lang":
					if l, _, _ := strings.Cut(strings.ToLower(w), "-"); doc.Lang != l {
						t.Errorf("lang %q, want %q (from %q)", doc.Lang, l, w)
					}
				case "published":
					pt, ok := parseDate(w, fixedNow)
					if !ok {
						t.Fatalf("cannot read expected date %q", w)
					}
					if !doc.Published.Equal(pt) {
						t.Errorf("published %v (from %s), want %v", doc.Published, doc.PublishedFrom, pt)
					}
				}
			}
			if len(doc.Text) < 500 {
				t.Errorf("main text is only %d bytes: %q", len(doc.Text), doc.Text)
			}
		})
	}
}

func TestParseBadURL(t *testing.T) {
	for _, u := range []string{"/relative/path", "http://[::1", "no scheme"} {
		t.Run(u, func(t *testing.T) {
			if _, err := Parse("<p>x</p>", u); !errors.Is(err, ErrBadURL) {
				t.Errorf("Parse with URL %q: err = %v, want ErrBadURL", u, err)
			}
		})
	}
	if _, err := Parse("<p>x</p>", ""); err != nil {
		t.Errorf("Parse without a URL: %v", err)
	}
}

// TestInlineLinkKeptMidSentence: a link inside a sentence keeps its words
// whatever its class says; a "read more" link that ends its paragraph and
// a related-stories box still go.
func TestInlineLinkKeptMidSentence(t *testing.T) {
	para := "<p>Analysts compared the armoured vehicles on offer this year, and for most units %s remain the better choice for patrols along the border.</p>"
	var b strings.Builder
	b.WriteString("<html><body><article><h1>Which vehicles suit border patrols</h1>")
	for range 4 {
		fmt.Fprintf(&b, para, `the <a class="recommendation-inline-link" href="/x">wheeled carriers</a>`)
	}
	b.WriteString(`<p>The ministry will publish its own list next month, officials said, after trials in the north. <a class="read-more" href="/more">Read more</a></p>`)
	b.WriteString(`<div class="related-stories"><a href="/a">Tanks arrive in the east, a new report says</a></div>`)
	b.WriteString("</article></body></html>")
	doc, err := parse(b.String(), "https://news.example/vehicles", fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(doc.Text, "units the wheeled carriers remain"); n != 4 {
		t.Errorf("the linked words are kept in %d of 4 sentences:\n%s", n, doc.Text)
	}
	for _, junk := range []string{"Read more", "Tanks arrive"} {
		if strings.Contains(doc.Text, junk) {
			t.Errorf("text keeps %q:\n%s", junk, doc.Text)
		}
	}
}
