package web

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// hostile is an article written to break out of every place the page
// puts article data.
func hostile() defwatch.Article {
	return defwatch.Article{
		ID:            `evil"><script>alert(0)</script>`,
		URL:           "javascript:alert(document.cookie)",
		Source:        `evil.example"><script>alert(1)</script>`,
		SiteName:      `Evil' onmouseover='alert(2)`,
		Title:         `<script>alert("title")</script> "Quoted" & 'single'`,
		Byline:        `<img src=x onerror=alert(3)>`,
		Published:     time.Date(2025, 4, 9, 8, 0, 0, 0, time.UTC),
		PublishedFrom: `<b>json-ld</b>`,
		Lang:          `en" onclick="alert(4)`,
		LangFrom:      `<i>page</i>`,
		Text:          "</p><script>alert(5)</script>\n\n<iframe src=\"javascript:alert(6)\"></iframe> \"quotes\" & 'apostrophes'",
		Nations:       []defwatch.Nation{{Code: `U"A`, Name: `<svg onload=alert(7)>`, Count: 2}},
		Troops:        []defwatch.Troop{{Min: 1000, Max: 2000, Unit: "troops", Category: `<b>strength</b>`, Text: `"><script>alert(8)</script>`}},
		Meetings: []defwatch.Meeting{{Kind: `<script>summit</script>`, Date: "2025-04-12", Location: `<a href="javascript:alert(9)">Brussels</a>`,
			Participants: []string{`<img src=x onerror=alert(10)>`}, Orgs: []string{`"NATO'`}, Text: `</q><script>alert(11)</script>`}},
		Orgs:   []defwatch.Org{{Name: `NATO"><script>alert(12)</script>`, Count: 1}},
		People: []defwatch.Person{{Name: `<script>alert(13)</script>`, Title: `"minister"`}},
		Places: []defwatch.Place{{Name: `<style>body{display:none}</style>`, Country: `<b>BE</b>`}},
	}
}

func hostileResult() *index.Result {
	a := hostile()
	good := defwatch.Article{ID: "good1", URL: `https://news.example/a?b="c"&d=<e>`, Source: "news.example", Title: "Plain", Published: testNow}
	data := defwatch.Article{ID: "data1", URL: "data:text/html,<script>alert(14)</script>", Source: "data.example", Title: "Data URL"}
	return &index.Result{
		Total: 3,
		Notes: []string{`left out "<script>alert(21)</script>": it has no letters or digits`},
		Hits: []index.Hit{
			{Article: a, Snippet: `<mark>ok</mark> <img src=x onerror=alert(15)>`, TitleHTML: `<mark>Kyiv</mark> &amp; <script>alert(16)</script>`,
				Also: []index.Copy{{ID: `c"1`, Source: `<script>alert(17)</script>`, URL: "javascript:alert(18)"}}},
			{Article: good, Snippet: `the <mark>force</mark> &amp; &#39;others&#39;`, TitleHTML: `<mark>Plain</mark>`},
			{Article: data, Snippet: `unclosed <mark>mark`},
		},
		Facets: &index.Facets{
			Nations:   []index.Bucket{{Value: `U"A`, Label: `<script>alert(19)</script>`, Count: 1}},
			Sources:   []index.Bucket{{Value: `evil.example"><script>alert(20)</script>`, Count: 1}},
			Lang:      []index.Bucket{{Value: `<b>en</b>`, Count: 1}},
			Published: []index.Day{{Date: "2025-04-09", Count: 1}, {Date: `2025-04-10"><script>`, Count: 1}},
			Interval:  "day",
		},
		Next: `"><script>alert(21)</script>`,
	}
}

