package index

import (
	"errors"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
)

// TestDecodeRequest holds a search over NATS to the HTTP API's checks.
func TestDecodeRequest(t *testing.T) {
	req, err := DecodeRequest([]byte(`{"q": "nation:UA", "size": 5, "sort": "newest", "all_copies": true}`))
	if err != nil || req.Query != "nation:UA" || req.Size != 5 || req.Sort != SortNewest || !req.AllCopies {
		t.Errorf("good request: %+v, %v", req, err)
	}
	if req, err := DecodeRequest([]byte(`{"q": "*"}`)); err != nil || req.Size != 0 {
		t.Errorf("no size: %+v, %v (want the default left to Search)", req, err)
	}
	for data, want := range map[string]string{
		`{"q": "*", "size": 0}`:    "size must be a whole number from 1 to 200, not 0",
		`{"q": "*", "size": 1000}`: "size must be a whole number from 1 to 200, not 1000",
		`{"q": "*", "colour": 1}`:  `unknown field "colour"`,
		`{"q": 3}`:                 "request is not JSON of the form",
		`nation:UA`:                "request is not JSON of the form",
	} {
		_, err := DecodeRequest([]byte(data))
		if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want a bad query saying %q", data, err, want)
		}
	}
}
