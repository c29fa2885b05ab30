// Package fasttok is a drop-in replacement for Bleve's "unicode" tokenizer
// that produces the very same tokens several times faster on the Latin and
// Cyrillic text we index, and hands any text it is not sure about to Bleve.
//
// Bleve splits words with github.com/blevesearch/segment, a Ragel scanner for
// the word boundaries of Unicode 8.0 (UAX #29). For the characters of the safe
// set below, that scanner reduces to a few rules, which this package applies
// in one pass over the bytes:
//
//   - a word is a run of letters, digits and connectors ("_");
//   - a MidLetter or MidNumLet character (":", ".", "'", "’") stays inside a
//     word only between two letters, a MidNum or MidNumLet character (",", ";",
//     ".", "'") only between two digits;
//   - Extend and Format characters (combining marks, the soft hyphen, ZWJ)
//     cling to the character before them and are otherwise ignored;
//   - everything else ends a word and never starts one.
//
// A word is typed Numeric when it holds a digit and no letter, as Bleve's
// scanner prefers its number rule when both rules match the same bytes.
package fasttok

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

const (
	// TokenizerName is the name of Tokenizer in Bleve's registry.
	TokenizerName = "defwatch_unicode"
	// AnalyzerName is the name in Bleve's registry of an analyzer that
	// behaves exactly like Bleve's "standard" one but uses Tokenizer.
	AnalyzerName = "defwatch_standard"
)

var _ analysis.Tokenizer = (*Tokenizer)(nil)

// Tokenizer splits text into words exactly as Bleve's unicode tokenizer does.
// It holds no state, so one value may be shared by many goroutines.
type Tokenizer struct {
	fallback *unicode.UnicodeTokenizer
}

// New returns a Tokenizer.
func New() *Tokenizer {
	return &Tokenizer{fallback: unicode.NewUnicodeTokenizer()}
}

// Tokenize returns the words of input. Their terms share input's bytes.
func (t *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	if stream, ok := tokenizeFast(input); ok {
		return stream
	}
	return t.fallback.Tokenize(input)
}

func init() {
	if err := registry.RegisterTokenizer(TokenizerName, tokenizerConstructor); err != nil {
		panic(err)
	}
	if err := registry.RegisterAnalyzer(AnalyzerName, analyzerConstructor); err != nil {
		panic(err)
	}
}

func tokenizerConstructor(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
	return New(), nil
}

// analyzerConstructor builds Bleve's "standard" analyzer around Tokenizer:
// the same filters in the same order, so the two index identical terms.
func analyzerConstructor(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	tokenizer, err := cache.TokenizerNamed(TokenizerName)
	if err != nil {
		return nil, err
	}
	toLower, err := cache.TokenFilterNamed(lowercase.Name)
	if err != nil {
		return nil, err
	}
	stopEn, err := cache.TokenFilterNamed(en.StopName)
	if err != nil {
		return nil, err
	}
	return &analysis.DefaultAnalyzer{
		Tokenizer:    tokenizer,
		TokenFilters: []analysis.TokenFilter{toLower, stopEn},
	}, nil
}

// class is the part a character plays in word segmentation, after the
// Unicode 8.0 Word_Break property that Bleve's segmenter is built from.
type class uint8

const (
	unsafe    class = iota // outside the safe set: Bleve must do the whole input
	other                  // spaces, line breaks, most punctuation and symbols
	letter                 // ALetter
	digit                  // Numeric
	midLetter              // MidLetter: joins two letters
	midNum                 // MidNum: joins two digits
	midNumLet              // MidNumLet or Single_Quote: joins two letters or two digits
	connector              // ExtendNumLet: joins letters, digits and connectors
	extend                 // Extend or Format: belongs to the character before it
)

