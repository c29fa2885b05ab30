package content

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestParseKind runs real pages of each kind: blog and magazine home pages
// (from NetNewsWire's test pages) are listings, the story pages of the
// other fixtures are articles, whether or not the page's address is known.
func TestParseKind(t *testing.T) {
	tests := []struct {
		file, url, want string
	}{
		{"kind/DaringFireball.html.gz", "https://daringfireball.net/", KindListing},
		{"kind/furbo.html.gz", "https://furbo.org/", KindListing},
		{"kind/inessential.html.gz", "https://inessential.com/", KindListing},
		{"kind/sixcolors.html.gz", "https://sixcolors.com/", KindListing},
		{"kind/coco.html.gz", "https://www.theatlantic.com/entertainment/archive/2017/11/coco-is-among-pixars-best-movies-in-years/546695/", KindArticle},
		{"kind/coco.html.gz", "", KindArticle},
		{"bench/06e5123e4ef7.html.gz", "", KindArticle},
		{"bench/b3c19dd5f061.html.gz", "", KindArticle},
		{"mozilla/bbc-1/source.html.gz", "http://fakehost/test/page.html", KindArticle},
		{"mozilla/lemonde-1/source.html.gz", "http://fakehost/test/page.html", KindArticle},
		{"mozilla/heise/source.html.gz", "http://fakehost/test/page.html", KindArticle},
		{"afmil/Print0170.html.gz", "", KindArticle},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.url, func(t *testing.T) {
			d, err := parse(readFixture(t, filepath.Join("testdata", tt.file)), tt.url, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != tt.want {
				t.Errorf("kind %q, want %q (text of %d runes)", d.Kind, tt.want, runeCount(d.Text))
			}
		})
	}
}

// TestParseKindFromMarkup builds pages whose kind only the markup or the
// structure tells.
func TestParseKindFromMarkup(t *testing.T) {
	story := para("First") + para("Second") + para("Third") + para("Fourth")
	var teasers strings.Builder
	for i := range 8 {
		teasers.WriteString(`<div class="card"><h3><a href="/story/` + string(rune('a'+i)) + `">Ministers agree on a force for Ukraine, part ` + string(rune('1'+i)) + `</a></h3><p>The coalition met in Brussels on Thursday, officials said.</p></div>`)
	}
	tests := []struct {
		name, page, url, want string
	}{
		{"story", `<body><article><h1>Ministers meet</h1>` + story + `</article></body>`, "https://news.example/2025/04/10/ministers-meet", KindArticle},
		{"section front of teasers", `<body><main>` + teasers.String() + `</main></body>`, "https://news.example/world/", KindListing},
		{"tag page", `<body><main>` + teasers.String()[:len(teasers.String())/2] + `</main></body>`, "https://news.example/tag/nato/", KindListing},
		{"story with headlines around it", `<head><meta property="og:type" content="article"></head><body><article>` + story + `</article><section>` + teasers.String() + `</section></body>`, "https://news.example/2025/04/10/ministers-meet", KindArticle},
		{"home page", `<body><article>` + story + `</article>` + teasers.String() + `</body>`, "https://news.example/", KindListing},
		{"product page", `<head><script type="application/ld+json">{"@type":"Product","name":"Field radio","offers":{"@type":"Offer","price":"99"}}</script></head><body><div class="product">` + story + `</div></body>`, "https://shop.example/radio", KindOther},
		{"no text to speak of", `<body><form><input name="q"><button>Search</button></form><p>Contact us.</p></body>`, "https://news.example/contact", KindOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse(tt.page, tt.url, fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if d.Kind != tt.want {
				t.Errorf("kind %q, want %q; text:\n%s", d.Kind, tt.want, d.Text)
			}
		})
	}
}
