// Package feedset keeps the feed set in JetStream KV, where every ingest
// process, the CLI, the HTTP API and the web page meet: the operator's
// settings of each feed in defwatch_feeds, and the health and schedule
// ingest keeps of it in defwatch_feed_state.
package feedset

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest/jsconfig"
)

// ErrNoFeed: no feed in the set has that URL.
var ErrNoFeed = errors.New("no such feed in the set (see `defwatch feeds list`)")

// InvalidError: a feed's settings are wrong; the message says how.
type InvalidError struct{ msg string }

func (e *InvalidError) Error() string { return e.msg }

func invalid(format string, args ...any) error {
	return &InvalidError{fmt.Sprintf(format, args...)}
}

// Limits on what an operator's request may hold.
const (
	MaxURL  = 2048
	MaxTags = 16
	MaxTag  = 64
)

// State is what ingest keeps of a feed between polls. Only the process
// holding the feed's partition writes it.
type State struct {
	URL string `json:"url"`
	defwatch.FeedHealth
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	// BodyHash spots a feed served again unchanged by a server that sends
	// no validators.
	BodyHash string `json:"body_hash,omitempty"`
	// Recent holds the article ids of the items of the last read, so a
	// feed that changed by one item costs one lookup, not fifty.
	Recent []string `json:"recent,omitempty"`
	// Dates are the newest items' own dates, newest first: the feed's
	// rhythm.
	Dates []time.Time `json:"dates,omitempty"`
	// Found are the times new items were found in the last week.
	Found []time.Time `json:"found,omitempty"`
	// Polled is when the feed was last polled with validators saved; old
	// records (ETag and Last-Modified only) have it too.
	Polled time.Time `json:"polled,omitzero"`
}

// Store is the feed set.
type Store struct {
	feeds jetstream.KeyValue
	state jetstream.KeyValue
	now   func() time.Time
}

// Setup creates or updates the feed set's buckets.
func Setup(ctx context.Context, js jetstream.JetStream, replicas int) error {
	for _, cfg := range []jetstream.KeyValueConfig{{
		Bucket:      defwatch.KVFeeds,
		Description: "the feed set: each feed's settings (defwatch feeds, /api/feeds)",
		Replicas:    replicas,
		Storage:     jetstream.FileStorage,
	}, {
		Bucket:      defwatch.KVFeedState,
		Description: "each feed's health, schedule and validators, kept by ingest",
		Replicas:    replicas,
		Storage:     jetstream.FileStorage,
	}} {
		if err := jsconfig.KeyValue(ctx, js, cfg); err != nil {
			return fmt.Errorf("kv %s: %w", cfg.Bucket, err)
		}
	}
	return nil
}

// Open returns the feed set of a running defwatch.
func Open(ctx context.Context, js jetstream.JetStream) (*Store, error) {
	feeds, err := js.KeyValue(ctx, defwatch.KVFeeds)
	if err != nil {
		return nil, fmt.Errorf("feed set (KV %s): %w (has `defwatch run` been started on this NATS server?)", defwatch.KVFeeds, err)
	}
	state, err := js.KeyValue(ctx, defwatch.KVFeedState)
	if err != nil {
		return nil, fmt.Errorf("feed state (KV %s): %w (has `defwatch run` of this version been started on this NATS server?)", defwatch.KVFeedState, err)
	}
	return &Store{feeds: feeds, state: state, now: time.Now}, nil
}

// Feeds is the settings bucket, for ingest to watch.
func (s *Store) Feeds() jetstream.KeyValue { return s.feeds }

