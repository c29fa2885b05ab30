// Package alert tells the world about what the index stage committed: it
// announces new articles on NATS, matches them against the saved searches
// (a percolator over the query language), and sends each match as an
// alert, in a digest or to a webhook, once per rule and story.
package alert

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

// Alerter tells the world about what the index stage committed. Every new
// article is announced on core NATS subjects (defwatch.indexed and one per
// nation, troop owner and meeting kind), and matched against the saved
// searches in the rules bucket; a match is an alert on the alerts stream,
// or an entry in its rule's next digest.
//
// Everything is claimed in the KVAlerted bucket before it goes out, and a
// claim that exists means it went out already: so each rule alerts once
// per story (for a redelivered article, a later copy of a wire story),
// and index replicas that all alert send each announcement, alert and
// digest once. An alert's Nats-Msg-Id is its rule and story too.
type Alerter struct {
	nc      *nats.Conn
	js      jetstream.JetStream
	rules   jetstream.KeyValue
	state   jetstream.KeyValue
	alerted jetstream.KeyValue
	perc    *Percolator
	client  *http.Client
	log     *slog.Logger

	mu       sync.Mutex
	base     context.Context // Run's, which webhooks run under; nil before
	byName   map[string]defwatch.Rule
	webhooks map[string]context.CancelFunc
	digests  map[string]time.Time // each digest rule's last period sent
	// digestOwned is each digest rule's period this process claimed;
	// only the goroutine that sends digests touches it.
	digestOwned map[string]time.Time
	watcher     jetstream.KeyWatcher
	// rulesCreated is when the rules bucket the watch follows was
	// created: a bucket deleted and made again has a new time, and needs
	// a new watch. resync holds the rules a new watch has listed, until
	// it has listed them all. Both are under mu.
	rulesCreated time.Time
	resync       map[string]bool
	// seen holds rule-and-story keys this process claimed or found claimed.
	seen keyMemory

	// mark is the highest articles-stream sequence whose alerts were
	// sent, as last read or written, and markRev its revision in state;
	// replayMark is the mark as it was when this process first read it.
	markMu     sync.Mutex
	mark       uint64
	markRev    uint64
	markLoaded bool
	replayMark uint64
}

// markKey is the key in KVAlerter of the articles-stream sequence below
// which alerts were sent.
const markKey = "articles-seq"

// DigestCheck is how often digest rules are looked at; a digest goes out
// within this long of its period's end.
var DigestCheck = 5 * time.Second

// New loads the saved searches and starts watching them, so that an
// alert for the first batch is not missed. client sends webhooks; nil
// turns them off.
func New(ctx context.Context, nc *nats.Conn, js jetstream.JetStream, client *http.Client, log *slog.Logger) (*Alerter, error) {
	rules, err := js.KeyValue(ctx, defwatch.KVRules)
	if err != nil {
		return nil, fmt.Errorf("alerts: rules bucket %s: %w", defwatch.KVRules, err)
	}
	state, err := js.KeyValue(ctx, defwatch.KVAlerter)
	if err != nil {
		return nil, fmt.Errorf("alerts: state bucket %s: %w", defwatch.KVAlerter, err)
	}
	alerted, err := js.KeyValue(ctx, defwatch.KVAlerted)
	if err != nil {
		return nil, fmt.Errorf("alerts: bucket %s: %w", defwatch.KVAlerted, err)
	}
	al := &Alerter{
		nc: nc, js: js, rules: rules, state: state, alerted: alerted, perc: NewPercolator(), client: client,
		log:    log.With("stage", "alerts"),
		byName: map[string]defwatch.Rule{}, webhooks: map[string]context.CancelFunc{}, digests: map[string]time.Time{},
		seen: keyMemory{max: 100_000}, digestOwned: map[string]time.Time{},
	}
	// The watcher outlives this call: Run reads its updates until its own
	// context ends, then stops it.
	w, err := rules.WatchAll(context.WithoutCancel(ctx))
	if err != nil {
		return nil, fmt.Errorf("alerts: watch rules: %w", err)
	}
	al.watcher = w
	if al.rulesCreated, err = bucketCreated(ctx, rules); err != nil {
		_ = w.Stop()
		return nil, fmt.Errorf("alerts: rules bucket %s: %w", defwatch.KVRules, err)
	}
	al.perc.Hold()
	for {
		select {
		case e := <-w.Updates():
			if e == nil { // every rule there is has been read
				al.perc.Release()
				al.log.Info("saved searches loaded", "rules", al.perc.Len())
				return al, nil
			}
			al.apply(ctx, e)
		case <-ctx.Done():
			_ = w.Stop()
			return nil, ctx.Err()
		}
	}
}

