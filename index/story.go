package index

import (
	"hash/fnv"
	"strconv"
	"strings"
	"unicode"
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
func simhash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) < minStoryWords {
		return 0
	}
	var weights [64]int
	h := fnv.New64a()
	for i := 0; i+3 <= len(words); i++ {
		h.Reset()
		h.Write([]byte(words[i]))
		h.Write([]byte{0})
		h.Write([]byte(words[i+1]))
		h.Write([]byte{0})
		h.Write([]byte(words[i+2]))
		v := h.Sum64()
		for b := range 64 {
			if v&(1<<b) != 0 {
				weights[b]++
			} else {
				weights[b]--
			}
		}
	}
	var out uint64
	for b, w := range weights {
		if w > 0 {
			out |= 1 << b
		}
	}
	if out == 0 {
		out = 1 // 0 means "no hash"
	}
	return out
}

// bands are the terms under which a hash is indexed: band number and
// value, so equal values in different bands do not meet.
func bands(sim uint64) []string {
	if sim == 0 {
		return nil
	}
	out := make([]string, 4)
	for i := range 4 {
		out[i] = strconv.Itoa(i) + ":" + strconv.FormatUint(sim>>(16*i)&0xFFFF, 16)
	}
	return out
}

func formatSim(sim uint64) string { return strconv.FormatUint(sim, 16) }

func parseSim(s string) uint64 {
	v, _ := strconv.ParseUint(s, 16, 64) // a missing or bad value is "no hash"
	return v
}
