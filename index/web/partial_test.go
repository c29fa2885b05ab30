package web

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/defwatch/defwatch/index"
)

// TestPartialResultSaysSo: an answer some months missed says so above the
// results, naming them; a whole answer shows no such notice.
func TestPartialResultSaysSo(t *testing.T) {
	partial := &index.Result{Total: 1871, Hits: []index.Hit{}, Facets: &index.Facets{Interval: "day"},
		Partial: true, MissedShards: []string{"2025-03", "2025-04"}}
	code, _, doc := get(t, newTestServer(&fakeSearcher{result: fixed(partial)}), "/?q=nation:UA")
	if code != http.StatusOK {
		t.Errorf("status %d", code)
	}
	notice := doc.Find(".notice.partial").Text()
	for _, want := range []string{"Incomplete results", "2025-03", "2025-04"} {
		if !strings.Contains(notice, want) {
			t.Errorf("notice %q does not say %q", notice, want)
		}
	}

	whole := &index.Result{Total: 16903, Hits: []index.Hit{}, Facets: &index.Facets{Interval: "day"}}
	_, _, doc = get(t, newTestServer(&fakeSearcher{result: fixed(whole)}), "/?q=nation:UA")
	if n := doc.Find(".notice.partial").Length(); n != 0 {
		t.Errorf("a whole answer shows %d partial notices", n)
	}
}

// TestBusyIndexAsksToComeBack: a search the index sheds is a 503 page
// that says when to try again.
func TestBusyIndexAsksToComeBack(t *testing.T) {
	f := &fakeSearcher{result: func(index.Request) (*index.Result, error) { return nil, index.ErrBusy }}
	rec := httptest.NewRecorder()
	newTestServer(f).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/?q=nation:UA", nil))
	if rec.Code != http.StatusServiceUnavailable || rec.Header().Get("Retry-After") != "1" {
		t.Errorf("status %d, Retry-After %q; want 503 and 1", rec.Code, rec.Header().Get("Retry-After"))
	}
	if !strings.Contains(rec.Body.String(), "Too many searches at once") {
		t.Errorf("the page does not say why: %.300s", rec.Body.String())
	}
}
