package entity

import (
	"testing"
	"time"
)

// TestStateActedOn holds a state that the sentence of a meeting says a
// party acted on (condemned, accused, prevented): what was said, not who
// met, in each language.
func TestStateActedOn(t *testing.T) {
	pub := time.Date(2023, 3, 8, 18, 0, 0, 0, time.UTC)
	tests := []meetingParties{
		{"During a phone call with the Polish president on Tuesday, the Lithuanian president condemned Belarus and urged more sanctions.", []string{"LT", "PL"}},
		{"The Polish president met the Lithuanian president in Vilnius on Tuesday and accused Belarus of hosting the troops.", []string{"LT", "PL"}},
		{"The Polish president met the Lithuanian president in Vilnius on Tuesday to discuss how to prevent Belarus from hosting the troops.", []string{"LT", "PL"}},
		{"Der polnische Präsident traf am Dienstag in Vilnius den litauischen Präsidenten und verurteilte Belarus.", []string{"LT", "PL"}},
		{"Президент Польщі зустрівся з Президентом Литви у Вільнюсі і засудив Білорусь.", []string{"LT", "PL"}},
		{"Президент Польши встретился с президентом Литвы в Вильнюсе и осудил Беларусь.", []string{"LT", "PL"}},
		{"Le président polonais a rencontré le président lituanien à Vilnius et a condamné la Biélorussie.", []string{"LT", "PL"}},
	}
	checkParties(t, pub, tests)
}
