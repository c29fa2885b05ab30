package schema

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/defwatch/defwatch/index/internal/fasttok"
)

// JoinedType marks the extra term the tokenizer makes of a hyphenated word:
// "co-operation" is indexed as "co", "operation" and, at the position of
// its first part, "cooperation"; "F-16" as "f", "16" and "f16". So a search
// for "cooperation" or "F16" finds the hyphenated spelling too, and a query
// word written with hyphens can ask for the joined term alone, which both
// spellings carry.
const JoinedType = analysis.Shingle

// maxJoined is the most parts a hyphenated word is joined from; longer
// chains are lists ("1-2-3-4-5"), not words.
const maxJoined = 4

// wordTokenizer splits text into words with fasttok (Bleve's unicode
// word boundaries) and adds the joined term of each hyphenated word.
type wordTokenizer struct{ words *fasttok.Tokenizer }

func (t wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := t.words.Tokenize(input)
	if len(toks) < 2 || bytes.IndexByte(input, '-') < 0 && !bytes.Contains(input, hyphen) && !bytes.Contains(input, nbHyphen) {
		return toks
	}
	var out analysis.TokenStream
	for i := 0; i < len(toks); {
		j := i // the chain is toks[i..j]
		for j+1 < len(toks) && j-i+1 < maxJoined && hyphenBetween(input, toks[j], toks[j+1]) {
			j++
		}
		if j == i || allNumeric(toks[i:j+1]) {
			if out != nil {
				out = append(out, toks[i])
			}
			i++
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, 0, len(toks)+4)
			out = append(out, toks[:i]...)
		}
		var term []byte
		for _, p := range toks[i : j+1] {
			term = append(term, p.Term...)
		}
		out = append(out, toks[i], &analysis.Token{
			Term: term, Start: toks[i].Start, End: toks[j].End,
			Position: toks[i].Position, Type: JoinedType,
		})
		out = append(out, toks[i+1:j+1]...)
		i = j + 1
	}
	if out == nil {
		return toks
	}
	return out
}

var (
	hyphen   = []byte("\u2010") // ‐ HYPHEN
	nbHyphen = []byte("\u2011") // ‑ NON-BREAKING HYPHEN
)

// hyphenBetween says a and b are written with one hyphen between them and
// nothing else.
func hyphenBetween(input []byte, a, b *analysis.Token) bool {
	if a.End >= b.Start || b.Start > len(input) {
		return false
	}
	mid := input[a.End:b.Start]
	return len(mid) == 1 && mid[0] == '-' || bytes.Equal(mid, hyphen) || bytes.Equal(mid, nbHyphen)
}

// allNumeric says every part is a number: "2022-2023" and "2025-04-10"
// are ranges and dates, not words.
func allNumeric(parts []*analysis.Token) bool {
	for _, p := range parts {
		if p.Type != analysis.Numeric {
			return false
		}
	}
	return true
}
