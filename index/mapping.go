package index

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fasttok"
)

// Fields of the stored document beside the Article's own.
const (
	// rawField holds the Article's JSON without its text, stored but not
	// indexed, so a hit returns the whole Article without a second store.
	rawField = "_raw"
	// storyField groups near-identical copies of one wire story.
	storyField = "story"
	// simField holds the text's simhash (stored), and bandField its four
	// 16-bit bands (indexed), through which copies find each other.
	simField  = "simhash"
	bandField = "simband"
)

func newMapping() mapping.IndexMapping {
	// Text is stored for highlighting and with term vectors for phrase
	// queries and highlight positions. Nothing goes into the _all field: the
	// query language names its fields, and analysing each text once instead
	// of twice is most of indexing's cost.
	//
	// Doc values (a column of each document's terms) serve only sorting and
	// facets, and term vectors only phrases and highlights: every field
	// gets just the ones something reads: the others had made a sixth of
	// the index on disk, all written and merged again for nothing.
	text := bleve.NewTextFieldMapping()
	// fasttok's analyser is Bleve's standard one (the same tokens, proven
	// on the corpus and by fuzzing) with a tokenizer four times as fast on
	// the scripts news comes in; shards made before it keep "standard".
	text.Analyzer = fasttok.AnalyzerName
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false
	text.DocValues = false

	// byline keeps its term vectors: byline:"Jane Doe" is a phrase.
	plain := bleve.NewTextFieldMapping()
	plain.Analyzer = fasttok.AnalyzerName
	plain.Store = false
	plain.IncludeInAll = false
	plain.DocValues = false

	// facet is a keyword counted by a facet; kw one only matched.
	facet := bleve.NewKeywordFieldMapping()
	facet.Analyzer = keyword.Name
	facet.Store = false
	facet.IncludeInAll = false
	facet.IncludeTermVectors = false
	kw := *facet
	kw.DocValues = false

	// published sorts, facets and weighs recency; the other dates only match.
	sortDate := bleve.NewDateTimeFieldMapping()
	sortDate.Store = false
	sortDate.IncludeInAll = false
	date := *sortDate
	date.DocValues = false

	facetNum := bleve.NewNumericFieldMapping()
	facetNum.Store = false
	facetNum.IncludeInAll = false
	num := *facetNum
	num.DocValues = false

	stored := bleve.NewTextFieldMapping()
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.IncludeTermVectors = false
	stored.DocValues = false

	storedKW := bleve.NewKeywordFieldMapping()
	storedKW.Store = true
	storedKW.IncludeInAll = false
	storedKW.IncludeTermVectors = false
	storedKW.DocValues = false

	troops := bleve.NewDocumentStaticMapping()
	troops.AddFieldMappingsAt("min", &num)
	troops.AddFieldMappingsAt("max", facetNum)
	meetings := bleve.NewDocumentStaticMapping()
	meetings.AddFieldMappingsAt("kind", facet)
	meetings.AddFieldMappingsAt("date", &date)

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("title", text)
	doc.AddFieldMappingsAt("text", text)
	doc.AddFieldMappingsAt("byline", plain)
	for _, f := range []string{"nations", "source", "lang"} {
		doc.AddFieldMappingsAt(f, facet)
	}
	for _, f := range []string{"nation_names", "orgs", "has", bandField} {
		doc.AddFieldMappingsAt(f, &kw)
	}
	doc.AddFieldMappingsAt(storyField, storedKW)
	doc.AddFieldMappingsAt("published", sortDate)
	doc.AddSubDocumentMapping("troops", troops)
	doc.AddSubDocumentMapping("meetings", meetings)
	doc.AddFieldMappingsAt(rawField, stored)
	doc.AddFieldMappingsAt(simField, stored)
	// No _all field at all: with every field left out of it, Bleve would
	// still add an empty one to each document and carry it through every
	// segment.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = standard.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// document is what Bleve indexes for an article. Keyword values that
// people type are lower-cased here and in the query parser, so nation:ukraine
// and nation:Ukraine agree; nation codes stay upper case as ISO writes them.
func document(a *defwatch.Article, story string, sim uint64) (map[string]any, error) {
	head := *a
	head.Text = ""
	raw, err := json.Marshal(&head)
	if err != nil {
		return nil, err
	}
	var codes, names, orgs, has []string
	for _, n := range a.Nations {
		codes = append(codes, n.Code)
		names = append(names, strings.ToLower(n.Name))
	}
	for _, o := range a.Orgs {
		orgs = append(orgs, strings.ToLower(o.Name))
	}
	troops := make([]map[string]any, 0, len(a.Troops))
	for _, t := range a.Troops {
		troops = append(troops, map[string]any{"min": float64(t.Min), "max": float64(t.Max)})
	}
	meetings := make([]map[string]any, 0, len(a.Meetings))
	for _, m := range a.Meetings {
		mt := map[string]any{"kind": strings.ToLower(m.Kind)}
		if d, err := time.Parse(time.DateOnly, m.Date); err == nil {
			mt["date"] = d
		}
		meetings = append(meetings, mt)
	}
	if len(a.Troops) > 0 {
		has = append(has, "troops")
	}
	if len(a.Meetings) > 0 {
		has = append(has, "meetings")
	}
	d := map[string]any{
		"title":        a.Title,
		"text":         a.Text,
		"byline":       a.Byline,
		"nations":      codes,
		"nation_names": names,
		"orgs":         orgs,
		"source":       strings.TrimPrefix(strings.ToLower(a.Source), "www."),
		"lang":         strings.ToLower(a.Lang),
		"has":          has,
		"troops":       troops,
		"meetings":     meetings,
		storyField:     story,
		bandField:      bands(sim),
		simField:       formatSim(sim),
		rawField:       string(raw),
	}
	if !a.Published.IsZero() {
		d["published"] = a.Published
	}
	return d, nil
}
