// Package mojibake repairs text that was mis-decoded before it reached us:
// UTF-8 read as windows-1252, Latin-1 or windows-874 (Thai), and UTF-8 that
// went through GBK and back. Correct text in any script is left alone.
package mojibake

import (
	"strings"
	"unicode/utf8"
)

// Repair returns s with mis-decoded sequences turned back into the
// characters that were meant ("â€™" → "’", "โ€“" → "–", "Ã©" → "é",
// "¡ê" → "£"). A sequence is only replaced when its bytes form valid UTF-8
// (or a known GBK punctuation mark) and the character that comes out is one
// text plausibly holds, so Thai, Cyrillic, CJK or accented Latin written
// correctly never changes. Text with nothing suspicious is returned as is,
// without allocating.
func Repair(s string) string {
	if !suspicious(s) {
		return s
	}
	return repair(s)
}

// repair is Repair without the quick look for suspicious characters.
func repair(s string) string {
	// Text broken twice ("Ã¢â‚¬â„¢") needs a second pass; a third never
	// helps in practice, and the loop stops as soon as nothing changes.
	for range 2 {
		next := repairC1(repairGBK(reverse(reverse(s, cp1252), cp874)))
		if next == s {
			break
		}
		s = next
	}
	return s
}

// suspicious reports whether s holds any character without which no
// repair can change it: one that reads back as a UTF-8 lead byte (0xC2-0xF4)
// in windows-1252 or Latin-1 ("Ã", "â") or in windows-874 (Thai letters),
// GBK's "¡" and "¨", or a C1 control. The rest of the Latin-1 supplement
// and the windows-1252 punctuation ("«", "°", "’", "–") stand only for
// continuation bytes, which repair nothing without a lead: text whose only
// such characters are these, as most English and Ukrainian news is, never
// needs the full pass.
func suspicious(s string) bool {
	for i := 0; i < len(s); i++ {
		// Those characters are encoded starting with 0xC2 or 0xC3 (U+0080-
		// U+00FF) or 0xE0 (Thai); no other byte of UTF-8 is one of these,
		// so the rest (Cyrillic, say) is passed over unread.
		if c := s[i]; c < 0xC2 || c > 0xC3 && c != 0xE0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		if r >= 0x80 && r <= 0x9F || r == '¡' || r == '¨' || r >= 0xC2 && r <= 0xF4 || r >= 0x0E22 && r <= 0x0E54 {
			return true
		}
	}
	return false
}

// codepage maps a character back to the single byte a codepage shows it
// for, when there is one.
type codepage struct {
	toByte func(r rune) (byte, bool)
	// punctOnly: only punctuation and signs may come out (see plausibility).
	punctOnly bool
}

var (
	cp1252 = codepage{toByte: cp1252Byte}
	cp874  = codepage{toByte: cp874Byte, punctOnly: true}
)

// cp1252Byte undoes windows-1252 and, for the five bytes it leaves undefined
// and for any C1 control, ISO-8859-1 (some decoders use one, some the
// other, and broken text carries both).
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xFF {
		return byte(r), true
	}
	b := cp1252Special(r)
	return b, b != 0
}

// cp874Byte undoes windows-874, the Thai codepage: Thai letters sit at
// U+0E01 + (b - 0xA1). For 0x80-0x9F the decoders that produce this
// mojibake fall back to windows-1252 (the seed's "โ€™" holds a "™", which
// windows-874 proper does not define), so those characters map the same.
func cp874Byte(r rune) (byte, bool) {
	switch {
	case r >= 0x0E01 && r <= 0x0E3A, r >= 0x0E3F && r <= 0x0E5B:
		return byte(r - 0x0E01 + 0xA1), true
	case r == 0xA0:
		return 0xA0, true
	}
	b := cp1252Special(r)
	return b, b != 0
}

// cp1252Special is the byte windows-1252 puts r at among 0x80-0x9F, or 0.
// Those characters all lie in U+0100-U+02FF and U+2000-U+21FF, so the
// letters of other scripts (Cyrillic above all) skip the map.
func cp1252Special(r rune) byte {
	switch r >> 8 {
	case 0x01, 0x02, 0x20, 0x21:
		return cp1252Specials[r]
	}
	return 0
}

// cp1252Specials are the characters windows-1252 puts at 0x80-0x9F.
var cp1252Specials = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87,
	'ˆ': 0x88, '‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E,
	'‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97,
	'˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B, 'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// reverse finds runs of characters that cp maps back to the bytes of a