// checkNoLiveMarkup fails when the page holds markup that did not come
// from our templates: a script but our own file, an event handler, a
// script URL, an element article data could smuggle in.
func checkNoLiveMarkup(t *testing.T, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script":
			if src := attr(n, "src"); !strings.HasPrefix(src, "/static/app.js?v=") || n.FirstChild != nil {
				t.Errorf("a script that is not ours: src %q", src)
			}
		case "iframe", "object", "embed", "style", "base", "form", "b", "i":
			if n.Data != "form" || !ourForm.MatchString(attr(n, "action")) {
				t.Errorf("article data became a <%s> element (action %q)", n.Data, attr(n, "action"))
			}
		case "img":
			if !strings.HasPrefix(attr(n, "src"), "/static/") {
				t.Errorf("an <img> that is not ours: %q", attr(n, "src"))
			}
		case "svg":
			if attr(n, "viewBox") == "" {
				t.Errorf("an <svg> that is not our chart")
			}
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s %s=%q>: an event handler", n.Data, a.Key, a.Val)
			}
			if a.Key == "href" || a.Key == "src" || a.Key == "action" {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:") {
					t.Errorf("<%s %s=%q>: a script URL", n.Data, a.Key, a.Val)
				}
				if !strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "https://") && !strings.HasPrefix(v, "http://") && v != "#" {
					t.Errorf("<%s %s=%q>: neither ours nor http(s)", n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "a" && a.Key == "href" && strings.HasPrefix(a.Val, "http") && attr(n, "rel") != "noopener noreferrer" {
				t.Errorf("a link out to %q without rel=\"noopener noreferrer\"", a.Val)
			}
		}
	}
}

// ourForm matches the actions of the page's own forms.
var ourForm = regexp.MustCompile(`^/(troops|meetings|alerts|alerts/[A-Za-z0-9_-]+/delete|sources)?$`)

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func TestHostileContent(t *testing.T) {
	a := hostile()
	f := &fakeSearcher{articles: map[string]*defwatch.Article{a.ID: &a}, result: fixed(hostileResult())}
	h := newTestServer(f)

	t.Run("search", func(t *testing.T) {
		code, body, doc := get(t, h, "/?q="+`%22%3E%3Cscript%3Ealert(22)%3C/script%3E`)
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		checkNoLiveMarkup(t, body)
		// Only the hit whose snippet keeps the promise gets highlights.
		var marks []string
		doc.Find(".hits mark").Each(func(_ int, s *goquery.Selection) { marks = append(marks, s.Text()) })
		if !slices.Equal(marks, []string{"Plain", "force"}) {
			t.Errorf("marks %q, want the valid snippet's and title's only", marks)
		}
		// The broken ones show as text, so an analyst still reads them.
		if got := doc.Find(".hit").First().Find("h3").Text(); !strings.Contains(got, "<script>alert(16)</script>") {
			t.Errorf("broken title shown as %q", got)
		}
		if got := doc.Find(".hit").Eq(1).Find(".snippet").Text(); got != "the force & 'others'" {
			t.Errorf("valid snippet reads %q", got)
		}
		// Only the http(s) address is linked.
		var out []string
		doc.Find("a.original").Each(func(_ int, s *goquery.Selection) { out = append(out, s.AttrOr("href", "")) })
		if len(out) != 1 || !strings.HasPrefix(out[0], "https://news.example/a") {
			t.Errorf("links to originals %q, want only the https one", out)
		}
		if v := doc.Find("#q").AttrOr("value", ""); v != `"><script>alert(22)</script>` {
			t.Errorf("query box holds %q", v)
		}
	})
	t.Run("article", func(t *testing.T) {
		code, body, doc := get(t, h, articleHref(a.ID))
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		checkNoLiveMarkup(t, body)
		if got := doc.Find("h1").Text(); got != a.Title {
			t.Errorf("title reads %q, want %q", got, a.Title)
		}
		if doc.Find(".body p").Length() != 2 {
			t.Errorf("%d paragraphs, want 2", doc.Find(".body p").Length())
		}
		if doc.Find(".facts a").Length() != 0 {
			t.Errorf("the javascript: URL is linked")
		}
		if got := doc.Find(".facts").Text(); !strings.Contains(got, "javascript:alert(document.cookie)") {
			t.Errorf("the unlinked URL is not shown as text")
		}
	})
	t.Run("meetings", func(t *testing.T) {
		code, body, doc := get(t, h, "/meetings")
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		checkNoLiveMarkup(t, body)
		if doc.Find(".meeting").Length() != 1 {
			t.Errorf("%d meetings, want the hostile one", doc.Find(".meeting").Length())
		}
	})
}