// classOf gives the class of r, or unsafe when r is outside the safe set.
// The safe set is kept to blocks whose every code point was checked against
// the Word_Break table that github.com/blevesearch/segment v0.9.1 compiles
// in (Unicode 8.0, not today's Unicode: NNBSP and the "WSegSpace" spaces
// are plain Other there), and each of its code points is tested in context
// against Bleve by TestEverySafeRune.
func classOf(r rune) class {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return letter
	case r >= '0' && r <= '9':
		return digit
	case r < 0x80:
		switch r {
		case ':':
			return midLetter
		case ',', ';':
			return midNum
		case '.', '\'':
			return midNumLet
		case '_':
			return connector
		}
		// Also CR, LF, VT, FF and '"': Bleve gives them rules of their own,
		// but they only differ in how non-word bytes are grouped.
		return other
	case r < 0xA0: // C1 controls, NEL among them
		return other
	case r < 0xC0: // Latin-1 punctuation and symbols
		switch r {
		case 0xAA, 0xB5, 0xBA: // ª µ º
			return letter
		case 0xAD: // soft hyphen, a Format character
			return extend
		case 0xB7: // middle dot
			return midLetter
		}
		return other
	case r < 0x2B0: // Latin-1 letters, Latin Extended-A and -B, IPA
		if r == 0xD7 || r == 0xF7 { // × ÷
			return other
		}
		return letter
	case r < 0x300: // spacing modifier letters, among them ʼ (U+02BC)
		switch {
		case r <= 0x2C1, r >= 0x2C6 && r <= 0x2D1, r >= 0x2E0 && r <= 0x2E4, r == 0x2EC, r == 0x2EE:
			return letter
		case r == 0x2D7: // modifier letter minus sign
			return midLetter
		}
		return other
	case r < 0x370: // combining diacritical marks
		return extend
	case r < 0x400: // Greek and Coptic
		switch r {
		case 0x37E: // Greek question mark
			return midNum
		case 0x387: // Greek ano teleia
			return midLetter
		case 0x375, 0x378, 0x379, 0x380, 0x381, 0x382, 0x383, 0x384, 0x385, 0x38B, 0x38D, 0x3A2, 0x3F6:
			return other
		}
		return letter
	case r < 0x530: // Cyrillic and Cyrillic Supplement
		switch {
		case r == 0x482: // ҂ thousands sign
			return other
		case r >= 0x483 && r <= 0x489: // combining titlo and friends
			return extend
		}
		return letter
	case r >= 0x2000 && r < 0x2070: // General Punctuation
		switch {
		case r == 0x2018, r == 0x2019, r == 0x2024: // ‘ ’ ․
			return midNumLet
		case r == 0x2027: // ‧ hyphenation point
			return midLetter
		case r == 0x2044: // ⁄ fraction slash
			return midNum
		case r == 0x203F, r == 0x2040, r == 0x2054: // ‿ ⁀ ⁔
			return connector
		case r >= 0x200C && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2060 && r <= 0x206F && r != 0x2065:
			return extend // ZWNJ, ZWJ, direction marks and invisible operators
		}
		return other // spaces (ZWSP too), dashes, quotes, bullets, …
	case r >= 0x20A0 && r < 0x20D0, // currency signs
		r == 0x2116, r == 0x2122, // № ™
		r >= 0x2190 && r < 0x2400, // arrows, mathematical operators, technical symbols
		r >= 0x2500 && r < 0x2600: // box drawing, blocks, geometric shapes
		return other
	case r == 0xFEFF: // byte order mark, a Format character
		return extend
	}
	return unsafe
}

// The classes of the safe set, looked up by decode: lowClasses for what
// UTF-8 writes in one or two bytes, highClasses for the three-byte sequences
// led by 0xE2. Their sizes match what decode can index, which spares the
// bounds checks.
var (
	lowClasses  = classTable[[0x800]class](0)
	highClasses = classTable[[0x1000]class](0x2000)
)

func classTable[T [0x800]class | [0x1000]class](from rune) T {
	var t T
	for i := range len(t) {
		t[i] = classOf(from + rune(i))
	}
	return t
}

// joins reports whether mid, seen right after a character of class prev,
// may keep a word going, provided a character of class prev follows it.
func joins(prev, mid class) bool {
	switch prev {
	case letter:
		return mid == midLetter || mid == midNumLet
	case digit:
		return mid == midNum || mid == midNumLet
	}
	return false
}