// valid UTF-8 sequence and replaces each with the character it encodes,
// when that character is plausible for cp.
func reverse(s string, cp codepage) string {
	var b *strings.Builder
	last := 0     // bytes of s before this are already in b
	prevEnd := -1 // where the last replaced sequence ended
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf { // ASCII is never part of a sequence
			i++
			continue
		}
		// Most characters of other scripts map to no lead byte: passed
		// over after one decoding.
		r, size := utf8.DecodeRuneInString(s[i:])
		if lead, ok := cp.toByte(r); !ok || seqLen(lead) == 0 {
			i += size
			continue
		}
		fixed, end, kind := decodeAt(s, i, cp)
		if kind == weak && prevEnd != i {
			// A lone CJK character is more likely correct Latin text that
			// happens to form UTF-8 ("é\u00a0»"); mojibake of CJK comes in
			// runs, so one more sequence must follow.
			if _, _, next := decodeAt(s, end, cp); next == none {
				kind = none
			}
		}
		if kind == none {
			i += size
			continue
		}
		if b == nil {
			b = &strings.Builder{}
			b.Grow(len(s))
		}
		b.WriteString(s[last:i])
		b.WriteRune(fixed)
		i, last, prevEnd = end, end, end
	}
	if b == nil {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// How sure a decoded sequence is.
const (
	none   = iota // not a sequence, or not a character text holds
	strong        // replace
	weak          // replace only inside a run of sequences
)

// decodeAt reads the characters of s from i, maps them back through cp and
// decodes the bytes as one UTF-8 sequence. It returns the character, where
// the sequence ends in s, and how sure the decoding is.
func decodeAt(s string, i int, cp codepage) (rune, int, int) {
	if i >= len(s) || s[i] < utf8.RuneSelf {
		return 0, i, none
	}
	var buf [utf8.UTFMax]byte
	r, size := utf8.DecodeRuneInString(s[i:])
	lead, ok := cp.toByte(r)
	n := seqLen(lead)
	if !ok || n == 0 {
		return 0, i, none
	}
	buf[0] = lead
	j, k := i+size, 1
	for ; k < n && j < len(s) && s[j] >= utf8.RuneSelf; k++ {
		rk, sk := utf8.DecodeRuneInString(s[j:])
		bk, ok := cp.toByte(rk)
		if !ok || bk < 0x80 || bk > 0xBF {
			break
		}
		buf[k] = bk
		j += sk
	}
	if k < n {
		if k == 2 && n == 3 && buf[0] == 0xE2 && buf[1] == 0x80 && j < len(s) && s[j] == '?' {
			// "â€?": the right double quote's last byte (0x9D) is one that
			// windows-1252 leaves undefined, so a decoder wrote "?" for it.
			return '”', j + 1, strong
		}
		return 0, i, none
	}
	d, dsize := utf8.DecodeRune(buf[:n])
	if dsize != n || d == utf8.RuneError {
		return 0, i, none
	}
	return d, j, plausibility(d, n, cp)
}

// seqLen is the length of the UTF-8 sequence a lead byte starts, or 0 when
// it starts none.
func seqLen(b byte) int {
	switch {
	case b >= 0xC2 && b <= 0xDF:
		return 2
	case b >= 0xE0 && b <= 0xEF:
		return 3
	case b >= 0xF0 && b <= 0xF4:
		return 4
	}
	return 0
}

// plausibility says whether r, decoded from an n-byte sequence through cp,
// is a character real text holds.
//
// Through windows-874 only punctuation and signs count: pairs of correct
// Thai letters form valid two-byte UTF-8 for Cyrillic and others, and Thai
// mojibake in the wild carries dashes and quotes. Two-byte sequences are
// held to letters of the scripts whose mojibake is common, because an
// accented capital followed by a sign ("É’") can be correct text that
// happens to form valid UTF-8.
func plausibility(r rune, n int, cp codepage) int {
	punct := r >= 0x2000 && r <= 0x206F || r >= 0x20A0 && r <= 0x20CF || r >= 0x2100 && r <= 0x214F
	if cp.punctOnly {
		if punct {
			return strong
		}
		return none
	}
	switch {
	case r >= 0xA0 && r <= 0x17F, // Latin-1 supplement, Latin Extended-A
		r >= 0x218 && r <= 0x21B,                           // Romanian ș ț
		r >= 0x370 && r <= 0x4FF,                           // Greek, Cyrillic
		r >= 0x5D0 && r <= 0x5EA, r >= 0x600 && r <= 0x6FF: // Hebrew letters, Arabic
		return strong
	case n == 2:
		return none
	case punct, r >= 0x0E01 && r <= 0x0E5B: // Thai
		return strong
	case r >= 0x3000 && r <= 0x30FF, r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0xFF01 && r <= 0xFF5E:
		return weak // CJK punctuation, kana, ideographs, Hangul, full-width forms
	}
	return none
}

// gbkPunct are the GBK punctuation marks that appear when UTF-8 text is
// converted to GBK and read back as Latin-1: the two bytes show as "¡" or
// "¨" and one more character. Only marks are listed: a Spanish "¡" before
// a letter must not turn into a symbol.
var gbkPunct = map[[2]byte]rune{
	{0xA1, 0xAE}: '‘', {0xA1, 0xAF}: '’', {0xA1, 0xB0}: '“', {0xA1, 0xB1}: '”',
	{0xA1, 0xAA}: '—', {0xA1, 0xAD}: '…', {0xA1, 0xA4}: '·', {0xA1, 0xEA}: '£',
	{0xA8, 0x43}: '–', {0xA8, 0x44}: '―',
}

func repairGBK(s string) string {
	if !strings.Contains(s, "¡") && !strings.Contains(s, "¨") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '¡' || r == '¨' {
			if r2, size2 := utf8.DecodeRuneInString(s[i+size:]); r2 < 0x100 && r2 != utf8.RuneError {
				if fixed, ok := gbkPunct[[2]byte{byte(r), byte(r2)}]; ok {
					b.WriteRune(fixed)
					i += size + size2
					continue
				}
			}
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// repairC1 turns C1 control characters, which no correct text holds, into
// the windows-1252 characters their bytes stand for ("\x80" → "€").
func repairC1(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x80 && r <= 0x9F {
			if c := c1Chars[r-0x80]; c != 0 {
				return c
			}
			return -1 // bytes windows-1252 leaves undefined carry nothing
		}
		return r
	}, s)
}

// c1Chars is cp1252Specials the other way round, indexed by byte - 0x80.
var c1Chars = func() (t [32]rune) {
	for c, b := range cp1252Specials {
		t[b-0x80] = c
	}
	return t
}()