// Rules is the number of saved searches in force.
func (al *Alerter) Rules() int { return al.perc.Len() }

// WantsAnalysis says whether the analysis a commit made of a is worth
// keeping for matching: while there are saved searches, for news. An
// older article, which comes with a backfill, is analysed again if a
// saved search is to match it, so that a backfill's thousands of
// analyses are not held while its months are committed.
func (al *Alerter) WantsAnalysis(a *defwatch.Article) bool {
	return al.perc.Len() > 0 && index.IsNews(a, time.Now())
}

// apply takes one change of the rules bucket.
func (al *Alerter) apply(ctx context.Context, e jetstream.KeyValueEntry) {
	name := e.Key()
	if e.Operation() != jetstream.KeyValuePut {
		al.remove(ctx, name)
		return
	}
	al.mu.Lock()
	defer al.mu.Unlock()
	var r defwatch.Rule
	if err := json.Unmarshal(e.Value(), &r); err != nil {
		al.log.Error("saved search unreadable, ignored", "rule", name, "err", err)
		return
	}
	r.Name = name
	if err := al.perc.Set(name, r.Query); err != nil {
		// `defwatch alerts add` refuses such queries; one written into the
		// bucket by other means is logged and skipped.
		al.log.Error("saved search ignored", "rule", name, "err", err)
		return
	}
	old, had := al.byName[name]
	al.byName[name] = r
	if had && old.Digest > 0 && r.Digest == 0 {
		// Matches waiting for the digest go out now, in a last one.
		go al.flushDigest(old)
	}
	if old.Webhook != r.Webhook {
		if old.Webhook != "" {
			al.stopWebhook(ctx, name, r.Webhook == "")
		}
		if r.Webhook != "" {
			al.startWebhook(ctx, r)
		}
	}
	al.log.Info("saved search in force", "rule", name, "query", r.Query,
		"digest", time.Duration(r.Digest).String(), "webhook", r.Webhook != "")
}

// remove takes a saved search out of force.
func (al *Alerter) remove(ctx context.Context, name string) {
	al.mu.Lock()
	defer al.mu.Unlock()
	al.perc.Delete(name)
	delete(al.byName, name)
	delete(al.digests, name)
	al.stopWebhook(ctx, name, true)
	al.dropDigest(ctx, name)
	al.log.Info("saved search removed", "rule", name)
}

// startWebhook starts delivering r's alerts to its webhook. al.mu is held.
func (al *Alerter) startWebhook(ctx context.Context, r defwatch.Rule) {
	if al.client == nil {
		al.log.Warn("webhooks are off here; the rule's alerts stay on NATS", "rule", r.Name)
		return
	}
	if al.base == nil {
		return // Run starts it
	}
	wctx, cancel := context.WithCancel(al.base)
	al.webhooks[r.Name] = cancel
	go func() {
		// Creating the consumer can fail while NATS is away: try again
		// until it works or the rule changes.
		for attempt := uint64(1); wctx.Err() == nil; attempt++ {
			w, err := NewWebhook(wctx, al.js, r, al.client, al.log)
			if err == nil {
				_ = w.Run(wctx)
				return
			}
			al.log.Warn("webhook not started, will retry", "rule", r.Name, "err", err)
			defwatch.Sleep(wctx, defwatch.RetryDelay(attempt))
		}
	}()
}

