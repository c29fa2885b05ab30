package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/defwatch/defwatch/index"
)

// findBrowser is the Chromium the browser test drives, or "".
func findBrowser() string {
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// tab is one headless Chromium tab on a running defwatch's web page.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string // screenshots

	mu       sync.Mutex
	problems []string // script errors and content-policy violations
}

func newTab(t *testing.T, browser, base string) *tab {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox, // root in a container has no user namespace to sandbox with
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1366, 900),
	)
	t.Cleanup(cancelAlloc)
	ctx, cancelTab := chromedp.NewContext(ctx)
	t.Cleanup(cancelTab)

	// DEFWATCH_SCREENSHOTS keeps the screenshots for a person to look at.
	dir := os.Getenv("DEFWATCH_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	b := &tab{t: t, ctx: ctx, base: base, dir: dir}
	if err := chromedp.Listen(ctx, b.watch); err != nil {
		t.Fatalf("start Chromium (%s): %v", browser, err)
	}
	return b
}

// watch notes what a person would see in the console: a failing script,
// or something the content policy blocked (an inline style or script is
// a bug in our templates, not the browser's business to fix).
func (b *tab) watch(ev any) {
	var problem string
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		problem = "script error: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			problem += " " + ev.ExceptionDetails.Exception.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Source == log.EntrySourceSecurity || strings.Contains(ev.Entry.Text, "Content Security Policy") ||
			ev.Entry.Source == log.EntrySourceJavascript && ev.Entry.Level == log.EntryLevelError {
			problem = string(ev.Entry.Source) + ": " + ev.Entry.Text
		}
	}
	if problem != "" {
		b.mu.Lock()
		b.problems = append(b.problems, problem)
		b.mu.Unlock()
	}
}

func (b *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// follow runs steps that load a page (a click, a submit) and returns the
// page's HTTP status.
func (b *tab) follow(steps ...chromedp.Action[chromedp.Void]) int64 {
	b.t.Helper()
	resp, err := chromedp.RunResponse(b.ctx, steps...)
	if err != nil {
		b.t.Fatalf("browser: %v", err)
	}
	return resp.Status
}

func (b *tab) open(path string) int64 {
	b.t.Helper()
	return b.follow(chromedp.Navigate(b.base + path))
}

func evalIn[T any](b *tab, js string) T {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("browser: %s: %v", js, err)
	}
	return v
}

func (b *tab) count(sel string) int {
	b.t.Helper()
	return evalIn[int](b, fmt.Sprintf("document.querySelectorAll(%q).length", sel))
}

func (b *tab) text(sel string) string {
	b.t.Helper()
	return evalIn[string](b, fmt.Sprintf("(document.querySelector(%q) || {innerText: ''}).innerText", sel))
}

func (b *tab) texts(sel string) []string {
	b.t.Helper()
	return evalIn[[]string](b, fmt.Sprintf("Array.from(document.querySelectorAll(%q), e => e.textContent.trim())", sel))
}

func (b *tab) query() string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Value(chromedp.CSS("#q")))
	if err != nil {
		b.t.Fatalf("browser: the query box: %v", err)
	}
	return v
}

// search types q into the box, as an analyst does, and submits it.
func (b *tab) search(q string) int64 {
	b.t.Helper()
	b.do(chromedp.Clear(chromedp.CSS("#q")), chromedp.SendKeys(chromedp.CSS("#q"), q))
	return b.follow(chromedp.Click(chromedp.CSS(`.searchbox button[type="submit"]`)))
}

func (b *tab) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("browser: screenshot: %v", err)
	}
	path := filepath.Join(b.dir, name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Fatal(err)
	}
	b.t.Logf("screenshot %s", path)
}

var totalRE = regexp.MustCompile(`^([\d,]+) articles?`)

