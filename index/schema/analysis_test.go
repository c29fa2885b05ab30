package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// terms is the analysis of s for articles of analysis a, as "term@pos".
func terms(a, s string) []string {
	var out []string
	for _, t := range Analyzer("text", a).Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

// TestWordFamilies holds each analysis to bringing the forms of a word to
// one term, and to keeping apart words that only look alike.
func TestWordFamilies(t *testing.T) {
	for _, tc := range []struct {
		analysis string
		same     []string // all one term
	}{
		{Ukrainian, []string{"переговори", "переговорів", "переговорах", "переговорами"}},
		{Ukrainian, []string{"програма", "програм", "програмою"}}, // not "програми": "-ами" is the ending of "силами"
		{Ukrainian, []string{"країна", "країни", "країною", "країн"}},
		{Ukrainian, []string{"новий", "нового", "нові", "новими", "нова"}},
		{Ukrainian, []string{"Україна", "України", "Україні", "Україну", "Україною"}},
		{Ukrainian, []string{"війна", "війни", "війні", "війну", "війною"}},
		{Ukrainian, []string{"армія", "армії", "армію", "армією", "арміях"}},
		{Ukrainian, []string{"санкції", "санкцій", "санкціями", "санкціях"}},
		{Ukrainian, []string{"російський", "російська", "російського", "російських", "російськими", "російською", "російські"}},
		{Ukrainian, []string{"президент", "президента", "президентом", "президентові"}},
		{Ukrainian, []string{"зброя", "зброї", "зброю", "зброєю"}},
		{Ukrainian, []string{"сила", "сили", "силами", "силах"}},
		{Ukrainian, []string{"зв'язок", "зв’язок", "звʼязок"}},
		{Russian, []string{"переговоры", "переговоров", "переговорах", "переговорами"}},
		{Russian, []string{"войска", "войск", "войсками"}},
		{Russian, []string{"объём", "объем"}},
		{German, []string{"Truppe", "Truppen"}},
		{German, []string{"Soldat", "Soldaten"}},
		{German, []string{"Außenminister", "Aussenminister", "Außenministern"}},
		{German, []string{"Rüstung", "Ruestung", "Rustung"}},
		{English, []string{"troop", "troops", "Troops"}},
		{English, []string{"negotiation", "negotiations"}},
		{English, []string{"NATO", "NATO's", "NATO’s", "nato"}},
		{English, []string{"U.S.", "US", "u.s"}},
		{English, []string{"défense", "defense", "DEFENSE", "defence", "Defences"}},
		{English, []string{"armoured", "armored"}},
		{English, []string{"programme", "programmes", "program"}},
		{English, []string{"mobilisation", "mobilization"}},
		{Other, []string{"Łukaszenka", "lukaszenka"}},
	} {
		t.Run(tc.same[0], func(t *testing.T) {
			want := terms(tc.analysis, tc.same[0])
			if len(want) != 1 {
				t.Fatalf("%q is %v, want one term", tc.same[0], want)
			}
			for _, w := range tc.same[1:] {
				if got := terms(tc.analysis, w); !slices.Equal(got, want) {
					t.Errorf("%s: %q is %v, %q is %v", tc.analysis, w, got, tc.same[0], want)
				}
			}
		})
	}
	for _, tc := range []struct{ analysis, a, b string }{
		{Ukrainian, "війна", "вій"},               // a stem is never cut below three letters
		{Ukrainian, "Київ", "Києва"},              // a light stemmer leaves vowel changes alone
		{German, "Truppen", "Truppenübungsplatz"}, // no decompounding
		{English, "hour", "hor"},                  // British spellings are listed, not guessed
		{English, "fence", "fense"},
	} {
		if a, b := terms(tc.analysis, tc.a), terms(tc.analysis, tc.b); slices.Equal(a, b) {
			t.Errorf("%s: %q and %q are both %v", tc.analysis, tc.a, tc.b, a)
		}
	}
}

// TestStopWordsPerLanguage checks that each language leaves out its own
// stop words and keeps words that mean something in another language.
func TestStopWordsPerLanguage(t *testing.T) {
	for _, tc := range []struct {
		analysis, text string
		want           []string
	}{
		{English, "the war in Ukraine", []string{"war", "ukraine"}},
		{English, "Die Truppen", []string{"die", "truppen"}},
		{German, "die Truppen an der Grenze", []string{"die", "trupp", "grenz"}},
		{German, "Der Krieg war lang", []string{"krieg", "war", "lang"}},
		{Ukrainian, "війна в Україні та Росії", []string{"війн", "україн", "рос"}},
		{Russian, "война в Украине и России", []string{"войн", "украин", "росс"}},
		{Other, "the war", []string{"war"}},
	} {
		if got := terms(tc.analysis, tc.text); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q is %v, want %v", tc.analysis, tc.text, got, tc.want)
		}
	}
}

