// Package synth makes the benchmarks' articles out of a real corpus: each
// copy a different cut of a corpus article, credited to one of many
// outlets, some of them wire copies. The search and the pipeline
// benchmarks share it so that both measure the same kind of archive.
package synth

import (
	"math/rand/v2"
	"strings"
)

// Text is what a copy is cut from: a corpus article's id, language and
// sentences.
type Text struct {
	ID, Lang  string
	Sentences []string
}

// Sentences splits text at sentence ends and paragraph breaks.
func Sentences(text string) []string {
	var out []string
	for para := range strings.SplitSeq(text, "\n") {
		start := 0
		for i := 0; i+1 < len(para); i++ {
			if (para[i] == '.' || para[i] == '!' || para[i] == '?') && para[i+1] == ' ' {
				out = append(out, strings.TrimSpace(para[start:i+1]))
				start = i + 2
			}
		}
		if s := strings.TrimSpace(para[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Cut keeps about three quarters of b's sentences and mixes in a few from
// another article of the corpus in its language, so that two reports cut
// from one corpus article are as far apart as two reports on the same
// events, not copies of one wire story. text reads a corpus entry.
func Cut[T any](rng *rand.Rand, corpus []T, b T, text func(T) Text) string {
	own := text(b)
	var other []string
	for range 8 {
		o := text(corpus[rng.IntN(len(corpus))])
		if o.Lang == own.Lang && o.ID != own.ID {
			other = o.Sentences
			break
		}
	}
	var kept []string
	for _, s := range own.Sentences {
		if rng.Float64() < 0.75 {
			kept = append(kept, s)
		}
		if len(other) > 0 && rng.Float64() < 0.25 {
			kept = append(kept, other[rng.IntN(len(other))])
		}
	}
	if len(kept) == 0 && len(own.Sentences) > 0 {
		kept = own.Sentences[:1]
	}
	// Paragraphs of three sentences, as the extractor's output reads.
	var sb strings.Builder
	for j, s := range kept {
		switch {
		case j == 0:
		case j%3 == 0:
			sb.WriteString("\n\n")
		default:
			sb.WriteByte(' ')
		}
		sb.WriteString(s)
	}
	return sb.String()
}

// Outlets are the sources copies are credited to.
var Outlets = []string{
	"reuters.com", "apnews.com", "bbc.co.uk", "theguardian.com", "kyivindependent.com", "pravda.com.ua",
	"ukrinform.ua", "defensenews.com", "breakingdefense.com", "janes.com", "politico.eu", "dw.com",
	"spiegel.de", "faz.net", "derstandard.at", "lemonde.fr", "france24.com", "nytimes.com",
	"washingtonpost.com", "wsj.com", "ft.com", "telegraph.co.uk", "euronews.com", "rferl.org",
	"nato.int", "defense.gov", "af.mil", "army.mil", "dvidshub.net", "gov.uk",
	"notesfrompoland.com", "tvn24.pl", "lrt.lt", "err.ee", "yle.fi", "svt.se",
	"aljazeera.com", "cnn.com", "foxnews.com", "militarytimes.com",
}

// WireCredits end wire copies, which differ from their story by that line.
var WireCredits = []string{
	"(Reporting by Pavel Polityuk; Editing by Mark Heinrich)",
	"(Reporting by Sabine Siebold; Editing by Andrew Heavens)",
	"(Additional reporting by Andrew Gray in Brussels)",
	"Copyright 2025 The Associated Press. All rights reserved.",
	"This story has been corrected to fix a spelling.",
}
