package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract"
	"github.com/defwatch/defwatch/ingest/charset"
)

// maxInput bounds what `defwatch extract` reads, like the fetcher does.
const maxInput = 16 << 20

func extractCommand(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("defwatch extract", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: defwatch extract [flags] FILE|-\n\nExtracts the article in an HTML file (or plain text with --text), tags it,\nand prints the Article as one JSON line.\n\n")
		fs.PrintDefaults()
	}
	pageURL := fs.String("url", "", "the page's URL (resolves links, gives the source and id)")
	published := fs.String("published", "", "publication time when the page has none: RFC 3339 or YYYY-MM-DD")
	asText := fs.Bool("text", false, "input is plain text, not HTML")
	contentType := fs.String("content-type", "", "the HTTP Content-Type the page was served with, if known (its charset is used)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	var in io.Reader = stdin
	if name := fs.Arg(0); name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(io.LimitReader(in, maxInput+1))
	if err != nil {
		return fmt.Errorf("read input: %w", err)
	}
	if len(data) > maxInput {
		return fmt.Errorf("input is over %d MB; defwatch extracts single pages", maxInput>>20)
	}
	p := &defwatch.Page{URL: *pageURL}
	if *pageURL != "" {
		p.ID = defwatch.ArticleID(*pageURL)
		p.Source = defwatch.SourceOf(*pageURL)
	}
	if *published != "" {
		t, err := parseTime(*published)
		if err != nil {
			return fmt.Errorf("--published: %w", err)
		}
		p.Published = t
	}
	body, enc, err := charset.Decode(data, *contentType)
	if err != nil {
		return err
	}
	if *asText {
		p.Text = string(body)
	} else {
		p.HTML, p.Charset = string(body), enc
	}
	a, err := extract.FromPage(p)
	if err != nil {
		return err
	}
	enc2 := json.NewEncoder(stdout)
	enc2.SetEscapeHTML(false)
	return enc2.Encode(a)
}

// parseTime reads the date forms archives and people write: RFC 3339,
// a date and time without zone (taken as UTC), a day, or a month.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	// Some archives write the first hour after midnight as hour 24 of the
	// day before (ISO 8601 allows 24:00 for the end of a day).
	if i := strings.Index(s, "T24:"); i == 10 {
		if t, err := parseTime(s[:i] + "T00:" + s[i+4:]); err == nil {
			return t.AddDate(0, 0, 1), nil
		}
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "2006-01"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time: use RFC 3339 (2025-04-10T09:12:00Z) or a date (2025-04-10)", s)
}
