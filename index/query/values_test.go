package query

import (
	"errors"
	"strings"
	"testing"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/extract/entity"
)

// TestTaggerNamesAreAccepted: every nation the tagger can put on an
// article is found by nation: with the code and with the name the tagger
// gives it, so no tag is out of a query's reach.
func TestTaggerNamesAreAccepted(t *testing.T) {
	tagged := 0
	for _, code := range nations().codes {
		for _, n := range entity.Nations("News from " + nations().names[code] + " today.") {
			tagged++
			for _, v := range []string{n.Code, n.Name, strings.ToLower(n.Name)} {
				if got, _, err := nationCode(v); err != nil || got != n.Code {
					t.Errorf("nation:%s is %q, %v; the tagger tags %s as %s", v, got, err, n.Code, n.Name)
				}
			}
		}
	}
	if tagged < len(nations().codes)*3/4 {
		t.Errorf("the tagger knew only %d of %d nations by their names; the test checks little", tagged, len(nations().codes))
	}
}

func TestSuggestions(t *testing.T) {
	for v, want := range map[string]string{
		"Ukriane":                "did you mean UA (Ukraine)?",
		"Germny":                 "did you mean DE (Germany)?",
		"Untied Kingdom":         "did you mean GB (United Kingdom)?",
		"Narnia":                 "write an ISO 3166-1 code or the English name",
		"Ukr":                    "did you mean UA (Ukraine)",
		strings.Repeat("x", 500): "no nation has that code or name",
	} {
		_, _, err := nationCode(v)
		if !errors.Is(err, defwatch.ErrBadQuery) || !strings.Contains(err.Error(), want) {
			t.Errorf("nation:%.20s: %v, want %q", v, err, want)
		}
	}
	for v, want := range map[string]string{"UK": "GB", "USA": "US", "Türkiye": "TR", "Turkey": "TR", "côte d'ivoire": "CI", "ua": "UA"} {
		if got, _, err := nationCode(v); err != nil || got != want {
			t.Errorf("nation:%s is %q, %v, want %s", v, got, err, want)
		}
	}
	for v, want := range map[string]string{"EN": "en", "english": "en", "Ukrainian": "uk"} {
		if got, _, err := langCode(v); err != nil || got != want {
			t.Errorf("lang:%s is %q, %v, want %s", v, got, err, want)
		}
	}
	if _, _, err := langCode("ua"); err == nil || !strings.Contains(err.Error(), "uk (Ukrainian)") {
		t.Errorf("lang:ua: %v, want a suggestion of uk (Ukrainian)", err)
	}
}
