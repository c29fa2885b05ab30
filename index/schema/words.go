package schema

import (
	"bytes"
	"unicode"
	"unicode/utf8"

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
	toks := splitSentences(input, t.words.Tokenize(input))
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

// splitSentences splits words that run over a full stop with no space
// after it, as scraped text often has them: "Ukraine.The" is "Ukraine" and
// "The", where Unicode's rules keep one word (a full stop between letters
// joins them, as in "U.S" or "apnews.com"). A full stop splits only between
// a lower-case letter and an upper-case one, so acronyms and host names
// stay whole. Positions after a split move on.
func splitSentences(input []byte, toks analysis.TokenStream) analysis.TokenStream {
	if bytes.IndexByte(input, '.') < 0 {
		return toks
	}
	var out analysis.TokenStream
	for i, t := range toks {
		cuts := sentenceCuts(input[t.Start:t.End])
		if len(cuts) == 0 {
			if out != nil {
				t.Position = len(out) + 1
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, 0, len(toks)+2*len(cuts))
			out = append(out, toks[:i]...)
		}
		start := t.Start
		for _, c := range append(cuts, t.End-t.Start) {
			end := t.Start + c
			out = append(out, &analysis.Token{Term: input[start:end], Start: start, End: end, Position: len(out) + 1, Type: t.Type})
			start = end + 1 // past the full stop
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// sentenceCuts are the offsets in word of the full stops that end a
// sentence inside it.
func sentenceCuts(word []byte) []int {
	var cuts []int
	for i := bytes.IndexByte(word, '.'); i > 0 && i+1 < len(word); {
		before, _ := utf8.DecodeLastRune(word[:i])
		after, _ := utf8.DecodeRune(word[i+1:])
		if unicode.IsLower(before) && unicode.IsUpper(after) {
			cuts = append(cuts, i)
		}
		j := bytes.IndexByte(word[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return cuts
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
