package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/alert"
	"github.com/defwatch/defwatch/index/query"
	"github.com/defwatch/defwatch/ingest"
)

const alertsUsage = `Usage:
  defwatch alerts add [flags] NAME QUERY   save a search; new articles it finds are alerts
  defwatch alerts list [flags]             list the saved searches
  defwatch alerts rm [flags] NAME          remove a saved search
  defwatch alerts tail [flags] [NAME]      print alerts as they arrive

Alerts are published on defwatch.alerts.NAME (stored: a durable consumer
misses nothing). The query is in the search language, e.g.
  defwatch alerts add ua-troops 'nation:UA troops:>=1000'
  defwatch alerts add brussels --digest 1h 'meeting:* "Brussels"'

Every subcommand takes --nats URL (default: the embedded server of a local
defwatch run). Run "defwatch alerts SUBCOMMAND -h" for its flags.
`

func alertsCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, alertsUsage)
		return errUsage
	}
	switch args[0] {
	case "add":
		return alertsAdd(ctx, args[1:], stdout, stderr)
	case "list", "ls":
		return alertsList(ctx, args[1:], stdout, stderr)
	case "rm", "remove":
		return alertsRemove(ctx, args[1:], stdout, stderr)
	case "tail":
		return alertsTail(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, alertsUsage)
		return nil
	}
	fmt.Fprintf(stderr, "defwatch alerts: unknown subcommand %q\n\n%s", args[0], alertsUsage)
	return errUsage
}

// alertsFlags makes a subcommand's flag set with --nats and its
// credentials.
func alertsFlags(name, synopsis string) (*flag.FlagSet, *natsClientFlags) {
	fs := flag.NewFlagSet("defwatch alerts "+name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: defwatch alerts %s %s\n\n", name, synopsis)
		fs.PrintDefaults()
	}
	nf := &natsClientFlags{}
	nf.register(fs)
	return fs, nf
}

// parseAlertsFlags parses a subcommand's flags, which go before its
// arguments.
func parseAlertsFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	return flagsFirst(fs)
}

// flagsFirst refuses a flag of fs written after the positional arguments,
// where the flag package would take it for part of the query.
func flagsFirst(fs *flag.FlagSet) error {
	for _, a := range fs.Args() {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if strings.HasPrefix(a, "-") && fs.Lookup(name) != nil {
			return fmt.Errorf("%s: flags go before the arguments (%s)", a, strings.TrimPrefix(fs.Name(), "defwatch "))
		}
	}
	return nil
}

// withRules runs fn with the saved searches, all within 30 seconds.
func withRules(ctx context.Context, nf *natsClientFlags, fn func(context.Context, jetstream.JetStream, *alert.RuleStore) error) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	nc, js, kv, err := rulesBucket(ctx, nf)
	if err != nil {
		return err
	}
	defer nc.Close()
	return fn(ctx, js, alert.NewRuleStore(kv))
}

// rulesBucket connects to NATS as the admin user and opens the rules
// bucket.
func rulesBucket(ctx context.Context, nf *natsClientFlags) (*nats.Conn, jetstream.JetStream, jetstream.KeyValue, error) {
	nc, err := nf.connect(ctx, natsUserAdmin, "defwatch alerts", slog.New(slog.DiscardHandler), nats.MaxReconnects(0))
	if err != nil {
		return nil, nil, nil, err
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, nil, nil, err
	}
	err = waitForStream(ctx, js, kvStream(defwatch.KVRules))
	var kv jetstream.KeyValue
	if err == nil {
		kv, err = js.KeyValue(ctx, defwatch.KVRules)
	}
	if err != nil {
		nc.Close()
		return nil, nil, nil, fmt.Errorf("saved searches (KV %s) at %s: %w (has `defwatch run` been started there?)", defwatch.KVRules, nf.URL, err)
	}
	return nc, js, kv, nil
}

func alertsAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := alertsFlags("add", "[flags] NAME QUERY")
	digest := fs.Duration("digest", 0, "send one message per period listing its matches (e.g. 1h), instead of one alert per match")
	webhook := fs.String("webhook", "", "also POST every alert to this http(s) URL, with retries")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() < 2 {
		fs.Usage()
		return errUsage
	}
	r := defwatch.Rule{Name: fs.Arg(0), Query: strings.Join(fs.Args()[1:], " "), Digest: defwatch.Duration(*digest), Webhook: *webhook}
	// Checked before connecting, so a mistake is told at once.
	if err := alert.CheckRule(r, time.Now()); err != nil {
		return err
	}
	return withRules(ctx, nf, func(ctx context.Context, js jetstream.JetStream, rules *alert.RuleStore) error {
		if r.Webhook != "" {
			note, err := checkWebhookHost(ctx, js, r.Webhook)
			if err != nil {
				return err
			}
			if note != "" {
				fmt.Fprintln(stderr, note)
			}
		}
		created, err := rules.Put(ctx, r)
		if err != nil {
			return err
		}
		verb := "updated"
		if created {
			verb = "added"
		}
		fmt.Fprintf(stdout, "%s %s: %s\nalerts on %s.%s\n", verb, r.Name, r.Query, defwatch.SubjectAlerts, r.Name)
		if q, err := query.Parse(r.Query, time.Now()); err == nil {
			for _, n := range q.Notes() {
				fmt.Fprintf(stdout, "note: %s\n", n)
			}
		}
		return nil
	})
}

// allowPrivateKey, in the KVAlerter bucket, says whether the running index
// stage sends webhooks to private and loopback addresses ("true"): it is
// written at every start.
const allowPrivateKey = "webhooks-allow-private"

// checkWebhookHost refuses a webhook to a loopback or private address
// unless the running defwatch allows them (it says so in KVAlerter): it
// would refuse to connect, and retry each alert for hours.
func checkWebhookHost(ctx context.Context, js jetstream.JetStream, raw string) (note string, err error) {
	allowed := false
	if state, err := js.KeyValue(ctx, defwatch.KVAlerter); err == nil {
		if e, err := state.Get(ctx, allowPrivateKey); err == nil {
			allowed = string(e.Value()) == "true"
		}
	}
	return checkWebhookAddr(ctx, raw, allowed)
}

// checkWebhookAddr refuses a webhook whose host is, or resolves to, a
// loopback or private address unless allowPrivate, saying how to allow
// it; allowed, it notes it. A host that does not resolve here may still
// resolve where the index runs, so that is only a note.
func checkWebhookAddr(ctx context.Context, raw string, allowPrivate bool) (note string, err error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("--webhook %q: %w", raw, err)
	}
	host := u.Hostname()
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else if addrs, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host); err != nil {
		return fmt.Sprintf("note: %s does not resolve from here (%v); the index stage will try it", host, err), nil
	}
	var private []string
	for _, a := range addrs {
		if ingest.PrivateAddr(a) {
			private = append(private, a.Unmap().String())
		}
	}
	switch {
	case len(private) == 0:
		return "", nil
	case allowPrivate:
		return fmt.Sprintf("note: %s is a private or loopback address (%s); allowed, as the running defwatch was started with --allow-private",
			host, strings.Join(private, ", ")), nil
	}
	return "", fmt.Errorf("webhook %q: %s is a private or loopback address (%s), which defwatch does not send to; start `defwatch run` with --allow-private to allow it",
		raw, host, strings.Join(private, ", "))
}

func alertsList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := alertsFlags("list", "[flags]")
	asJSON := fs.Bool("json", false, "print the rules as JSON lines")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	return withRules(ctx, nf, func(ctx context.Context, _ jetstream.JetStream, store *alert.RuleStore) error {
		rules, err := store.List(ctx)
		if err != nil && rules == nil {
			return err
		}
		if err != nil {
			fmt.Fprintf(stderr, "defwatch alerts: %v\n", err) // the others are still worth listing
		}
		if *asJSON {
			enc := json.NewEncoder(stdout)
			for _, r := range rules {
				if err := enc.Encode(r); err != nil {
					return err
				}
			}
			return nil
		}
		if len(rules) == 0 {
			fmt.Fprintln(stdout, "no saved searches (add one with: defwatch alerts add NAME QUERY)")
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tQUERY\tDIGEST\tWEBHOOK")
		for _, r := range rules {
			d := "-"
			if r.Digest > 0 {
				d = time.Duration(r.Digest).String()
			}
			w := r.Webhook
			if w == "" {
				w = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.Name, r.Query, d, w)
		}
		return tw.Flush()
	})
}

