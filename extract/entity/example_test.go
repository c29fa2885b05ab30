package entity_test

import (
	"fmt"

	"github.com/defwatch/defwatch/extract/entity"
)

func ExampleNations() {
	text := "Britain and France lead the coalition; Russia's troops mass near Kharkiv, Kyiv warns."
	for _, n := range entity.Nations(text) {
		fmt.Println(n.Code, n.Name, n.Count)
	}
	// Output:
	// FR France 1
	// GB United Kingdom 1
	// RU Russia 1
	// UA Ukraine 1
}

func ExampleTroops() {
	text := "The force could number between 10,000 to 30,000 troops. Russia has lost 5,000 soldiers."
	for _, t := range entity.Troops(text) {
		fmt.Printf("%d-%d %s %s approx=%v %q\n", t.Min, t.Max, t.Unit, t.Category, t.Approx, t.Text)
	}
	// Output:
	// 10000-30000 troops strength approx=true "between 10,000 to 30,000 troops"
	// 5000-5000 soldiers casualties approx=false "5,000 soldiers"
}
