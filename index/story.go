package index

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Copies of one wire story, run by many outlets with small edits, are one
// story to an analyst. A 64-bit simhash over word triples puts such copies
// within a few bits of each other; splitting it into four 16-bit bands
// means two hashes that differ in at most three bits share a band, so the
// index finds candidates with a term lookup and confirms them by distance.
const (
	// maxStoryDistance is the most bits two copies of a story differ in.
	maxStoryDistance = 3
	// minStoryWords: below this, texts are too short to tell a copy from
	// two reports that merely share a lede.
	minStoryWords = 60
)

// simhash returns the text's simhash, or 0 when the text is too short.
// The hash of each word triple is FNV-1a over the lower-cased words joined
// by NUL bytes; the stored hashes of articles already indexed depend on
// exactly that, so any faster way here must give the same bits.
//
// It runs once per article on the indexing path, where splitting the
// lower-cased text into strings and counting 64 bits one by one took a
// quarter of Put's time; this pass allocates nothing, reads each byte once
// into the three triples it belongs to (three independent chains of
// multiplications, which the processor overlaps), and counts eight bits at
// a time.
func simhash(text string) uint64 {
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	var counts [64]int
	var lanes [8]uint64 // eight 8-bit counters each; flushed before they overflow
	pending := 0
	flush := func() {
		for j, l := range lanes {
			for k := range 8 {
				counts[8*j+k] += int(l >> (8 * k) & 0xFF)
			}
		}
		lanes = [8]uint64{}
		pending = 0
	}
	// The triples the word being read is in: h2 began two words back and
	// ends with this one, h1 began one word back, h0 begins here.
	h2, h1, h0 := uint64(offset64), uint64(offset64), uint64(offset64)
	words, triples := 0, 0
	inWord := false
	add := func(c byte) {
		inWord = true
		h2 = (h2 ^ uint64(c)) * prime64
		h1 = (h1 ^ uint64(c)) * prime64
		h0 = (h0 ^ uint64(c)) * prime64
	}
	endWord := func() {
		inWord = false
		words++
		if words >= 3 {
			for j := range lanes {
				lanes[j] += bitLanes[h2>>(8*j)&0xFF]
			}
			triples++
			if pending++; pending == 255 {
				flush()
			}
		}
		// The NUL after a word: h ^= 0 changes nothing.
		h2, h1, h0 = h1*prime64, h0*prime64, offset64
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if inWord {
					endWord()
				}
				continue
			}
			add(c)
			continue
		}
		// strings.ToLower maps invalid UTF-8 to U+FFFD, which is neither
		// letter nor digit: a word break, as DecodeRuneInString gives here.
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		r = unicode.ToLower(r)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if inWord {
				endWord()
			}
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, b := range utf8.AppendRune(buf[:0], r) {
			add(b)
		}
	}
	if inWord {
		endWord()
	}
	if words < minStoryWords {
		return 0
	}
	flush()
	var out uint64
	for b, n := range counts {
		if 2*n > triples { // more triples set the bit than clear it
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1 // 0 means "no hash"
	}
	return out
}

// bitLanes[x] has byte k set to bit k of x, so adding bitLanes of a hash's
// byte counts its eight bits at once.
var bitLanes = func() (t [256]uint64) {
	for x := range 256 {
		for k := range 8 {
			t[x] |= uint64(x>>k&1) << (8 * k)
		}
	}
	return t
}()

func formatSim(sim uint64) string { return strconv.FormatUint(sim, 16) }

func parseSim(s string) uint64 {
	v, _ := strconv.ParseUint(s, 16, 64) // a missing or bad value is "no hash"
	return v
}