func TestBadQuery(t *testing.T) {
	f := &fakeSearcher{result: func(req index.Request) (*index.Result, error) {
		return nil, fmt.Errorf("%w: unterminated quote: add the closing \" after %q", defwatch.ErrBadQuery, `"<b>x`)
	}}
	code, body, doc := get(t, newTestServer(f), `/?q=title:%22%3Cb%3Ex&sort=newest`)
	if code != http.StatusBadRequest {
		t.Errorf("status %d, want 400", code)
	}
	checkNoLiveMarkup(t, body)
	msg := doc.Find("#query-error").Text()
	if !strings.Contains(msg, `unterminated quote: add the closing " after "\"<b>x"`) || strings.Contains(msg, "defwatch: bad query") {
		t.Errorf("error reads %q: want the reason alone", msg)
	}
	if v := doc.Find("#q").AttrOr("value", ""); v != `title:"<b>x` {
		t.Errorf("the box holds %q, want the query kept", v)
	}
	if doc.Find(".hits, .empty-result").Length() != 0 {
		t.Errorf("a bad query shows results or 'no results'")
	}
	if doc.Find(`select[name="sort"] option[selected]`).AttrOr("value", "") != "newest" {
		t.Errorf("the sort order was not kept")
	}

	t.Run("bad sort", func(t *testing.T) {
		code, _, doc := get(t, newTestServer(&fakeSearcher{}), `/?q=x&sort=sideways`)
		if code != http.StatusBadRequest || !strings.Contains(doc.Find("#query-error").Text(), "sort must be") {
			t.Errorf("status %d, error %q", code, doc.Find("#query-error").Text())
		}
	})
}

// TestQueryNotes shows what the query left out above the results.
func TestQueryNotes(t *testing.T) {
	f := &fakeSearcher{result: fixed(&index.Result{Total: 1, Hits: []index.Hit{}, Notes: []string{`left out "of" for articles in English: a stop word there`},
		Facets: &index.Facets{Interval: "day"}})}
	_, _, doc := get(t, newTestServer(f), "/?q=invasion+of+ukraine")
	if got := doc.Find(".query-note").Text(); got != `Note: left out "of" for articles in English: a stop word there` {
		t.Errorf("note reads %q", got)
	}
}

func TestNoResults(t *testing.T) {
	f := &fakeSearcher{result: fixed(&index.Result{Hits: []index.Hit{}, Facets: &index.Facets{Interval: "day"}})}
	code, _, doc := get(t, newTestServer(f), "/?q=nation:PL+troops:%3E%3D1000000")
	if code != http.StatusOK {
		t.Errorf("status %d", code)
	}
	if got := doc.Find(".empty-result").Text(); !strings.Contains(got, "No articles match") {
		t.Errorf("no 'no results' message: %q", got)
	}
	if got := doc.Find(".count").Text(); !strings.HasPrefix(got, "0 articles") {
		t.Errorf("count reads %q", got)
	}
	// The filters that emptied the page can be taken back from it.
	var removes []string
	doc.Find(".active-filters a").Each(func(_ int, s *goquery.Selection) {
		removes = append(removes, queryOf(t, s.AttrOr("href", "")))
	})
	if !slices.Equal(removes, []string{"troops:>=1000000", "nation:PL"}) {
		t.Errorf("removing each filter leaves %q", removes)
	}
}

