package index

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

func testArticles() []*defwatch.Article {
	return []*defwatch.Article{{
		ID: "seed", URL: "https://example.com/nato", Source: "example.com", Lang: "en",
		Title:     "NATO to host defense leaders for Ukraine force discussions",
		Text:      "The defense ministers of roughly 30 nations will discuss a force of 10,000 to 30,000 troops.",
		Published: time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC),
		Nations:   []defwatch.Nation{{Code: "UA", Name: "Ukraine", Count: 3}, {Code: "GB", Name: "United Kingdom", Count: 1}},
		Troops:    []defwatch.Troop{{Min: 10000, Max: 30000, Unit: "troops", Category: defwatch.TroopStrength}},
	}, {
		ID: "drill", URL: "https://example.pl/drill", Source: "example.pl", Lang: "en",
		Title:     "Polish exercise draws 2,500 soldiers",
		Text:      "About 2,500 soldiers took part in the exercise near the border.",
		Published: time.Date(2025, 4, 12, 8, 0, 0, 0, time.UTC),
		Nations:   []defwatch.Nation{{Code: "PL", Name: "Poland", Count: 2}},
		Troops:    []defwatch.Troop{{Min: 2500, Max: 2500, Approx: true, Unit: "soldiers", Category: defwatch.TroopStrength}},
	}, {
		ID: "archive", Source: "example.org", Lang: "uk",
		Title: "Звернення Президента", Text: "Україна вистоїть.",
	}}
}

func openTest(t *testing.T, path string) *Index {
	t.Helper()
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

func TestSearch(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	if err := idx.Put(testArticles()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		q    string
		want []string // ids in order
	}{
		{"*", []string{"drill", "seed", "archive"}}, // newest first, undated last
		{"", []string{"drill", "seed", "archive"}},
		{"nations:UA", []string{"seed"}},
		{"nations:ua", nil}, // codes are keywords: exact
		{"+troops.max:>=10000", []string{"seed"}},
		{"+troops.min:>=1000 +troops.max:<5000", []string{"drill"}},
		{"source:example.pl", []string{"drill"}},
		{"lang:uk", []string{"archive"}},
		{`"exercise near the border"`, []string{"drill"}},
		{"ukraine", []string{"seed"}},
		{"Україна", []string{"archive"}},
		{`+published:>="2025-04-11"`, []string{"drill"}},
	} {
		t.Run(tc.q, func(t *testing.T) {
			res, err := idx.Search(ctx, Request{Query: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range res.Hits {
				got = append(got, h.ID)
				if h.Text != "" {
					t.Errorf("hit %s carries its text", h.ID)
				}
			}
			if len(got) != len(tc.want) || res.Total != uint64(len(tc.want)) {
				t.Fatalf("got %v (total %d), want %v", got, res.Total, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}

func TestHitCarriesEntities(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	if err := idx.Put(testArticles()); err != nil {
		t.Fatal(err)
	}
	res, err := idx.Search(context.Background(), Request{Query: "nations:UA"})
	if err != nil || len(res.Hits) != 1 {
		t.Fatalf("%v %v", res, err)
	}
	h := res.Hits[0]
	if h.Title == "" || h.URL == "" || len(h.Nations) != 2 || h.Troops[0].Max != 30000 || h.Score <= 0 {
		t.Errorf("hit lacks article fields: %+v", h)
	}
	if !h.Published.Equal(time.Date(2025, 4, 10, 9, 12, 0, 0, time.UTC)) {
		t.Errorf("published %s", h.Published)
	}
}

func TestRedeliveryOverwritesAndIndexPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, path)
	arts := testArticles()
	if err := idx.Put(arts); err != nil {
		t.Fatal(err)
	}
	changed := *arts[0]
	changed.Title = "Updated headline about the Ukraine force"
	if err := idx.Put([]*defwatch.Article{&changed, arts[1]}); err != nil {
		t.Fatal(err)
	}
	if n, _ := idx.Count(); n != 3 {
		t.Errorf("%d documents after redelivery, want 3", n)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx = openTest(t, path)
	defer idx.Close()
	if n, _ := idx.Count(); n != 3 {
		t.Errorf("%d documents after reopening, want 3", n)
	}
	a, err := idx.Article(context.Background(), "seed")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != changed.Title || a.Text == "" {
		t.Errorf("article after redelivery: %q, text %d bytes", a.Title, len(a.Text))
	}
}

func TestSearchErrors(t *testing.T) {
	idx := openTest(t, filepath.Join(t.TempDir(), "idx"))
	defer idx.Close()
	ctx := context.Background()
	for _, req := range []Request{
		{Query: `title:"unclosed`},
		{Query: "troops.max:>=abc"},
		{Query: "/[/"},
		{Query: "*", Size: MaxSize + 1},
		{Query: "*", Size: -1},
		{Query: "*", From: MaxFrom + 1},
	} {
		if _, err := idx.Search(ctx, req); !errors.Is(err, defwatch.ErrBadQuery) {
			t.Errorf("%+v: got %v, want ErrBadQuery", req, err)
		}
	}
	if _, err := idx.Article(ctx, "missing"); !errors.Is(err, defwatch.ErrNotFound) {
		t.Errorf("missing article: got %v, want ErrNotFound", err)
	}
}
