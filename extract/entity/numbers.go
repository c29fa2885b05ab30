package entity

import "math"

// quantity is a count read from text: one number, or a vague size such as
// "tens of thousands", over tokens [start, end).
type quantity struct {
	min, max   int64
	approx     bool
	start, end int
	// mult is the multiplier word the quantity ends with ("thousand" is
	// 1000), or 0. A range's first half borrows it: "10 to 20 thousand".
	mult int64
	// vague is set for sizes given in words without a number ("thousands",
	// "several hundred"), which take "of" before their noun.
	vague bool
	// year is set for a bare four-digit number that could be a year.
	year bool
}

// maxCount bounds every figure, far above any army, so that arithmetic on
// digits and multipliers cannot overflow.
const maxCount = 1e12

var (
	smallNumbers = map[string]int64{
		"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
		"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
		"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	multipliers = map[string]int64{
		"thousand": 1e3, "million": 1e6, "billion": 1e9,
		// Abbreviations in wire copy translated from Polish or Russian:
		// "1 mln soldiers".
		"mln": 1e6,
	}
	// vagueSizes are plural multipliers used as sizes: "thousands" is more
	// than a thousand and less than ten thousand.
	vagueSizes = map[string]int64{
		"dozens": 12, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
		// "scores of soldiers": as many as dozens.
		"scores": 12,
	}
)

// lw returns the word at token i in lower case if it is one of the words
// the troop tagger reads (so "Thousands" at the start of a sentence reads
// as "thousands"), and as written otherwise. Going through the vocabulary
// map rather than lowering every word keeps the scan free of allocations.
func (s *scan) lw(i int) string {
	if !s.isWord(i) {
		return ""
	}
	w := s.word(i)
	if isUpper(w[0]) {
		if l, ok := vocab().get(w); ok {
			return l
		}
	}
	return w
}

// quantityAt reads a count starting at token i: digits ("10,000", "1.5
// million"), number words ("thirty thousand", "a dozen") or a vague size
// ("tens of thousands", "several hundred").
func (s *scan) quantityAt(i int) (quantity, bool) {
	if i >= len(s.toks) {
		return quantity{}, false
	}
	if s.toks[i].kind == tNum {
		return s.digitsAt(i)
	}
	if s.toks[i].kind == tOther {
		return s.shortMultipleAt(i)
	}
	if q, ok := s.vagueAt(i); ok {
		return q, true
	}
	return s.wordsAt(i)
}

// digitsAt reads a written number and any multiplier word after it.
func (s *scan) digitsAt(i int) (quantity, bool) {
	lit, ok := parseDigits(s.word(i))
	if !ok {
		return quantity{}, false
	}
	q := quantity{start: i, end: i + 1}
	if m, ok := multipliers[s.lw(i+1)]; ok {
		v := lit.decimal * float64(m)
		if v >= maxCount || v < 1 {
			return quantity{}, false
		}
		q.min = int64(math.Round(v))
		q.max, q.end, q.mult = q.min, i+2, m
		return q, true
	}
	switch {
	case !lit.dot:
		q.min = lit.whole
	case lit.dotGroups:
		// "10.000 troops": nobody counts soldiers in fractions, so dots
		// followed by three digits each are thousands separators.
		q.min = lit.whole
	default:
		return quantity{}, false
	}
	if q.min < 1 {
		return quantity{}, false // nobody reports zero troops as a figure
	}
	q.max = q.min
	q.year = lit.plain && len(s.word(i)) == 4 && q.min >= 1800 && q.min <= 2100
	return q, true
}

// shortMultiples are the letters English news glue to a number for its
// multiplier: "1.5m troops", "20k soldiers".
var shortMultiples = map[string]int64{"k": 1e3, "K": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}

// shortMultipleAt reads a number with its multiplier glued on as a
// letter, at token i: "1.5m", "20k". Anything else glued to digits
// ("20km", "5th") is no count.
func (s *scan) shortMultipleAt(i int) (quantity, bool) {
	w := s.word(i)
	d := 0
	for d < len(w) && (w[d] >= '0' && w[d] <= '9' || w[d] == '.' || w[d] == ',') {
		d++
	}
	m, ok := shortMultiples[w[d:]]
	if d == 0 || !ok || w[d-1] < '0' || w[d-1] > '9' {
		return quantity{}, false
	}
	lit, ok := parseDigits(w[:d])
	if !ok {
		return quantity{}, false
	}
	v := lit.decimal * float64(m)
	if v >= maxCount || v < 1 {
		return quantity{}, false
	}
	n := int64(math.Round(v))
	return quantity{min: n, max: n, start: i, end: i + 1, mult: m}, true
}

