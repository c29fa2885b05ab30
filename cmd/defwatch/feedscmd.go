package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/defwatch/defwatch/ingest"
)

func feedsCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("defwatch feeds", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: defwatch feeds [flags] FILE|URL...\n\nFetches and parses each feed once (a FILE is a feed list: URLs or OPML) and\nprints what it holds, or why it cannot be read. Nothing is published.\n\n")
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
