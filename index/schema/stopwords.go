package schema

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Stop words are left out of the index and of queries. Each language has
// its own list, and a query is read in every language (see the query
// package), so a word that is a stop word in one language and a word that
// means something in another must not be on the first list: German "war"
// (was) would otherwise make the English query "war" match every German
// article, since a stop word asks nothing of the articles of its
// language. The lists below are Snowball's (as Bleve ships them) less such
// words, and our own for Ukrainian, which neither has.

// notStopDE are German stop words that are English words analysts search
// for ("war", "die", "man", "will", …).
var notStopDE = []string{"also", "bin", "die", "hat", "man", "nun", "war", "will"}

// notStopRU are nouns and numerals on Snowball's Russian list: they carry
// meaning in news.
var notStopRU = []string{"человек", "жизнь", "два", "три", "сегодня"}

// stopUK are Ukrainian function words: conjunctions, prepositions,
// particles, pronouns and the forms of "to be". They are split when the
// analysers are first built, not when a command that never indexes starts.
func stopUK() []string {
	return strings.Fields(`
	і й та а але або чи що щоб як якщо бо ж же ще вже лише тільки навіть теж також
	в у на з із зі до від по за під над про при через для без між після перед біля о об
	я ти він вона воно ми ви вони мене мені мною тебе тобі тобою його йому ним нього неї
	її їй нею нас нам нами вас вам вами їх їм ними них себе собі собою
	свій своя своє свої свого своєї своїх своїм своєю своїми
	цей ця це ці цього цієї цих цим цьому цією цими
	той те ті того тієї тих тим тому тією тими
	який яка яке які якого якої яких яким якому якою якими
	хто кого кому ким що чого чому чим де куди коли там тут так не ні
	є був була було були бути буде будуть буду будемо
	мій моя моє мої мого моєї моїх моїм наш наша наше наші нашого нашої наших нашим
	ваш ваша ваше ваші вашого вашої ваших весь вся все всі всього всієї всіх усі усіх
`)
}

// stopMap loads a Snowball list from Bleve, removes keep and adds more,
// all in the normalised spelling terms have when they reach the filter.
func stopMap(snowball []byte, keep, more []string) analysis.TokenMap {
	m := analysis.NewTokenMap()
	if snowball != nil {
		if err := m.LoadBytes(snowball); err != nil {
			panic(err) // Bleve's own lists always load
		}
	}
	for _, w := range more {
		m.AddToken(w)
	}
	for _, w := range keep {
		delete(m, w)
	}
	out := analysis.NewTokenMap()
	for w := range m {
		if s, changed := normalizeTerm([]byte(w)); changed {
			w = s
		}
		out.AddToken(w)
	}
	return out
}
