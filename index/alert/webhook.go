package alert

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

const (
	// webhookPrefix starts the name of every rule's webhook consumer.
	webhookPrefix = "webhook-"
	// webhookURLKey is the consumer Metadata key that records a hash of the
	// URL the consumer delivers to, so a changed URL can be noticed on start
	// without the URL (which may carry a secret) showing in consumer info.
	webhookURLKey = "webhook_url_sha256"
	// webhookRequestTimeout bounds one POST even when the client has no
	// timeout of its own.
	webhookRequestTimeout = 30 * time.Second
	// maxRetryAfter caps how long a receiver's Retry-After can hold an alert
	// back; a receiver asking for a day would otherwise stall the rule.
	maxRetryAfter = time.Hour
	// webhookUserAgent names defwatch to the receiver.
	webhookUserAgent = "defwatch-webhook"
)

// Webhook POSTs the alerts of one rule to its URL.
//
// Its consumer hands out one alert at a time (MaxAckPending 1), so the
// receiver sees the alerts in the order they were published, and a receiver
// that is down gets one retry at a time instead of the whole backlog. Every
// request carries the alert's Nats-Msg-Id as Idempotency-Key: an alert can
// arrive twice (when its acknowledgement is lost) and the key lets the
// receiver drop the repeat.
type Webhook struct {
	rule   string
	url    string
	cons   jetstream.Consumer
	client *http.Client
	log    *slog.Logger

	// backoff is how long to wait after an alert's n-th failed delivery;
	// tests shorten it.
	backoff func(n uint64) time.Duration
	// pull is the longest one fetch waits for an alert.
	pull time.Duration
}

func urlHash(u string) string {
	sum := sha256.Sum256([]byte(u))
	return hex.EncodeToString(sum[:])
}

// NewWebhook creates or resumes the durable pull consumer "webhook-<rule>" on
// DEFWATCH_ALERTS filtered to defwatch.alerts.<rule>. A consumer created now
// starts with the alerts published from now on (DeliverNewPolicy); a resumed
// one goes on where it stopped. If the URL differs from the one the consumer
// was made for (kept in the consumer's Metadata), the consumer is recreated
// (new alerts only): the alerts still waiting were meant for the old receiver.
//
// client does the requests; pass one that refuses private addresses (ingest's
// Fetcher.Client) unless the operator allowed them.
func NewWebhook(ctx context.Context, js jetstream.JetStream, rule defwatch.Rule, client *http.Client, log *slog.Logger) (*Webhook, error) {
	if !defwatch.ValidRuleName(rule.Name) {
		return nil, fmt.Errorf("alert: webhook: invalid rule name %q", rule.Name)
	}
	if err := checkWebhookURL(rule.Webhook); err != nil {
		return nil, fmt.Errorf("alert: webhook for rule %s: %w", rule.Name, err)
	}
	if client == nil {
		// No silent default: a plain client would skip the private address check.
		return nil, fmt.Errorf("alert: webhook for rule %s: no HTTP client", rule.Name)
	}
	name := webhookPrefix + rule.Name
	cfg := jetstream.ConsumerConfig{
		Durable:       name,
		Description:   "defwatch: POSTs the alerts of rule " + rule.Name + " to its webhook",
		FilterSubject: defwatch.SubjectAlerts + "." + rule.Name,
		DeliverPolicy: jetstream.DeliverNewPolicy,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       2 * time.Minute,
		MaxDeliver:    defwatch.MaxDeliveries,
		MaxAckPending: 1,
		Metadata:      map[string]string{webhookURLKey: urlHash(rule.Webhook)},
	}

	cons, err := js.Consumer(ctx, defwatch.StreamAlerts, name)
	switch {
	case err == nil && cons.CachedInfo().Config.Metadata[webhookURLKey] == urlHash(rule.Webhook):
		// Resume. Updating brings the settings of a consumer made by an
		// older version up to date; its position is kept.
		cons, err = js.UpdateConsumer(ctx, defwatch.StreamAlerts, cfg)
		if err != nil {
			return nil, fmt.Errorf("alert: webhook consumer %s: %w", name, err)
		}
	case err == nil:
		if err := js.DeleteConsumer(ctx, defwatch.StreamAlerts, name); err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) {
			return nil, fmt.Errorf("alert: webhook consumer %s: replace for new URL: %w", name, err)
		}
		fallthrough
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		cons, err = js.CreateConsumer(ctx, defwatch.StreamAlerts, cfg)
		if err != nil {
			return nil, fmt.Errorf("alert: webhook consumer %s: %w", name, err)
		}
	case errors.Is(err, jetstream.ErrStreamNotFound):
		return nil, fmt.Errorf("alert: webhook consumer %s: stream %s is missing (a defwatch process creates it when it starts): %w", name, defwatch.StreamAlerts, err)
	default:
		return nil, fmt.Errorf("alert: webhook consumer %s: %w", name, err)
	}

	host := ""
	if u, err := url.Parse(rule.Webhook); err == nil {
		host = u.Host // never the whole URL: its path or query often holds a secret
	}
	return &Webhook{
		rule:    rule.Name,
		url:     rule.Webhook,
		cons:    cons,
		client:  client,
		log:     log.With("stage", "webhook", "rule", rule.Name, "webhook_host", host),
		backoff: defwatch.RetryDelay,
		pull:    30 * time.Second,
	}, nil
}

