package entity

import (
	"slices"
	"sync"

	"github.com/defwatch/defwatch"
)

// Places returns the places text names, in the order it first names them,
// each under its English name with the ISO 3166-1 code of its country.
func Places(text string) []defwatch.Place { return placesOf(newScan(text)) }

func placesOf(s *scan) []defwatch.Place {
	var out []defwatch.Place
	for _, h := range s.placeHits(0, len(s.toks)) {
		if !slices.ContainsFunc(out, func(p defwatch.Place) bool { return p.Name == h.e.name }) {
			out = append(out, defwatch.Place{Name: h.e.name, Country: h.e.country})
		}
	}
	return out
}

// placeLex is built on first use and never changed after.
var placeLex = sync.OnceValue(genPlaceLex)

// placeHits returns the places named in tokens [from, to).
func (s *scan) placeHits(from, to int) []lexHit {
	return s.lexHits(placeLex(), from, to, s.placeOK)
}

// placeOK rejects a place's name that is part of another name: a
// newspaper or a treaty named after a city ("Kyiv Independent", "Minsk
// Protocol") or a town of the same name in a US state ("Athens, Georgia").
func (s *scan) placeOK(h lexHit) bool {
	if h.to < len(s.toks) && !s.toks[h.to].brk && placeNotAfter.has(s.word(h.to)) {
		return false
	}
	if h.e.country != "US" && s.usPlaceAt(h.to) {
		return false
	}
	return true
}

// placeNotAfter are the words that make a city's name part of the name of
// something else.
var placeNotAfter = setOf(placeNotAfterIndex, []string{
	"Post", "Times", "Independent", "Journal", "Herald", "Tribune", "Examiner", "Telegraph",
	"Institute", "University", "Agreement", "Agreements", "Accord", "Accords", "Protocol",
	"Protocols", "Convention", "Conventions", "Declaration", "Club", "Dynamo", "Spartak",
	"Capitals", "Commanders", "Nationals", "Airlines", "Treaty", "Charter", "Process",
	"Syndrome", "Memorandum", "Consensus", "Pact", "Format", "dtFormat",
	"agreement", "agreements", "accords", "protocol", "process",
})