// decode returns the class and the length in bytes of the character that
// starts at input[i], or unsafe for anything outside the safe set, invalid
// UTF-8 included.
func decode(input []byte, i int) (class, int) {
	switch b := input[i]; {
	case b < 0x80:
		return lowClasses[b], 1
	case b >= 0xC2 && b < 0xE0 && i+1 < len(input) && input[i+1]&0xC0 == 0x80:
		return lowClasses[rune(b&0x1F)<<6|rune(input[i+1]&0x3F)], 2
	case b == 0xE2 && i+2 < len(input) && input[i+1]&0xC0 == 0x80 && input[i+2]&0xC0 == 0x80:
		return highClasses[rune(input[i+1]&0x3F)<<6|rune(input[i+2]&0x3F)], 3
	case b == 0xEF && i+2 < len(input) && input[i+1] == 0xBB && input[i+2] == 0xBF:
		return extend, 3
	}
	return unsafe, 1
}

// tokenizeFast splits input as Bleve's unicode tokenizer would, or reports
// false as soon as it meets a byte sequence outside the safe set.
func tokenizeFast(input []byte) (analysis.TokenStream, bool) {
	var w words
	w.init(len(input))

	start, end := -1, 0 // the current word is input[start:end]; start < 0 outside words
	var last class      // the class of the word's last letter, digit or connector
	hasLetter, hasDigit := false, false
	pending := false // a joining character follows the word and awaits its verdict

	for i, n := 0, len(input); i < n; {
		c, size := decode(input, i)
		switch c {
		case unsafe:
			return nil, false
		case letter, digit, connector:
			if start >= 0 && pending && c != last {
				// "a.1" or "1,a": the joiner did not join, so the word
				// ends before it and this character starts the next.
				w.add(input, start, end, hasLetter, hasDigit)
				start = -1
			}
			if start < 0 {
				start, hasLetter, hasDigit = i, false, false
			}
			pending = false
			// No rule applies between characters of the same class, so
			// take the rest of the run in a tight loop, ASCII inline.
			for j := i + size; j < n; {
				var cj class
				sj := 1
				if b := input[j]; b < 0x80 {
					cj = lowClasses[b]
				} else {
					cj, sj = decode(input, j)
				}
				if cj != c {
					break
				}
				size += sj
				j += sj
			}
			end, last = i+size, c
			hasLetter = hasLetter || c == letter
			hasDigit = hasDigit || c == digit
		case extend:
			if start >= 0 && !pending {
				end = i + size
			}
		case midLetter, midNum, midNumLet:
			if start < 0 {
				break
			}
			if !pending && joins(last, c) {
				pending = true
				break
			}
			w.add(input, start, end, hasLetter, hasDigit)
			start, pending = -1, false
		default:
			if start >= 0 {
				w.add(input, start, end, hasLetter, hasDigit)
				start, pending = -1, false
			}
		}
		i += size
	}
	if start >= 0 {
		w.add(input, start, end, hasLetter, hasDigit)
	}
	return w.stream, true
}

// words collects tokens the way Bleve's tokenizer does: in slabs that are
// never moved, so that the stream can point into them while it grows.
type words struct {
	stream analysis.TokenStream
	slab   []analysis.Token
	size   int // the length of the input, to size the next slab
}

func (w *words) init(size int) {
	w.size = size
	// Our news averages 7.4 bytes a word. Erring on the large side costs
	// 8 bytes a pointer, less than copying the stream when it grows.
	w.stream = make(analysis.TokenStream, 0, size/6+1)
}

// add appends input[start:end] as the next token.
func (w *words) add(input []byte, start, end int, hasLetter, hasDigit bool) {
	if len(w.slab) == cap(w.slab) {
		// Guess how many words the rest of the input holds from how
		// long the words so far have been, or at first from a typical
		// length of 8 bytes a word.
		perWord := 8
		if len(w.stream) > 0 {
			perWord = start/len(w.stream) + 1
		}
		guess := (w.size-start)/perWord + 1
		w.slab = make([]analysis.Token, 0, min(max(guess, 4), 1024))
	}
	typ := analysis.AlphaNumeric
	if hasDigit && !hasLetter {
		typ = analysis.Numeric
	}
	w.slab = append(w.slab, analysis.Token{
		Term:     input[start:end],
		Start:    start,
		End:      end,
		Position: len(w.stream) + 1,
		Type:     typ,
	})
	w.stream = append(w.stream, &w.slab[len(w.slab)-1])
}