// DeleteWebhook removes the rule's webhook consumer, if any (used when a
// rule or its webhook is removed). Not finding it is not an error.
func DeleteWebhook(ctx context.Context, js jetstream.JetStream, rule string) error {
	if !defwatch.ValidRuleName(rule) {
		return fmt.Errorf("alert: delete webhook: invalid rule name %q", rule)
	}
	err := js.DeleteConsumer(ctx, defwatch.StreamAlerts, webhookPrefix+rule)
	if err != nil && !errors.Is(err, jetstream.ErrConsumerNotFound) && !errors.Is(err, jetstream.ErrStreamNotFound) {
		return fmt.Errorf("alert: delete webhook of rule %s: %w", rule, err)
	}
	return nil
}

// Run delivers until ctx ends, and returns nil then. It returns an error
// only when its consumer is deleted (DeleteWebhook), since nothing is left
// to deliver.
//
// A request cut short by the end of ctx is neither a success nor a failure
// of the receiver: its alert is given back with a plain Nak, so it is the
// first delivered when a webhook for the rule runs again, instead of holding
// the consumer (one alert at a time) until AckWait runs out.
func (w *Webhook) Run(ctx context.Context) error {
	w.log.Info("delivering alerts")
	for ctx.Err() == nil {
		fctx, cancel := context.WithTimeout(ctx, w.pull)
		batch, err := w.cons.Fetch(1, jetstream.FetchContext(fctx))
		if err == nil {
			for m := range batch.Messages() {
				w.deliver(ctx, m)
			}
			err = batch.Error()
		}
		cancel()
		if err == nil || errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
			continue
		}
		if w.gone(ctx, err) {
			return fmt.Errorf("alert: webhook of rule %s: consumer deleted: %w", w.rule, err)
		}
		w.log.Warn("fetch failed", "err", err)
		defwatch.Sleep(ctx, time.Second)
	}
	return nil
}

// gone says whether a fetch failed because the consumer no longer exists.
func (w *Webhook) gone(ctx context.Context, err error) bool {
	if errors.Is(err, jetstream.ErrConsumerDeleted) || errors.Is(err, jetstream.ErrConsumerNotFound) {
		return true
	}
	if !errors.Is(err, nats.ErrNoResponders) {
		return false
	}
	// Nobody answers pulls for a consumer that is gone, but also for one
	// whose server is briefly away; only the server can tell them apart.
	_, err = w.cons.Info(ctx)
	return errors.Is(err, jetstream.ErrConsumerNotFound)
}

