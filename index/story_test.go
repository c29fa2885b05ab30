package index

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"hash/fnv"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/defwatch/defwatch/index/internal/fixture"
)

// simhashSlow is simhash as first written: plain, allocating and slow. The
// hashes of indexed articles were made by it, so the fast one must agree
// bit for bit or new copies would stop finding their stories.
func simhashSlow(text string) uint64 {
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
		out = 1
	}
	return out
}

func sampleTexts(t testing.TB) []string {
	f, err := os.Open("../testdata/articles.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []string
	for sc.Scan() {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r.Text)
	}
	return out
}

func TestSimhashMatchesStoredHashes(t *testing.T) {
	long := strings.Repeat("Troops massed near the border, officials said. ", 20)
	cases := map[string]string{
		"wire":          fixture.Wire,
		"long":          long,
		"upper":         strings.ToUpper(long),
		"cyrillic":      strings.Repeat("Україна вистоїть, Президент звернувся до НАТО. ", 15),
		"invalid utf-8": strings.Repeat("troops \xff\xfe border İstanbul ΣΊΣΥΦΟΣ 10,000 ", 20),
		"long words":    strings.Repeat(strings.Repeat("x", 70)+" y ", 40),
		"too short":     "Only a few words here.",
		"empty":         "",
	}
	for i, text := range sampleTexts(t) {
		cases["sample "+string(rune('a'+i%26))+string(rune('a'+i/26))] = text
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) {
			if got, want := simhash(text), simhashSlow(text); got != want {
				t.Errorf("simhash %x, want %x", got, want)
			}
		})
	}
	if simhash(fixture.Wire) == 0 || simhash("Only a few words here.") != 0 {
		t.Error("a wire story must hash and a short note must not")
	}
}

func FuzzSimhash(f *testing.F) {
	f.Add(fixture.Wire)
	f.Add(strings.Repeat("a B ç \xff ", 40))
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := simhash(text), simhashSlow(text); got != want {
			t.Errorf("simhash(%q) = %x, want %x", text, got, want)
		}
	})
}

func BenchmarkSimhash(b *testing.B) {
	texts := sampleTexts(b)
	for i := 0; b.Loop(); i++ {
		simhash(texts[i%len(texts)])
	}
}
