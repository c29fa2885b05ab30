package feedset

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/defwatch/defwatch"
)

// Bounds on one API request.
const (
	maxRequestBody = 1 << 20
	maxRequestURLs = 10000
)

// AddRequest is the body of POST /api/feeds: one URL or many, with the
// settings they get. A URL already in the set has the given settings
// changed; the others are kept.
type AddRequest struct {
	URL      string             `json:"url,omitempty"`
	URLs     []string           `json:"urls,omitempty"`
	Kind     string             `json:"kind,omitempty"`
	Interval *defwatch.Duration `json:"interval,omitempty"`
	Tags     []string           `json:"tags,omitempty"`
	Disabled *bool              `json:"disabled,omitempty"`
}

// Applied is one feed of an AddRequest, as it is now.
type Applied struct {
	defwatch.FeedStatus
	// Added says the feed was not in the set before.
	Added bool `json:"added"`
}

// Apply adds or changes every URL of r, and returns the feeds and how
// many were new.
func (s *Store) Apply(ctx context.Context, r AddRequest) ([]Applied, int, error) {
	urls := r.URLs
	if r.URL != "" {
		urls = append([]string{r.URL}, urls...)
	}
	if len(urls) == 0 {
		return nil, 0, invalid(`no feed: give "url" or "urls"`)
	}
	if len(urls) > maxRequestURLs {
		return nil, 0, invalid("%d URLs in one request: at most %d", len(urls), maxRequestURLs)
	}
	for _, u := range urls {
		if err := CheckURL(u); err != nil {
			return nil, 0, err
		}
	}
	tags := Tags(r.Tags)
	var out []Applied
	added := 0
	for _, u := range urls {
		isNew := false
		f, err := s.Update(ctx, u, func(f *defwatch.Feed, ok bool) error {
			isNew = !ok
			if !ok {
				f.Kind = r.Kind
			}
			if r.Interval != nil {
				f.Interval = *r.Interval
			}
			if r.Tags != nil {
				f.Tags = tags
			}
			if r.Disabled != nil && *r.Disabled != f.Disabled {
				f.Disabled = *r.Disabled
				f.DisabledBecause, f.DisabledAt = "", time.Time{}
				if f.Disabled {
					f.DisabledBecause, f.DisabledAt = "disabled by the operator", s.now().UTC()
				}
			}
			return nil
		})
		if err != nil {
			return out, added, err
		}
		if isNew {
			added++
		}
		fs := defwatch.FeedStatus{Feed: *f}
		if !isNew {
			// A changed feed keeps its history: answer with it, not as new.
			st, _, err := s.LoadState(ctx, defwatch.FeedKey(f.URL))
			if err != nil {
				return out, added, err
			}
			fs.Health = st.FeedHealth
		}
		fs.State = defwatch.StateOf(*f, fs.Health)
		out = append(out, Applied{fs, isNew})
	}
	return out, added, nil
}

// Handler serves the feed set: GET /api/feeds (every feed with its health,
// failing first; ?url= for one), POST /api/feeds (an AddRequest) and
// DELETE /api/feeds?url=. Changing requests from another site's page are
// refused, so a browser cannot be made to change the set.
func (s *Store) Handler(log *slog.Logger) http.Handler {
	h := &api{s: s, log: log.With("part", "feeds-api")}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/feeds", h.list)
	mux.HandleFunc("POST /api/feeds", h.add)
	mux.HandleFunc("DELETE /api/feeds", h.remove)
	return http.NewCrossOriginProtection().Handler(mux)
}

type api struct {
	s   *Store
	log *slog.Logger
}

func (h *api) list(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	if u := r.URL.Query().Get("url"); u != "" {
		f, err := h.s.Get(ctx, u)
		if err != nil {
			h.fail(w, err)
			return
		}
		writeJSON(w, http.StatusOK, map[string]any{"feed": f})
		return
	}
	feeds, err := h.s.List(ctx)
	if err != nil {
		h.fail(w, err)
		return
	}
	counts := map[string]int{}
	for _, f := range feeds {
		counts[f.State]++
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(feeds), "states": counts, "feeds": feeds})
}

func (h *api) add(w http.ResponseWriter, r *http.Request) {
	var req AddRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxRequestBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes: send fewer URLs at a time", maxRequestBody))
			return
		}
		writeError(w, http.StatusBadRequest, "body: "+err.Error()+` (want {"url": "https://…", "interval": "30m", "tags": ["…"]})`)
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		writeError(w, http.StatusBadRequest, "body: one JSON object only")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 60*time.Second)
	defer cancel()
	feeds, added, err := h.s.Apply(ctx, req)
	if err != nil {
		h.fail(w, err)
		return
	}
	status := http.StatusOK
	if added > 0 {
		status = http.StatusCreated
	}
	writeJSON(w, status, map[string]any{"added": added, "feeds": feeds})
}

func (h *api) remove(w http.ResponseWriter, r *http.Request) {
	u := r.URL.Query().Get("url")
	if u == "" {
		writeError(w, http.StatusBadRequest, "name the feed: DELETE /api/feeds?url=https://…")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	if err := h.s.Remove(ctx, u); err != nil {
		h.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"removed": u})
}

func (h *api) fail(w http.ResponseWriter, err error) {
	var invalid *InvalidError
	switch {
	case errors.As(err, &invalid):
		writeError(w, http.StatusBadRequest, err.Error())
	case errors.Is(err, ErrNoFeed):
		writeError(w, http.StatusNotFound, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusGatewayTimeout, "the feed set did not answer in time; try again")
	default:
		h.log.Error("feed set request failed", "err", err)
		writeError(w, http.StatusServiceUnavailable, "the feed set cannot be reached: "+err.Error())
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
