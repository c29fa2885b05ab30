package alert

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

func testRuleStore(t *testing.T) *RuleStore {
	t.Helper()
	_, js := testJetStream(t)
	kv, err := js.KeyValue(context.Background(), defwatch.KVRules)
	if err != nil {
		t.Fatal(err)
	}
	return NewRuleStore(kv)
}

func TestRuleStore(t *testing.T) {
	ctx := context.Background()
	s := testRuleStore(t)
	created, err := s.Put(ctx, defwatch.Rule{Name: "ua", Query: "nation:UA troops:>=1000"})
	if err != nil || !created {
		t.Fatalf("put: %v %v", created, err)
	}
	first, err := s.Get(ctx, "ua")
	if err != nil || first.Query != "nation:UA troops:>=1000" || first.Created.IsZero() {
		t.Fatalf("get: %+v %v", first, err)
	}
	// Replacing keeps when it was first saved.
	s.now = func() time.Time { return time.Now().Add(time.Hour) }
	created, err = s.Put(ctx, defwatch.Rule{Name: "ua", Query: "nation:UA"})
	if err != nil || created {
		t.Fatalf("replace: %v %v", created, err)
	}
	if r, _ := s.Get(ctx, "ua"); r.Query != "nation:UA" || !r.Created.Equal(first.Created) {
		t.Errorf("replaced: %+v, created %s want %s", r, r.Created, first.Created)
	}
	if _, err := s.Put(ctx, defwatch.Rule{Name: "b", Query: "meeting:*", Digest: defwatch.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	rules, err := s.List(ctx)
	if err != nil || len(rules) != 2 || rules[0].Name != "b" || rules[1].Name != "ua" {
		t.Errorf("list: %+v %v", rules, err)
	}
	for _, bad := range []defwatch.Rule{
		{Name: "a.b", Query: "x"}, {Name: "x", Query: " "}, {Name: "x", Query: "troops:>=lots"},
		{Name: "x", Query: "x", Digest: defwatch.Duration(time.Second)}, {Name: "x", Query: "x", Webhook: "ftp://x"},
		{Name: "x", Query: strings.Repeat("a ", MaxRuleQuery)}, {Name: strings.Repeat("n", 65), Query: "x"},
	} {
		if _, err := s.Put(ctx, bad); !errors.Is(err, ErrBadRule) {
			t.Errorf("%+v: %v, want a bad rule", bad, err)
		}
	}
	if err := s.Delete(ctx, "ua"); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, "ua"); !errors.Is(err, ErrNoRule) {
		t.Errorf("delete twice: %v", err)
	}
	if _, err := s.Get(ctx, "ua"); !errors.Is(err, ErrNoRule) {
		t.Errorf("get after delete: %v", err)
	}
}

func TestRulesAPI(t *testing.T) {
	s := testRuleStore(t)
	h := NewHandler(s, slog.New(slog.DiscardHandler))
	do := func(method, path, body string, hdr ...string) (*httptest.ResponseRecorder, map[string]any) {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		for i := 0; i+1 < len(hdr); i += 2 {
			req.Header.Set(hdr[i], hdr[i+1])
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var out map[string]any
		if rec.Code != http.StatusNoContent {
			if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
				t.Errorf("%s %s: not JSON: %q", method, path, rec.Body)
			}
		}
		return rec, out
	}
	rec, out := do("POST", "/api/alerts", `{"name": "ua", "query": "nation:UA troops:>=1000", "digest": "1h", "webhook": "https://hooks.example.com/T0/SECRET"}`)
	if rec.Code != http.StatusCreated || rec.Header().Get("Location") != "/api/alerts/ua" || out["digest"] != "1h" ||
		out["subject"] != "defwatch.alerts.ua" || out["webhook"] != "https://hooks.example.com/…" {
		t.Errorf("create: %d %v", rec.Code, out)
	}
	if r, _ := s.Get(context.Background(), "ua"); r.Webhook != "https://hooks.example.com/T0/SECRET" {
		t.Errorf("stored webhook %q: the whole address must be kept", r.Webhook)
	}
	if rec, _ := do("POST", "/api/alerts", `{"name": "ua", "query": "nation:UA"}`); rec.Code != http.StatusOK {
		t.Errorf("replace: %d", rec.Code)
	}
	rec, out = do("GET", "/api/alerts", "")
	if list, _ := out["alerts"].([]any); rec.Code != http.StatusOK || len(list) != 1 || strings.Contains(rec.Body.String(), "SECRET") {
		t.Errorf("list: %d %s", rec.Code, rec.Body)
	}
	if rec, out := do("GET", "/api/alerts/ua", ""); rec.Code != http.StatusOK || out["query"] != "nation:UA" {
		t.Errorf("get: %d %v", rec.Code, out)
	}
	for _, tc := range []struct {
		body, why string
	}{
		{`{"name": "x", "query": "troops:>=lots"}`, "not a number"},
		{`{"name": "x y", "query": "nation:UA"}`, "letters, digits"},
		{`{"name": "x", "query": "nation:UA", "digest": "soon"}`, "not a period"},
		{`{"name": "x", "query": "nation:UA", "colour": "red"}`, "unknown field"},
		{`{"name": "x", "query": "` + strings.Repeat("a", 20000) + `"}`, "at most 16 KB"},
		{`not json`, "not a rule"},
	} {
		rec, out := do("POST", "/api/alerts", tc.body)
		if msg, _ := out["error"].(string); rec.Code != http.StatusBadRequest || !strings.Contains(msg, tc.why) {
			t.Errorf("%.60s: %d %q, want 400 saying %q", tc.body, rec.Code, msg, tc.why)
		}
	}
	rec, _ = do("PATCH", "/api/alerts/ua", "")
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, DELETE" {
		t.Errorf("PATCH: %d Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	// From another site's page: refused, whatever the method.
	for _, hdr := range [][]string{{"Sec-Fetch-Site", "cross-site"}, {"Origin", "https://evil.example"}} {
		if rec, out := do("DELETE", "/api/alerts/ua", "", hdr...); rec.Code != http.StatusForbidden || out["error"] == nil {
			t.Errorf("cross-origin delete with %s: %d", hdr[0], rec.Code)
		}
	}
	if rec, _ := do("DELETE", "/api/alerts/ua", "", "Sec-Fetch-Site", "same-origin"); rec.Code != http.StatusNoContent {
		t.Errorf("delete: %d", rec.Code)
	}
	if rec, _ := do("DELETE", "/api/alerts/ua", ""); rec.Code != http.StatusNotFound {
		t.Errorf("delete again: %d", rec.Code)
	}
	if rec, _ := do("GET", "/api/alerts/nosuch", ""); rec.Code != http.StatusNotFound {
		t.Errorf("get a missing rule: %d", rec.Code)
	}
}