func TestResults(t *testing.T) {
	res := &index.Result{
		Total: 1234,
		Hits: []index.Hit{{
			Article: defwatch.Article{ID: "a1", URL: "https://apnews.com/x", Source: "apnews.com", Title: "Ministers meet",
				Published: time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC), PublishedFrom: "json-ld", Lang: "en",
				Nations:  []defwatch.Nation{{Code: "UA", Name: "Ukraine", Count: 6}, {Code: "GB", Name: "United Kingdom", Count: 3}},
				Troops:   []defwatch.Troop{{Min: 10000, Max: 30000, Approx: true, Category: "strength", Text: "between 10,000 to 30,000 troops"}, {Min: 500, Max: 500, Category: "casualties"}},
				Meetings: []defwatch.Meeting{{Kind: "ministerial", Date: "2025-04-10", Location: "Brussels"}, {Kind: "talks"}}},
			Snippet: "Defence ministers met…",
			Also:    []index.Copy{{ID: "b2", Source: "reuters.com"}, {ID: "c3", Source: "bbc.co.uk"}},
		}},
		Next: "tok-2",
	}
	f := &fakeSearcher{result: fixed(res)}
	h := newTestServer(f)
	_, _, doc := get(t, h, "/?q=nation:UA&sort=newest")

	if got := doc.Find(".count").Text(); !strings.HasPrefix(got, "1,234 articles") {
		t.Errorf("count reads %q", got)
	}
	hit := doc.Find(".hit").First()
	if got := hit.Find("h3 a").AttrOr("href", ""); got != "/article/a1" {
		t.Errorf("title links to %q", got)
	}
	if got := strings.Join(strings.Fields(hit.Find(".meta").Text()), " "); got != "apnews.com · 2025-04-10 · en · original ↗" {
		t.Errorf("meta reads %q", got)
	}
	var chips []string
	hit.Find(".chip").Each(func(_ int, s *goquery.Selection) { chips = append(chips, s.Text()) })
	want := []string{"UA", "GB", "~10,000–30,000 troops · strength", "500 troops · casualties", "ministerial 2025-04-10 Brussels", "talks"}
	if !slices.Equal(chips, want) {
		t.Errorf("chips %q, want %q", chips, want)
	}
	if got := queryOf(t, hit.Find(".chip-nation").Eq(1).AttrOr("href", "")); got != "nation:UA nation:GB" {
		t.Errorf("the GB chip searches %q", got)
	}
	if got := hit.Find(".also").Text(); got != "also: reuters.com, bbc.co.uk" {
		t.Errorf("also reads %q", got)
	}
	if hit.Find(".also a").First().AttrOr("href", "") != "/article/b2" {
		t.Errorf("also links elsewhere")
	}
	next := doc.Find(".pager a.next")
	if next.Text() != "Next →" || next.AttrOr("rel", "") != "next" {
		t.Fatalf("no Next link")
	}
	href := next.AttrOr("href", "")
	if got := queryOf(t, href); got != "nation:UA" || !strings.Contains(href, "after=tok-2") || !strings.Contains(href, "sort=newest") || !strings.Contains(href, "page=2") {
		t.Errorf("Next leads to %q", href)
	}
	if doc.Find(".pager a.prev").Length() != 0 {
		t.Errorf("a Previous link on the first page")
	}
	if got := strings.Join(strings.Fields(doc.Find(".count").Text()), " "); !strings.Contains(got, "1–3 on page 1 of 50") {
		t.Errorf("count reads %q: want the articles this page covers (the hit and its two copies)", got)
	}

	// The next page carries the token and keeps the sort order.
	get(t, h, href)
	reqs := f.requests()
	if last := reqs[len(reqs)-1]; last.After != "tok-2" || last.Sort != "newest" || last.Query != "nation:UA" || !last.Numbered || last.From != 0 {
		t.Errorf("the next page asked %+v", last)
	}
}

// TestOutletsAndTitles: hits name their outlet as it names itself, and a
// hit without a headline reads as its text, never "(untitled)".
func TestOutletsAndTitles(t *testing.T) {
	res := &index.Result{Total: 3, Hits: []index.Hit{
		{Article: defwatch.Article{ID: "a", Source: "apnews.com", SiteName: "AP News", Title: "Ministers meet"}, Snippet: "x"},
		{Article: defwatch.Article{ID: "b", Source: "GDELT outlet in GB (name not recorded)", Title: "Troops massed near the border", TitleFrom: "text"}, Snippet: "Troops massed near the border. More"},
		{Article: defwatch.Article{ID: "c", Source: "example.org"}, Snippet: "Drones struck a depot near the <mark>border</mark> overnight &amp; officials said the strike was the largest this year, with more to come in weeks"},
	}, Facets: &index.Facets{Interval: "day", Sources: []index.Bucket{
		{Value: "apnews.com", Label: "AP News", Count: 1},
		{Value: "gdelt outlet in gb (name not recorded)", Label: "GDELT outlet in GB (name not recorded)", Count: 1},
	}}}
	_, body, doc := get(t, newTestServer(&fakeSearcher{result: fixed(res)}), "/?q=border")
	checkNoLiveMarkup(t, body)
	var outlets, hosts, titles []string
	doc.Find(".hit").Each(func(_ int, s *goquery.Selection) {
		outlets = append(outlets, s.Find(".source").Text())
		hosts = append(hosts, s.Find(".source").AttrOr("title", ""))
		titles = append(titles, s.Find("h3").Text())
	})
	if !slices.Equal(outlets, []string{"AP News", "GDELT outlet in GB (name not recorded)", "example.org"}) || !slices.Equal(hosts, []string{"apnews.com", "", ""}) {
		t.Errorf("outlets %q with hosts %q", outlets, hosts)
	}
	if titles[1] != "Troops massed near the border" || doc.Find(".hit h3 a.from-text").Length() != 1 {
		t.Errorf("a title from the text: %q", titles[1])
	}
	if want := "Drones struck a depot near the border overnight & officials said the strike was the largest this…"; titles[2] != want {
		t.Errorf("an untitled hit reads %q, want %q", titles[2], want)
	}
	if strings.Contains(body, "(untitled)") {
		t.Errorf("the page says (untitled)")
	}
	var labels, links []string
	doc.Find(".facet-sources li a").Each(func(_ int, s *goquery.Selection) {
		labels = append(labels, s.Find(".label").Text())
		links = append(links, queryOf(t, s.AttrOr("href", "")))
	})
	if !slices.Equal(labels, []string{"AP News", "GDELT outlet in GB (name not recorded)"}) ||
		!slices.Equal(links, []string{"border source:apnews.com", `border source:"gdelt outlet in gb (name not recorded)"`}) {
		t.Errorf("sources %q search %q", labels, links)
	}
}

