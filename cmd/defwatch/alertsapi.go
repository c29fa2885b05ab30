package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/auth"
)

// saveRule stores r in the rules bucket, keeping the creation time of the
// rule it replaces; updated says there was one.
func saveRule(ctx context.Context, kv jetstream.KeyValue, r defwatch.Rule) (updated bool, err error) {
	if old, err := kv.Get(ctx, r.Name); err == nil {
		var was defwatch.Rule
		if json.Unmarshal(old.Value(), &was) == nil && !was.Created.IsZero() {
			r.Created = was.Created
		}
		updated = true
	}
	data, err := json.Marshal(r)
	if err != nil {
		return false, err
	}
	if _, err := kv.Put(ctx, r.Name, data); err != nil {
		return false, fmt.Errorf("save %s: %w", r.Name, err)
	}
	return updated, nil
}

// maxRuleBody bounds a saved search sent over HTTP: a query and two
// settings.
const maxRuleBody = 64 << 10

// alertsAPI serves the saved searches over HTTP, for admins (the guard
// asks for an admin token on /api/alerts):
//
//	GET    /api/alerts          every saved search
//	PUT    /api/alerts/{name}   add or replace one: {"query", "digest", "webhook"}
//	DELETE /api/alerts/{name}   remove one
type alertsAPI struct {
	js  jetstream.JetStream
	log *slog.Logger
}

func mountAlertsAPI(mux *http.ServeMux, js jetstream.JetStream, log *slog.Logger) {
	a := &alertsAPI{js: js, log: log.With("stage", "serve", "part", "alerts")}
	mux.HandleFunc("GET /api/alerts", a.list)
	mux.HandleFunc("PUT /api/alerts/{name}", a.put)
	mux.HandleFunc("DELETE /api/alerts/{name}", a.remove)
}

func (a *alertsAPI) bucket(w http.ResponseWriter, r *http.Request) (context.Context, context.CancelFunc, jetstream.KeyValue, bool) {
	ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
	kv, err := a.js.KeyValue(ctx, defwatch.KVRules)
	if err != nil {
		cancel()
		a.log.Warn("rules bucket", "err", err)
		writeAPIError(w, http.StatusServiceUnavailable, "the saved searches cannot be reached right now: "+err.Error())
		return nil, nil, nil, false
	}
	return ctx, cancel, kv, true
}

func (a *alertsAPI) list(w http.ResponseWriter, r *http.Request) {
	ctx, cancel, kv, ok := a.bucket(w, r)
	if !ok {
		return
	}
	defer cancel()
	rules := []defwatch.Rule{}
	keys, err := kv.ListKeys(ctx)
	if err != nil {
		writeAPIError(w, http.StatusServiceUnavailable, "list saved searches: "+err.Error())
		return
	}
	for name := range keys.Keys() {
		e, err := kv.Get(ctx, name)
		if err != nil {
			continue // removed meanwhile
		}
		var rule defwatch.Rule
		if json.Unmarshal(e.Value(), &rule) != nil {
			continue
		}
		rule.Name = name
		rules = append(rules, rule)
	}
	slices.SortFunc(rules, func(x, y defwatch.Rule) int { return strings.Compare(x.Name, y.Name) })
	writeAPIJSON(w, http.StatusOK, rules)
}

func (a *alertsAPI) put(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Query   string            `json:"query"`
		Digest  defwatch.Duration `json:"digest"`
		Webhook string            `json:"webhook"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRuleBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		writeAPIError(w, http.StatusBadRequest, `the body must be JSON of the form {"query": "nation:UA", "digest": "1h", "webhook": "https://…"}, at most 64 kB: `+err.Error())
		return
	}
	rule := defwatch.Rule{Name: r.PathValue("name"), Query: in.Query, Digest: in.Digest, Webhook: in.Webhook, Created: time.Now().UTC()}
	if err := checkRule(rule); err != nil {
		writeAPIError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel, kv, ok := a.bucket(w, r)
	if !ok {
		return
	}
	defer cancel()
	updated, err := saveRule(ctx, kv, rule)
	if err != nil {
		writeAPIError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	a.log.Info("saved search stored", "rule", rule.Name, "updated", updated, "token", auth.TokenName(r.Context()))
	status := http.StatusCreated
	if updated {
		status = http.StatusOK
	}
	writeAPIJSON(w, status, rule)
}

func (a *alertsAPI) remove(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	ctx, cancel, kv, ok := a.bucket(w, r)
	if !ok {
		return
	}
	defer cancel()
	if !defwatch.ValidRuleName(name) {
		writeAPIError(w, http.StatusNotFound, fmt.Sprintf("no saved search %q", name))
		return
	}
	if _, err := kv.Get(ctx, name); errors.Is(err, jetstream.ErrKeyNotFound) {
		writeAPIError(w, http.StatusNotFound, fmt.Sprintf("no saved search %q", name))
		return
	} else if err != nil {
		writeAPIError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	if err := kv.Delete(ctx, name); err != nil {
		writeAPIError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	a.log.Info("saved search removed", "rule", name, "token", auth.TokenName(r.Context()))
	w.WriteHeader(http.StatusNoContent)
}

func writeAPIJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client may have gone
}

func writeAPIError(w http.ResponseWriter, status int, msg string) {
	writeAPIJSON(w, status, map[string]string{"error": msg})
}
