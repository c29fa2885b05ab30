package content

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// TestNormalizeSpaceQuickLook checks that a line the quick look passes by
// is one the full pass leaves unchanged, and that both agree on random
// mixes of letters, every kind of space, and bytes that are not UTF-8.
func TestNormalizeSpaceQuickLook(t *testing.T) {
	pieces := []string{"a", "Kyiv", "я", "中", ".", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "\ufeff", "\u2009", "\u0085", "\u1680", "\u3000", "\u2028", "\u202f", "ſ", "\u167f", "\xff", "\xe2\x80", "’"}
	rng := rand.New(rand.NewPCG(15, 7))
	quick := 0
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		want := collapseSpace(s)
		if got := normalizeSpace(s); got != want {
			t.Fatalf("normalizeSpace(%q) = %q, want %q", s, got, want)
		}
		if spaceNormal(s) {
			quick++
			if want != s {
				t.Fatalf("quick look passed %q by, but the full pass makes it %q", s, want)
			}
		}
	}
	if quick == 0 {
		t.Error("the quick look passed nothing by: nothing compared")
	}
}

// TestSpaceBelowOghamIsLatin1 checks what spaceNormal's quick test assumes:
// below U+1680 the only spaces past ASCII are U+0085 and U+00A0.
func TestSpaceBelowOghamIsLatin1(t *testing.T) {
	for r := rune(0x80); r < 0x1680; r++ {
		if unicode.IsSpace(r) != (r == 0x85 || r == 0xA0) {
			t.Errorf("unicode.IsSpace(%U) = %v", r, unicode.IsSpace(r))
		}
	}
}
