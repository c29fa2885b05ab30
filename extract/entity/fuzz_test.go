package entity

import (
	"os"
	"strings"
	"testing"
)

// fuzzSeeds are the shapes the taggers find hardest: separators, ranges,
// hyphens, initialisms, mojibake and text cut mid-phrase.
var fuzzSeeds = []string{
	"between 10,000 to 30,000 troops",
	"10 000 soldiers and 10.000 sailors and 1.5 million reservists",
	"tens of thousands of Russian troops from France",
	"a 2,000-strong force; a brigade of 4,000",
	"Four and a half thousand U.S.-trained soldiers",
	"U.S.A. U.K. D.R. Congo Guinea-Bissau Côte d’Ivoire",
	"Russiaโ€™s 1,0 troops 1,0000 1.2.3 9999999999999999999 soldiers",
	"Atlanta, Georgia, Michael Jordan, JOIN US",
	"between", "a", "tens of", "10-", "-10 troops", "U.S.", "one-and-a-",
}

func FuzzNations(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if b, err := os.ReadFile("../../testdata/seed.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		ns := Nations(text)
		seen := map[string]bool{}
		for i, n := range ns {
			if n.Count < 1 || n.Name == "" || len(n.Code) != 2 || seen[n.Code] {
				t.Fatalf("bad nation %+v in %+v", n, ns)
			}
			seen[n.Code] = true
			if i > 0 && (ns[i-1].Count < n.Count || ns[i-1].Count == n.Count && ns[i-1].Code > n.Code) {
				t.Fatalf("nations out of order: %+v", ns)
			}
		}
	})
}

func FuzzTroops(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	if b, err := os.ReadFile("../../testdata/seed.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, tr := range Troops(text) {
			if tr.Min > tr.Max || tr.Min < 1 {
				t.Fatalf("bad bounds %+v", tr)
			}
			if tr.Text == "" || !strings.Contains(text, tr.Text) {
				t.Fatalf("text %q is not in the input", tr.Text)
			}
			if tr.Unit == "" || tr.Category == "" {
				t.Fatalf("missing unit or category: %+v", tr)
			}
		}
	})
}