// stopWebhook stops the rule's delivery, and with drop also removes its
// consumer. al.mu is held.
func (al *Alerter) stopWebhook(ctx context.Context, name string, drop bool) {
	if cancel, ok := al.webhooks[name]; ok {
		cancel()
		delete(al.webhooks, name)
	}
	if drop && al.client != nil {
		if err := DeleteWebhook(ctx, al.js, name); err != nil {
			al.log.Warn("webhook consumer not removed", "rule", name, "err", err)
		}
	}
}

// Run follows changes of the saved searches and sends digests until ctx
// ends.
func (al *Alerter) Run(ctx context.Context) error {
	defer func() { _ = al.watcher.Stop() }()
	al.mu.Lock()
	al.base = ctx
	for _, r := range al.byName {
		if r.Webhook != "" {
			al.startWebhook(ctx, r)
		}
	}
	al.mu.Unlock()
	// Digests are sent beside the watch, so a slow one never holds back a
	// change of the rules.
	digests := make(chan struct{})
	go func() {
		defer close(digests)
		tick := time.NewTicker(DigestCheck)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case now := <-tick.C:
				al.sendDigests(ctx, now)
			}
		}
	}()
	defer func() { <-digests }()
	check := time.NewTicker(RulesCheck)
	defer check.Stop()
	for {
		select {
		case <-check.C:
			al.checkWatch(ctx)
		case <-ctx.Done():
			al.mu.Lock()
			for name := range al.webhooks {
				al.stopWebhook(ctx, name, false)
			}
			al.mu.Unlock()
			return nil
		case e, ok := <-al.watcher.Updates():
			if !ok {
				return errors.New("alerts: the rules watch ended")
			}
			al.mu.Lock()
			resyncing := al.resync != nil
			if e != nil && resyncing {
				al.resync[e.Key()] = true
			}
			al.mu.Unlock()
			switch {
			case e != nil:
				al.apply(ctx, e)
			case resyncing:
				al.dropUnlisted(ctx)
			}
		}
	}
}

// RulesCheck is how often the alerter makes sure its rules bucket is
// still there.
var RulesCheck = 2 * time.Second

// checkWatch watches the rules again once their bucket was deleted and
// made again: a watch of a deleted bucket hears nothing more, and rules
// added to the new one would never take effect.
func (al *Alerter) checkWatch(ctx context.Context) {
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	created, err := bucketCreated(cctx, al.rules)
	if err != nil {
		if ctx.Err() == nil {
			al.log.Warn("the rules bucket cannot be read; saved searches stay as they were until it is back", "err", err)
		}
		return
	}
	al.mu.Lock()
	same := created.Equal(al.rulesCreated)
	al.mu.Unlock()
	if same {
		return
	}
	w, err := al.rules.WatchAll(context.WithoutCancel(ctx))
	if err != nil {
		al.log.Warn("watch the rules bucket again", "err", err)
		return
	}
	_ = al.watcher.Stop()
	al.watcher = w
	al.mu.Lock()
	al.rulesCreated, al.resync = created, map[string]bool{}
	al.mu.Unlock()
	al.log.Warn("the rules bucket was made again; reading the saved searches again")
}

// Ready says whether the saved searches in force are those of the rules
// bucket as it is: not while it is missing, nor while a new one is read.
func (al *Alerter) Ready(ctx context.Context) error {
	created, err := bucketCreated(ctx, al.rules)
	if err != nil {
		return fmt.Errorf("saved searches: %w", err)
	}
	al.mu.Lock()
	defer al.mu.Unlock()
	if !created.Equal(al.rulesCreated) || al.resync != nil {
		return errors.New("saved searches: the rules bucket was made again and is being read")
	}
	return nil
}

// bucketCreated is when a bucket's stream was created.
func bucketCreated(ctx context.Context, kv jetstream.KeyValue) (time.Time, error) {
	st, err := kv.Status(ctx)
	if err != nil {
		return time.Time{}, err
	}
	if s, ok := st.(*jetstream.KeyValueBucketStatus); ok && s.StreamInfo() != nil {
		return s.StreamInfo().Created, nil
	}
	return time.Time{}, nil
}