// numLit is a written number read both ways a dot allows.
type numLit struct {
	whole     int64   // every separator ignored: "10.000" is 10000
	decimal   float64 // the first dot read as a decimal point: "1.5"
	dot       bool    // it has a dot
	dotGroups bool    // every dot is followed by three digits, and no other separator is used
	plain     bool    // digits only
}

// parseDigits reads a number token as tokenize shaped it.
func parseDigits(w string) (numLit, bool) {
	var lit numLit
	lit.plain = true
	lit.dotGroups = true
	var digits, afterDot int
	var frac, scale float64 = 0, 1
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case isDigit(c):
			digits++
			if digits > 15 {
				return numLit{}, false
			}
			d := int64(c - '0')
			lit.whole = lit.whole*10 + d
			if lit.dot {
				afterDot++
				if afterDot <= 6 {
					scale /= 10
					frac += float64(d) * scale
				}
			} else {
				lit.decimal = lit.decimal*10 + float64(d)
			}
		case c == '.':
			if lit.dot && afterDot != 3 {
				lit.dotGroups = false
			}
			if !lit.dot && lit.whole == 0 {
				lit.dotGroups = false // "0.500" is a fraction
			}
			lit.dot, lit.plain = true, false
			afterDot = 0
		default: // a comma or a space between groups
			lit.plain, lit.dotGroups = false, false
		}
	}
	if lit.dot && afterDot != 3 {
		lit.dotGroups = false
	}
	lit.decimal += frac
	return lit, digits > 0
}

// wordsAt reads a number in words: "thirty", "twenty-five", "two hundred
// and fifty", "thirty thousand", "a dozen", "a million".
func (s *scan) wordsAt(i int) (quantity, bool) {
	var total, cur int64
	j := i
	if s.lw(j) == "half" && (s.lw(j+1) == "a" || s.lw(j+1) == "an") {
		// "half a million"
		if m := multipliers[s.lw(j+2)]; m > 0 {
			return quantity{min: m / 2, max: m / 2, start: i, end: j + 3, mult: m}, true
		}
		return quantity{}, false
	}
	if w := s.lw(j); (w == "quarter" || w == "a" && s.lw(j+1) == "quarter") && s.lw(j+1+b2i(w == "a")) == "of" {
		// "a quarter of a million": a quarter of the multiplier.
		k := j + 2 + b2i(w == "a")
		if a := s.lw(k); a == "a" || a == "an" {
			if m := multipliers[s.lw(k+1)]; m > 0 {
				return quantity{min: m / 4, max: m / 4, start: i, end: k + 2, mult: m}, true
			}
		}
		return quantity{}, false
	}
	article := false // "a thousand": the article stands for one
	if w := s.lw(j); w == "a" || w == "an" {
		switch n := s.lw(j + 1); {
		case n == "hundred" || n == "dozen" || multipliers[n] > 0:
			article, j = true, j+1
		default:
			return quantity{}, false
		}
	}
	var mult int64
	half := false // "four and a half thousand"
	last := ""    // what the previous word was: "small", "tens", "hundred", "mult"
	for ; j < len(s.toks); j++ {
		w := s.lw(j)
		if v, ok := smallNumbers[w]; ok {
			switch {
			case last == "tens" && v < 10 && v > 0:
				cur += v
				last = "small"
			case last == "" || last == "hundred" || last == "mult" || last == "and":
				cur += v
				if v >= 20 {
					last = "tens"
				} else {
					last = "small"
				}
			default:
				return s.endWords(i, j, total+cur, mult)
			}
			if e := s.halfAt(j + 1); e > j+1 {
				if n := s.lw(e); n == "hundred" || multipliers[n] > 0 {
					half, j = true, e-1
				}
			}
			continue
		}
		switch {
		case w == "hundred":
			if last == "" && !article || last == "hundred" {
				return s.endWords(i, j, total+cur, mult)
			}
			if cur == 0 {
				cur = 1
			}
			cur *= 100
			if half {
				cur, half = cur+50, false
			}
			last, mult = "hundred", 100
		case multipliers[w] > 0:
			if last == "" && !article || last == "mult" && cur == 0 {
				return s.endWords(i, j, total+cur, mult)
			}
			if cur == 0 {
				cur = 1
			}
			m := multipliers[w]
			if float64(cur)*float64(m) >= maxCount {
				return quantity{}, false
			}
			total += cur * m
			if half {
				total, half = total+m/2, false
			}
			cur, last, mult = 0, "mult", m
		case w == "dozen":
			if last != "" && last != "small" && last != "tens" && !(last == "" && article) {
				return s.endWords(i, j, total+cur, mult)
			}
			if cur == 0 {
				cur = 1
			}
			cur *= 12
			last, mult = "hundred", 12
		case w == "and" && (last == "hundred" || last == "mult") && smallNumbers[s.lw(j+1)] > 0:
			last = "and"
		case s.key(j) == "-" && last == "tens" && s.glued(j) && s.glued(j+1):
			// "twenty-five"
		default:
			return s.endWords(i, j, total+cur, mult)
		}
	}
	return s.endWords(i, j, total+cur, mult)
}