// deliver POSTs one alert and settles its message: Ack when the receiver took
// it, NakWithDelay when it may take it later, Term when it never will.
func (w *Webhook) deliver(ctx context.Context, m jetstream.Msg) {
	var attempt, seq uint64 = 1, 0
	if md, err := m.Metadata(); err == nil {
		attempt, seq = md.NumDelivered, md.Sequence.Stream
	}
	key := m.Headers().Get(jetstream.MsgIDHeader)
	if key == "" {
		// Alerts are published with an id; the stream sequence is the next
		// most stable name for this alert.
		key = fmt.Sprintf("%s-%s-%d", defwatch.StreamAlerts, w.rule, seq)
	}
	log := w.log.With("alert_id", key, "attempt", attempt)

	status, header, body, err := w.post(ctx, m.Data(), key)
	switch {
	case err != nil && ctx.Err() != nil:
		log.Info("delivery interrupted by shutdown, alert will be sent again")
		if err := m.Nak(); err != nil {
			log.Warn("nak failed", "err", err)
		}
		return
	case err == nil && status >= 200 && status <= 299:
		// The receiver has the alert: settle it even while shutting down,
		// and wait for the server to confirm so it is not sent twice.
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := m.DoubleAck(actx); err != nil {
			log.Warn("ack failed, the receiver may get the alert again", "status", status, "err", err)
			return
		}
		log.Debug("alert delivered", "status", status)
		return
	case err == nil && !retryableStatus(status):
		log.Error("webhook refused the alert for good, dropping it",
			"status", status, "response", body)
		if err := m.TermWithReason(fmt.Sprintf("webhook answered %d", status)); err != nil {
			log.Warn("term failed", "err", err)
		}
		return
	}

	failure := []any{"err", err}
	if err == nil {
		failure = []any{"status", status, "response", body}
	}
	if attempt >= defwatch.MaxDeliveries {
		log.Error("webhook failed too often, giving up on the alert", failure...)
		if err := m.TermWithReason(fmt.Sprintf("webhook failed %d times", attempt)); err != nil {
			log.Warn("term failed", "err", err)
		}
		return
	}
	delay := w.backoff(attempt)
	if d, ok := retryAfter(header.Get("Retry-After"), time.Now()); ok {
		delay = d
	}
	log.Warn("webhook delivery failed, will retry", append(failure, "retry_in", delay)...)
	if err := m.NakWithDelay(delay); err != nil {
		log.Warn("nak failed", "err", err)
	}
}

// post sends one alert. On an answer it returns the status, headers and the
// start of the body (for the log); err is set when there was no answer.
func (w *Webhook) post(ctx context.Context, data []byte, key string) (status int, header http.Header, body string, err error) {
	rctx, cancel := context.WithTimeout(ctx, webhookRequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodPost, w.url, bytes.NewReader(data))
	if err != nil {
		return 0, nil, "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", webhookUserAgent)
	req.Header.Set("Defwatch-Rule", w.rule)
	req.Header.Set("Idempotency-Key", key)
	resp, err := w.client.Do(req)
	if err != nil {
		// The client names the whole URL in its errors; keep it out of the
		// log, since webhook URLs often carry a secret.
		if ue := (*url.Error)(nil); errors.As(err, &ue) {
			err = ue.Err
		}
		return 0, nil, "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// A receiver often says in its body why it refused.
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
		body = strings.ToValidUTF8(strings.TrimSpace(string(b)), "?")
	}
	// Drain a little so the connection can be reused.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode, resp.Header, body, nil
}

// retryableStatus says whether a receiver that answered status may accept
// the same alert later. Every 4xx but timeouts and rate limits means the
// request itself is wrong, so sending it again cannot help; a redirect the
// client did not follow is retried, as it is more likely a passing
// misconfiguration than a verdict on the alert.
func retryableStatus(status int) bool {
	switch {
	case status == http.StatusRequestTimeout, status == http.StatusTooEarly, status == http.StatusTooManyRequests:
		return true
	case status >= 400 && status <= 499:
		return false
	}
	return true
}

// retryAfter reads a Retry-After header, in seconds or as an HTTP date, as a
// delay from now, capped at maxRetryAfter.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Compare in seconds: a huge value would overflow a Duration.
		return time.Duration(min(secs, int64(maxRetryAfter/time.Second))) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), maxRetryAfter), true
}

// checkWebhookURL says whether u can be POSTed to.
func checkWebhookURL(u string) error {
	if u == "" {
		return errors.New("the rule has no webhook URL")
	}
	p, err := url.Parse(u)
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		return fmt.Errorf("webhook URL: %w", ue.Err) // without the URL, which may hold a secret
	} else if err != nil {
		return fmt.Errorf("webhook URL: %w", err)
	}
	if p.Scheme != "http" && p.Scheme != "https" || p.Host == "" {
		return errors.New("webhook URL must be an absolute http or https URL")
	}
	return nil
}