// dropUnlisted removes the rules a new watch did not list: they went with
// the old bucket.
func (al *Alerter) dropUnlisted(ctx context.Context) {
	al.mu.Lock()
	var gone []string
	for name := range al.byName {
		if !al.resync[name] {
			gone = append(gone, name)
		}
	}
	al.mu.Unlock()
	for _, name := range gone {
		al.remove(ctx, name)
	}
	al.mu.Lock()
	al.resync = nil
	al.mu.Unlock()
	al.log.Info("saved searches read again", "rules", al.perc.Len())
}

// OnCommit announces and matches a committed batch; it is the index
// stage's IndexerConfig.OnCommit. It returns once every alert is stored in
// its stream, so the batch may be acknowledged; an error leaves the batch
// to come again, and the claims then say which alerts still have to go.
func (al *Alerter) OnCommit(ctx context.Context, batch []index.Committed) error {
	// The stage finishes the batch in hand when it is told to stop.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	var fresh []index.Committed
	var last uint64
	for _, c := range batch {
		// A rebuilt index reads the stream again from its start: what was
		// alerted before it was lost is not alerted again. A redelivery is
		// not part of that: it comes again because a try of this index's
		// own stopped before it was acknowledged, and perhaps before it
		// was announced; the claims say what went out.
		if c.Replay && !c.Redelivered {
			sent, err := al.sentUpTo(ctx)
			if err != nil {
				return err
			}
			if c.Seq <= sent {
				continue // alerted before this index was built
			}
		}
		last = max(last, c.Seq)
		// A redelivered article may have been committed by a try that
		// stopped before announcing or alerting it: it is no longer new
		// to the index, and only the claims say what went out.
		if c.New || c.Redelivered {
			fresh = append(fresh, c)
		}
	}
	if err := al.announceAll(ctx, fresh); err != nil {
		return err
	}
	if err := al.alert(ctx, fresh); err != nil {
		return err
	}
	return al.sentThrough(ctx, last)
}

// announceAll announces the articles no other index replica or earlier
// try announced. Each is claimed first, as alerts are, and the claim stays
// pending until the announcement has reached the server: a stage stopped
// in between announces it again on the article's redelivery, where a claim
// marked sent first would have lost it for good.
func (al *Alerter) announceAll(ctx context.Context, batch []index.Committed) error {
	// What this process announced already is not announced again,
	// whatever its claim says: a batch comes again when a later step
	// failed, and its claims may have stayed pending too when the server
	// was away (a lost cluster node), though the announcements went out.
	todo := make([]index.Committed, 0, len(batch))
	keys := make([]string, 0, len(batch))
	for _, c := range batch {
		if k := announcedKey(c.Article.ID); !al.seen.has(k) {
			todo, keys = append(todo, c), append(keys, k)
		}
	}
	batch = todo
	if len(batch) == 0 {
		return nil
	}
	won, err := al.claim(ctx, keys, claimPending)
	if err != nil {
		return fmt.Errorf("alerts: announce: %w", err)
	}
	for i, c := range batch {
		if !won[i] && c.Redelivered {
			e, err := al.alerted.Get(ctx, keys[i])
			won[i] = err == nil && string(e.Value()) == claimPending
		}
	}
	var claimed []string
	for i, c := range batch {
		if won[i] {
			al.announce(c.Indexed)
			claimed = append(claimed, keys[i])
		}
	}
	if len(claimed) == 0 {
		return nil
	}
	// Core NATS publishes are buffered in the client: only a flush says
	// the server has them.
	if err := al.nc.FlushWithContext(ctx); err != nil {
		al.unclaim(ctx, claimed)
		return fmt.Errorf("alerts: announce: %w", err)
	}
	for _, k := range claimed {
		al.seen.add(k)
	}
	al.settle(ctx, claimed)
	return nil
}