// TestHyphenatedWords checks the joined term of a hyphenated word: at the
// position of its first part, beside the parts, and never for numbers.
func TestHyphenatedWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"co-operation agreement", []string{"co@1", "cooperation@1", "operation@2", "agreement@3"}},
		{"F-16s arrive", []string{"f@1", "f16@1", "16@2", "arrive@3"}},
		{"F‑16 jets", []string{"f@1", "f16@1", "16@2", "jet@3"}}, // non-breaking hyphen
		{"Jean-Claude-Marie-Anne-Paul", []string{"jean@1", "jeanclaudemarieanne@1", "claude@2", "marie@3", "anne@4", "paul@5"}},
		{"2022-2023 and 2025-04-10", []string{"2022@1", "2023@2", "2025@4", "04@5", "10@6"}},
		{"Russia - Ukraine", []string{"russia@1", "ukraine@2"}},
		{"no-fly zone", []string{"nofly@1", "fly@2", "zone@3"}},
		{"in Ukraine.The war", []string{"ukraine@2", "war@4"}}, // a full stop without its space
		{"U.S.Army apnews.com e.g.", []string{"u.s.army@1", "apnews.com@2", "eg@3"}},
		{"Defense.We co-operate.Then", []string{"defense@1", "co@3", "cooperate@3", "operate@4"}},
	} {
		var got []string
		for _, tk := range Analyzer("text", English).Analyze([]byte(tc.text)) {
			got = append(got, string(tk.Term)+"@"+itoa(tk.Position))
			if tk.Start < 0 || tk.End > len(tc.text) || !utf8.ValidString(tc.text[tk.Start:tk.End]) {
				t.Errorf("%q: token %q at bad offsets %d-%d", tc.text, tk.Term, tk.Start, tk.End)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestPattern checks a wildcard is normalised as terms are.
func TestPattern(t *testing.T) {
	for _, tc := range []struct{ analysis, in, want string }{
		{German, "Außen*", "aussen*"},
		{English, "Défen?e*", "defen?e*"},
		{Ukrainian, "Зв’яз*", "звяз*"},
		{English, "co-op*", "coop*"},
	} {
		if got := Pattern(tc.analysis, tc.in); got != tc.want {
			t.Errorf("%s: Pattern(%q) = %q, want %q", tc.analysis, tc.in, got, tc.want)
		}
	}
}

// FuzzAnalyzers feeds every analyser arbitrary text: tokens must point at
// the text's own bytes, in order of position, whatever the input.
func FuzzAnalyzers(f *testing.F) {
	for _, s := range []string{"F-16s co-operation", "зв’язок-з'єднання", "U.S.-led", "a--b", "-x-", "\xff-\xfe", strings.Repeat("a-", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, a := range append(slices.Clone(Analyses), "byline") {
			field := "text"
			if a == "byline" {
				field = "byline"
			}
			last := 0
			for _, tk := range Analyzer(field, a).Analyze([]byte(s)) {
				if tk.Start < 0 || tk.End > len(s) || tk.Start > tk.End {
					t.Fatalf("%s: token %q at %d-%d of %d bytes", a, tk.Term, tk.Start, tk.End, len(s))
				}
				if tk.Position < last {
					t.Fatalf("%s: positions out of order at %q", a, tk.Term)
				}
				last = tk.Position
			}
		}
	})
}

// analysisDigests pins what each schema version's analysis makes of
// analysisSample. An index keeps shards of its own version only, so a
// change to any analyser that leaves Version as it is would leave shards
// analysed one way and queries read another: change the analysis, bump
// Version, and add its digest here.
var analysisDigests = map[string]string{
	"3": "645390995482ccd602247d73751daf9e5f7b71c1b57f25586be61d3738fdbd12",
	"4": "645390995482ccd602247d73751daf9e5f7b71c1b57f25586be61d3738fdbd12", // the analysis of 3; a field added
}

var analysisSample = strings.Join([]string{
	"The Ministry of Defence said NATO’s F-16s and U.S. co-operation continue; défense, Łask, armoured troops in Ukraine.The end.",
	"Die Bundeswehr verlegt Truppen; der Außenminister war in Brüssel.",
	"Переговори переговорів у Стамбулі; зв’язок із фронтом; санкції.",
	"Переговоры в Стамбуле; ещё войска.",
}, "\n")

func TestAnalysisIsVersioned(t *testing.T) {
	h := sha256.New()
	for _, a := range Analyses {
		for _, field := range []string{"title", "byline"} {
			for _, tk := range Analyzer(field, a).Analyze([]byte(analysisSample)) {
				fmt.Fprintf(h, "%s %s %s %d %d %d %d\n", a, field, tk.Term, tk.Position, tk.Start, tk.End, tk.Type)
			}
		}
	}
	got := hex.EncodeToString(h.Sum(nil))
	if want := analysisDigests[Version]; got != want {
		t.Errorf("the analysis of schema version %s changed (digest %s, was %s): bump Version so old shards are rebuilt", Version, got, want)
	}
}