func alertsRemove(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := alertsFlags("rm", "[flags] NAME")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	name := fs.Arg(0)
	return withRules(ctx, nf, func(ctx context.Context, js jetstream.JetStream, rules *alert.RuleStore) error {
		if err := rules.Delete(ctx, name); errors.Is(err, alert.ErrNoRule) {
			return fmt.Errorf("no saved search %q (see defwatch alerts list)", name)
		} else if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed %s\n", name)
		return nil
	})
}

func alertsTail(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := alertsFlags("tail", "[flags] [NAME]")
	asJSON := fs.Bool("json", false, "print each alert as one line of JSON")
	since := fs.Duration("since", 0, "also print the alerts of this long before now (e.g. 24h)")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return errUsage
	}
	subject := defwatch.SubjectAlerts + ".>"
	if fs.NArg() == 1 {
		if !defwatch.ValidRuleName(fs.Arg(0)) {
			return fmt.Errorf("rule name %q: letters, digits, - and _ only", fs.Arg(0))
		}
		subject = defwatch.SubjectAlerts + "." + fs.Arg(0)
	}
	setup, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	nc, js, _, err := rulesBucket(setup, nf)
	if err != nil {
		return err
	}
	defer nc.Close()
	cfg := jetstream.OrderedConsumerConfig{FilterSubjects: []string{subject}, DeliverPolicy: jetstream.DeliverNewPolicy}
	if *since > 0 {
		start := time.Now().Add(-*since)
		cfg.DeliverPolicy, cfg.OptStartTime = jetstream.DeliverByStartTimePolicy, &start
	}
	cons, err := js.OrderedConsumer(setup, defwatch.StreamAlerts, cfg)
	if err != nil {
		return fmt.Errorf("follow %s: %w", subject, err)
	}
	msgs, err := cons.Messages()
	if err != nil {
		return fmt.Errorf("follow %s: %w", subject, err)
	}
	defer msgs.Stop()
	go func() {
		<-ctx.Done()
		msgs.Stop()
	}()
	fmt.Fprintf(stderr, "following %s (Ctrl-C to stop)\n", subject)
	for {
		m, err := msgs.Next()
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, jetstream.ErrMsgIteratorClosed) {
				return nil
			}
			return fmt.Errorf("follow %s: %w", subject, err)
		}
		if *asJSON {
			fmt.Fprintf(stdout, "%s\n", m.Data())
			continue
		}
		var a defwatch.Alert
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			fmt.Fprintf(stderr, "unreadable alert on %s: %v\n", m.Subject(), err)
			continue
		}
		printAlert(stdout, a)
	}
}

// printAlert writes an alert for a person: one block per article.
func printAlert(w io.Writer, a defwatch.Alert) {
	if a.Kind == defwatch.AlertDigest {
		fmt.Fprintf(w, "== %s: digest %s – %s, %d matches (%s)\n", a.Rule,
			a.From.Local().Format("2006-01-02 15:04"), a.To.Local().Format("15:04"), len(a.Matches), a.Query)
		for _, m := range a.Matches {
			printMatch(w, "   ", m)
		}
		return
	}
	fmt.Fprintf(w, "== %s (%s)\n", a.Rule, a.Query)
	printMatch(w, "   ", a)
}

func printMatch(w io.Writer, indent string, a defwatch.Alert) {
	s := a.Summary
	if s == nil {
		return
	}
	date := "undated"
	if !s.Published.IsZero() {
		date = s.Published.Format("2006-01-02")
	}
	fmt.Fprintf(w, "%s%s  %s  %s\n", indent, date, s.Source, clip(s.Title, 100))
	var tags []string
	if len(s.Nations) > 0 {
		codes := make([]string, len(s.Nations))
		for i, n := range s.Nations {
			codes[i] = n.Code
		}
		tags = append(tags, strings.Join(codes, " "))
	}
	for _, t := range s.Troops {
		tags = append(tags, strings.TrimSpace(troopRange(t.Min, t.Max, t.Approx)+" "+t.Nation))
	}
	for _, m := range s.Meetings {
		tags = append(tags, strings.TrimSpace(m.Kind+" "+m.Date))
	}
	if len(tags) > 0 {
		fmt.Fprintf(w, "%s  %s\n", indent, strings.Join(tags, " · "))
	}
	if snip := html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(a.Snippet)); snip != "" {
		fmt.Fprintf(w, "%s  %s\n", indent, clip(snip, 200))
	}
	if s.URL != "" {
		fmt.Fprintf(w, "%s  %s\n", indent, s.URL)
	}
}
