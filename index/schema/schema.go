// Package schema says how the index stores an article: the Bleve mapping of
// each field, the names of the fields beside the Article's own, and the
// analysers of the text fields, one per language. The index writes by it
// and the query language reads by it, so a word is analysed the same way
// on both sides.
package schema

import (
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
)

// Fields of the stored document beside the Article's own.
const (
	// RawField holds the Article's JSON without its text, stored but not
	// indexed, so a hit returns the whole Article without a second store.
	RawField = "_raw"
	// StoryField groups near-identical copies of one wire story.
	StoryField = "story"
	// SimField holds the text's simhash (stored), whose four 16-bit bands
	// the story table keeps in memory to find copies.
	SimField = "simhash"
	// OutletField holds the outlet's key (its source, as source: matches
	// it) and its own name, joined by OutletSep: one term the sources
	// facet counts and shows by name.
	OutletField = "outlet"
	OutletSep   = "\x1f"
	// PeakField is the largest of an article's troop figures (their
	// maxima): one value an article, so the troop facet counts articles.
	PeakField = "troops_peak"
	// TimeField is the publication time as one term, the nanoseconds
	// since 1970 prefix-coded as Bleve codes numbers (see TimeTerm), kept
	// for its column of doc values: what the recency blend reads for
	// each match, and what searches sort by date and count the histogram
	// from. A date field's column holds sixteen terms a document (its
	// value at every precision), all read and decompressed to find the
	// one that is the time; Bleve sorts a date by that one, the same
	// bytes, so orders and paging tokens are the same by either field.
	TimeField = "pubtime"
)

// TextFields are the analysed text fields, in the order queries name them.
var TextFields = []string{"title", "text", "byline"}

// AnalysisField holds the analysis an article's text was indexed with
// (English, German, …): it picks the document's mapping, and a query
// reads a word that is a stop word in one language by it.
const AnalysisField = "analysis"

// Version is the layout of the documents a shard holds and the analysis
// of their text. A shard of another version lacks fields that searches
// count on, or holds words a query would no longer find, and is rebuilt
// from the articles stream; raise it when a field is added or analysed
// differently.
//
// Shards made before versions were written (1) had Bleve's standard
// analysis for every language; 2 added the outlet and troop-peak fields;
// 3 analyses title and text by the article's language, joins hyphenated
// words, folds apostrophes and Latin diacritics. Fields no search reads
// (nation names, simhash bands, the story id as a term) stopped being
// indexed within 3: a shard that still holds them answers the same. 4
// added TimeField.
const Version = "4"

// VersionKey is the key of a shard's internal store that holds the
// Version it was written at.
var VersionKey = []byte("defwatch_schema")

// Mapping is the Bleve mapping of a new shard: one document mapping per
// analysis, picked by the document's AnalysisField.
func Mapping() mapping.IndexMapping {
	m := bleve.NewIndexMapping()
	for _, a := range Analyses {
		m.AddDocumentMapping(a, documentMapping(a))
	}
	m.TypeField = AnalysisField
	m.DefaultType = Other
	m.DefaultMapping = documentMapping(Other)
	m.DefaultAnalyzer = TextAnalyzerName(Other)
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// documentMapping maps an article whose text has analysis a.
func documentMapping(a string) *mapping.DocumentMapping {
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
	text.Analyzer = TextAnalyzerName(a)
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false
	text.DocValues = false

	// byline keeps its term vectors: byline:"Jane Doe" is a phrase.
	plain := bleve.NewTextFieldMapping()
	plain.Analyzer = BylineAnalyzerName
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
	source := kw
	doc.AddFieldMappingsAt("source", &source)
	doc.AddFieldMappingsAt(PeakField, facetNum)
	for _, f := range []string{"orgs", "has", AnalysisField} {
		k := kw
		doc.AddFieldMappingsAt(f, &k)
	}
	// The story id and the simhash are read from the stored fields (hits
	// fold by story; the story table loads both), never searched: the
	// story id as a term, and the simhash's four bands, were five postings
	// entries an article, nearly all of them new terms, that no query read.
	doc.AddFieldMappingsAt(StoryField, stored)
	doc.AddFieldMappingsAt("published", sortDate)
	// Indexed, since Bleve makes doc values only of indexed terms; no
	// query names the field.
	doc.AddFieldMappingsAt(TimeField, facet)
	doc.AddSubDocumentMapping("troops", troops)
	doc.AddSubDocumentMapping("meetings", meetings)
	doc.AddFieldMappingsAt(RawField, stored)
	doc.AddFieldMappingsAt(SimField, stored)
	// No _all field at all: with every field left out of it, Bleve would
	// still add an empty one to each document and carry it through every
	// segment.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	doc.DefaultAnalyzer = TextAnalyzerName(a)
	return doc
}

// TimeTerm is TimeField's term for a publication time.
func TimeTerm(t time.Time) string {
	return string(numeric.MustNewPrefixCodedInt64(t.UnixNano(), 0))
}