// TestPager: numbered pages, the ones beside reached by token, the others
// by number, and none past the depth a number can reach.
func TestPager(t *testing.T) {
	f := &fakeSearcher{result: func(req index.Request) (*index.Result, error) {
		res := &index.Result{Total: 500, Hits: []index.Hit{{Article: defwatch.Article{ID: "x", Title: "X"}}}, Prev: "p-tok", Next: "n-tok"}
		if req.From == 0 && req.After == "" && req.Before == "" {
			res.Prev = ""
		}
		return res, nil
	}}
	h := newTestServer(f)
	_, _, doc := get(t, h, "/?q=ukraine&page=7")
	if last := f.requests()[len(f.requests())-1]; last.From != 150 || !last.Numbered || last.Size != pageSize {
		t.Errorf("page 7 asked %+v", last)
	}
	type link struct{ text, page, token string }
	var got []link
	doc.Find(".pager li").Each(func(_ int, s *goquery.Selection) {
		l := link{text: strings.TrimSpace(s.Text())}
		if a := s.Find("a"); a.Length() > 0 {
			u, _ := url.Parse(a.AttrOr("href", ""))
			l.page = u.Query().Get("page")
			l.token = u.Query().Get("after") + u.Query().Get("before")
		}
		got = append(got, l)
	})
	want := []link{{"1", "", ""}, {"…", "", ""}, {"5", "5", ""}, {"6", "6", "p-tok"}, {"7", "", ""}, {"8", "8", "n-tok"}, {"9", "9", ""}, {"…", "", ""}, {"20", "20", ""}}
	if !slices.Equal(got, want) {
		t.Errorf("page links %v,\nwant %v", got, want)
	}
	if doc.Find(`.pager [aria-current="page"]`).Text() != "7" {
		t.Errorf("the current page is not marked")
	}
	prev := doc.Find(".pager a.prev").AttrOr("href", "")
	if !strings.Contains(prev, "before=p-tok") || !strings.Contains(prev, "page=6") {
		t.Errorf("Previous leads to %q", prev)
	}
	get(t, h, prev)
	if last := f.requests()[len(f.requests())-1]; last.Before != "p-tok" || last.From != 0 {
		t.Errorf("Previous asked %+v", last)
	}

	// Deeper than a number reaches: the links there are not offered, and
	// the address says why.
	f.result = func(req index.Request) (*index.Result, error) {
		return &index.Result{Total: 20000, Hits: []index.Hit{{Article: defwatch.Article{ID: "x", Title: "X"}}}, Prev: "p", Next: "n"}, nil
	}
	_, _, doc = get(t, h, "/?q=ukraine&page=399")
	if doc.Find(".pager li").Last().Find("a").Length() != 0 || doc.Find(".pager .far").Text() != "800" {
		t.Errorf("the last page (800) is linked by number: %q", doc.Find(".pager").Text())
	}
	code, _, doc := get(t, h, "/?q=ukraine&page=402")
	if code != http.StatusBadRequest || !strings.Contains(doc.Find("#query-error").Text(), "walk on with Next") {
		t.Errorf("page 402 by number: %d %q", code, doc.Find("#query-error").Text())
	}
	code, _, doc = get(t, h, "/?q=ukraine&page=0")
	if code != http.StatusBadRequest || !strings.Contains(doc.Find("#query-error").Text(), "not a page number") {
		t.Errorf("page 0: %d %q", code, doc.Find("#query-error").Text())
	}
}

