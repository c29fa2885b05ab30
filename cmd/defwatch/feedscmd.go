package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest"
	"github.com/defwatch/defwatch/ingest/feedset"
)

const feedsUsage = `Usage:
  defwatch feeds add [flags] URL...              add feeds (or pages that name one, or news sitemaps)
  defwatch feeds list [flags]                    every feed with its health, failing first
  defwatch feeds rm [flags] URL...               remove feeds
  defwatch feeds enable|disable [flags] URL...   start or stop polling feeds, keeping them
  defwatch feeds import [flags] FILE.opml|FILE.txt   add every feed of a list
  defwatch feeds export [flags]                  the set as OPML, on stdout
  defwatch feeds check [flags] FILE|URL...       fetch and parse feeds once, publishing nothing

The feed set lives in the running defwatch's NATS (--nats, default the
embedded server of a local defwatch run); every ingest process sees a
change at once. Run "defwatch feeds SUBCOMMAND -h" for its flags.
`

func feedsCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, feedsUsage)
		return errUsage
	}
	switch args[0] {
	case "add":
		return feedsAdd(ctx, args[1:], stdout, stderr)
	case "list", "ls":
		return feedsList(ctx, args[1:], stdout, stderr)
	case "rm", "remove":
		return feedsChange(ctx, "rm", args[1:], stdout, stderr)
	case "enable", "disable":
		return feedsChange(ctx, args[0], args[1:], stdout, stderr)
	case "import":
		return feedsImport(ctx, args[1:], stdout, stderr)
	case "export":
		return feedsExport(ctx, args[1:], stdout, stderr)
	case "check":
		return feedsCheck(ctx, args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, feedsUsage)
		return nil
	}
	hint := ""
	if ingest.CheckFeedURL(args[0]) == nil {
		hint = fmt.Sprintf("(to check a feed once: defwatch feeds check %s; to add it: defwatch feeds add %s)\n\n", args[0], args[0])
	}
	fmt.Fprintf(stderr, "defwatch feeds: unknown subcommand %q\n%s\n%s", args[0], hint, feedsUsage)
	return errUsage
}

func feedsFlags(name, synopsis string) (*flag.FlagSet, *natsClientFlags) {
	fs := flag.NewFlagSet("defwatch feeds "+name, flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: defwatch feeds %s %s\n\n", name, synopsis)
		fs.PrintDefaults()
	}
	nf := &natsClientFlags{}
	nf.register(fs)
	return fs, nf
}

// withFeedSet runs fn with the feed set of the defwatch nf names, as the
// NATS admin user.
func withFeedSet(ctx context.Context, nf *natsClientFlags, timeout time.Duration, fn func(context.Context, *feedset.Store) error) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	nc, err := nf.connect(ctx, natsUserAdmin, "defwatch feeds", slog.New(slog.DiscardHandler), nats.MaxReconnects(0))
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	set, err := feedset.Open(ctx, js)
	if err != nil {
		return err
	}
	return fn(ctx, set)
}

func feedsAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := feedsFlags("add", "[flags] URL...")
	interval := fs.Duration("interval", 0, "poll at this interval instead of the feed's own rhythm")
	sitemap := fs.Bool("sitemap", false, "the URLs are news sitemaps")
	var tags listFlag
	fs.Var(&tags, "tag", "a tag (country, outlet, …); repeatable or comma-separated")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	req := feedset.AddRequest{URLs: fs.Args()}
	if *interval != 0 {
		d := defwatch.Duration(*interval)
		req.Interval = &d
	}
	if len(tags) > 0 {
		req.Tags = tags
	}
	if *sitemap {
		req.Kind = defwatch.FeedKindSitemap
	}
	return withFeedSet(ctx, nf, 30*time.Second, func(ctx context.Context, set *feedset.Store) error {
		feeds, added, err := set.Apply(ctx, req)
		for _, f := range feeds {
			what := "in the set already"
			switch {
			case f.Added:
				what = "added"
			case req.Interval != nil || req.Tags != nil || req.Kind != "":
				what = "in the set already; settings changed"
			}
			fmt.Fprintf(stdout, "%s\t%s\n", f.URL, what)
		}
		if err != nil {
			return err
		}
		if added > 0 {
			fmt.Fprintf(stdout, "%d added; a new feed is polled within seconds (see defwatch feeds list)\n", added)
		}
		return nil
	})
}

