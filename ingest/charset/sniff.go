package charset

import (
	"bytes"
	"encoding/binary"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// utf8Stats says how well a body reads as UTF-8.
type utf8Stats struct {
	multi   int // well-formed multi-byte sequences
	invalid int // bytes that start no well-formed sequence
}

func scanUTF8(b []byte) utf8Stats {
	var s utf8Stats
	for i := 0; i < len(b); {
		// Markup is mostly ASCII: skip it eight bytes at a time.
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(b) {
			break
		}
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r != utf8.RuneError || n > 1:
			s.multi++
		case !utf8.FullRune(b[i:]) && s.multi > 0:
			// The body ends inside a character: the fetcher's size cap cut
			// it. That says nothing against UTF-8, given UTF-8 before it.
			return s
		default:
			s.invalid++
		}
		i += n
	}
	return s
}

// sniffUTF16 recognises UTF-16 without a BOM. Markup and spaces are ASCII,
// which UTF-16 stores with a zero in every other byte; text in any
// ASCII-based encoding has no zero bytes at all. The sample is large enough
// to hold some ASCII even in a page that opens with a paragraph of CJK.
func sniffUTF16(b []byte) (choice, bool) {
	n := min(len(b), 4096) &^ 1
	if n < 4 {
		return choice{}, false
	}
	var zero [2]int // zero bytes at even and odd offsets
	for i, c := range b[:n] {
		if c == 0 {
			zero[i&1]++
		}
	}
	enough := max(2, n/2/32)
	switch {
	case zero[1] >= enough && 16*zero[0] <= zero[1]:
		return utf16LEChoice, true
	case zero[0] >= enough && 16*zero[1] <= zero[0]:
		return utf16BEChoice, true
	}
	return choice{}, false
}

// hasISO2022JPEscape looks for the escapes that switch ISO-2022-JP into
// JIS X 0208 (ESC $ B, ESC $ @).
func hasISO2022JPEscape(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0x1B)
		if i < 0 || i+2 >= len(b) {
			return false
		}
		if b[i+1] == '$' && (b[i+2] == 'B' || b[i+2] == '@') {
			return true
		}
		b = b[i+1:]
	}
}

// maxSniff bounds how much of a body the statistics read. They settle within
// a few kilobytes of text; the bound keeps a multi-megabyte page from costing
// several passes over all of it.
const maxSniff = 256 << 10

// sniffWindow returns the part of b the statistics look at: from just before
// the first non-ASCII byte (a long ASCII head says nothing about encoding).
func sniffWindow(b []byte) []byte {
	first := 0
	for first < len(b) && b[first] < utf8.RuneSelf {
		first++
	}
	start := max(first-1, 0)
	return b[start:min(len(b), start+maxSniff)]
}

// sniff guesses the encoding of a body that carries no usable label and is
// not UTF-8.
func sniff(ev *evidence) choice {
	// With no label, more good UTF-8 sequences than bad bytes is the best
	// evidence there is (a mixed page, or one the cap cut badly).
	if st := ev.utf8; st.multi > 0 && st.multi >= st.invalid {
		return utf8Choice
	}
	w := ev.w

	var high, isolated int
	var cyr [2]int // common Cyrillic letters as read in windows-1251, KOI8
	ukrainian := false
	cyrillic := cyrillic()
	for i, c := range w {
		if c < utf8.RuneSelf {
			continue
		}
		high++
		if (i == 0 || w[i-1] < utf8.RuneSelf) && (i+1 == len(w) || w[i+1] < utf8.RuneSelf) {
			isolated++
		}
		if cyrillic.common1251[c] {
			cyr[0]++
		}
		if cyrillic.commonKOI8[c] {
			cyr[1]++
		}
		ukrainian = ukrainian || cyrillic.koi8uOnly[c]
	}
	if high == 0 {
		return utf8Choice
	}

	// Latin scripts put an accented letter here and there between ASCII
	// letters; Cyrillic words and CJK text are runs of high bytes. So a body
	// where most high bytes stand alone is Latin, and windows-1252 is the
	// Latin encoding the web means even when it says ISO-8859-1. This test
	// must come first: English with curly apostrophes ("it\x92s") parses as
	// flawless Shift_JIS, and French é reads as a common KOI8 letter.
	if 2*isolated >= high {
		return latin1Choice
	}

	// Read through the right code page, well over half the high bytes of
	// Russian or Ukrainian text are the ten commonest Russian letters or і
	// (two thirds in the ibash feed); read through the other code page, or
	// if the bytes are CJK, about 0.4 at most. Isolated bytes are one-letter
	// words here, so few are allowed.
	if best := max(cyr[0], cyr[1]); 10*isolated < 3*high && 10*best >= 4*high {
		switch {
		case cyr[0] >= cyr[1]:
			return choice{name: "windows-1251", enc: charmap.Windows1251}
		case ukrainian:
			return choice{name: "koi8-u", enc: charmap.KOI8U}
		default:
			return choice{name: "koi8-r", enc: charmap.KOI8R}
		}
	}

	if c, ok := sniffCJK(ev); ok {
		return c
	}
	return latin1Choice
}

