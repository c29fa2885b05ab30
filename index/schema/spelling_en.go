package schema

import (
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
)

// englishSpelling makes British and American spellings of a word one term,
// so "Ministry of Defence" finds "Ministry of Defense" and "armoured
// brigade" finds "armored brigade". The patterns (-our/-or, -re/-er,
// -ise/-ize, -ence/-ense, -ogue/-og, doubled l) each have too many
// exceptions ("hour", "four", "wise", "rise", "fence") to apply as rules,
// so the words are listed: those of defence and diplomatic news, after
// plurals are stemmed. Each maps to its American spelling.
//
// It is built on first use, not when a command that never indexes starts.
var englishSpelling = sync.OnceValue(func() map[string]string {
	pairs := strings.Fields(`
		defence defense  offence offense  licence license  pretence pretense
		armour armor  armoured armored  armoury armory  harbour harbor  honour honor  honoured honored
		labour labor  favour favor  neighbour neighbor  neighbouring neighboring  rumour rumor
		behaviour behavior  endeavour endeavor  vigour vigor  colour color  valour valor  saviour savior
		centre center  theatre theater  metre meter  kilometre kilometer  calibre caliber  sabre saber
		manoeuvre maneuver  manoeuvring maneuvering
		programme program  catalogue catalog  analogue analog
		organisation organization  organise organize  organised organized
		mobilisation mobilization  mobilise mobilize  mobilised mobilized
		demobilisation demobilization  militarisation militarization  demilitarisation demilitarization
		modernisation modernization  modernise modernize  modernised modernized
		stabilisation stabilization  normalisation normalization  privatisation privatization
		authorisation authorization  authorise authorize  authorised authorized
		recognise recognize  recognised recognized  realise realize  realised realized
		criticise criticize  criticised criticized  emphasise emphasize  prioritise prioritize
		apologise apologize  neutralise neutralize  neutralised neutralized  jeopardise jeopardize
		destabilise destabilize  destabilising destabilizing  sympathise sympathize
		analyse analyze  analysed analyzed  paralyse paralyze  paralysed paralyzed
		travelled traveled  travelling traveling  cancelled canceled  fuelled fueled  labelled labeled
		signalled signaled  modelled modeled  levelled leveled  counselling counseling
		sceptical skeptical  sceptic skeptic  grey gray  enrolment enrollment  fulfil fulfill
		ageing aging  judgement judgment  acknowledgement acknowledgment
	`)
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
})

type spellingFilter struct{}

func (spellingFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	spelling := englishSpelling()
	for _, t := range input {
		if us, ok := spelling[string(t.Term)]; ok {
			t.Term = []byte(us)
		}
	}
	return input
}
