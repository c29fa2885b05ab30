package entity

import (
	"testing"
	"time"
)

// TestTalksAsAim holds talks that someone demands, calls for, is ready
// for or is pushed into: no occasion, so no meeting, in each language. A
// trip for talks is an occasion all the same.
func TestTalksAsAim(t *testing.T) {
	pub := time.Date(2023, 3, 8, 18, 0, 0, 0, time.UTC)
	tests := []meetingCount{
		{"Moldova demands the withdrawal of the troops as a condition for peace talks with Transnistria.", 0},
		{"Analysts warn that Armenia may be forced into negotiations with Azerbaijan.", 0},
		{"The spokesman said the crisis would end in talks between Armenian and Azeri delegations.", 0},
		{"The government of Moldova has even reached out for talks with the Romanian opposition.", 0},
		{"Moldau stellt den Abzug der Truppen als Bedingung für Gespräche mit Transnistrien.", 0},
		{"Молдова висуває виведення військ як умову для переговорів з Придністров'ям.", 0},
		{"Молдова выдвигает вывод войск как условие для переговоров с Приднестровьем.", 0},
		{"La Moldavie a lancé un appel à des négociations avec la Transnistrie.", 0},
		// Near misses: a trip for talks, and talks held.
		{"The Armenian foreign minister flew to Baku on Tuesday for talks with his Azeri counterpart.", 1},
		{"The Armenian and Azeri foreign ministers held talks in Baku on Tuesday.", 1},
	}
	checkCounts(t, pub, tests)
}
