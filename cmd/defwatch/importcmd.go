package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
)

// archiveRecord is one line of an article archive.
type archiveRecord struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
}

func importCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("defwatch import", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: defwatch import [flags] FILE.jsonl[.gz]\n\nPublishes archived articles, one JSON object a line with id, url, source,\ntitle, published, lang and text, into a running pipeline, where they are\ntagged and indexed like fetched ones.\n\n")
		fs.PrintDefaults()
	}
	var nf natsClientFlags
	nf.register(fs)
	var lf logFlags
	lf.register(fs)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	log, err := lf.logger(stderr)
	if err != nil {
		return err
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	in, err := maybeGunzip(f)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}

	nc, err := nf.connect(ctx, natsUserAdmin, "defwatch import", log)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(512))
	if err != nil {
		return err
	}
	if _, err := js.Stream(ctx, defwatch.StreamPages); err != nil {
		return fmt.Errorf("no defwatch pipeline on %s (%w): start `defwatch run` first", nf.URL, err)
	}
	start := time.Now()
	n, skipped, err := importArchive(ctx, js, in, log)
	took := time.Since(start)
	fmt.Fprintf(stdout, "imported %d articles, skipped %d, in %s (%.0f/s)\n", n, skipped, took.Round(time.Millisecond), float64(n)/took.Seconds())
	return err
}

func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, _ := br.Peek(2) // a short file is simply not gzip
	if bytes.Equal(magic, []byte{0x1f, 0x8b}) {
		return gzip.NewReader(br)
	}
	return br, nil
}

// importArchive publishes every record of in as a Page. A bad line is
// reported with its number and skipped; the rest still go in.
func importArchive(ctx context.Context, js jetstream.JetStream, in io.Reader, log *slog.Logger) (imported, skipped int, err error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var pending []jetstream.PubAckFuture
	// settle waits for the outstanding publishes, so a failure is counted
	// against the article it belongs to.
	settle := func() error {
		for _, f := range pending {
			select {
			case <-f.Ok():
				imported++
			case err := <-f.Err():
				return fmt.Errorf("publish: %w", err)
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		pending = pending[:0]
		return nil
	}
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		p, err := pageOf(raw)
		if err != nil {
			log.Warn("skipping line", "line", line, "err", err)
			skipped++
			continue
		}
		data, err := json.Marshal(p)
		if err != nil {
			return imported, skipped, err
		}
		f, err := js.PublishAsync(defwatch.SubjectImport, data, jetstream.WithMsgID(p.ID))
		if err != nil {
			return imported, skipped, fmt.Errorf("line %d: publish: %w", line, err)
		}
		pending = append(pending, f)
		if len(pending) >= 256 {
			if err := settle(); err != nil {
				return imported, skipped, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		_ = settle()
		return imported, skipped, fmt.Errorf("line %d: %w", line+1, err)
	}
	if err := settle(); err != nil {
		return imported, skipped, err
	}
	if imported == 0 && skipped > 0 {
		return 0, skipped, errors.New("no line could be imported: each must be a JSON object with id or url, and text")
	}
	return imported, skipped, nil
}

func pageOf(raw []byte) (*defwatch.Page, error) {
	var r archiveRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	if r.Text == "" {
		return nil, errors.New("no text")
	}
	p := &defwatch.Page{ID: r.ID, URL: r.URL, Source: r.Source, Title: r.Title, Text: r.Text, Imported: true}
	if r.Lang != "" {
		p.Lang, p.LangFrom = r.Lang, "archive"
	}
	if p.ID == "" {
		if r.URL == "" {
			return nil, errors.New("no id and no url: one is needed to keep the article unique")
		}
		p.ID = defwatch.ArticleID(r.URL)
	}
	if p.Source == "" {
		p.Source = defwatch.SourceOf(r.URL)
	}
	if r.Published != "" {
		t, err := parseTime(r.Published)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		p.Published = t
	}
	return p, nil
}
