package alert

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
	"github.com/defwatch/defwatch/index/query"
)

// Errors of the saved-search store.
var (
	// ErrBadRule: a rule the alerter could not use; the error says why.
	ErrBadRule = errors.New("bad saved search")
	// ErrNoRule: no saved search has that name.
	ErrNoRule = errors.New("no saved search by that name")
)

// Limits on one rule, so the bucket holds searches and not documents.
const (
	MaxRuleQuery = 2000 // bytes of query
	MaxWebhook   = 2000 // bytes of webhook URL
	MaxRules     = 10000
)

// RuleStore keeps the saved searches in the KV bucket defwatch_rules,
// which every index process watches: a change there applies at once. The
// CLI, the web page and the API all change rules through it, so each
// refuses the same rules for the same reasons.
type RuleStore struct {
	kv  jetstream.KeyValue
	now func() time.Time
	// CheckWebhook, when set, vets a rule's webhook address before Put
	// saves it: the process that wires the store knows whether its index
	// stage may send to private addresses, which this package does not.
	CheckWebhook func(ctx context.Context, rawURL string) error
}

// NewRuleStore keeps saved searches in kv.
func NewRuleStore(kv jetstream.KeyValue) *RuleStore {
	return &RuleStore{kv: kv, now: time.Now}
}

// CheckRule refuses a rule the alerter could not use, saying why and what
// to write instead; the error wraps ErrBadRule.
func CheckRule(r defwatch.Rule, now time.Time) error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrBadRule, fmt.Sprintf(format, args...))
	}
	if !defwatch.ValidRuleName(r.Name) {
		return bad("name %q: use letters, digits, - and _ only, at most 64 (it names the subject defwatch.alerts.NAME)", r.Name)
	}
	if strings.TrimSpace(r.Query) == "" {
		return bad("the query is empty: give one in the search language, e.g. 'nation:UA troops:>=1000'")
	}
	if len(r.Query) > MaxRuleQuery {
		return bad("the query is %d bytes: at most %d", len(r.Query), MaxRuleQuery)
	}
	if _, err := query.Parse(r.Query, now); err != nil {
		return bad("query %q: %s", r.Query, strings.TrimPrefix(err.Error(), defwatch.ErrBadQuery.Error()+": "))
	}
	if d := time.Duration(r.Digest); d < 0 || d > 0 && d < time.Minute {
		return bad("digest %s: give a period of a minute or more, e.g. 1h", d)
	}
	if d := time.Duration(r.Digest); d > 31*24*time.Hour {
		return bad("digest %s: give a period of a month or less, e.g. 24h", d)
	}
	if r.Webhook != "" {
		u, err := url.Parse(r.Webhook)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(r.Webhook) > MaxWebhook {
			return bad("webhook %q: want an http:// or https:// URL of at most %d bytes", clip(r.Webhook, 100), MaxWebhook)
		}
	}
	return nil
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}

// List returns every saved search, by name. A rule that cannot be read is
// left out and named in the error beside the others.
func (s *RuleStore) List(ctx context.Context) ([]defwatch.Rule, error) {
	keys, err := s.kv.ListKeys(ctx)
	if err != nil {
		return nil, fmt.Errorf("alerts: list saved searches: %w", err)
	}
	defer keys.Stop()
	var rules []defwatch.Rule
	var errs []error
	for name := range keys.Keys() {
		r, err := s.Get(ctx, name)
		switch {
		case errors.Is(err, ErrNoRule):
			continue // removed meanwhile
		case err != nil:
			errs = append(errs, err)
			continue
		}
		rules = append(rules, r)
		if len(rules) == MaxRules {
			break
		}
	}
	slices.SortFunc(rules, func(a, b defwatch.Rule) int { return strings.Compare(a.Name, b.Name) })
	return rules, errors.Join(errs...)
}

// Get returns the saved search name, or ErrNoRule.
func (s *RuleStore) Get(ctx context.Context, name string) (defwatch.Rule, error) {
	if !defwatch.ValidRuleName(name) {
		return defwatch.Rule{}, fmt.Errorf("%q: %w", name, ErrNoRule)
	}
	e, err := s.kv.Get(ctx, name)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return defwatch.Rule{}, fmt.Errorf("%q: %w", name, ErrNoRule)
	}
	if err != nil {
		return defwatch.Rule{}, fmt.Errorf("alerts: read %s: %w", name, err)
	}
	var r defwatch.Rule
	if err := json.Unmarshal(e.Value(), &r); err != nil {
		return defwatch.Rule{}, fmt.Errorf("alerts: %s is unreadable: %w (remove it and add it again)", name, err)
	}
	r.Name = name
	return r, nil
}

// Put saves r after CheckRule, replacing a rule of the same name (which
// keeps its creation time), and says whether it is new.
func (s *RuleStore) Put(ctx context.Context, r defwatch.Rule) (created bool, err error) {
	if err := CheckRule(r, s.now()); err != nil {
		return false, err
	}
	if r.Webhook != "" && s.CheckWebhook != nil {
		if err := s.CheckWebhook(ctx, r.Webhook); err != nil {
			return false, fmt.Errorf("%w: %w", ErrBadRule, err)
		}
	}
	r.Created = s.now().UTC()
	old, err := s.Get(ctx, r.Name)
	switch {
	case err == nil:
		if !old.Created.IsZero() {
			r.Created = old.Created
		}
	case errors.Is(err, ErrNoRule):
		created = true
	default:
		// Unreadable: the new rule replaces it.
	}
	data, err := json.Marshal(r)
	if err != nil {
		return false, err
	}
	if _, err := s.kv.Put(ctx, r.Name, data); err != nil {
		return false, fmt.Errorf("alerts: save %s: %w", r.Name, err)
	}
	return created, nil
}

// Delete removes the saved search name, or says ErrNoRule.
func (s *RuleStore) Delete(ctx context.Context, name string) error {
	if _, err := s.Get(ctx, name); errors.Is(err, ErrNoRule) {
		return err
	}
	if err := s.kv.Delete(ctx, name); err != nil {
		return fmt.Errorf("alerts: remove %s: %w", name, err)
	}
	return nil
}