// halfAt returns the end of "and a half" (or "-and-a-half") at token j, or
// j when there is none.
func (s *scan) halfAt(j int) int {
	k := j
	for _, w := range [...]string{"and", "a", "half"} {
		if s.key(k) == "-" && s.glued(k) {
			k++
		}
		if s.lw(k) != w {
			return j
		}
		k++
	}
	return k
}

// endWords closes a number in words that ends before token j.
func (s *scan) endWords(i, j int, v, mult int64) (quantity, bool) {
	// A trailing "and" or hyphen belongs to what follows.
	for j > i && (s.lw(j-1) == "and" || s.key(j-1) == "-") {
		j--
	}
	if j == i || v <= 0 {
		return quantity{}, false
	}
	return quantity{min: v, max: v, start: i, end: j, mult: mult}, true
}

// vagueAt reads a size given without a number: "thousands", "tens of
// thousands", "hundreds of thousands", "dozens", "several hundred", "a few
// thousand", "many thousands". The bounds are the plain reading: "thousands"
// is 1,000 to 9,999.
func (s *scan) vagueAt(i int) (quantity, bool) {
	j := i
	w := s.lw(j)
	several := false
	switch w {
	case "several", "many", "few":
		several, j = true, j+1
	case "a":
		if s.lw(j+1) != "few" {
			return quantity{}, false
		}
		several, j = true, j+2
	}
	w = s.lw(j)
	if m, ok := vagueSizes[w]; ok {
		lo, hi, end := m, m*10-1, j+1
		if m == 12 {
			lo, hi = 24, 99
		}
		// "tens of thousands", "hundreds of millions"
		if s.lw(j+1) == "of" && (w == "tens" || w == "hundreds") {
			if big, ok := vagueSizes[s.lw(j+2)]; ok && big >= 1e3 {
				if w == "tens" {
					lo, hi = big*10, big*100-1
				} else {
					lo, hi = big*100, big*1000-1
				}
				end = j + 3
			}
		}
		return quantity{min: lo, max: hi, approx: true, start: i, end: end, vague: true}, true
	}
	if w == "tens" {
		if s.lw(j+1) == "of" {
			if big, ok := vagueSizes[s.lw(j+2)]; ok && big >= 1e3 {
				return quantity{min: big * 10, max: big*100 - 1, approx: true, start: i, end: j + 3, vague: true}, true
			}
		}
		return quantity{}, false
	}
	if !several {
		return quantity{}, false
	}
	// "several thousand", "a few hundred", "several dozen"
	var m int64
	switch {
	case w == "hundred":
		m = 100
	case w == "dozen":
		m = 12
	default:
		m = multipliers[w]
	}
	if m == 0 {
		return quantity{}, false
	}
	lo, hi := severalBounds(m)
	return quantity{min: lo, max: hi, approx: true, start: i, end: j + 1, vague: true, mult: m}, true
}

// severalBounds are the bounds of "several" or "a few" of a multiplier:
// the guideline reads "several thousand" as "thousands", 1,000 to 9,999,
// and "several dozen" as "dozens", 24 to 99.
func severalBounds(m int64) (int64, int64) {
	if m == 12 {
		return 24, 99
	}
	return m, 10*m - 1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