// Estimated facet counts read "about".
func TestApproximateFacetCounts(t *testing.T) {
	for _, approx := range []bool{false, true} {
		facets := &index.Facets{Nations: []index.Bucket{{Value: "UA", Count: 5200}, {Value: "GB", Count: 0}}, Interval: "month", Approximate: approx}
		h := newTestServer(&fakeSearcher{result: fixed(&index.Result{Total: 9000, Facets: facets})})
		_, _, doc := get(t, h, "/?q=ukraine")
		var counts []string
		doc.Find(".facet li .n").Each(func(_ int, s *goquery.Selection) { counts = append(counts, s.Text()) })
		want := []string{"5,200", "0"}
		if approx {
			want[0] = "about 5,200"
		}
		if !slices.Equal(counts, want) {
			t.Errorf("approximate %v: counts %q, want %q", approx, counts, want)
		}
	}
}

func TestFacetLinks(t *testing.T) {
	facets := &index.Facets{
		Nations:  []index.Bucket{{Value: "UA", Count: 5}, {Value: "GB", Count: 2}},
		Sources:  []index.Bucket{{Value: "apnews.com", Count: 3}},
		Lang:     []index.Bucket{{Value: "uk", Count: 2}},
		Troops:   []index.Bucket{{Value: "1–999", Count: 0}, {Value: "1,000–9,999", Count: 3}, {Value: "100,000+", Count: 1}},
		Meetings: []index.Bucket{{Value: "ministerial", Count: 1}},
		Interval: "day",
	}
	hits := []index.Hit{{Article: defwatch.Article{ID: "x", Nations: []defwatch.Nation{{Code: "UA", Name: "Ukraine"}}}}}
	h := newTestServer(&fakeSearcher{result: fixed(&index.Result{Total: 5, Hits: hits, Facets: facets})})

	// links maps each facet's label to the query its link asks.
	links := func(t *testing.T, path string) map[string]string {
		_, _, doc := get(t, h, path)
		out := map[string]string{}
		doc.Find(".facet li").Each(func(_ int, s *goquery.Selection) {
			label := s.Find(".label").Text()
			if href, ok := s.Find("a").Attr("href"); ok {
				out[label] = queryOf(t, href)
				if s.HasClass("active") {
					out[label] = "active → " + out[label]
				}
			} else {
				out[label] = "(no link)"
			}
		})
		return out
	}
	for _, tc := range []struct {
		name, path string
		want       map[string]string
	}{
		{"empty query", "/", map[string]string{
			"UA": "nation:UA", "GB": "nation:GB", "apnews.com": "source:apnews.com", "Ukrainian": "lang:uk",
			"1–999": "(no link)", "1,000–9,999": "(troops:>=1000 -troops:>=10000)", "100,000+": "troops:>=100000", "ministerial": "meeting:ministerial",
		}},
		{"words and an active filter", "/?q=ukraine+nation:UA", map[string]string{
			"UA": "active → ukraine", "GB": "ukraine nation:UA nation:GB", "apnews.com": "ukraine nation:UA source:apnews.com",
			"Ukrainian": "ukraine nation:UA lang:uk", "1–999": "(no link)", "1,000–9,999": "ukraine nation:UA (troops:>=1000 -troops:>=10000)",
			"100,000+": "ukraine nation:UA troops:>=100000", "ministerial": "ukraine nation:UA meeting:ministerial",
		}},
		{"alternatives are kept together", "/?q=kyiv+OR+kiev", map[string]string{
			"UA": "(kyiv OR kiev) nation:UA", "GB": "(kyiv OR kiev) nation:GB", "apnews.com": "(kyiv OR kiev) source:apnews.com",
			"Ukrainian": "(kyiv OR kiev) lang:uk", "1–999": "(no link)", "1,000–9,999": "(kyiv OR kiev) (troops:>=1000 -troops:>=10000)",
			"100,000+": "(kyiv OR kiev) troops:>=100000", "ministerial": "(kyiv OR kiev) meeting:ministerial",
		}},
		{"codes in any case", "/?q=nation:ua", map[string]string{
			"UA": "active → ", "GB": "nation:ua nation:GB", "apnews.com": "nation:ua source:apnews.com", "Ukrainian": "nation:ua lang:uk",
			"1–999": "(no link)", "1,000–9,999": "nation:ua (troops:>=1000 -troops:>=10000)", "100,000+": "nation:ua troops:>=100000",
			"ministerial": "nation:ua meeting:ministerial",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := links(t, tc.path)
			for label, want := range tc.want {
				if got[label] != want {
					t.Errorf("%s: %q, want %q", label, got[label], want)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("facets %v, want %v", got, tc.want)
			}
		})
	}

	t.Run("sort order kept", func(t *testing.T) {
		_, _, doc := get(t, h, "/?sort=oldest")
		href := doc.Find(".facet-nations a").First().AttrOr("href", "")
		if !strings.Contains(href, "sort=oldest") {
			t.Errorf("facet link %q drops the sort order", href)
		}
	})
	t.Run("names from the hits, else the table", func(t *testing.T) {
		_, _, doc := get(t, h, "/")
		for i, want := range []string{"Ukraine", "United Kingdom"} {
			if got := doc.Find(".facet-nations li").Eq(i).Find(".note").Text(); got != want {
				t.Errorf("nation %d is labelled %q, want %q", i, got, want)
			}
		}
	})
}

func TestHistogram(t *testing.T) {
	days := []index.Day{{Date: "2025-04-01", Count: 0}, {Date: "2025-04-02", Count: 3}, {Date: "2025-04-03", Count: 1}, {Date: "2025-04-04", Count: 0}, {Date: "2025-04-05", Count: 7}}
	for _, tc := range []struct {
		name, interval, query string
		wantTitle, wantQuery  string // of the second bar
	}{
		{"days", "day", "nation:UA", "Wed 2025-04-02: 3 articles", "nation:UA after:2025-04-02 before:2025-04-02"},
		{"weeks", "week", "nation:UA last:30d", "2025-04-02 to 2025-04-08: 3 articles", "nation:UA after:2025-04-02 before:2025-04-08"},
		{"years", "year", "nation:US", "2025: 3 articles", "nation:US after:2025-04-02 before:2026-04-01"},
		{"a bar replaces the dates", "day", "after:2025-01-01 force before:2025-12-31", "Wed 2025-04-02: 3 articles", "force after:2025-04-02 before:2025-04-02"},
		{"but not an exclusion", "day", "-after:2025-04-05", "Wed 2025-04-02: 3 articles", "-after:2025-04-05 after:2025-04-02 before:2025-04-02"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := &index.Result{Total: 11, Hits: []index.Hit{}, Facets: &index.Facets{Published: days, Interval: tc.interval}}
			_, body, doc := get(t, newTestServer(&fakeSearcher{result: fixed(res)}), searchHref(tc.query, ""))
			checkNoLiveMarkup(t, body)
			svg := doc.Find("figure.histogram svg")
			if svg.Length() != 1 {
				t.Fatalf("no chart")
			}
			if n := svg.Find("rect.fill").Length(); n != 3 {
				t.Errorf("%d bars drawn, want 3 (the days with articles)", n)
			}
			var titles []string
			svg.Find("title").Each(func(_ int, s *goquery.Selection) { titles = append(titles, s.Text()) })
			if len(titles) != 5 || titles[1] != tc.wantTitle {
				t.Errorf("tooltips %q, want 5 with %q second", titles, tc.wantTitle)
			}
			bars := svg.Find("a.bar")
			if bars.Length() != 3 {
				t.Fatalf("%d clickable bars, want 3", bars.Length())
			}
			if got := queryOf(t, bars.First().AttrOr("href", "")); got != tc.wantQuery {
				t.Errorf("the bar searches %q, want %q", got, tc.wantQuery)
			}
			// Taller bars for more articles: the 7 is the tallest.
			var heights []string
			svg.Find("rect.fill").Each(func(_ int, s *goquery.Selection) { heights = append(heights, s.AttrOr("height", "")) })
			if !slices.Equal(heights, []string{"30.9", "10.3", "72.0"}) {
				t.Errorf("bar heights %q", heights)
			}
			if svg.Find("text.label").Length() == 0 {
				t.Errorf("no day labels")
			}
		})
	}
}
