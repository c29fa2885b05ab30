package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// fakeSearcher answers from memory: result decides what a search returns,
// and every request is kept for the test to check.
type fakeSearcher struct {
	mu       sync.Mutex
	articles map[string]*defwatch.Article
	result   func(index.Request) (*index.Result, error)
	reqs     []index.Request
}

func (f *fakeSearcher) Search(_ context.Context, req index.Request) (*index.Result, error) {
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	if err := req.Normalize(); err != nil {
		return nil, err
	}
	if f.result == nil {
		return &index.Result{Hits: []index.Hit{}}, nil
	}
	return f.result(req)
}

func (f *fakeSearcher) Article(_ context.Context, id string) (*defwatch.Article, error) {
	if a, ok := f.articles[id]; ok {
		return a, nil
	}
	return nil, fmt.Errorf("index: article %s: %w", id, defwatch.ErrNotFound)
}

func (f *fakeSearcher) requests() []index.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]index.Request(nil), f.reqs...)
}

func fixed(res *index.Result) func(index.Request) (*index.Result, error) {
	return func(index.Request) (*index.Result, error) { return res, nil }
}

var testNow = time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)

func newTestServer(f *fakeSearcher) http.Handler {
	return newServer(f, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return testNow })
}

// get serves path and returns the status, the body and the document.
func get(t *testing.T, h http.Handler, path string) (int, string, *goquery.Document) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	body := rec.Body.String()
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(body))
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return rec.Code, body, doc
}

// queryOf is the q parameter of a search link.
func queryOf(t *testing.T, href string) string {
	t.Helper()
	u, err := url.Parse(href)
	if err != nil {
		t.Fatalf("link %q: %v", href, err)
	}
	if u.Path != "/" {
		t.Errorf("link %q does not lead to the search page", href)
	}
	return u.Query().Get("q")
}

func TestSecurityHeaders(t *testing.T) {
	h := newTestServer(&fakeSearcher{})
	for _, path := range []string{"/", "/meetings", "/article/nosuch", "/static/style.css", "/nowhere"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		csp := rec.Header().Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: Content-Security-Policy %q allows inline code", path, csp)
		}
		if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, got)
		}
		if got := rec.Header().Get("Referrer-Policy"); got == "" {
			t.Errorf("%s: no Referrer-Policy", path)
		}
	}
}

func TestStaticFiles(t *testing.T) {
	h := newTestServer(&fakeSearcher{})
	for path, ctype := range map[string]string{
		"/static/style.css":   "text/css",
		"/static/app.js":      "javascript",
		"/static/favicon.svg": "image/svg+xml",
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Type"), ctype) {
			t.Errorf("GET %s: %d %q, want 200 %s", path, rec.Code, rec.Header().Get("Content-Type"), ctype)
		}
	}
	// The page names its files with a version, so an upgrade is fetched.
	_, _, doc := get(t, h, "/")
	href, _ := doc.Find(`link[rel="stylesheet"]`).Attr("href")
	if !strings.HasPrefix(href, "/static/style.css?v=") {
		t.Errorf("stylesheet link %q", href)
	}
}

func TestNotFound(t *testing.T) {
	h := newTestServer(&fakeSearcher{articles: map[string]*defwatch.Article{}})
	for path, heading := range map[string]string{
		"/article/0123456789abcdef": "Article not found",
		"/no/such/page":             "Page not found",
	} {
		code, _, doc := get(t, h, path)
		if code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, code)
		}
		if got := doc.Find("h1").Text(); got != heading {
			t.Errorf("GET %s: heading %q, want %q", path, got, heading)
		}
	}
}

// words is the text of s with a space between elements' texts, as a
// reader sees table cells and blocks apart.
func words(s *goquery.Selection) string {
	var parts []string
	for _, n := range s.Nodes {
		for d := range n.Descendants() {
			if d.Type == html.TextNode {
				parts = append(parts, d.Data)
			}
		}
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}
