package entity_test

import (
	"fmt"
	"time"

	"github.com/defwatch/defwatch/extract/entity"
)

func ExampleMeetings() {
	text := "The defence ministers of 30 nations, led by Britain and France, will meet on Thursday at NATO headquarters. " +
		"Separately, President Biden spoke by phone with Chancellor Scholz yesterday."
	published := time.Date(2025, 4, 8, 9, 0, 0, 0, time.UTC) // a Tuesday
	for _, m := range entity.Meetings(text, published) {
		fmt.Println(m.Kind, m.Date, m.Location, m.Participants, m.Orgs)
	}
	// Output:
	// ministerial 2025-04-10 Brussels [FR GB] [NATO]
	// call 2025-04-07  [] []
}

func ExampleOrgs() {
	for _, o := range entity.Orgs("Nato and the EU met; NATO's chief and the Vereinte Nationen spoke.") {
		fmt.Println(o.Name, o.Count)
	}
	// Output:
	// NATO 2
	// EU 1
	// UN 1
}

func ExamplePlaces() {
	for _, p := range entity.Places("Shelling hit Kharkiv; talks moved from Київ to Brussels.") {
		fmt.Println(p.Name, p.Country)
	}
	// Output:
	// Kharkiv UA
	// Kyiv UA
	// Brussels BE
}
