package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	dwquery "github.com/defwatch/defwatch/index/query"
)

// NewHandler serves the HTTP JSON API over s (/api/…, /healthz, /readyz)
// and the Atom feed of a search (/feed). ready reports whether the process
// can serve (its NATS connection is up, its index open). Other paths are
// free for the caller to add, such as the web page; every path under
// /api/ answers JSON, a wrong method with 405 and an unknown path with
// 404.
func NewHandler(s Searcher, ready func(context.Context) error, log *slog.Logger) *http.ServeMux {
	h := &api{s: s, ready: ready, log: log.With("stage", "serve")}
	mux := http.NewServeMux()
	routes := []struct {
		method, path string
		fn           http.HandlerFunc
	}{
		{http.MethodGet, "/api/search", h.search},
		{http.MethodGet, "/api/articles/{id}", h.article},
		{http.MethodGet, "/api/troops", h.troops},
		{http.MethodGet, "/api/version", h.version},
		{http.MethodGet, "/feed", h.feed},
		{http.MethodGet, "/healthz", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
		}},
		{http.MethodGet, "/readyz", h.readyz},
	}
	for _, rt := range routes {
		mux.HandleFunc(rt.method+" "+rt.path, rt.fn)
		// The path without a method catches the other methods, which would
		// otherwise fall through to the web page.
		allow := rt.method
		if rt.method == http.MethodGet {
			allow += ", " + http.MethodHead
		}
		mux.HandleFunc(rt.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("%s %s: method not allowed (use %s)", r.Method, r.URL.Path, allow))
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("%s: no such API path (there are /api/search, /api/articles/{id}, /api/troops and /api/version)", r.URL.Path))
	})
	return mux
}

type api struct {
	s     Searcher
	ready func(context.Context) error
	log   *slog.Logger
}

// Formats of /api/search's answer.
const (
	FormatJSON  = "json"
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// Limits on an export: every hit of the query, up to Limit of them.
const (
	DefaultExportLimit = 10_000
	MaxExportLimit     = 10_000
)

// searchParams are the parameters /api/search takes.
var searchParams = []string{"q", "size", "from", "sort", "after", "facets", "all_copies", "format", "limit", "bom"}

// export is how a search is exported: its format and how many hits.
type export struct {
	format string
	limit  int
	bom    bool // a byte order mark before CSV, for spreadsheet programs
}

// parseSearch reads /api/search's parameters, each checked: a value out
// of range or misspelt is an error that says what is allowed, never a
// default in its place.
func parseSearch(q url.Values) (Request, export, error) {
	req := Request{Query: q.Get("q"), Sort: q.Get("sort"), After: q.Get("after")}
	exp := export{format: FormatJSON, limit: DefaultExportLimit, bom: true}
	for name := range q {
		if !slices.Contains(searchParams, name) {
			return req, exp, dwquery.BadQuery("unknown parameter %q (parameters: %s)", name, strings.Join(searchParams, ", "))
		}
		if len(q[name]) > 1 {
			return req, exp, dwquery.BadQuery("parameter %q is given %d times; give it once", name, len(q[name]))
		}
	}
	var err error
	if q.Has("size") {
		if req.Size, err = intParam("size", q.Get("size"), 1, MaxSize); err != nil {
			return req, exp, err
		}
	}
	if q.Has("from") {
		if req.From, err = intParam("from", q.Get("from"), 0, MaxFrom); err != nil {
			return req, exp, err
		}
	}
	if req.NoFacets, err = boolParam("facets", q, true); err != nil {
		return req, exp, err
	}
	req.NoFacets = !req.NoFacets
	if req.AllCopies, err = boolParam("all_copies", q, false); err != nil {
		return req, exp, err
	}
	if exp.bom, err = boolParam("bom", q, true); err != nil {
		return req, exp, err
	}
	if q.Has("format") {
		switch f := q.Get("format"); f {
		case FormatJSON, FormatCSV, FormatJSONL:
			exp.format = f
		default:
			return req, exp, dwquery.BadQuery("format must be json, csv or jsonl, not %q", f)
		}
	}
	if q.Has("limit") {
		if exp.format == FormatJSON {
			return req, exp, dwquery.BadQuery("limit is for format=csv and format=jsonl; a JSON page takes size")
		}
		if exp.limit, err = intParam("limit", q.Get("limit"), 1, MaxExportLimit); err != nil {
			return req, exp, err
		}
	}
	return req, exp, nil
}

func intParam(name, s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, dwquery.BadQuery("%s must be a whole number from %d to %d, not %q", name, lo, hi, s)
	}
	return n, nil
}

func boolParam(name string, q url.Values, def bool) (bool, error) {
	if !q.Has(name) {
		return def, nil
	}
	switch v := q.Get(name); v {
	case "true":
		return true, nil
	case "false":
		return false, nil
	default:
		return false, dwquery.BadQuery("%s must be true or false, not %q", name, v)
	}
}

func (h *api) search(w http.ResponseWriter, r *http.Request) {
	req, exp, err := parseSearch(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if exp.format != FormatJSON {
		h.export(w, r, req, exp)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), SearchTimeout)
	defer cancel()
	res, err := h.s.Search(ctx, req)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// troops answers the troop-figure timeline of a query (troops.go).
func (h *api) troops(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 20*time.Second)
	defer cancel()
	tl, err := Troops(ctx, h.s, TimelineRequest{Query: r.URL.Query().Get("q"), Category: r.URL.Query().Get("category")})
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, tl)
}

func (h *api) article(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), SearchTimeout)
	defer cancel()
	a, err := h.s.Article(ctx, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

func (h *api) version(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, Build())
}

func (h *api) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	if err := h.ready(ctx); err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}

func (h *api) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, defwatch.ErrBadQuery):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, defwatch.ErrNotFound):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, ErrNoIndex):
		writeError(w, http.StatusServiceUnavailable, err.Error())
	case errors.Is(err, ErrBusy):
		// Shed load: a client told when to come back does not pile up
		// behind the searches already running.
		w.Header().Set("Retry-After", strconv.Itoa(int(RetryAfter.Seconds())))
		writeError(w, http.StatusServiceUnavailable, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, "search timed out: narrow the query (a date range, a nation) and try again")
	default:
		h.log.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error: the server's log says why")
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may have gone; nothing to do then
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
