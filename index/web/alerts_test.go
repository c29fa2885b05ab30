package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/alert"
)

// fakeRules keeps saved searches in memory, checking them as the store does.
type fakeRules struct {
	mu    sync.Mutex
	rules map[string]defwatch.Rule
}

func (f *fakeRules) List(context.Context) ([]defwatch.Rule, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []defwatch.Rule
	for _, r := range f.rules {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b defwatch.Rule) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func (f *fakeRules) Put(_ context.Context, r defwatch.Rule) (bool, error) {
	if err := alert.CheckRule(r, testNow); err != nil {
		return false, err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	_, had := f.rules[r.Name]
	r.Created = testNow
	f.rules[r.Name] = r
	return !had, nil
}

func (f *fakeRules) Delete(_ context.Context, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.rules[name]; !ok {
		return fmt.Errorf("%q: %w", name, alert.ErrNoRule)
	}
	delete(f.rules, name)
	return nil
}

// post sends a form as a browser on the page's own origin does.
func post(t *testing.T, h http.Handler, path string, form url.Values, site string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if site != "" {
		req.Header.Set("Sec-Fetch-Site", site)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestAlertsPage(t *testing.T) {
	rules := &fakeRules{rules: map[string]defwatch.Rule{
		"ua-troops": {Name: "ua-troops", Query: "nation:UA troops:>=1000", Created: testNow},
		"hooked": {Name: "hooked", Query: `"peace talks"`, Digest: defwatch.Duration(time.Hour),
			Webhook: "https://hooks.example.com/services/T000/SECRET", Created: testNow},
	}}
	h := newServer(&fakeSearcher{}, slog.New(slog.DiscardHandler), func() time.Time { return testNow }, WithRules(rules))

	code, body, doc := get(t, h, "/alerts?q=nation:PL")
	if code != http.StatusOK {
		t.Fatalf("status %d", code)
	}
	checkNoLiveMarkup(t, body)
	var rows []string
	doc.Find(".rules tbody tr").Each(func(_ int, s *goquery.Selection) { rows = append(rows, words(s)) })
	want := []string{
		`hooked "peace talks" digest every 1h https://hooks.example.com/… 2025-04-10 12:00 UTC Remove`,
		`ua-troops nation:UA troops:>=1000 each match none 2025-04-10 12:00 UTC Remove`,
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows\n got %q\nwant %q", rows, want)
	}
	if strings.Contains(body, "SECRET") {
		t.Errorf("the page shows a webhook's secret path")
	}
	if v := doc.Find("#rule-query").AttrOr("value", ""); v != "nation:PL" {
		t.Errorf("the form's query %q, want the search it came from", v)
	}
	for _, id := range []string{"rule-name", "rule-query", "rule-digest", "rule-webhook"} {
		if doc.Find(`label[for="`+id+`"]`).Length() != 1 {
			t.Errorf("no label for #%s", id)
		}
	}
	if got := queryOf(t, doc.Find(".rules .query a").First().AttrOr("href", "")); got != `"peace talks"` {
		t.Errorf("a rule's query searches %q", got)
	}

	t.Run("add", func(t *testing.T) {
		rec := post(t, h, "/alerts", url.Values{"name": {"pl"}, "query": {"nation:PL troops:*"}, "digest": {"1h"}}, "same-origin")
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/alerts?saved=pl" {
			t.Fatalf("add: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		if r := rules.rules["pl"]; r.Query != "nation:PL troops:*" || time.Duration(r.Digest) != time.Hour {
			t.Errorf("saved %+v", r)
		}
		_, _, doc := get(t, h, "/alerts?saved=pl")
		if got := doc.Find(".notice").Text(); !strings.Contains(got, "defwatch.alerts.pl") {
			t.Errorf("notice %q", got)
		}
	})
	t.Run("refused, with the reason and the form kept", func(t *testing.T) {
		for _, tc := range []struct {
			form url.Values
			why  string
		}{
			{url.Values{"name": {"bad name"}, "query": {"nation:UA"}}, "letters, digits"},
			{url.Values{"name": {"x"}, "query": {"troops:>=lots"}}, `"lots" is not a number`},
			{url.Values{"name": {"x"}, "query": {""}}, "the query is empty"},
			{url.Values{"name": {"x"}, "query": {"nation:UA"}, "digest": {"10s"}}, "a minute or more"},
			{url.Values{"name": {"x"}, "query": {"nation:UA"}, "digest": {"soon"}}, "not a period"},
			{url.Values{"name": {"x"}, "query": {"nation:UA"}, "webhook": {"javascript:alert(1)"}}, "http:// or https://"},
		} {
			rec := post(t, h, "/alerts", tc.form, "same-origin")
			doc, _ := goquery.NewDocumentFromReader(rec.Body)
			if rec.Code != http.StatusBadRequest || !strings.Contains(doc.Find("#rule-error").Text(), tc.why) {
				t.Errorf("%v: %d %q, want 400 saying %q", tc.form, rec.Code, doc.Find("#rule-error").Text(), tc.why)
			}
			if doc.Find("#rule-name").AttrOr("value", "") != tc.form.Get("name") || doc.Find("#rule-query").AttrOr("value", "") != tc.form.Get("query") {
				t.Errorf("%v: the form was not kept", tc.form)
			}
		}
		if _, ok := rules.rules["x"]; ok {
			t.Errorf("a refused rule was saved")
		}
	})
	t.Run("remove", func(t *testing.T) {
		rec := post(t, h, "/alerts/pl/delete", nil, "same-origin")
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/alerts?removed=pl" {
			t.Fatalf("remove: %d to %q", rec.Code, rec.Header().Get("Location"))
		}
		if _, ok := rules.rules["pl"]; ok {
			t.Errorf("still there after removal")
		}
		if rec := post(t, h, "/alerts/pl/delete", nil, "same-origin"); rec.Code != http.StatusNotFound {
			t.Errorf("removing it again: %d, want 404", rec.Code)
		}
	})
	t.Run("cross-site requests are refused", func(t *testing.T) {
		for _, site := range []string{"cross-site", "same-site"} {
			rec := post(t, h, "/alerts", url.Values{"name": {"evil"}, "query": {"*"}}, site)
			if rec.Code != http.StatusForbidden {
				t.Errorf("a %s add: %d, want 403", site, rec.Code)
			}
			rec = post(t, h, "/alerts/ua-troops/delete", nil, site)
			if rec.Code != http.StatusForbidden {
				t.Errorf("a %s removal: %d, want 403", site, rec.Code)
			}
		}
		// An older browser says where it came from in Origin.
		req := httptest.NewRequest(http.MethodPost, "http://defwatch.example/alerts/ua-troops/delete", nil)
		req.Header.Set("Origin", "https://evil.example")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusForbidden {
			t.Errorf("a removal from another origin: %d, want 403", rec.Code)
		}
		if _, ok := rules.rules["ua-troops"]; !ok || rules.rules["evil"].Name != "" {
			t.Errorf("a cross-site request changed the rules")
		}
		// Reading is a GET, and never changes anything.
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/alerts/ua-troops/delete", nil))
		if _, ok := rules.rules["ua-troops"]; !ok || rec.Code == http.StatusSeeOther {
			t.Errorf("a GET removed a rule (%d)", rec.Code)
		}
	})
	t.Run("a huge form", func(t *testing.T) {
		rec := post(t, h, "/alerts", url.Values{"name": {"big"}, "query": {strings.Repeat("x ", 20000)}}, "same-origin")
		if rec.Code != http.StatusBadRequest {
			t.Errorf("a 40 KB form: %d, want 400", rec.Code)
		}
	})
	t.Run("without a store", func(t *testing.T) {
		_, _, doc := get(t, newTestServer(&fakeSearcher{}), "/alerts")
		if !strings.Contains(doc.Find(".empty-result").Text(), "keeps no saved searches") {
			t.Errorf("a server without rules does not say so")
		}
	})
}
