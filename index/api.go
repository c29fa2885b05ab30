package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/defwatch/defwatch"
)

// NewHandler serves the HTTP JSON API over s (/api/…, /healthz, /readyz).
// ready reports whether the process can serve (its NATS connection is up,
// its index open). Other paths are free for the caller to add, such as the
// web page.
func NewHandler(s Searcher, ready func(context.Context) error, log *slog.Logger) *http.ServeMux {
	h := &api{s: s, ready: ready, log: log.With("stage", "serve")}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/search", h.search)
	mux.HandleFunc("GET /api/articles/{id}", h.article)
	mux.HandleFunc("GET /api/troops", h.troops)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", h.readyz)
	return mux
}

type api struct {
	s     Searcher
	ready func(context.Context) error
	log   *slog.Logger
}

func (h *api) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	req := Request{Query: q.Get("q"), Sort: q.Get("sort"), After: q.Get("after"),
		NoFacets: q.Get("facets") == "false", AllCopies: q.Get("all_copies") == "true"}
	var err error
	if req.Size, err = intParam(q.Get("size")); err != nil {
		writeError(w, http.StatusBadRequest, "size: "+err.Error())
		return
	}
	if req.From, err = intParam(q.Get("from")); err != nil {
		writeError(w, http.StatusBadRequest, "from: "+err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
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
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	defer cancel()
	a, err := h.s.Article(ctx, r.PathValue("id"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
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
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, "search timed out")
	default:
		h.log.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "internal error")
	}
}

func intParam(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a whole number", s)
	}
	return n, nil
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
