package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// heldPage is one page of a held-out set with its reference text.
type heldPage struct {
	id          string
	url         string
	contentType string // the HTTP header the page was served with, if known
	raw         []byte
	truth       string
	fixture     bool // a copy sits in extract/content/testdata, so tests tuned on it
}

// heldSet is one held-out set and what was left out of it.
type heldSet struct {
	name    string
	pages   []heldPage
	skipped int
}

// mozillaURL stands in for the pages' addresses, which Mozilla's test suite
// does not keep; it is the one that suite parses them under.
const mozillaURL = "http://fakehost/test/page.html"

// loadMozilla reads the Readability test pages; the reference is the text of
// Readability's expected output.
func loadMozilla(corpus, fixtures string) (heldSet, error) {
	set := heldSet{name: "mozilla-readability"}
	dirs, err := filepath.Glob(filepath.Join(corpus, "html", "mozilla-readability", "*", "source.html.gz"))
	if err != nil || len(dirs) == 0 {
		return set, fmt.Errorf("heldout: no Mozilla pages under %s: is -corpus right?", corpus)
	}
	for _, src := range dirs {
		dir := filepath.Dir(src)
		name := filepath.Base(dir)
		raw, err := gunzip(src)
		if err != nil {
			return set, err
		}
		exp, err := gunzip(filepath.Join(dir, "expected.html.gz"))
		if err != nil {
			return set, err
		}
		doc, err := html.Parse(bytes.NewReader(exp))
		if err != nil {
			return set, fmt.Errorf("heldout: %s: %w", dir, err)
		}
		set.pages = append(set.pages, heldPage{
			id: name, url: mozillaURL, raw: raw, truth: blockText(doc),
			fixture: exists(filepath.Join(fixtures, "mozilla", name)),
		})
	}
	return set, nil
}

// articleID finds the af.mil article id in a print page: the page's form
// posts back to Print.aspx?...&Article=NNN.
var articleID = regexp.MustCompile(`Article=(\d+)`)

// afmilContentType is what the af.mil server sent with the print pages; the
// pages declare no charset themselves.
const afmilContentType = "text/html; charset=utf-8"

// loadAirForce reads the af.mil print pages that the corpus turned into
// article records; the reference is the record's text.
func loadAirForce(corpus, fixtures string) (heldSet, error) {
	set := heldSet{name: "afmil-2016-print"}
	records, err := readRecords(filepath.Join(corpus, "news", "articles.jsonl.gz"), "afmil-")
	if err != nil {
		return set, err
	}
	files, err := filepath.Glob(filepath.Join(corpus, "html", "afmil-2016-print", "*.html.gz"))
	if err != nil || len(files) == 0 {
		return set, fmt.Errorf("heldout: no af.mil pages under %s: is -corpus right?", corpus)
	}
	for _, f := range files {
		raw, err := gunzip(f)
		if err != nil {
			return set, err
		}
		m := articleID.FindSubmatch(raw)
		if m == nil {
			set.skipped++
			continue
		}
		rec, ok := records["afmil-"+string(m[1])]
		if !ok {
			set.skipped++ // a page the corpus did not keep (speech link, off topic)
			continue
		}
		base := filepath.Base(f)
		set.pages = append(set.pages, heldPage{
			id: strings.TrimSuffix(base, ".html.gz"), url: rec.URL, contentType: afmilContentType,
			raw: raw, truth: rec.Text, fixture: exists(filepath.Join(fixtures, "afmil", base)),
		})
	}
	return set, nil
}

// record is the part of a corpus article the check needs.
type record struct {
	ID   string `json:"id"`
	URL  string `json:"url"`
	Text string `json:"text"`
}

// readRecords reads the corpus records whose id starts with prefix.
func readRecords(path, prefix string) (map[string]record, error) {
	raw, err := gunzip(path)
	if err != nil {
		return nil, err
	}
	out := map[string]record{}
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if !bytes.Contains(line, []byte(`"`+prefix)) {
			continue
		}
		var r record
		if err := json.Unmarshal(line, &r); err != nil {
			return nil, fmt.Errorf("heldout: %s: %w", path, err)
		}
		if strings.HasPrefix(r.ID, prefix) {
			out[r.ID] = r
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("heldout: %s: %w", path, err)
	}
	return out, nil
}

func gunzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("heldout: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("heldout: %s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("heldout: %s: %w", path, err)
	}
	return b, nil
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
