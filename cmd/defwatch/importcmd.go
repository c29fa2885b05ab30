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
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest"
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
	js, err := importJetStream(nc)
	if err != nil {
		return err
	}
	if err := waitForStream(ctx, js, defwatch.StreamPages); err != nil {
		return fmt.Errorf("no defwatch pipeline on %s (%w): start `defwatch run` first", nf.URL, err)
	}
	start := time.Now()
	var done atomic.Int64
	stopProgress := showProgress(stderr, fs.Arg(0), &done, start)
	n, skipped, err := importArchive(ctx, js, in, &done, log)
	stopProgress()
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

// importJetStream is the JetStream context an import publishes through. A
// publish whose answer was lost (to a disconnect, or a cluster node that
// went away with it) fails after 10 s and is sent again; without that
// bound its answer is waited for forever.
func importJetStream(nc *nats.Conn) (jetstream.JetStream, error) {
	return jetstream.New(nc, jetstream.WithPublishAsyncMaxPending(512), jetstream.WithPublishAsyncTimeout(10*time.Second))
}

// importStall is how long an import waits for NATS to take its messages
// again before it gives up: long enough for a server or cluster node to
// restart under it.
const importStall = 5 * time.Minute

// importArchive publishes every record of in as a Page. A bad line is
// reported with its number and skipped; the rest still go in. A publish
// that fails because NATS went away (a restart, a failover) is sent again
// once it is back, with the same Nats-Msg-Id, so the stream keeps one copy
// of each line whether or not the first try got there.
func importArchive(ctx context.Context, js jetstream.JetStream, in io.Reader, done *atomic.Int64, log *slog.Logger) (imported, skipped int, err error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	type out struct {
		line int
		id   string
		msg  *nats.Msg
		f    jetstream.PubAckFuture
	}
	var pending []*out
	lastProgress := time.Now()
	send := func(o *out) error {
		for {
			f, err := js.PublishMsgAsync(o.msg, jetstream.WithMsgID(o.id))
			if err == nil {
				o.f = f
				return nil
			}
			if errors.Is(err, nats.ErrMaxPayload) {
				return fmt.Errorf("line %d: %w (the article is too large for this NATS server)", o.line, err)
			}
			if err := waitToRetry(ctx, &lastProgress, log, o.line, err); err != nil {
				return err
			}
		}
	}
	// settle waits for the outstanding publishes, sending again those the
	// server did not confirm, so each line counts once.
	settle := func() error {
		for len(pending) > 0 {
			var again []*out
			for _, o := range pending {
				select {
				case <-o.f.Ok():
					imported++
					done.Add(1)
					lastProgress = time.Now()
				case err := <-o.f.Err():
					if errors.Is(err, nats.ErrMaxPayload) {
						return fmt.Errorf("line %d: %w (the article is too large for this NATS server)", o.line, err)
					}
					if err := waitToRetry(ctx, &lastProgress, log, o.line, err); err != nil {
						return err
					}
					again = append(again, o)
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			for _, o := range again {
				if err := send(o); err != nil {
					return err
				}
			}
			pending = again
		}
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
		// The body raw, the rest in a header, as ingest sends pages.
		msg, err := ingest.PageMsg(p)
		if err != nil {
			return imported, skipped, err
		}
		// On the import subject, which the admin user may publish to and
		// the pages stream keeps beside ingest's pages.
		msg.Subject = defwatch.SubjectImport
		o := &out{line: line, id: p.ID, msg: msg}
		if err := send(o); err != nil {
			return imported, skipped, err
		}
		pending = append(pending, o)
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

// waitToRetry waits a moment before a failed publish is sent again, or
// says why the import gives up: the context ended, or NATS has taken
// nothing for importStall.
func waitToRetry(ctx context.Context, lastProgress *time.Time, log *slog.Logger, line int, cause error) error {
	if time.Since(*lastProgress) > importStall {
		return fmt.Errorf("line %d: publish: %w (NATS took nothing for %s; run the import again, lines already in are not duplicated)", line, cause, importStall)
	}
	log.Debug("publish failed, sending again", "line", line, "err", cause)
	t := time.NewTimer(250 * time.Millisecond)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
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

// showProgress, when w is a terminal, rewrites one line twice a second
// with the articles done, of how many the file holds, and the rate; it
// returns a func that ends it. Elsewhere (a log, a pipe) only the summary
// line at the end is written.
func showProgress(w io.Writer, path string, done *atomic.Int64, start time.Time) (stop func()) {
	f, ok := w.(*os.File)
	if !ok {
		return func() {}
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return func() {}
	}
	var total atomic.Int64
	total.Store(-1)
	go func() { // counting lines reads the file once more: not worth waiting for
		if n, err := countLines(path); err == nil {
			total.Store(n)
		}
	}()
	quit := make(chan struct{})
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		t := time.NewTicker(500 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-quit:
				fmt.Fprint(f, "\r\033[K")
				return
			case <-t.C:
				n := done.Load()
				of := ""
				if tot := total.Load(); tot >= 0 {
					of = fmt.Sprintf(" of %d (%.0f%%)", tot, 100*float64(n)/float64(max(tot, 1)))
				}
				fmt.Fprintf(f, "\r\033[K%d articles%s, %.0f/s", n, of, float64(n)/time.Since(start).Seconds())
			}
		}
	}()
	return func() { close(quit); <-ended }
}

// countLines counts the non-empty lines of an archive, gzipped or not.
func countLines(path string) (int64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	in, err := maybeGunzip(f)
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var n int64
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) > 0 {
			n++
		}
	}
	return n, sc.Err()
}