func feedsList(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := feedsFlags("list", "[flags]")
	asJSON := fs.Bool("json", false, "print each feed as one JSON object a line")
	state := fs.String("state", "", "only feeds in this state: new, ok, failing, disabled")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	return withFeedSet(ctx, nf, 60*time.Second, func(ctx context.Context, set *feedset.Store) error {
		feeds, err := set.List(ctx)
		if err != nil {
			return err
		}
		now := time.Now()
		if *asJSON {
			enc := json.NewEncoder(stdout)
			enc.SetEscapeHTML(false)
			for _, f := range feeds {
				if *state == "" || f.State == *state {
					if err := enc.Encode(f); err != nil {
						return err
					}
				}
			}
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "STATE\tFEED\tLAST POLL\tHTTP\tITEMS\tNEW 24H/7D\tNEXT POLL\tFAILS\tERROR / NOTE")
		n := 0
		for _, f := range feeds {
			if *state != "" && f.State != *state {
				continue
			}
			n++
			h := f.Health
			note := f.Note
			switch {
			case f.DisabledBecause != "":
				note = "disabled: " + f.DisabledBecause
			case h.Failures > 0:
				note = h.LastError
			}
			next := "-"
			if !f.Disabled {
				next = relTime(h.NextPoll, now)
			}
			status := "-"
			if h.Status != 0 {
				status = fmt.Sprint(h.Status)
			}
			fails := "-"
			if h.Failures > 0 {
				fails = fmt.Sprint(h.Failures)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d/%d\t%s\t%s\t%s\n", f.State, f.URL, relTime(h.LastPoll, now), status,
				h.Items, h.NewDay, h.NewWeek, next, fails, clip(note, 80))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d feeds\n", n)
		return nil
	})
}

// relTime reads "3m ago", "in 5m", "due" or "-".
func relTime(t, now time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := t.Sub(now).Round(time.Second)
	switch {
	case d > 0:
		return "in " + d.String()
	case d > -time.Second:
		return "due"
	default:
		return (-d).String() + " ago"
	}
}

func feedsChange(ctx context.Context, action string, args []string, stdout, stderr io.Writer) error {
	fs, nf := feedsFlags(action, "[flags] URL...")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	return withFeedSet(ctx, nf, 30*time.Second, func(ctx context.Context, set *feedset.Store) error {
		var errs []error
		for _, u := range fs.Args() {
			var err error
			switch action {
			case "rm":
				err = set.Remove(ctx, u)
			case "enable", "disable":
				_, err = set.SetEnabled(ctx, u, action == "enable", "disabled with `defwatch feeds disable`")
			}
			if err != nil {
				errs = append(errs, err)
				continue
			}
			fmt.Fprintf(stdout, "%s\t%s\n", u, map[string]string{"rm": "removed", "enable": "enabled", "disable": "disabled"}[action])
		}
		return errors.Join(errs...)
	})
}

func feedsImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := feedsFlags("import", "[flags] FILE.opml|FILE.txt")
	var tags listFlag
	fs.Var(&tags, "tag", "a tag for every feed of the list; repeatable or comma-separated")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	urls, err := ingest.ReadFeedList(fs.Arg(0))
	if err != nil {
		return err
	}
	return withFeedSet(ctx, nf, 10*time.Minute, func(ctx context.Context, set *feedset.Store) error {
		added := 0
		for _, u := range urls {
			ok, err := set.Add(ctx, defwatch.Feed{URL: u, Tags: feedset.Tags(tags)})
			if err != nil {
				return fmt.Errorf("after %d of %d: %w", added, len(urls), err)
			}
			if ok {
				added++
			}
		}
		fmt.Fprintf(stdout, "%d feeds in %s: %d added, %d already in the set\n", len(urls), fs.Arg(0), added, len(urls)-added)
		return nil
	})
}

func feedsExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs, nf := feedsFlags("export", "[flags] > feeds.opml")
	if err := parseAlertsFlags(fs, args, stderr); err != nil {
		return err
	}
	return withFeedSet(ctx, nf, 60*time.Second, func(ctx context.Context, set *feedset.Store) error {
		feeds, err := set.List(ctx)
		if err != nil {
			return err
		}
		return feedset.WriteOPML(stdout, feeds, time.Now())
	})
}

// feedsCheck fetches and parses each feed once and prints what it holds,
// or why it cannot be read. It needs no running defwatch.
func feedsCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("defwatch feeds check", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: defwatch feeds check [flags] FILE|URL...\n\nFetches and parses each feed once (a FILE is a feed list: URLs or OPML) and\nprints what it holds, or why it cannot be read. Nothing is published.\n\n")
		fs.PrintDefaults()
	}
	allowPrivate := fs.Bool("allow-private", false, "allow loopback, private and link-local addresses")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var feeds []string
	for _, a := range fs.Args() {
		if ingest.CheckFeedURL(a) == nil {
			feeds = append(feeds, a)
			continue
		}
		if _, err := os.Stat(a); err != nil {
			return fmt.Errorf("%s is neither a feed URL nor a readable feed list: %w", a, err)
		}
		list, err := ingest.ReadFeedList(a)
		if err != nil {
			return err
		}
		feeds = append(feeds, list...)
	}
	fetcher := ingest.NewFetcher(ingest.FetcherConfig{AllowPrivate: *allowPrivate, Timeout: 20 * time.Second})
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FEED\tFORMAT\tITEMS\tTITLE / ERROR")
	failed := 0
	for _, u := range feeds {
		resp, err := fetcher.Get(ctx, u, "", "")
		if err == nil {
			feed, perr := ingest.ParseFeed(resp.Body, resp.ContentType)
			if perr == nil {
				fmt.Fprintf(tw, "%s\t%s %s\t%d\t%s\n", u, feed.FeedType, feed.FeedVersion, len(feed.Items), clip(feed.Title, 60))
				continue
			}
			if urls, maps, serr := ingest.CheckSitemap(resp.Body, resp.ContentType); serr == nil {
				what := fmt.Sprintf("%d article URLs", urls)
				if maps > 0 {
					what = fmt.Sprintf("an index of %d sitemaps (the newest 3 are read at each poll)", maps)
				}
				fmt.Fprintf(tw, "%s\tsitemap\t%d\t%s (add it with feeds add --sitemap)\n", u, urls, what)
				continue
			}
			if links := ingest.FeedLinks(resp.Body, resp.URL); len(links) > 0 {
				fmt.Fprintf(tw, "%s\thtml page\t-\tnames its feed: %s (feeds add takes the page and adds the feed)\n", u, strings.Join(links, ", "))
				continue
			}
			err = perr
		}
		failed++
		fmt.Fprintf(tw, "%s\t-\t-\tERROR: %v\n", u, err)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d feeds could not be read", failed, len(feeds))
	}
	return nil
}
