// Package index keeps the searchable Bleve index of articles: it consumes
// Articles from JetStream in batches, answers searches locally, over HTTP and
// over NATS request/reply.
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"regexp/syntax"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/defwatch/defwatch"
)

// rawField holds each article's JSON, stored but not indexed, so a search
// hit and GET /api/articles/{id} return the whole Article without a second
// store beside the index.
const rawField = "_raw"

// Index is a Bleve index of Articles on disk.
type Index struct {
	bleve bleve.Index
	// created says the index was made empty by Open, so whatever consumer
	// fed a previous index at this path must start again from the stream's
	// beginning.
	created bool
}

// Open opens the index at path, creating it when there is none.
func Open(path string) (*Index, error) {
	idx, err := bleve.Open(path)
	created := false
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		created = true
		if err := os.MkdirAll(path, 0o755); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
		_ = os.Remove(path) // bleve wants to create the directory itself
		idx, err = bleve.New(path, newMapping())
	}
	if err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	return &Index{bleve: idx, created: created}, nil
}

// Close flushes and closes the index.
func (x *Index) Close() error { return x.bleve.Close() }

// Count is the number of articles in the index.
func (x *Index) Count() (uint64, error) { return x.bleve.DocCount() }

func newMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = standard.Name
	text.Store = false
	text.IncludeTermVectors = true

	kw := bleve.NewKeywordFieldMapping()
	kw.Store = false
	kw.Analyzer = keyword.Name

	date := bleve.NewDateTimeFieldMapping()
	date.Store = false

	num := bleve.NewNumericFieldMapping()
	num.Store = false

	raw := bleve.NewTextFieldMapping()
	raw.Index = false
	raw.Store = true
	raw.IncludeInAll = false
	raw.DocValues = false

	troops := bleve.NewDocumentStaticMapping()
	troops.AddFieldMappingsAt("min", num)
	troops.AddFieldMappingsAt("max", num)

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("title", text)
	doc.AddFieldMappingsAt("text", text)
	doc.AddFieldMappingsAt("byline", text)
	doc.AddFieldMappingsAt("nations", kw)
	doc.AddFieldMappingsAt("source", kw)
	doc.AddFieldMappingsAt("lang", kw)
	doc.AddFieldMappingsAt("published", date)
	doc.AddFieldMappingsAt("fetched", date)
	doc.AddSubDocumentMapping("troops", troops)
	doc.AddFieldMappingsAt(rawField, raw)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = standard.Name
	return m
}

// document is what Bleve indexes for an article. Field names follow the
// Article's JSON, so `nations:UA` or `troops.max:>=10000` in a query string
// say what they mean.
func document(a *defwatch.Article) (map[string]any, error) {
	raw, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	codes := make([]string, 0, len(a.Nations))
	for _, n := range a.Nations {
		codes = append(codes, n.Code)
	}
	troops := make([]map[string]any, 0, len(a.Troops))
	for _, t := range a.Troops {
		troops = append(troops, map[string]any{"min": float64(t.Min), "max": float64(t.Max)})
	}
	d := map[string]any{
		"title":   a.Title,
		"text":    a.Text,
		"byline":  a.Byline,
		"nations": codes,
		"source":  a.Source,
		"lang":    a.Lang,
		"troops":  troops,
		rawField:  string(raw),
	}
	if !a.Published.IsZero() {
		d["published"] = a.Published
	}
	if !a.Fetched.IsZero() {
		d["fetched"] = a.Fetched
	}
	return d, nil
}

// Put indexes articles as one batch. It returns once the batch is on disk,
// so a caller may acknowledge the messages they came from.
func (x *Index) Put(articles []*defwatch.Article) error {
	b := x.bleve.NewBatch()
	for _, a := range articles {
		d, err := document(a)
		if err != nil {
			return fmt.Errorf("index: article %s: %w", a.ID, err)
		}
		if err := b.Index(a.ID, d); err != nil {
			return fmt.Errorf("index: article %s: %w", a.ID, err)
		}
	}
	if err := x.bleve.Batch(b); err != nil {
		return fmt.Errorf("index: commit batch: %w", err)
	}
	return nil
}