// CheckURL says what is wrong with a feed URL, if anything.
func CheckURL(s string) error {
	if len(s) > MaxURL {
		return invalid("URL of %d bytes is too long (at most %d)", len(s), MaxURL)
	}
	u, err := url.Parse(s)
	if err != nil {
		return invalid("%q is not a URL: %v", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return invalid("%q is not an http(s) URL (write it as https://host/path)", s)
	}
	return nil
}

// Check says what is wrong with f's settings, if anything.
func Check(f *defwatch.Feed) error {
	if err := CheckURL(f.URL); err != nil {
		return err
	}
	switch f.Kind {
	case "", defwatch.FeedKindFeed, defwatch.FeedKindSitemap:
	default:
		return invalid("kind %q: use %s or %s", f.Kind, defwatch.FeedKindFeed, defwatch.FeedKindSitemap)
	}
	if d := time.Duration(f.Interval); d != 0 && (d < 30*time.Second || d > 7*24*time.Hour) {
		return invalid("interval %s: must be between 30s and 168h", d)
	}
	if len(f.Tags) > MaxTags {
		return invalid("%d tags: at most %d", len(f.Tags), MaxTags)
	}
	for _, t := range f.Tags {
		if t == "" || len(t) > MaxTag || strings.ContainsAny(t, "\r\n\t") {
			return invalid("tag %q: 1 to %d characters, one line", t, MaxTag)
		}
	}
	return nil
}

// Add puts f in the set unless a feed with its URL is there already; it
// reports whether it was added. Feeds named at start-up go in this way, so
// a restart changes nothing an operator set since.
func (s *Store) Add(ctx context.Context, f defwatch.Feed) (bool, error) {
	f.URL = strings.TrimSpace(f.URL)
	if err := Check(&f); err != nil {
		return false, err
	}
	if f.Kind == "" {
		f.Kind = defwatch.FeedKindFeed
	}
	if f.Added.IsZero() {
		f.Added = s.now().UTC()
	}
	data, err := json.Marshal(f)
	if err != nil {
		return false, err
	}
	if _, err := s.feeds.Create(ctx, defwatch.FeedKey(f.URL), data); err != nil {
		if errors.Is(err, jetstream.ErrKeyExists) {
			return false, nil
		}
		return false, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	return true, nil
}

// Update changes the feed at url with fn, retrying when another writer
// got there first. fn sees ok false when the feed is not in the set;
// returning an error from it changes nothing.
func (s *Store) Update(ctx context.Context, rawURL string, fn func(f *defwatch.Feed, ok bool) error) (*defwatch.Feed, error) {
	key := defwatch.FeedKey(strings.TrimSpace(rawURL))
	for range 10 {
		var f defwatch.Feed
		var rev uint64
		ok := false
		e, err := s.feeds.Get(ctx, key)
		switch {
		case err == nil:
			if err := json.Unmarshal(e.Value(), &f); err != nil {
				return nil, fmt.Errorf("feed %s: stored record unreadable: %w", rawURL, err)
			}
			rev, ok = e.Revision(), true
		case errors.Is(err, jetstream.ErrKeyNotFound):
			f = defwatch.Feed{URL: strings.TrimSpace(rawURL)}
		default:
			return nil, fmt.Errorf("read feed %s: %w", rawURL, err)
		}
		if err := fn(&f, ok); err != nil {
			return nil, err
		}
		if err := Check(&f); err != nil {
			return nil, err
		}
		if f.Kind == "" {
			f.Kind = defwatch.FeedKindFeed
		}
		if f.Added.IsZero() {
			f.Added = s.now().UTC()
		}
		data, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		if ok {
			_, err = s.feeds.Update(ctx, key, data, rev)
		} else {
			_, err = s.feeds.Create(ctx, key, data)
		}
		if err == nil {
			return &f, nil
		}
		if !errors.Is(err, jetstream.ErrKeyExists) && !errors.Is(err, jetstream.ErrKeyRevisionMismatch) {
			return nil, fmt.Errorf("save feed %s: %w", rawURL, err)
		}
	}
	return nil, fmt.Errorf("save feed %s: it kept changing under us; try again", rawURL)
}

// SetEnabled enables or disables the feed at url; why says who disabled
// it and why.
func (s *Store) SetEnabled(ctx context.Context, rawURL string, enabled bool, why string) (*defwatch.Feed, error) {
	return s.Update(ctx, rawURL, func(f *defwatch.Feed, ok bool) error {
		if !ok {
			return fmt.Errorf("%s: %w", rawURL, ErrNoFeed)
		}
		f.Disabled = !enabled
		if enabled {
			f.DisabledBecause, f.DisabledAt = "", time.Time{}
		} else {
			f.DisabledBecause, f.DisabledAt = why, s.now().UTC()
		}
		return nil
	})
}

// Remove takes the feed at url out of the set, with its state. Items
// already published stay in the index.
func (s *Store) Remove(ctx context.Context, rawURL string) error {
	key := defwatch.FeedKey(strings.TrimSpace(rawURL))
	if _, err := s.feeds.Get(ctx, key); err != nil {
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return fmt.Errorf("%s: %w", rawURL, ErrNoFeed)
		}
		return fmt.Errorf("remove feed %s: %w", rawURL, err)
	}
	if err := s.feeds.Purge(ctx, key); err != nil {
		return fmt.Errorf("remove feed %s: %w", rawURL, err)
	}
	if err := s.state.Purge(ctx, key); err != nil && !errors.Is(err, jetstream.ErrKeyNotFound) {
		return fmt.Errorf("remove feed %s state: %w", rawURL, err)
	}
	return nil
}

// Replace puts f in the set in place of the feed at old, keeping old's
// tags and interval: a page that names its feed gives way to the feed.
func (s *Store) Replace(ctx context.Context, old string, f defwatch.Feed) error {
	e, err := s.feeds.Get(ctx, defwatch.FeedKey(old))
	if err == nil {
		var prev defwatch.Feed
		if json.Unmarshal(e.Value(), &prev) == nil {
			f.Tags, f.Interval = prev.Tags, prev.Interval
		}
	}
	if _, err := s.Add(ctx, f); err != nil {
		return err
	}
	if err := s.Remove(ctx, old); err != nil && !errors.Is(err, ErrNoFeed) {
		return err
	}
	return nil
}

// Get returns the feed at url with its health.
func (s *Store) Get(ctx context.Context, rawURL string) (*defwatch.FeedStatus, error) {
	key := defwatch.FeedKey(strings.TrimSpace(rawURL))
	e, err := s.feeds.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, fmt.Errorf("%s: %w", rawURL, ErrNoFeed)
	}
	if err != nil {
		return nil, fmt.Errorf("read feed %s: %w", rawURL, err)
	}
	var fs defwatch.FeedStatus
	if err := json.Unmarshal(e.Value(), &fs.Feed); err != nil {
		return nil, fmt.Errorf("feed %s: stored record unreadable: %w", rawURL, err)
	}
	st, _, err := s.LoadState(ctx, key)
	if err != nil {
		return nil, err
	}
	fs.Health = st.FeedHealth
	fs.State = defwatch.StateOf(fs.Feed, fs.Health)
	return &fs, nil
}