// announce publishes the article on the entity subjects. Announcements are
// live only: nothing stores them, and a subscriber that is away misses
// them (a saved search is the way to miss nothing).
func (al *Alerter) announce(it index.Indexed) {
	data, err := json.Marshal(defwatch.Summarize(it.Article, it.Story, time.Now().UTC()))
	if err != nil {
		al.log.Error("announcement not made", "id", it.Article.ID, "err", err)
		return
	}
	for _, subj := range announceSubjects(it.Article) {
		if err := al.nc.Publish(subj, data); err != nil {
			al.log.Warn("announcement not published", "subject", subj, "err", err)
		}
	}
}

// announceSubjects are the subjects an article is announced on, each once.
func announceSubjects(a *defwatch.Article) []string {
	subjects := []string{defwatch.SubjectIndexed}
	add := func(prefix, token string) {
		token = subjectToken(token)
		if s := prefix + "." + token; token != "" && !slices.Contains(subjects, s) {
			subjects = append(subjects, s)
		}
	}
	for _, n := range a.Nations {
		add(defwatch.SubjectNations, n.Code)
	}
	for _, t := range a.Troops {
		owner := t.Nation
		if owner == "" {
			owner = "XX" // whose troops the text does not say
		}
		add(defwatch.SubjectTroops, owner)
	}
	for _, m := range a.Meetings {
		add(defwatch.SubjectMeetings, strings.ToLower(m.Kind))
	}
	return subjects
}

// subjectToken makes s safe as one token of a subject: no dots, spaces or
// wildcards.
func subjectToken(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '.' || r == '*' || r == '>' || r <= ' ' || r == 0x7f:
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
}

// alert matches the articles against every saved search and publishes
// the alerts and digest entries, waiting for the stream to store each.
func (al *Alerter) alert(ctx context.Context, batch []index.Committed) error {
	if len(batch) == 0 || al.perc.Len() == 0 {
		return nil
	}
	items := make([]index.Indexed, len(batch))
	for i, c := range batch {
		items[i] = c.Indexed
	}
	now := time.Now().UTC()
	matches := al.perc.MatchBatch(items, now)
	// Which matched rules are still there, and which gather a digest.
	digest := map[string]bool{}
	al.mu.Lock()
	for _, ms := range matches {
		for _, m := range ms {
			if r, ok := al.byName[m.Rule]; ok {
				digest[m.Rule] = r.Digest > 0
			}
		}
	}
	al.mu.Unlock()
	// Each rule and story once: a key this process claimed or saw claimed
	// is settled without asking the server again (most of a wire story's
	// copies), and the alert itself is built only for a claim won.
	type pending struct {
		key   string
		it    index.Indexed
		m     RuleMatch
		again bool // delivered before
	}
	var todo []pending
	inBatch := map[string]bool{}
	for i, ms := range matches {
		for _, m := range ms {
			if _, ok := digest[m.Rule]; !ok {
				continue // removed since the match
			}
			key := alertedKey(m.Rule, items[i].Story)
			if inBatch[key] || al.seen.has(key) {
				continue
			}
			inBatch[key] = true
			todo = append(todo, pending{key, items[i], m, batch[i].Redelivered})
		}
	}
	if len(todo) == 0 {
		return nil
	}
	keys := make([]string, len(todo))
	for i, p := range todo {
		keys[i] = p.key
	}
	won, err := al.claim(ctx, keys, claimPending)
	if err != nil {
		return err
	}
	// A claim still pending on a redelivered article is this stage's own,
	// from a try that stopped before its alert was stored: it goes again
	// (with the same Nats-Msg-Id, which the stream drops if it was stored).
	for i, p := range todo {
		if !won[i] && p.again {
			e, err := al.alerted.Get(ctx, p.key)
			won[i] = err == nil && string(e.Value()) == claimPending
		}
	}
	var acks []jetstream.PubAckFuture
	var claimed []string
	giveBack := func(from int) {
		// This claim and the ones not yet used; those already in flight
		// come back with their acks.
		for j := from; j < len(todo); j++ {
			if won[j] {
				claimed = append(claimed, keys[j])
			}
		}
		al.unclaim(ctx, claimed)
	}
	for i, p := range todo {
		if !won[i] {
			continue
		}
		subject := defwatch.SubjectAlerts + "." + p.m.Rule
		if digest[p.m.Rule] {
			subject = defwatch.SubjectDigest + "." + p.m.Rule
		}
		sum := defwatch.Summarize(p.it.Article, p.it.Story, now)
		data, err := json.Marshal(defwatch.Alert{Kind: defwatch.AlertMatch, Rule: p.m.Rule, Query: p.m.Query,
			Summary: &sum, Snippet: p.m.Snippet(), Sent: now})
		if err != nil {
			giveBack(i)
			return fmt.Errorf("alerts: %s: %w", p.m.Rule, err)
		}
		msg := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, p.m.Rule+":"+p.it.Story)
		f, err := al.js.PublishMsgAsync(msg)
		if err != nil {
			giveBack(i)
			return fmt.Errorf("alerts: publish %s: %w", subject, err)
		}
		acks = append(acks, f)
		claimed = append(claimed, p.key)
	}
	for _, f := range acks {
		var err error
		select {
		case <-f.Ok():
		case err = <-f.Err():
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			// Give the claims back, so the batch's next delivery sends them.
			al.unclaim(ctx, claimed)
			return fmt.Errorf("alerts: publish %s: %w", f.Msg().Subject, err)
		}
	}
	al.settle(ctx, claimed)
	for _, k := range keys {
		al.seen.add(k)
	}
	al.log.Debug("alerts published", "sent", len(acks), "folded", len(todo)-len(acks))
	return nil
}

