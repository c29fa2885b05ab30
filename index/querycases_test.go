package index_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/alert"
)

// The query cases are data, in the manner of Bleve's test/tests: each
// folder under testdata/querycases holds articles.jsonl (tagged Articles,
// one a line) and queries.json, the queries as analysts write them with
// the ids (or the number) of the articles each must find, worked out by
// reading the articles. Every query runs through search and through the
// percolator of saved searches; both must give the expected answer.

var queryTable = flag.String("querytable", "", "write the query cases' expected and found answers to this file, as a Markdown table")

type queryCase struct {
	Q     string   `json:"q"`
	IDs   []string `json:"ids"`
	Count *int     `json:"count"`
	Error string   `json:"error"` // the query is refused, saying this
	Note  string   `json:"note"`  // the answer's notes say this
	Why   string   `json:"why"`
}

func TestQueryCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "querycases", "*"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no query cases: %v", err)
	}
	var table strings.Builder
	table.WriteString("| query | expected | search | saved search |\n|---|---|---|---|\n")
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			arts := readArticles(t, filepath.Join(dir, "articles.jsonl"))
			cases := readCases(t, filepath.Join(dir, "queries.json"))
			idx, err := index.Open(filepath.Join(t.TempDir(), "idx"))
			if err != nil {
				t.Fatal(err)
			}
			defer idx.Close()
			if _, err := idx.Put(arts); err != nil {
				t.Fatal(err)
			}
			now := time.Now()
			for _, c := range cases {
				t.Run(c.Q, func(t *testing.T) {
					searched, notes, err := search(idx, c.Q)
					if c.Error != "" {
						if !errorSays(err, c.Error) {
							t.Errorf("search: %v, want a bad query saying %q", err, c.Error)
						}
						if err := alert.NewPercolator().Set("rule", c.Q); !errorSays(err, c.Error) {
							t.Errorf("saved search: %v, want a bad query saying %q", err, c.Error)
						}
						fmt.Fprintf(&table, "| `%s` | error: %s | %s | %s |\n", c.Q, c.Error, errText(err), errText(err))
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					p := alert.NewPercolator()
					if err := p.Set("rule", c.Q); err != nil {
						t.Fatal(err)
					}
					matched := []string{}
					for _, a := range arts {
						if len(p.Match(a, now)) == 1 {
							matched = append(matched, a.ID)
						}
					}
					slices.Sort(matched)
					want := c.IDs
					if want == nil {
						want = []string{}
					}
					ok := func(got []string) bool {
						if c.Count != nil {
							return len(got) == *c.Count
						}
						return slices.Equal(got, want)
					}
					if !ok(searched) {
						t.Errorf("search found %v, want %s", searched, expected(c))
					}
					if !ok(matched) {
						t.Errorf("saved search matched %v, want %s", matched, expected(c))
					}
					if c.Note != "" && !slices.ContainsFunc(notes, func(n string) bool { return strings.Contains(n, c.Note) }) {
						t.Errorf("notes %q, want one saying %q", notes, c.Note)
					}
					fmt.Fprintf(&table, "| `%s` | %s | %s | %s |\n", c.Q, expected(c), answer(c, searched), answer(c, matched))
				})
			}
		})
	}
	if *queryTable != "" {
		if err := os.WriteFile(*queryTable, []byte(table.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// search is every article the query finds, each copy of a story its own.
func search(idx *index.Index, q string) ([]string, []string, error) {
	var ids []string
	req := index.Request{Query: q, Size: index.MaxSize, AllCopies: true, NoFacets: true}
	res, err := idx.Search(context.Background(), req)
	if err != nil {
		return nil, nil, err
	}
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	if ids == nil {
		ids = []string{}
	}
	return ids, res.Notes, nil
}

func errorSays(err error, want string) bool {
	return err != nil && strings.Contains(err.Error(), want) && strings.Contains(err.Error(), defwatch.ErrBadQuery.Error())
}

func errText(err error) string {
	if err == nil {
		return "no error"
	}
	return "error: " + err.Error()
}

func expected(c queryCase) string {
	if c.Count != nil {
		return fmt.Sprintf("%d articles", *c.Count)
	}
	return "[" + strings.Join(c.IDs, " ") + "]"
}

func answer(c queryCase, got []string) string {
	if c.Count != nil {
		return fmt.Sprintf("%d articles", len(got))
	}
	return "[" + strings.Join(got, " ") + "]"
}

func readArticles(t *testing.T, path string) []*defwatch.Article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*defwatch.Article
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a defwatch.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, &a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func readCases(t *testing.T, path string) []queryCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f struct{ Queries []queryCase }
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f.Queries
}
