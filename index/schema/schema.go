// Package schema says how the index stores an article: the Bleve mapping of
// each field, the names of the fields beside the Article's own, and the
// analyser of each text field. The index writes by it and the query
// language reads by it, so a word is analysed the same way on both sides.
package schema

import (
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/defwatch/defwatch/index/internal/fasttok"
)

// Fields of the stored document beside the Article's own.
const (
	// RawField holds the Article's JSON without its text, stored but not
	// indexed, so a hit returns the whole Article without a second store.
	RawField = "_raw"
	// StoryField groups near-identical copies of one wire story.
	StoryField = "story"
	// SimField holds the text's simhash (stored), and BandField its four
	// 16-bit bands (indexed), through which copies find each other.
	SimField  = "simhash"
	BandField = "simband"
	// OutletField holds the outlet's key (its source, as source: matches
	// it) and its own name, joined by OutletSep: one term the sources
	// facet counts and shows by name.
	OutletField = "outlet"
	OutletSep   = "\x1f"
	// PeakField is the largest of an article's troop figures (their
	// maxima): one value an article, so the troop facet counts articles.
	PeakField = "troops_peak"
)

// Version is the layout of the documents a shard holds. A shard of
// another version lacks fields that searches count on, and is rebuilt
// from the articles stream; raise it when a field is added or analysed
// differently.
const Version = "2"

// VersionKey is the key of a shard's internal store that holds the
// Version it was written at.
var VersionKey = []byte("defwatch_schema")

// TextFields are the analysed text fields, in the order queries name them.
var TextFields = []string{"title", "text", "byline"}

// Mapping is the Bleve mapping of a new shard.
func Mapping() mapping.IndexMapping {
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
	troops.AddFieldMappingsAt("max", &num)
	meetings := bleve.NewDocumentStaticMapping()
	meetings.AddFieldMappingsAt("kind", facet)
	meetings.AddFieldMappingsAt("date", &date)

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("title", text)
	doc.AddFieldMappingsAt("text", text)
	doc.AddFieldMappingsAt("byline", plain)
	for _, f := range []string{"nations", OutletField, "lang"} {
		doc.AddFieldMappingsAt(f, facet)
	}
	doc.AddFieldMappingsAt("source", &kw)
	doc.AddFieldMappingsAt(PeakField, facetNum)
	for _, f := range []string{"nation_names", "orgs", "has", BandField} {
		doc.AddFieldMappingsAt(f, &kw)
	}
	doc.AddFieldMappingsAt(StoryField, storedKW)
	doc.AddFieldMappingsAt("published", sortDate)
	doc.AddSubDocumentMapping("troops", troops)
	doc.AddSubDocumentMapping("meetings", meetings)
	doc.AddFieldMappingsAt(RawField, stored)
	doc.AddFieldMappingsAt(SimField, stored)
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

// analysers caches the mapping's analyser of each text field, so a change
// of analyser in the mapping changes query analysis with it.
var analysers = sync.OnceValue(func() map[string]analysis.Analyzer {
	m := Mapping()
	out := map[string]analysis.Analyzer{}
	for _, f := range TextFields {
		out[f] = m.AnalyzerNamed(m.AnalyzerNameForPath(f))
	}
	return out
})

// Analyzer is the analyser the mapping gives field.
func Analyzer(field string) analysis.Analyzer {
	if a, ok := analysers()[field]; ok {
		return a
	}
	m := Mapping()
	return m.AnalyzerNamed(m.AnalyzerNameForPath(field))
}