// total is the number of matching articles the page says.
func (b *tab) total() int {
	b.t.Helper()
	s := b.text(".count")
	m := totalRE.FindStringSubmatch(s)
	if m == nil {
		b.t.Fatalf("no article count on the page: %q", s)
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// TestWebPageInBrowser drives the web page in headless Chromium against
// the whole pipeline, as an analyst would: search, narrow by a facet and
// a day of the chart, read an article, check the meetings.
func TestWebPageInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium: looked for /usr/bin/chromium, chromium, chromium-browser and google-chrome on PATH; install Debian's chromium package (apt-get install chromium), as make test does")
	}
	natsAddr := freeAddr(t)
	r := startRun(t, "--data", t.TempDir(), "--nats-listen", natsAddr, "--listen", freeAddr(t))
	importFile(t, natsAddr, archive)
	waitForTotal(t, r.api, "*", 201)

	b := newTab(t, browser, r.api)

	// The first page: everything, newest first.
	if code := b.open("/"); code != http.StatusOK {
		t.Fatalf("GET /: %d", code)
	}
	if got := b.total(); got != 201 {
		t.Errorf("the first page counts %d articles, want 201", got)
	}
	if n := b.count(".hit") + b.count(".hit .also a"); n != 25 {
		t.Errorf("%d articles on the first page, want 25", n)
	}
	if b.count(".pager a.next") != 1 || b.text(`.pager [aria-current="page"]`) != "1" || b.count(".pager .pages a") < 2 {
		t.Errorf("no pages to walk on under 201 articles: %q", b.text(".pager"))
	}
	if strings.Contains(b.text("main"), "(untitled)") {
		t.Errorf("a hit says (untitled)")
	}
	b.screenshot("1-home")

	// Pages: the next by keyboard, then back, and the first page is as it was.
	firstTitles := b.texts(".hit h3")
	b.do(chromedp.Focus(chromedp.CSS(".pager a.next")))
	if code := b.follow(chromedp.KeyEvent("\r")); code != http.StatusOK {
		t.Fatalf("Next: %d", code)
	}
	if got := b.text(".count .range"); !strings.Contains(got, "26–50 on page 2 of 9") {
		t.Errorf("page 2 says %q", got)
	}
	if slices.Equal(b.texts(".hit h3"), firstTitles) {
		t.Errorf("page 2 shows page 1's hits")
	}
	b.screenshot("1b-page-2")
	if code := b.follow(chromedp.Click(chromedp.CSS(".pager a.prev"))); code != http.StatusOK {
		t.Fatalf("Previous: %d", code)
	}
	if got := b.texts(".hit h3"); !slices.Equal(got, firstTitles) {
		t.Errorf("back on page 1: %q, want %q", got, firstTitles)
	}

	// Fields alone: results with chips, and nothing to highlight.
	const fields = "nation:UA troops:>=1000"
	if code := b.search(fields); code != http.StatusOK {
		t.Fatalf("search %q: %d", fields, code)
	}
	if got := b.query(); got != fields {
		t.Errorf("the box holds %q after the search, want %q", got, fields)
	}
	fieldsTotal := b.total()
	if fieldsTotal == 0 || b.count(".hit") == 0 {
		t.Fatalf("no results for %q", fields)
	}
	if n := b.count(".hits mark"); n != 0 {
		t.Errorf("%d highlights with no words searched", n)
	}
	hits := b.count(".hit")
	// UA is among the first eight nations a hit shows, or behind its "+N".
	if n := evalIn[int](b, `Array.from(document.querySelectorAll(".hit")).filter(h =>
		(Array.from(h.querySelectorAll(".chip-nation")).some(c => c.textContent === "UA") || h.querySelector(".chip-more")) &&
		Array.from(h.querySelectorAll(".chip-troops")).some(c => /^~?[\d,]+(–[\d,]+)? troops/.test(c.textContent))).length`); n != hits {
		t.Errorf("%d of %d hits show a UA chip and a troop-figure chip", n, hits)
	}
	if got := b.texts(".active-filters code"); strings.Join(got, " ") != fields {
		t.Errorf("active filters %q, want the query's two fields", got)
	}
	// A query of fields alone: the chart spans every match.
	var oldest, newest index.Result
	getJSON(t, r.api+"/api/search?facets=false&size=1&sort=oldest&q="+url.QueryEscape(fields), &oldest)
	getJSON(t, r.api+"/api/search?facets=false&size=1&sort=newest&q="+url.QueryEscape(fields), &newest)
	caption := b.text("figure.histogram figcaption") // "Published by month, 1 Jan 2022 – 30 Apr 2025. …"
	span := regexp.MustCompile(`(\d+ \w+ \d{4}) – (\d+ \w+ \d{4})`).FindStringSubmatch(caption)
	if span == nil || len(oldest.Hits) == 0 || len(newest.Hits) == 0 {
		t.Fatalf("chart caption %q, oldest %d newest %d hits", caption, len(oldest.Hits), len(newest.Hits))
	}
	from, _ := time.Parse("2 Jan 2006", span[1])
	to, _ := time.Parse("2 Jan 2006", span[2])
	if first, last := oldest.Hits[0].Published, newest.Hits[0].Published; first.Before(from) || !last.Before(to.AddDate(0, 0, 1)) {
		t.Errorf("the chart spans %s to %s; the matches %s to %s", span[1], span[2], first.Format(time.DateOnly), last.Format(time.DateOnly))
	}
	if sum := evalIn[int](b, `Array.from(document.querySelectorAll("figure.histogram title"), t => +(t.textContent.match(/: ([\d,]+) articles?$/) || [0, "0"])[1].replace(/,/g, "")).reduce((a, b) => a + b, 0)`); sum != fieldsTotal {
		t.Errorf("the chart's bars count %d articles of %d", sum, fieldsTotal)
	}
	b.screenshot("2-fields")

	// A nation from the sidebar narrows to exactly the count it shows.
	facet := evalIn[[]string](b, `(() => {
		const a = document.querySelector(".facet-nations li:not(.active) a");
		return a ? [a.querySelector(".label").textContent, a.querySelector(".n").textContent] : [];
	})()`)
	if len(facet) != 2 {
		t.Fatalf("no nation to click in the sidebar")
	}
	want, _ := strconv.Atoi(strings.ReplaceAll(facet[1], ",", ""))
	if code := b.follow(chromedp.Click(chromedp.CSS(".facet-nations li:not(.active) a"))); code != http.StatusOK {
		t.Fatalf("nation facet: %d", code)
	}
	narrowed := fields + " nation:" + facet[0]
	if got := b.query(); got != narrowed {
		t.Errorf("after clicking %s the box holds %q, want %q", facet[0], got, narrowed)
	}
	if got := b.total(); got != want || got > fieldsTotal {
		t.Errorf("after clicking %s: %d articles, want the %d the facet showed (of %d)", facet[0], got, want, fieldsTotal)
	}
	if b.count(".facet-nations li.active") != 2 {
		t.Errorf("UA and %s are not both shown as active filters", facet[0])
	}
	b.screenshot("3-facet")

	// A bar of the chart narrows to its span: a day, week, month or year.
	bar := evalIn[[]string](b, `(() => {
		const a = document.querySelector("figure.histogram a.bar");
		return a ? [a.querySelector("title").textContent] : [];
	})()`)
	if len(bar) != 1 {
		t.Fatalf("no bar to click in the chart")
	}
	// "Thu 2022-03-03: 2 articles", "March 2022: 5 articles", "2022: 9 articles"
	m := regexp.MustCompile(`^(.+): ([\d,]+) articles?$`).FindStringSubmatch(bar[0])
	if m == nil {
		t.Fatalf("bar tooltip %q names no span and count", bar[0])
	}
	if code := b.follow(chromedp.Click(chromedp.CSS("figure.histogram a.bar"))); code != http.StatusOK {
		t.Fatalf("chart bar: %d", code)
	}
	window := regexp.MustCompile(`^` + regexp.QuoteMeta(narrowed) + ` after:(\d{4}-\d\d-\d\d) before:(\d{4}-\d\d-\d\d)$`).FindStringSubmatch(b.query())
	if window == nil {
		t.Fatalf("after clicking the bar %q the box holds %q", bar[0], b.query())
	}
	if got := strconv.Itoa(b.total()); got != strings.ReplaceAll(m[2], ",", "") {
		t.Errorf("the bar %q said %s articles; the page found %s", m[1], m[2], got)
	}
	for _, d := range b.texts(".hit time") {
		if d < window[1] || d > window[2] {
			t.Errorf("a hit from %s under the bar for %s to %s", d, window[1], window[2])
		}
	}
	b.screenshot("4-bar")

	// The troop facet counts articles by their largest figure, and a
	// bucket finds exactly what it counts; a source goes by its own name.
	if code := b.search(fields); code != http.StatusOK {
		t.Fatalf("search %q: %d", fields, code)
	}
	bucket := evalIn[[]string](b, `(() => {
		const a = document.querySelector(".facet-troops li:not(.active) a");
		return a ? [a.querySelector(".label").textContent, a.querySelector(".n").textContent] : [];
	})()`)
	if len(bucket) != 2 || !strings.Contains(b.text(".facet-troops"), "largest figure") {
		t.Fatalf("no troop bucket to click, or no word of what it counts: %q", b.text(".facet-troops"))
	}
	if code := b.follow(chromedp.Click(chromedp.CSS(".facet-troops li:not(.active) a"))); code != http.StatusOK {
		t.Fatalf("troop bucket: %d", code)
	}
	if want, _ := strconv.Atoi(strings.ReplaceAll(bucket[1], ",", "")); b.total() != want {
		t.Errorf("the troop bucket %s counted %s; clicking it found %d", bucket[0], bucket[1], b.total())
	}
	if b.count(".facet-troops li.active") != 1 || b.count(".active-filters a") != 3 {
		t.Errorf("the bucket is not shown as an active filter: %q", b.texts(".active-filters code"))
	}
	if code := b.search("*"); code != http.StatusOK {
		t.Fatalf("search *: %d", code)
	}
	src := evalIn[[]string](b, `(() => {
		const a = document.querySelector(".facet-sources li a");
		return a ? [a.querySelector(".label").textContent, a.querySelector(".n").textContent] : [];
	})()`)
	if len(src) != 2 || strings.ToLower(src[0]) == src[0] {
		t.Fatalf("the first source reads %q: want the outlet's own name, as it writes it", src)
	}
	if code := b.follow(chromedp.Click(chromedp.CSS(".facet-sources li a"))); code != http.StatusOK {
		t.Fatalf("source facet: %d", code)
	}
	if want, _ := strconv.Atoi(strings.ReplaceAll(src[1], ",", "")); b.total() != want || !strings.HasPrefix(b.query(), "source:") {
		t.Errorf("the source %s counted %s; clicking it found %d with %q", src[0], src[1], b.total(), b.query())
	}
	for _, s := range b.texts(".hit .source") {
		if s != src[0] {
			t.Errorf("a hit of %s reads %q", src[0], s)
		}
	}
	b.screenshot("4b-source")
	// Articles that came without a title read as their first sentence.
	if code := b.search("source:*gdelt*"); code != http.StatusOK {
		t.Fatalf("search gdelt: %d", code)
	}
	if b.count(".hit h3 a.from-text") == 0 || strings.Contains(b.text("main"), "(untitled)") {
		t.Errorf("untitled archive articles: %d titles from their text", b.count(".hit h3 a.from-text"))
	}

	// Words are highlighted.
	if code := b.search("peacekeeping " + fields); code != http.StatusOK {
		t.Fatalf("search with a word: %d", code)
	}
	marks := b.texts(".hits mark")
	if len(marks) == 0 {
		t.Errorf("no highlights for a searched word")
	}
	for _, mk := range marks {
		if !strings.HasPrefix(strings.ToLower(mk), "peacekeeping") {
			t.Errorf("highlighted %q, not the word searched", mk)
		}
	}
	b.screenshot("5-words")

	// The article behind the first hit: its text and tags.
	title := b.text(".hit h3 a")
	if code := b.follow(chromedp.Click(chromedp.CSS(".hit h3 a"))); code != http.StatusOK {
		t.Fatalf("open the first hit: %d", code)
	}
	if got := b.text(".article h1"); got != title {
		t.Errorf("article heading %q, want the hit's title %q", got, title)
	}
	if n := len(b.text(".article .body")); n < 500 || b.count(".article .body p") < 3 {
		t.Errorf("article text: %d characters in %d paragraphs", n, b.count(".article .body p"))
	}
	if !containsString(b.texts(".tags h2"), "Nations "+strconv.Itoa(b.count(".tags .chip-nation"))) || !containsString(b.texts(".tags .chip-nation"), "UA") {
		t.Errorf("the tags lack the nations: %q", b.text(".tags"))
	}
	if b.count(".tags .chip-troops") == 0 {
		t.Errorf("the tags lack the troop figures: %q", b.text(".tags"))
	}
	b.screenshot("6-article")

	// The seed article: the text analysts know, its figure with its span.
	if code := b.open("/article/seed-9780abf448872f11"); code != http.StatusOK {
		t.Fatalf("seed article: %d", code)
	}
	if body := b.text(".article .body"); !strings.Contains(body, "peacekeeping force remains contingent") || !strings.Contains(body, "NATO’s headquarters") {
		t.Errorf("seed text: %.300q", body)
	}
	if !strings.Contains(strings.Join(b.texts(".tags .chip-troops"), "|"), "10,000–30,000 troops") || !strings.Contains(b.text(".tags"), "between 10,000 to 30,000 troops") {
		t.Errorf("seed troop tags: %q", b.text(".tags"))
	}
	link := evalIn[[]string](b, `(() => { const a = document.querySelector(".facts a.url"); return a ? [a.href, a.rel] : []; })()`)
	if len(link) != 2 || link[0] != "https://example.com/world/nato-ukraine-force" || link[1] != "noopener noreferrer" {
		t.Errorf("link to the original: %q", link)
	}
	b.screenshot("7-seed")

	// Meetings: the page an analyst leaves open.
	if code := b.open("/meetings"); code != http.StatusOK {
		t.Fatalf("GET /meetings: %d", code)
	}
	if got := b.text("h1"); got != "Meetings" {
		t.Errorf("meetings heading %q", got)
	}
	if got := evalIn[string](b, `document.querySelector('meta[http-equiv="refresh"]').content`); got != "300" {
		t.Errorf("meetings refresh %q, want 300", got)
	}
	if b.count("section.upcoming") != 1 || b.count("section.recent") != 1 {
		t.Errorf("the meetings page lacks its upcoming and recent sections")
	}
	// The archive's meetings are years back: the calendar shows them.
	years := b.texts(".calendar tbody th")
	if !slices.Contains(years, "2025") || !slices.Contains(years, "2022") {
		t.Errorf("the calendar's years %q lack 2022 and 2025", years)
	}
	b.screenshot("8-meetings")
	// Any month, by the picker: April 2025, with the seed's ministerial.
	b.do(chromedp.SetValue(chromedp.CSS(`.picker input[name="month"]`), "2025-04"))
	if code := b.follow(chromedp.Click(chromedp.CSS(`.picker button`))); code != http.StatusOK {
		t.Fatalf("the month picker: %d", code)
	}
	days := b.texts(".month .day h3 time")
	if !slices.Contains(days, "Thursday 10 April 2025") {
		t.Fatalf("April 2025 shows the days %q, not 10 April", days)
	}
	if got := b.text(".month .day:has(time[datetime='2025-04-10']) .meeting"); !strings.Contains(got, "ministerial") || !strings.Contains(got, "Brussels") ||
		!strings.Contains(got, "NATO to host defense leaders") {
		t.Errorf("10 April 2025 reads %q: want the seed's ministerial in Brussels", got)
	}
	b.screenshot("8b-meetings-april-2025")
	if code := b.follow(chromedp.Click(chromedp.CSS(`.month-nav a[rel="prev"]`))); code != http.StatusOK || !strings.Contains(b.text("h1"), "March 2025") {
		t.Errorf("the month before: %d %q", code, b.text("h1"))
	}
	if code := b.open("/meetings?week=2025-04-10"); code != http.StatusOK || !slices.Contains(b.texts(".month .day h3 time"), "Thursday 10 April 2025") {
		t.Errorf("the week of 10 April 2025: %d %q", code, b.texts(".month .day h3 time"))
	}

	// Troop figures over time, for a query.
	if code := b.open("/troops?q=" + url.QueryEscape("nation:UA")); code != http.StatusOK {
		t.Fatalf("GET /troops: %d", code)
	}
	if b.count("figure.troop-chart a.fig") == 0 || b.count(".troop-table tbody tr") == 0 || b.count(".legend li") == 0 {
		t.Errorf("the troop timeline shows %d figures, %d rows, %d nations", b.count("figure.troop-chart a.fig"), b.count(".troop-table tbody tr"), b.count(".legend li"))
	}
	if got := b.query(); got != "nation:UA" {
		t.Errorf("the box holds %q on the timeline", got)
	}
	b.screenshot("8c-troops")
	// The first legend nation other than the one searched for: Ukraine's
	// own figures may lead the legend of a search for Ukraine, and its
	// link is the search itself.
	if code := b.follow(chromedp.Click(chromedp.CSS(`.legend li a[href*="+nation%3A"]`))); code != http.StatusOK || !strings.HasPrefix(b.query(), "nation:UA nation:") {
		t.Errorf("a nation of the legend: %d, box %q", code, b.query())
	}

	// Saved searches, from a search to the alerts page and back out.
	if code := b.open("/?q=" + url.QueryEscape(fields)); code != http.StatusOK {
		t.Fatalf("GET /: %d", code)
	}
	if code := b.follow(chromedp.Click(chromedp.CSS("a.save-alert"))); code != http.StatusOK {
		t.Fatalf("Save as alert: %d", code)
	}
	if got := evalIn[string](b, `document.getElementById("rule-query").value`); got != fields {
		t.Errorf("the alert form holds %q, want the search %q", got, fields)
	}
	b.do(chromedp.SendKeys(chromedp.CSS("#rule-name"), "ua-troops"))
	if code := b.follow(chromedp.Click(chromedp.CSS(".rule-form button[type=submit]"))); code != http.StatusOK {
		t.Fatalf("save the alert: %d", code)
	}
	if got := b.texts(".rules td.name"); !slices.Equal(got, []string{"ua-troops"}) || !strings.Contains(b.text(".notice"), "defwatch.alerts.ua-troops") {
		t.Errorf("after saving: rules %q, notice %q", got, b.text(".notice"))
	}
	var listed struct {
		Alerts []struct{ Name, Query string } `json:"alerts"`
	}
	if getJSON(t, r.api+"/api/alerts", &listed); len(listed.Alerts) != 1 || listed.Alerts[0].Query != fields {
		t.Errorf("/api/alerts lists %+v", listed.Alerts)
	}
	b.screenshot("8d-alerts")
	// A rule the alerter could not use: the reason, the form kept.
	b.do(chromedp.SetValue(chromedp.CSS("#rule-name"), "bad name"), chromedp.SetValue(chromedp.CSS("#rule-query"), "nation:UA"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("rule-name").removeAttribute("pattern")`))
	if code := b.follow(chromedp.Click(chromedp.CSS(".rule-form button[type=submit]"))); code != http.StatusBadRequest ||
		!strings.Contains(b.text("#rule-error"), "letters, digits") {
		t.Errorf("a bad name: %d %q", code, b.text("#rule-error"))
	}
	if code := b.follow(chromedp.Click(chromedp.CSS(".rules button.remove"))); code != http.StatusOK || b.count(".rules tbody tr") != 0 {
		t.Errorf("remove: %d, %d rules left", code, b.count(".rules tbody tr"))
	}

	// A query the index cannot read: the reason next to the box, a 400.
	if code := b.open("/"); code != http.StatusOK {
		t.Fatalf("GET /: %d", code)
	}
	if code := b.search("troops:lots"); code != http.StatusBadRequest {
		t.Errorf("bad query: status %d, want 400", code)
	}
	if msg := b.text("#query-error"); !strings.Contains(msg, `"lots" is not a number`) {
		t.Errorf("bad query message %q", msg)
	}
	if got := b.query(); got != "troops:lots" {
		t.Errorf("the box holds %q after a bad query", got)
	}
	b.screenshot("9-bad-query")

	if code := b.open("/article/" + url.PathEscape("no such article")); code != http.StatusNotFound {
		t.Errorf("unknown article: %d, want 404", code)
	}

	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("browser console: %s", p)
	}
}

func containsString(list []string, want string) bool {
	for _, s := range list {
		if s == want {
			return true
		}
	}
	return false
}
