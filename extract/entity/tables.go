package entity

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The taggers' lookup tables (the gazetteer, the place and organisation
// lexicons, the word vocabularies) are built from the word lists by
// `go generate ./extract/entity/` into tables_gen.go, so that no process
// pays for splitting, tokenising and case-folding thousands of forms, nor
// for filling maps with them: each table's keys, values and hash index
// are arrays the linker lays out in the binary, read in place.
// TestTablesGenerated fails when a word list changed and the file was not
// generated again.

// table is a read-only map from strings to values, made once by tableOf
// and then only read. Its index is open addressing with linear probing,
// at most half full.
type table[V any] struct {
	slots  []uint16 // 1 + the index of a key, at its hash's slot or the next free one; 0 is free; a power of two long
	keys   []string // in order
	values []V      // values[i] is the value of keys[i]
}

// tableOf makes the table of m.
func tableOf[V any](m map[string]V) table[V] {
	if len(m) >= 1<<16-1 {
		panic("entity: a table holds fewer than 65,535 keys")
	}
	t := table[V]{keys: slices.Sorted(maps.Keys(m))}
	if len(t.keys) == 0 {
		return t
	}
	t.values = make([]V, len(t.keys))
	size := 2
	for size < 2*len(t.keys) {
		size <<= 1
	}
	t.slots = make([]uint16, size)
	mask := uint32(size - 1)
	for i, k := range t.keys {
		t.values[i] = m[k]
		j := hashKey(k) & mask
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = uint16(i + 1)
	}
	return t
}

// get is the value of k, and whether k is in the table.
func (t *table[V]) get(k string) (V, bool) {
	if len(t.slots) > 0 {
		mask := uint32(len(t.slots) - 1)
		for j := hashKey(k) & mask; t.slots[j] != 0; j = (j + 1) & mask {
			if i := t.slots[j] - 1; t.keys[i] == k {
				return t.values[i], true
			}
		}
	}
	var zero V
	return zero, false
}

// at is the value of k, or V's zero value when k is not in the table.
func (t *table[V]) at(k string) V {
	v, _ := t.get(k)
	return v
}

// has says whether k is in the table.
func (t *table[V]) has(k string) bool {
	_, ok := t.get(k)
	return ok
}

// hashKey is fixed, so that the index laid out by go generate is the one
// looked up at run time. It reads at most the first and the last eight
// bytes of s, a word at a time, and mixes them with a multiplication: the
// taggers look up several words per token, most of them in no table, and
// a byte-by-byte hash cost them a tenth of their time.
func hashKey(s string) uint32 {
	n := len(s)
	var a, b uint64
	switch {
	case n >= 8:
		a, b = load64(s), load64(s[n-8:])
	case n >= 4:
		a, b = uint64(load32(s)), uint64(load32(s[n-4:]))
	case n > 0:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	}
	hi, lo := bits.Mul64(a^0x9e3779b97f4a7c15, b^uint64(n)^0xbf58476d1ce4e5b9)
	h := hi ^ lo
	return uint32(h ^ h>>32)
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// wordSet is a read-only set of words. The taggers' word lists (about 270
// of them) are written in the source as setOf and caseSet calls, and
// `go generate` lays out each one's hash index in wordsets_gen.go, so that
// no process fills a map per list at start-up; TestWordSetsGenerated fails
// when a list changed and the file was not generated again.
type wordSet struct {
	// slots is open addressing with linear probing, at most half full, a
	// power of two long: 0 is free, else the high 16 bits are the high 16
	// of the key's hash and the low 16 are 1 + the key's index in keys. A
	// miss, the usual answer, mostly ends on a free slot or a tag that
	// differs, without reading a key.
	slots []uint32
	keys  []string // in order
}

// setOf is the set of words, whose index wordsets_gen.go holds as index.
// The words are read from this call's source by `go generate`, not at run
// time.
func setOf(index wordSet, words []string) wordSet { return index }

// caseSet is the set of words in lower case, capitalised and all
// capitals, whose index wordsets_gen.go holds as index (see setOf).
func caseSet(index wordSet, words ...string) wordSet { return index }

// has says whether k is in the set.
func (s *wordSet) has(k string) bool {
	if len(s.keys) <= 8 {
		// Comparing a few keys, most of another length, costs less
		// than hashing.
		for _, key := range s.keys {
			if key == k {
				return true
			}
		}
		return false
	}
	h := hashKey(k)
	mask := uint32(len(s.slots) - 1)
	for j := h & mask; s.slots[j] != 0; j = (j + 1) & mask {
		if e := s.slots[j]; e>>16 == h>>16 && s.keys[e&0xffff-1] == k {
			return true
		}
	}
	return false
}

// wordSetOf builds the set of words for `go generate`; caseForms adds each
// word's capitalised and all-capital forms.
func wordSetOf(words []string, caseForms bool) wordSet {
	m := make(map[string]bool, 3*len(words))
	for _, w := range words {
		m[w] = true
		if caseForms {
			r, n := utf8.DecodeRuneInString(w)
			m[string(unicode.ToUpper(r))+w[n:]] = true
			m[strings.ToUpper(w)] = true
		}
	}
	t := tableOf(m)
	ws := wordSet{keys: t.keys}
	if len(t.keys) == 0 {
		return ws
	}
	ws.slots = make([]uint32, len(t.slots))
	for j, e := range t.slots {
		if e != 0 {
			ws.slots[j] = hashKey(t.keys[e-1])>>16<<16 | uint32(e)
		}
	}
	return ws
}
