package alert

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// A digest rule's matches wait in the digest stream (defwatch.digest.<rule>)
// until their period ends; then one message on defwatch.alerts.<rule>
// lists them, and only after that message is stored are they
// acknowledged, so a crash in between sends the digest again rather than
// losing it (and the same messages give the same Nats-Msg-Id, which the
// alerts stream drops).

// digestMax is the most matches one digest message lists; a period with
// more sends several.
const digestMax = 200

// sendDigests sends the digest of every digest rule whose period has
// ended since its last one.
func (al *Alerter) sendDigests(ctx context.Context, now time.Time) {
	al.mu.Lock()
	var due []defwatch.Rule
	for name, r := range al.byName {
		if r.Digest > 0 && now.Truncate(time.Duration(r.Digest)).After(al.digests[name]) {
			due = append(due, r)
		}
	}
	al.mu.Unlock()
	for _, r := range due {
		end := now.Truncate(time.Duration(r.Digest))
		// One replica sends a period's digest: the one that claims it.
		if al.digestOwned[r.Name] != end {
			won, err := al.claim(ctx, []string{digestKey(r.Name, end)}, claimSent)
			if err != nil {
				al.log.Warn("digest not claimed, will retry", "rule", r.Name, "err", err)
				continue
			}
			if !won[0] {
				al.mu.Lock()
				al.digests[r.Name] = end // another replica's
				al.mu.Unlock()
				continue
			}
			al.digestOwned[r.Name] = end
		}
		if err := al.sendDigest(ctx, r, end); err != nil {
			if ctx.Err() == nil {
				al.log.Warn("digest not sent, will retry", "rule", r.Name, "err", err)
			}
			continue
		}
		al.mu.Lock()
		al.digests[r.Name] = end
		al.mu.Unlock()
	}
}

// sendDigest sends r's matches from before end.
func (al *Alerter) sendDigest(ctx context.Context, r defwatch.Rule, end time.Time) error {
	cons, err := al.js.CreateOrUpdateConsumer(ctx, defwatch.StreamDigest, jetstream.ConsumerConfig{
		Durable:       digestConsumer(r.Name),
		FilterSubject: defwatch.SubjectDigest + "." + r.Name,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       2 * time.Minute,
		MaxAckPending: digestMax,
	})
	if err != nil {
		return fmt.Errorf("consumer: %w", err)
	}
	for {
		batch, err := cons.FetchNoWait(digestMax)
		if err != nil {
			return fmt.Errorf("fetch: %w", err)
		}
		var msgs []jetstream.Msg
		var matches []defwatch.Alert
		var first, last uint64
		from := end.Add(-time.Duration(r.Digest))
		for m := range batch.Messages() {
			md, err := m.Metadata()
			if err != nil {
				_ = m.Nak()
				continue
			}
			if !md.Timestamp.Before(end) {
				_ = m.Nak() // the next period's
				continue
			}
			var a defwatch.Alert
			if err := json.Unmarshal(m.Data(), &a); err != nil || a.Summary == nil {
				al.log.Error("digest entry unreadable, dropped", "rule", r.Name, "err", err)
				_ = m.Term()
				continue
			}
			if first == 0 {
				first = md.Sequence.Stream
			}
			last = md.Sequence.Stream
			if t := md.Timestamp.Truncate(time.Duration(r.Digest)); t.Before(from) {
				from = t // held over from periods nobody sent (defwatch was down)
			}
			msgs = append(msgs, m)
			matches = append(matches, a)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, jetstream.ErrNoMessages) && !errors.Is(err, nats.ErrTimeout) {
			return fmt.Errorf("fetch: %w", err)
		}
		if len(matches) == 0 {
			return nil
		}
		d := defwatch.Alert{Kind: defwatch.AlertDigest, Rule: r.Name, Query: r.Query,
			From: from.UTC(), To: end.UTC(), Matches: matches, Sent: time.Now().UTC()}
		data, err := json.Marshal(d)
		if err != nil {
			return err
		}
		msg := &nats.Msg{Subject: defwatch.SubjectAlerts + "." + r.Name, Data: data, Header: nats.Header{}}
		msg.Header.Set(jetstream.MsgIDHeader, r.Name+":digest:"+strconv.FormatUint(first, 10)+"-"+strconv.FormatUint(last, 10))
		if _, err := al.js.PublishMsg(ctx, msg); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		for _, m := range msgs {
			if err := m.Ack(); err != nil {
				al.log.Warn("digest entry not acknowledged; the next digest repeats it", "rule", r.Name, "err", err)
			}
		}
		al.log.Info("digest sent", "rule", r.Name, "matches", len(matches), "to", end)
		if len(msgs) < digestMax {
			return nil
		}
	}
}

// flushDigest sends what waits for r's digest at once, then forgets the
// digest: the rule no longer has one.
func (al *Alerter) flushDigest(r defwatch.Rule) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := al.sendDigest(ctx, r, time.Now().Add(time.Second)); err != nil {
		al.log.Warn("last digest not sent; its matches stay in the digest stream", "rule", r.Name, "err", err)
		return
	}
	al.mu.Lock()
	defer al.mu.Unlock()
	al.dropDigest(ctx, r.Name)
}

func digestConsumer(rule string) string { return "digest-" + rule }

// dropDigest forgets a removed rule's pending digest. al.mu is held.
func (al *Alerter) dropDigest(ctx context.Context, name string) {
	err := al.js.DeleteConsumer(ctx, defwatch.StreamDigest, digestConsumer(name))
	if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
		al.log.Warn("digest consumer not removed", "rule", name, "err", err)
	}
	s, err := al.js.Stream(ctx, defwatch.StreamDigest)
	if err == nil {
		err = s.Purge(ctx, jetstream.WithPurgeSubject(defwatch.SubjectDigest+"."+name))
	}
	if err != nil {
		al.log.Warn("pending digest not purged", "rule", name, "err", err)
	}
}
