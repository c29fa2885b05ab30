// Package web serves defwatch's web page: the search an analyst keeps open,
// each article with its tags, and the meetings coming up.
package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// searchTimeout bounds one page's searches, so a stuck index answers with
// an error page instead of holding the analyst's tab.
const searchTimeout = index.SearchTimeout

// securityHeaders go on every answer. Article text and titles come from
// anywhere on the web; should escaping ever miss, the policy still runs
// no script but our own file and loads nothing from elsewhere.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	// Queries say what an analyst is working on; the outlets they click
	// through to need not learn it.
	"Referrer-Policy": "no-referrer",
	"X-Frame-Options": "DENY",
}

type server struct {
	s       index.Searcher
	rules   Rules   // nil: no saved searches on this server
	sources Sources // nil: no Sources page
	log     *slog.Logger
	now     func() time.Time
	pages   map[string]*template.Template
	version string // of the static files, so browsers refetch them after an upgrade
	mux     *http.ServeMux
}

// New serves the web page over s: / (search), /article/{id}, /meetings,
// /troops, /alerts (with WithRules), /sources (with WithSources: the feed
// set) and the static files under /static/.
//
// The requests that change something are POSTs under /alerts and to
// /sources, so an
// authorising middleware can ask more of them than of the pages that only
// read; a cross-origin POST is refused, so another site cannot make an
// analyst's browser send one.
func New(s index.Searcher, log *slog.Logger, opts ...Option) http.Handler {
	return newServer(s, log, time.Now, opts...)
}

func newServer(s index.Searcher, log *slog.Logger, now func() time.Time, opts ...Option) *server {
	h := &server{s: s, log: log.With("stage", "serve", "part", "web"), now: now, version: staticVersion()}
	for _, o := range opts {
		o(h)
	}
	h.pages = map[string]*template.Template{}
	for _, name := range []string{"search", "article", "meetings", "alerts", "troops", "sources", "error"} {
		h.pages[name] = template.Must(template.New(name).Funcs(funcs).ParseFS(templateFiles,
			"templates/layout.html", "templates/"+name+".html"))
	}
	static, err := fs.Sub(staticFiles, "static")
	if err != nil {
		panic(err) // the directory is embedded above; only a broken build lacks it
	}
	files := http.FileServerFS(static)
	h.mux = http.NewServeMux()
	h.mux.HandleFunc("GET /{$}", h.search)
	h.mux.HandleFunc("GET /article/{id}", h.article)
	h.mux.HandleFunc("GET /meetings", h.meetings)
	h.mux.HandleFunc("GET /troops", h.troops)
	h.mux.HandleFunc("GET /alerts", h.alerts)
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		h.fail(rw, r, http.StatusForbidden, "Refused: sent from another site",
			"Saved searches change only from defwatch's own alerts page. Open it and try again.")
	}))
	h.mux.Handle("POST /alerts", cop.Handler(http.HandlerFunc(h.addAlert)))
	h.mux.Handle("POST /alerts/{name}/delete", cop.Handler(http.HandlerFunc(h.removeAlert)))
	h.mux.HandleFunc("GET /sources", h.sourcesPage)
	// Nor may a form on another site change the feed set.
	feedsCOP := http.NewCrossOriginProtection()
	feedsCOP.SetDenyHandler(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		h.fail(rw, r, http.StatusForbidden, "Refused: sent from another site",
			"The feed set changes only from defwatch's own Sources page. Open it and try again.")
	}))
	h.mux.Handle("POST /sources", feedsCOP.Handler(http.HandlerFunc(h.sourcesChange)))
	h.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheFor(24*time.Hour, files)))
	h.mux.HandleFunc("GET /favicon.ico", func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	h.mux.HandleFunc("/", func(rw http.ResponseWriter, r *http.Request) {
		h.fail(rw, r, http.StatusNotFound, "Page not found", "There is no page at this address.")
	})
	return h
}

func (h *server) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	for k, v := range securityHeaders {
		rw.Header().Set(k, v)
	}
	h.mux.ServeHTTP(rw, r)
}

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	v := "public, max-age=" + itoa(int(d.Seconds()))
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Cache-Control", v)
		h.ServeHTTP(rw, r)
	})
}

func staticVersion() string {
	h := sha256.New()
	_ = fs.WalkDir(staticFiles, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := staticFiles.ReadFile(path)
		h.Write([]byte(path))
		h.Write(data)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:10]
}

// page is what every template gets: the layout's parts and the page's own
// data.
type page struct {
	Title   string
	Nav     string // "search", "troops", "meetings" or "alerts": the current place in the header
	Query   string // in the header's search box
	Action  string // where the header's box searches: "/" unless the page has its own view of a query
	Sort    string
	Error   string // why the query cannot be run, next to the box
	Refresh int    // seconds between reloads; 0 for none
	Version string
	Data    any
}

// with returns p holding d.
func (p page) with(d any) page {
	p.Data = d
	return p
}

var sortOptions = []struct{ Value, Label string }{
	{index.SortRelevance, "Relevance"}, {index.SortNewest, "Newest"}, {index.SortOldest, "Oldest"},
}

// render executes a page into a buffer first, so a template that fails
// halfway answers 500 instead of half a page under a 200.
func (h *server) render(rw http.ResponseWriter, r *http.Request, status int, name string, p page) {
	p.Version = h.version
	var buf bytes.Buffer
	if err := h.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		h.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(rw, "internal error: the page could not be drawn", http.StatusInternalServerError)
		return
	}
	rw.Header().Set("Content-Type", "text/html; charset=utf-8")
	rw.Header().Set("Cache-Control", "no-store")
	rw.WriteHeader(status)
	_, _ = buf.WriteTo(rw) // the client may have gone; nothing to do then
}

type errorPage struct {
	Status  int
	Heading string
	Message string
}

func (h *server) fail(rw http.ResponseWriter, r *http.Request, status int, heading, msg string) {
	h.render(rw, r, status, "error", page{Title: heading, Data: errorPage{status, heading, msg}})
}

// searchFailed answers for an error from the Searcher other than a bad
// query, which the search page shows next to its box.
func (h *server) searchFailed(rw http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, defwatch.ErrNotFound):
		h.fail(rw, r, http.StatusNotFound, "Article not found",
			"No article has this id. It may have aged out of the index, or the link is mistyped.")
	case errors.Is(err, index.ErrNoIndex):
		h.fail(rw, r, http.StatusServiceUnavailable, "No index is answering",
			"This server has no index of its own and none answers on NATS. Start one with --stages index, then reload.")
	case errors.Is(err, index.ErrBusy):
		rw.Header().Set("Retry-After", strconv.Itoa(int(index.RetryAfter.Seconds())))
		h.fail(rw, r, http.StatusServiceUnavailable, "Too many searches at once",
			"The index is answering as many searches as it can. Wait a second and reload.")
	case errors.Is(err, context.DeadlineExceeded):
		h.fail(rw, r, http.StatusGatewayTimeout, "Search timed out",
			"The index took too long to answer. Narrow the query (a date range, a nation) and try again.")
	default:
		h.log.Error("page request failed", "path", r.URL.Path, "err", err)
		h.fail(rw, r, http.StatusInternalServerError, "Something went wrong",
			"The search could not be run. The server's log says why; reload to try again.")
	}
}
