package entity

import (
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"words and punctuation", "Russia's army.", []string{"Russia", "'", "s", "army", "."}},
		{"initialisms", "the U.S. and U.S.A. and D.R. Congo", []string{"the", "U.S.", "and", "U.S.A.", "and", "D.R.", "Congo"}},
		{"initialism before hyphen", "U.S.-led", []string{"U.S.", "-", "led"}},
		{"abbreviation with one capital", "St. Kitts", []string{"St", ".", "Kitts"}},
		{"comma thousands", "10,000 troops", []string{"10,000", "troops"}},
		{"space thousands", "10 000 troops", []string{"10 000", "troops"}},
		{"thin space thousands", "10\u2009000", []string{"10\u2009000"}},
		{"dot thousands", "1.000.000", []string{"1.000.000"}},
		{"decimal", "1.5 million", []string{"1.5", "million"}},
		{"not a group", "1,00 and 2022 100", []string{"1", ",", "00", "and", "2022", "100"}},
		{"sentence end after number", "5,000. Then", []string{"5,000", ".", "Then"}},
		{"digits glued to letters", "82nd 1990s F35", []string{"82nd", "1990s", "F", "35"}},
		{"a space lost after a count", "100,000soldiers 1.5million", []string{"100,000", "soldiers", "1.5", "million"}},
		{"units glued to a count stay", "2,000km 1,000th 1,200mAh", []string{"2,000km", "1,000th", "1,200mAh"}},
		{"accented letters", "Côte Türkiye São", []string{"Côte", "Türkiye", "São"}},
		{"thai mojibake ends a word", "Russiaโ€™s", []string{"Russia", "โ", "€", "™", "s"}},
		{"cyrillic is one token", "Київ Kyiv", []string{"Київ", "Kyiv"}},
		{"hyphenated name", "Guinea-Bissau", []string{"Guinea", "-", "Bissau"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, tok := range tokenize(tt.text, nil) {
				got = append(got, tt.text[tok.start:tok.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenizeFlags(t *testing.T) {
	toks := tokenize("a-b\nc", nil)
	type flags struct{ space, brk bool }
	want := []flags{{true, false}, {false, false}, {false, false}, {true, true}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, tok := range toks {
		if got := (flags{tok.space, tok.brk}); got != want[i] {
			t.Errorf("token %d: flags %+v, want %+v", i, got, want[i])
		}
	}
}
