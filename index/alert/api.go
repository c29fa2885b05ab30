package alert

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
)

// maxRuleBody bounds a rule sent to the API: a name, a query and a URL.
const maxRuleBody = 16 << 10

// Rules is what the HTTP handlers need of the saved searches; RuleStore
// has it.
type Rules interface {
	List(ctx context.Context) ([]defwatch.Rule, error)
	Get(ctx context.Context, name string) (defwatch.Rule, error)
	Put(ctx context.Context, r defwatch.Rule) (created bool, err error)
	Delete(ctx context.Context, name string) error
}

var _ Rules = (*RuleStore)(nil)

// RuleView is a saved search as the HTTP API shows it: the webhook's
// address without its path, which often carries the receiver's secret.
type RuleView struct {
	Name    string    `json:"name"`
	Query   string    `json:"query"`
	Digest  string    `json:"digest,omitempty"`
	Webhook string    `json:"webhook,omitempty"`
	Subject string    `json:"subject"`
	Created time.Time `json:"created,omitzero"`
}

// View is r as the API and the web page show it.
func View(r defwatch.Rule) RuleView {
	v := RuleView{Name: r.Name, Query: r.Query, Webhook: WebhookHost(r.Webhook), Subject: defwatch.SubjectAlerts + "." + r.Name, Created: r.Created}
	if r.Digest > 0 {
		v.Digest = shortDuration(time.Duration(r.Digest))
	}
	return v
}

// shortDuration writes 1h0m0s as 1h and 1h30m0s as 1h30m.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// WebhookHost is a webhook's scheme and host, with "/…" where its path
// was.
func WebhookHost(hook string) string {
	if hook == "" {
		return ""
	}
	u, err := url.Parse(hook)
	if err != nil || u.Host == "" {
		return "(unreadable)"
	}
	out := u.Scheme + "://" + u.Host
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" {
		out += "/…"
	}
	return out
}

// NewHandler serves the saved searches as JSON under /api/alerts:
//
//	GET    /api/alerts          {"alerts": [rule, …]}
//	POST   /api/alerts          {"name", "query", "digest", "webhook"} → 201 (new) or 200 (replaced)
//	GET    /api/alerts/{name}   the rule, or 404
//	DELETE /api/alerts/{name}   204, or 404
//
// Requests that change rules from a browser must come from defwatch's own
// pages (cross-origin requests are refused), so another site cannot make
// an analyst's browser add or remove them.
func NewHandler(rules Rules, log *slog.Logger) http.Handler {
	h := &api{rules: rules, log: log.With("stage", "serve", "part", "alerts")}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/alerts", h.list)
	mux.HandleFunc("POST /api/alerts", h.add)
	mux.HandleFunc("GET /api/alerts/{name}", h.get)
	mux.HandleFunc("DELETE /api/alerts/{name}", h.remove)
	mux.HandleFunc("/api/alerts", notAllowed("GET, POST"))
	mux.HandleFunc("/api/alerts/{name}", notAllowed("GET, DELETE"))
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusForbidden, "a cross-origin request may not change saved searches: send it from defwatch's own page, or without a browser")
	}))
	return cop.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The rules live in NATS KV: a request waits for it no longer than this.
		ctx, cancel := context.WithTimeout(r.Context(), requestTimeout)
		defer cancel()
		mux.ServeHTTP(w, r.WithContext(ctx))
	}))
}

// requestTimeout bounds one request's work on the rules bucket.
const requestTimeout = 10 * time.Second

type api struct {
	rules Rules
	log   *slog.Logger
}

func (h *api) list(w http.ResponseWriter, r *http.Request) {
	rules, err := h.rules.List(r.Context())
	if err != nil && rules == nil {
		h.fail(w, r, err)
		return
	}
	if err != nil {
		h.log.Warn("saved searches partly unreadable", "err", err)
	}
	out := struct {
		Alerts []RuleView `json:"alerts"`
	}{Alerts: []RuleView{}}
	for _, rule := range rules {
		out.Alerts = append(out.Alerts, View(rule))
	}
	writeJSON(w, http.StatusOK, out)
}

func (h *api) get(w http.ResponseWriter, r *http.Request) {
	rule, err := h.rules.Get(r.Context(), r.PathValue("name"))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, View(rule))
}

func (h *api) add(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name    string `json:"name"`
		Query   string `json:"query"`
		Digest  string `json:"digest"`
		Webhook string `json:"webhook"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRuleBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "the body is not a rule: want JSON {\"name\", \"query\", \"digest\", \"webhook\"} of at most 16 KB: "+err.Error())
		return
	}
	rule := defwatch.Rule{Name: in.Name, Query: in.Query, Webhook: in.Webhook}
	if in.Digest != "" {
		d, err := time.ParseDuration(in.Digest)
		if err != nil {
			writeError(w, http.StatusBadRequest, "digest "+in.Digest+": not a period (write 1h, 30m, 24h)")
			return
		}
		rule.Digest = defwatch.Duration(d)
	}
	created, err := h.rules.Put(r.Context(), rule)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	saved, err := h.rules.Get(r.Context(), rule.Name)
	if err != nil {
		saved = rule
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		w.Header().Set("Location", "/api/alerts/"+url.PathEscape(rule.Name))
	}
	writeJSON(w, status, View(saved))
}

func (h *api) remove(w http.ResponseWriter, r *http.Request) {
	if err := h.rules.Delete(r.Context(), r.PathValue("name")); err != nil {
		h.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (h *api) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, ErrBadRule):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, ErrNoRule):
		writeError(w, http.StatusNotFound, err.Error()+" (GET /api/alerts lists them)")
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, "the saved searches did not answer in time: is NATS up?")
	default:
		h.log.Error("saved searches request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "the saved searches could not be reached; the server's log says why")
	}
}

func notAllowed(allow string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed here: use "+allow)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may have gone; nothing to do then
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
