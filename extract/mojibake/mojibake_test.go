package mojibake

import (
	"bufio"
	"compress/gzip"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepair(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"seed dash, windows-874", "BRUSSELS โ€“ The defense ministers", "BRUSSELS – The defense ministers"},
		{"seed apostrophe, windows-874", "NATOโ€™s headquarters and Europeโ€™s capability", "NATO’s headquarters and Europe’s capability"},
		{"windows-1252 apostrophe", "Britainâ€™s forces", "Britain’s forces"},
		{"windows-1252 quotes", "a â€œcoalition of the willingâ€\u009d", "a “coalition of the willing”"},
		{"lost right quote", "attend â\u0080\u0098urgentâ\u0080?new ceasefire talks", "attend ‘urgent”new ceasefire talks"},
		{"Latin-1 with C1 controls", "Israelâ\u0080\u0099s army", "Israel’s army"},
		{"accented letter and no-break space", "Emmanuel MacronÂ\u00a0and the ElysÃ©e", "Emmanuel Macron\u00a0and the Elysée"},
		{"Chinese read as windows-1252", "ä¸\u00adå\u009b½ army", "中国 army"},
		{"pound", "sells for Â£2.2m", "sells for £2.2m"},
		{"Turkish", "ErdoÄ\u009fan", "Erdoğan"},
		{"Cyrillic read as windows-1252", "Ð£ÐºÑ€Ð°Ñ—Ð½Ð°", "Україна"},
		{"twice broken", "Ukraineâ€™s", "Ukraine’s"},
		{"double mojibake", "NATOÃ¢â‚¬â„¢s", "NATO’s"},
		{"GBK round trip apostrophe", "Ukraine¡¯s incursion", "Ukraine’s incursion"},
		{"GBK round trip pound", "takes ¡ê3.7m bonus", "takes £3.7m bonus"},
		{"GBK round trip dash", "from here ¨C chief of police", "from here – chief of police"},
		{"GBK round trip quotes", "¡°peace¡± and ¡®war¡¯", "“peace” and ‘war’"},
		{"C1 euro", "worth \u008050bn", "worth €50bn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Repair(tc.in); got != tc.want {
				t.Errorf("Repair(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRepairLeavesCorrectTextAlone(t *testing.T) {
	for _, s := range []string{
		"กองทัพไทยส่งทหาร 500 นายไปยังชายแดนกัมพูชาเมื่อวันพฤหัสบดี",
		"โฆษกกระทรวงกลาโหมกล่าวว่า “การประชุมจะจัดขึ้นที่กรุงเทพฯ” – ตามกำหนด",
		"เกิดเหตุปะทะ… ทหาร ๒ นายได้รับบาดเจ็บ • แหล่งข่าว",
		"Міністри оборони зібралися в Брюсселі — «коаліція охочих»",
		"Министр обороны России заявил, что войска отведены.",
		"北约国防部长周四在布鲁塞尔举行会议，讨论乌克兰问题。",
		"防衛省は「自衛隊の派遣」を発表した。",
		"국방부는 목요일 브뤼셀에서 회의를 열었다.",
		"Les ministres de la Défense à Bruxelles : « une force de 10 000 à 30 000 soldats »",
		"Die Bundeswehr schickt 4.800 Soldaten nach Litauen – für Übungen.",
		"Quân đội Việt Nam tổ chức diễn tập ở Hà Nội.",
		"Ο υπουργός Άμυνας της Ελλάδας συναντήθηκε με τον Τούρκο ομόλογό του.",
		"Türkiye Cumhurbaşkanı Erdoğan NATO zirvesinde konuştu.",
		"Wojsko Polskie: żołnierze ćwiczą na poligonie w Orzyszu.",
		"CAFÉ’s owner said “no” — PARÍS” and SÃO PAULO, ÖZIL’s goal",
		"¡Ésta es la OTAN! ¡Ánimo! ¿Qué? ¨umlaut¨",
		"un enfant «\u00a0doué\u00a0», «\u00a0à haut potentiel\u00a0» et « é »",
		"Price: €50bn, £3.7m, ¥100, 25°C, ±5%, ½ cup, ©2025 BBC™",
		"وزير الدفاع يلتقي نظيره الفرنسي في باريس",
		"שר הביטחון נפגש עם עמיתו הצרפתי",
		"पेरिस में रक्षा मंत्रियों की बैठक",
	} {
		if got := Repair(s); got != s {
			t.Errorf("Repair changed correct text\n  in %q\n got %q", s, got)
		}
	}
}

// brokenRE finds the traces mis-decoding leaves; it is the test's own
// judge, independent of how Repair decides.
var brokenRE = regexp.MustCompile(`[\x{80}-\x{9f}]|[ÂÃÄÅÐÑ][\x{80}-\x{bf}€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|â€|โ€|¡[®¯°±êª­¤]|¨C`)

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestHeadlines measures Repair on 11,068 real headlines (BBC and Guardian,
// 2020-2024): how many of the broken ones it repairs, and that it changes
// none of the others.
func TestHeadlines(t *testing.T) {
	var broken, repaired, clean, changed int
	for _, h := range readLines(t, "testdata/headlines.txt.gz") {
		got := Repair(h)
		if !brokenRE.MatchString(h) {
			clean++
			if got != h {
				changed++
				t.Errorf("changed a correct headline\n  in %q\n got %q", h, got)
			}
			continue
		}
		broken++
		if !brokenRE.MatchString(got) && utf8.ValidString(got) && !strings.ContainsRune(got, utf8.RuneError) {
			repaired++
		} else {
			t.Logf("not repaired: %q -> %q", h, got)
		}
	}
	t.Logf("broken headlines repaired: %d of %d; correct headlines changed: %d of %d", repaired, broken, changed, clean)
	if broken < 2000 || float64(repaired) < 0.99*float64(broken) {
		t.Errorf("repaired %d of %d broken headlines, want at least 99%%", repaired, broken)
	}
}

// TestCorrectCorpusUntouched runs Repair over 9,898 distinct non-ASCII
// paragraphs of correct text: the article corpus (English, Ukrainian,
// German, French), Readability's expected pages (French, Spanish,
// Portuguese, Czech, Chinese, Japanese) and properly decoded feeds
// (Russian, Urdu, Polish, Chinese, Slovak, German).
func TestCorrectCorpusUntouched(t *testing.T) {
	lines := readLines(t, "testdata/correct.txt.gz")
	changed := 0
	for _, p := range lines {
		if got := Repair(p); got != p {
			changed++
			t.Errorf("changed correct text\n  in %.200q\n got %.200q", p, got)
		}
	}
	t.Logf("correct paragraphs changed: %d of %d", changed, len(lines))
	if len(lines) < 9000 {
		t.Errorf("only %d paragraphs", len(lines))
	}
}

func FuzzRepair(f *testing.F) {
	f.Add("BRUSSELS โ€“ NATOโ€™s")
	f.Add("Ã¢â‚¬â„¢ ¡ê ¨C \u0080 â\u0080?")
	f.Add("กองทัพไทย ¡Ésta!")
	f.Fuzz(func(t *testing.T, s string) {
		got := Repair(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("valid UTF-8 in, invalid out: %q", got)
		}
		if utf8.RuneCountInString(got) > utf8.RuneCountInString(s) {
			t.Fatalf("repair added characters: %q to %q", s, got)
		}
		if !suspicious(s) && got != s {
			t.Fatalf("changed text with nothing suspicious: %q", s)
		}
	})
}

func BenchmarkRepair(b *testing.B) {
	clean := strings.Repeat("The defense ministers of roughly 30 nations, led by Britain and France, met on Thursday. ", 60)
	broken := strings.Repeat("The coalitionโ€™s defense ministers โ€“ led by Britain and France โ€“ met on Thursday. ", 60)
	// Ukrainian text with «» quotes: Latin-1 signs, but no lead of a
	// sequence, so the quick look lets it be.
	cyrillic := strings.Repeat("Міністри оборони близько 30 країн у четвер обговорили «коаліцію охочих». ", 60)
	b.Run("clean", func(b *testing.B) {
		for b.Loop() {
			Repair(clean)
		}
	})
	b.Run("broken", func(b *testing.B) {
		for b.Loop() {
			Repair(broken)
		}
	})
	b.Run("cyrillic", func(b *testing.B) {
		for b.Loop() {
			Repair(cyrillic)
		}
	})
}

// TestQuickLookMissesNothing checks that the characters suspicious leaves
// out cannot make a repair: text of ASCII, windows-1252 punctuation and
// other scripts (no Latin-1 supplement, C1 or Thai) comes out of the full
// repair unchanged, on random mixes and on every line of the samples; and
// wherever the quick look passes a line by, the full repair agrees.
func TestQuickLookMissesNothing(t *testing.T) {
	var alphabet []rune
	for r := range cp1252Specials {
		alphabet = append(alphabet, r)
	}
	alphabet = append(alphabet, 'a', 'Z', ' ', '.', '7', 'я', 'Ї', 'ő', 'ł', '中', '€', '…', '•', '\u0100', '\u0E00', '\u0E5C')
	// The Latin-1 supplement and the Thai letters that read back as no lead
	// byte: continuation bytes, signs and quotes ("«", "°", "÷").
	for r := rune(0xA0); r <= 0xFF; r++ {
		if r != '¡' && r != '¨' && (r < 0xC2 || r > 0xF4) {
			alphabet = append(alphabet, r)
		}
	}
	for r := rune(0x0E01); r <= 0x0E5B; r++ {
		if r < 0x0E22 || r > 0x0E54 {
			alphabet = append(alphabet, r)
		}
	}
	rng := rand.New(rand.NewPCG(15, 6))
	for range 50000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if suspicious(s) {
			t.Fatalf("%q: no character here should make text suspicious", s)
		}
		if got := repair(s); got != s {
			t.Fatalf("full repair changed %q to %q, which the quick look passes by", s, got)
		}
	}
	var passed int
	for _, path := range []string{"testdata/correct.txt.gz", "testdata/headlines.txt.gz"} {
		for _, line := range readLines(t, path) {
			if !suspicious(line) {
				passed++
				if got := repair(line); got != line {
					t.Errorf("full repair changed %.200q to %.200q, which the quick look passes by", line, got)
				}
			}
		}
	}
	if passed == 0 {
		t.Error("the quick look passed no sample line by: nothing compared")
	}
}

// TestCP1252SpecialCoversTheTable checks that the quick range test in
// cp1252Special lets every character of the table through, and no other.
func TestCP1252SpecialCoversTheTable(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		want := cp1252Specials[r]
		if got := cp1252Special(r); got != want {
			t.Fatalf("cp1252Special(%U) = %#x, want %#x", r, got, want)
		}
	}
}

// TestQuickLookKnowsEveryLead tries each character of the Latin-1 supplement
// and the Thai block before each character that reads back as a
// continuation byte: wherever the full repair changes such a text, the
// quick look must have found it suspicious.
func TestQuickLookKnowsEveryLead(t *testing.T) {
	// Continuation bytes as windows-1252 and Latin-1 show them, less the
	// C1 controls, which are repaired on their own.
	var conts []rune
	for r := rune(0xA0); r <= 0xBF; r++ {
		conts = append(conts, r)
	}
	for r := range cp1252Specials {
		conts = append(conts, r)
	}
	for r := rune(0x0E01); r <= 0x0E1F; r++ { // windows-874's 0xA1-0xBF
		conts = append(conts, r)
	}
	repaired := 0
	for _, block := range [][2]rune{{0x80, 0xFF}, {0x0E01, 0x0E5B}} {
		for lead := block[0]; lead <= block[1]; lead++ {
			for _, c := range conts {
				s := "x" + string(lead) + strings.Repeat(string(c), 3) + "y"
				if repair(s) == s {
					continue
				}
				repaired++
				if !suspicious(s) {
					t.Fatalf("full repair changes %q, which the quick look passes by", s)
				}
			}
		}
	}
	if repaired == 0 {
		t.Fatal("no text was repaired: nothing compared")
	}
}