// cyrillic holds per-byte tables for scoring Cyrillic text. They are filled
// once from the x/text code pages rather than typed in, so they cannot
// disagree with the decoders that will read the bytes.
//
// They are built when a page first needs sniffing, not at start-up.
var cyrillic = sync.OnceValue(buildCyrillic)

type cyrillicTables struct {
	common1251, commonKOI8 [256]bool
	// koi8uOnly marks the bytes KOI8-U uses for Ukrainian letters where
	// KOI8-R has box-drawing characters, which never occur in prose.
	koi8uOnly [256]bool
}

func buildCyrillic() *cyrillicTables {
	// The ten commonest letters of Russian, and і, the commonest letter
	// Ukrainian has that Russian lacks.
	const common = "оеаинтсрвлі"
	t := new(cyrillicTables)
	for b := 0x80; b < 0x100; b++ {
		r1251 := unicode.ToLower(charmap.Windows1251.DecodeByte(byte(b)))
		rKOI8 := unicode.ToLower(charmap.KOI8U.DecodeByte(byte(b)))
		for _, r := range common {
			t.common1251[b] = t.common1251[b] || r1251 == r
			t.commonKOI8[b] = t.commonKOI8[b] || rKOI8 == r
		}
		t.koi8uOnly[b] = charmap.KOI8U.DecodeByte(byte(b)) != charmap.KOI8R.DecodeByte(byte(b))
	}
	return t
}

// verdict classifies one character read by a multi-byte grammar.
type verdict uint8

const (
	invalid verdict = iota
	valid           // well-formed, but not evidence for the encoding
	common          // in the block that everyday text in the encoding uses
)

// grammar is the byte structure of one multi-byte encoding. step reads one
// character starting at a byte >= 0x80.
type grammar struct {
	name string
	enc  encoding.Encoding
	step func(b []byte) (n int, v verdict)
}

type grammarStats struct {
	units, common, invalid int
}

func (g grammar) scan(b []byte) grammarStats {
	var s grammarStats
	for i := 0; i < len(b); {
		// Markup is mostly ASCII: skip it eight bytes at a time.
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0 {
			i += 8
		}
		if i >= len(b) {
			break
		}
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		n, v := g.step(b[i:])
		s.units++
		switch v {
		case invalid:
			s.invalid++
		case common:
			s.common++
		}
		i += n
	}
	return s
}

// evidence is what the bytes say, gathered once per body and shared by the
// label checks and the sniffer. The CJK statistics are computed on first use
// and kept: a page may carry any number of <meta> labels, and rescanning the
// body for each would make decoding quadratic.
type evidence struct {
	utf8 utf8Stats
	w    []byte // the sample the statistics read, see sniffWindow
	cjk  [len(grammars)]grammarStats
	done [len(grammars)]bool
}

func (ev *evidence) scan(i int) grammarStats {
	if !ev.done[i] {
		ev.cjk[i], ev.done[i] = grammars[i].scan(ev.w), true
	}
	return ev.cjk[i]
}

// fits reports whether the bytes can be text in the encoding of grammars[i],
// to check a label that names it. Real pages carry a few broken characters,
// and their text is mostly in the encoding's common block. Bytes of another
// encoding break far more than one character in ten, or land outside the
// common block (the CJK encodings accept each other's byte pairs, so Big5
// read as GBK parses, as a scatter of rare hanzi), or another encoding reads
// them as much more everyday text. A handful of characters proves nothing
// either way, so the label is believed then.
func (ev *evidence) fits(i int) bool {
	s := ev.scan(i)
	switch {
	case 10*s.invalid > s.units:
		return false
	case s.units < 16:
		return true
	case 4*s.common < s.units:
		return false
	}
	for j := range grammars {
		if j == i {
			continue
		}
		o := ev.scan(j)
		// o.common/o.units exceeds s.common/s.units by 0.3 or more.
		better := 10*(o.common*s.units-s.common*o.units) >= 3*o.units*s.units
		if o.units > 0 && 20*o.invalid <= o.units && better {
			return false
		}
	}
	return true
}

// The multi-byte encodings in the order that wins a tie. The Hangul block of
// EUC-KR (lead bytes B0-C8) lies inside the hanzi and kanji blocks GBK and
// EUC-JP count as common, so Korean text ties with them; Chinese text of any
// length reaches beyond C8 and scores lower in EUC-KR, so EUC-KR goes first.
// GBK comes before EUC-JP: Chinese scores at least as high in GBK, whose
// hanzi rows run to D7 where EUC-JP's kanji stop at CF, and on a tie the far
// more common encoding is the better bet.
var grammars = [...]grammar{
	{"euc-kr", korean.EUCKR, eucKRStep},
	{"gbk", simplifiedchinese.GB18030, gbkStep},
	{"shift_jis", japanese.ShiftJIS, shiftJISStep},
	{"big5", traditionalchinese.Big5, big5Step},
	{"euc-jp", japanese.EUCJP, eucJPStep},
}