// List returns every feed with its health, failing feeds first.
func (s *Store) List(ctx context.Context) ([]defwatch.FeedStatus, error) {
	feeds := map[string]*defwatch.FeedStatus{}
	err := readAll(ctx, s.feeds, func(key string, value []byte) {
		var f defwatch.FeedStatus
		if json.Unmarshal(value, &f.Feed) == nil && f.URL != "" {
			feeds[key] = &f
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	err = readAll(ctx, s.state, func(key string, value []byte) {
		if f := feeds[key]; f != nil {
			var st State
			if json.Unmarshal(value, &st) == nil {
				f.Health = st.FeedHealth
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list feed state: %w", err)
	}
	out := make([]defwatch.FeedStatus, 0, len(feeds))
	for _, f := range feeds {
		f.State = defwatch.StateOf(f.Feed, f.Health)
		out = append(out, *f)
	}
	defwatch.SortFeeds(out)
	return out, nil
}

// readAll calls fn with every key and value of kv, read as one ordered
// stream rather than a request per key.
func readAll(ctx context.Context, kv jetstream.KeyValue, fn func(key string, value []byte)) error {
	w, err := kv.WatchAll(ctx, jetstream.IgnoreDeletes())
	if err != nil {
		return err
	}
	defer w.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case e, ok := <-w.Updates():
			if !ok {
				return errors.New("watch ended early")
			}
			if e == nil {
				return nil // all current values seen
			}
			fn(e.Key(), e.Value())
		}
	}
}

// LoadState reads the state ingest keeps of the feed with key, and its
// revision (0 when it has none yet).
func (s *Store) LoadState(ctx context.Context, key string) (State, uint64, error) {
	var st State
	e, err := s.state.Get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return st, 0, nil
	}
	if err != nil {
		return st, 0, fmt.Errorf("read feed state: %w", err)
	}
	// A record that does not read costs one unconditional poll.
	_ = json.Unmarshal(e.Value(), &st)
	return st, e.Revision(), nil
}

// SaveState writes a feed's state.
func (s *Store) SaveState(ctx context.Context, key string, st *State) error {
	data, err := json.Marshal(st)
	if err != nil {
		return err
	}
	if _, err := s.state.Put(ctx, key, data); err != nil {
		return fmt.Errorf("save feed state: %w", err)
	}
	return nil
}

// Tags normalises tags from flags or a form: trimmed, no empties, no
// repeats, in the order given.
func Tags(in []string) []string {
	var out []string
	for _, t := range in {
		for _, part := range strings.Split(t, ",") {
			if part = strings.TrimSpace(part); part != "" && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}