// Claim values: an alert's claim is pending until the alert is stored.
const (
	claimPending = "pending"
	claimSent    = "sent"
)

// settle marks the claims of stored alerts sent. One left pending only
// means a redelivery of its article would send the alert again.
func (al *Alerter) settle(ctx context.Context, keys []string) {
	var futures []jetstream.PubAckFuture
	for _, k := range keys {
		f, err := al.js.PublishAsync("$KV."+defwatch.KVAlerted+"."+k, []byte(claimSent))
		if err != nil {
			al.log.Warn("alert claim left pending", "key", k, "err", err)
			continue
		}
		futures = append(futures, f)
	}
	for _, f := range futures {
		select {
		case <-f.Ok():
		case err := <-f.Err():
			al.log.Warn("alert claim left pending", "subject", f.Msg().Subject, "err", err)
		case <-ctx.Done():
			return
		}
	}
}

// keyMemory remembers recent keys in two generations: when the newer
// fills up, the older is dropped, so it holds between max and 2*max.
type keyMemory struct {
	mu       sync.Mutex
	cur, old map[string]struct{}
	max      int
}

func (m *keyMemory) has(k string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	_, a := m.cur[k]
	_, b := m.old[k]
	return a || b
}

func (m *keyMemory) add(k string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.cur == nil || len(m.cur) >= m.max {
		m.old, m.cur = m.cur, make(map[string]struct{}, m.max/4)
	}
	m.cur[k] = struct{}{}
}

// Keys in KVAlerted: RULE.STORY for an alert; =announced.ID for an
// announcement and =digest.RULE.END for a digest ("=" is in no rule name).

// alertedKey is the key that records the rule's alert for a story.
func alertedKey(rule, story string) string { return rule + "." + keyPart(story) }

func announcedKey(id string) string { return "=announced." + keyPart(id) }

func digestKey(rule string, end time.Time) string {
	return "=digest." + rule + "." + strconv.FormatInt(end.Unix(), 10)
}

// keyPart is s, or a hash of it when s cannot be part of a key.
func keyPart(s string) string {
	if keySafe(s) {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:12])
}

func keySafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return s != "" && len(s) <= 128
}