func grammarOf(name string) (int, bool) {
	if name == "gb18030" {
		name = "gbk"
	}
	for i, g := range grammars {
		if g.name == name {
			return i, true
		}
	}
	return 0, false
}

// sniffCJK picks the multi-byte encoding whose common block covers most of
// the characters, among those that parse nearly without error.
func sniffCJK(ev *evidence) (choice, bool) {
	best := -1
	var bs grammarStats
	for i := range grammars {
		s := ev.scan(i)
		if s.units == 0 || 20*s.invalid > s.units {
			continue
		}
		if best < 0 || s.common*bs.units > bs.common*s.units {
			best, bs = i, s
		}
	}
	// Text in its own encoding is mostly common characters; below this the
	// bytes are something no candidate explains.
	if best < 0 || 10*bs.common < 4*bs.units {
		return choice{}, false
	}
	return choice{name: grammars[best].name, enc: grammars[best].enc}, true
}

func in(c, lo, hi byte) bool { return lo <= c && c <= hi }

// gbkStep reads GBK and GB18030. Common: GB2312 punctuation and the 3755
// first-level hanzi, which cover nearly all of modern Chinese prose.
func gbkStep(b []byte) (int, verdict) {
	c0 := b[0]
	switch {
	case c0 == 0x80:
		return 1, valid // the euro sign in code page 936
	case c0 == 0xFF || len(b) < 2:
		return 1, invalid
	}
	c1 := b[1]
	switch {
	case in(c1, 0x30, 0x39):
		if len(b) >= 4 && in(b[2], 0x81, 0xFE) && in(b[3], 0x30, 0x39) {
			return 4, valid
		}
		return 1, invalid
	case in(c1, 0xA1, 0xFE) && (in(c0, 0xA1, 0xA3) || in(c0, 0xB0, 0xD7)):
		return 2, common
	case in(c1, 0x40, 0x7E) || in(c1, 0x80, 0xFE):
		return 2, valid
	}
	return 1, invalid
}

// eucKRStep reads EUC-KR as the web sends it (code page 949). Common:
// symbols and the 2350 precomposed Hangul syllables of KS X 1001.
func eucKRStep(b []byte) (int, verdict) {
	c0 := b[0]
	if c0 == 0x80 || c0 == 0xFF || len(b) < 2 {
		return 1, invalid
	}
	c1 := b[1]
	switch {
	case in(c1, 0xA1, 0xFE) && (in(c0, 0xA1, 0xA3) || in(c0, 0xB0, 0xC8)):
		return 2, common
	case in(c1, 0x41, 0x5A) || in(c1, 0x61, 0x7A) || in(c1, 0x81, 0xFE):
		return 2, valid
	}
	return 1, invalid
}

// shiftJISStep reads Shift_JIS. Common: punctuation, kana and first-level
// kanji.
func shiftJISStep(b []byte) (int, verdict) {
	c0 := b[0]
	switch {
	case in(c0, 0xA1, 0xDF):
		return 1, valid // half-width katakana
	case !(in(c0, 0x81, 0x9F) || in(c0, 0xE0, 0xFC)) || len(b) < 2:
		return 1, invalid
	}
	c1 := b[1]
	if !(in(c1, 0x40, 0x7E) || in(c1, 0x80, 0xFC)) {
		return 1, invalid
	}
	if in(c0, 0x81, 0x83) || in(c0, 0x88, 0x98) {
		return 2, common
	}
	return 2, valid
}

// big5Step reads Big5. Common: punctuation and the frequently used hanzi
// (A440-C67E).
func big5Step(b []byte) (int, verdict) {
	c0 := b[0]
	if c0 == 0x80 || c0 == 0xFF || len(b) < 2 {
		return 1, invalid
	}
	c1 := b[1]
	if !(in(c1, 0x40, 0x7E) || in(c1, 0xA1, 0xFE)) {
		return 1, invalid
	}
	if in(c0, 0xA1, 0xC6) {
		return 2, common
	}
	return 2, valid
}

// eucJPStep reads EUC-JP. Common: punctuation, hiragana, katakana and
// first-level kanji.
func eucJPStep(b []byte) (int, verdict) {
	c0 := b[0]
	switch {
	case c0 == 0x8E:
		if len(b) >= 2 && in(b[1], 0xA1, 0xDF) {
			return 2, valid // half-width katakana
		}
		return 1, invalid
	case c0 == 0x8F:
		if len(b) >= 3 && in(b[1], 0xA1, 0xFE) && in(b[2], 0xA1, 0xFE) {
			return 3, valid // JIS X 0212
		}
		return 1, invalid
	case !in(c0, 0xA1, 0xFE) || len(b) < 2 || !in(b[1], 0xA1, 0xFE):
		return 1, invalid
	case c0 == 0xA1 || c0 == 0xA4 || c0 == 0xA5 || in(c0, 0xB0, 0xCF):
		return 2, common
	}
	return 2, valid
}