// Request is a search.
type Request struct {
	Query string `json:"q"`
	Size  int    `json:"size,omitempty"`
	From  int    `json:"from,omitempty"`
}

// Limits on one request, so a client cannot make the index page through
// everything it holds.
const (
	DefaultSize = 20
	MaxSize     = 200
	MaxFrom     = 10000
)

// Normalize fills defaults and checks bounds.
func (r *Request) Normalize() error {
	r.Query = strings.TrimSpace(r.Query)
	switch {
	case r.Size == 0:
		r.Size = DefaultSize
	case r.Size < 0 || r.Size > MaxSize:
		return fmt.Errorf("%w: size must be between 1 and %d", defwatch.ErrBadQuery, MaxSize)
	}
	if r.From < 0 || r.From > MaxFrom {
		return fmt.Errorf("%w: from must be between 0 and %d", defwatch.ErrBadQuery, MaxFrom)
	}
	return nil
}

// Hit is one article in a result: every Article field but the text, which a
// list of hits does not need.
type Hit struct {
	defwatch.Article
	Score float64 `json:"score"`
}

// Result is the answer to a search.
type Result struct {
	Total  uint64 `json:"total"`
	TookMs int64  `json:"took_ms"`
	Hits   []Hit  `json:"hits"`
}

// Searcher answers searches; the local Index and a NATS client both do.
type Searcher interface {
	Search(ctx context.Context, req Request) (*Result, error)
	Article(ctx context.Context, id string) (*defwatch.Article, error)
}

var _ Searcher = (*Index)(nil)

// Search runs req. The query is in Bleve's query-string syntax; "" and "*"
// match every article, newest first.
func (x *Index) Search(ctx context.Context, req Request) (*Result, error) {
	if err := req.Normalize(); err != nil {
		return nil, err
	}
	var q query.Query
	all := req.Query == "" || req.Query == "*"
	if all {
		q = bleve.NewMatchAllQuery()
	} else {
		qs := bleve.NewQueryStringQuery(req.Query)
		if _, err := qs.Parse(); err != nil {
			return nil, fmt.Errorf("%w: %v", defwatch.ErrBadQuery, err)
		}
		q = qs
	}
	sr := bleve.NewSearchRequestOptions(q, req.Size, req.From, false)
	sr.Fields = []string{rawField}
	if all {
		sr.SortBy([]string{"-published", "_id"})
	}
	start := time.Now()
	res, err := x.bleve.SearchInContext(ctx, sr)
	var reErr *syntax.Error
	if errors.As(err, &reErr) {
		// Regular expressions are only compiled when the search runs.
		return nil, fmt.Errorf("%w: %v", defwatch.ErrBadQuery, reErr)
	}
	if err != nil {
		return nil, fmt.Errorf("index: search: %w", err)
	}
	out := &Result{Total: res.Total, TookMs: time.Since(start).Milliseconds(), Hits: make([]Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		a, err := fromRaw(h.Fields[rawField])
		if err != nil {
			return nil, fmt.Errorf("index: hit %s: %w", h.ID, err)
		}
		a.Text = ""
		out.Hits = append(out.Hits, Hit{Article: *a, Score: h.Score})
	}
	return out, nil
}

// Article returns the whole article with that id.
func (x *Index) Article(ctx context.Context, id string) (*defwatch.Article, error) {
	sr := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery([]string{id}), 1, 0, false)
	sr.Fields = []string{rawField}
	res, err := x.bleve.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("index: article %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return nil, fmt.Errorf("article %s: %w", id, defwatch.ErrNotFound)
	}
	return fromRaw(res.Hits[0].Fields[rawField])
}

func fromRaw(v any) (*defwatch.Article, error) {
	s, ok := v.(string)
	if !ok {
		return nil, errors.New("stored article missing")
	}
	var a defwatch.Article
	if err := json.Unmarshal([]byte(s), &a); err != nil {
		return nil, err
	}
	return &a, nil
}