// claim creates each key in KVAlerted with value unless it exists, all in
// flight at once, and says which it created.
func (al *Alerter) claim(ctx context.Context, keys []string, value string) ([]bool, error) {
	futures := make([]jetstream.PubAckFuture, len(keys))
	for i, k := range keys {
		msg := &nats.Msg{Subject: "$KV." + defwatch.KVAlerted + "." + k, Data: []byte(value), Header: nats.Header{}}
		msg.Header.Set(jetstream.ExpectedLastSubjSeqHeader, "0")
		f, err := al.js.PublishMsgAsync(msg)
		if err != nil {
			return nil, fmt.Errorf("alerts: claim %s: %w", k, err)
		}
		futures[i] = f
	}
	won := make([]bool, len(keys))
	var failed error
	for i, f := range futures {
		select {
		case <-f.Ok():
			won[i] = true
		case err := <-f.Err():
			var apiErr *jetstream.APIError
			if errors.As(err, &apiErr) && (apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
				apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant) {
				continue // claimed before
			}
			failed = fmt.Errorf("alerts: claim %s: %w", keys[i], err)
		case <-ctx.Done():
			failed = fmt.Errorf("alerts: claim: %w", ctx.Err())
		}
	}
	if failed != nil {
		var mine []string
		for i, k := range keys {
			if won[i] {
				mine = append(mine, k)
			}
		}
		al.unclaim(ctx, mine)
		return nil, failed
	}
	return won, nil
}

// unclaim removes claims whose alerts did not go out, leaving no marker
// behind, so the next try can claim them again.
func (al *Alerter) unclaim(ctx context.Context, keys []string) {
	s, err := al.js.Stream(ctx, "KV_"+defwatch.KVAlerted)
	if err != nil {
		al.log.Error("alert claims not given back; those alerts are lost", "err", err)
		return
	}
	for _, k := range keys {
		if err := s.Purge(ctx, jetstream.WithPurgeSubject("$KV."+defwatch.KVAlerted+"."+k)); err != nil {
			al.log.Error("alert claim not given back; its alert is lost", "key", k, "err", err)
		}
	}
}

// sentUpTo is the articles-stream sequence up to which alerts were sent
// before this process began, read once.
func (al *Alerter) sentUpTo(ctx context.Context) (uint64, error) {
	al.markMu.Lock()
	defer al.markMu.Unlock()
	if !al.markLoaded {
		if err := al.loadMark(ctx); err != nil {
			return 0, err
		}
		al.markLoaded, al.replayMark = true, al.mark
	}
	return al.replayMark, nil
}

func (al *Alerter) loadMark(ctx context.Context) error {
	e, err := al.state.Get(ctx, markKey)
	switch {
	case errors.Is(err, jetstream.ErrKeyNotFound):
		al.mark, al.markRev = 0, 0
		return nil
	case err != nil:
		return fmt.Errorf("alerts: read %s: %w", markKey, err)
	}
	v, err := strconv.ParseUint(string(e.Value()), 10, 64)
	if err != nil {
		return fmt.Errorf("alerts: %s holds %q: %w", markKey, e.Value(), err)
	}
	al.mark, al.markRev = v, e.Revision()
	return nil
}

// sentThrough records that alerts were sent up to seq, unless a higher
// mark is there already (another replica's).
func (al *Alerter) sentThrough(ctx context.Context, seq uint64) error {
	if seq == 0 {
		return nil
	}
	al.markMu.Lock()
	defer al.markMu.Unlock()
	for range 5 {
		if seq <= al.mark && al.markLoaded {
			return nil
		}
		val := []byte(strconv.FormatUint(seq, 10))
		var rev uint64
		var err error
		if al.markRev == 0 {
			rev, err = al.state.Create(ctx, markKey, val)
		} else {
			rev, err = al.state.Update(ctx, markKey, val, al.markRev)
		}
		if err == nil {
			if !al.markLoaded {
				al.replayMark = 0 // there was no mark when this process began
			}
			al.mark, al.markRev, al.markLoaded = seq, rev, true
			return nil
		}
		// Someone else wrote it: read theirs and compare again.
		if err := al.loadMark(ctx); err != nil {
			return err
		}
		if !al.markLoaded {
			al.markLoaded, al.replayMark = true, al.mark
		}
	}
	return fmt.Errorf("alerts: %s keeps changing under us", markKey)
}
