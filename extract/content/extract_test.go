package content

import (
	"strings"
	"testing"
	"time"
)

// para is prose long enough to count as a paragraph of an article.
func para(topic string) string {
	return "<p>" + topic + ", the defense ministers said on Thursday, after talks at NATO headquarters in Brussels that ran late into the evening.</p>"
}

func TestParseMainText(t *testing.T) {
	body := para("First") + para("Second") + para("Third") + para("Fourth")
	tests := []struct {
		name     string
		page     string
		want     []string // substrings the text must hold
		wantNot  []string // substrings it must not hold
		wantOnly bool     // want is the whole text, paragraph by paragraph
	}{
		{
			name:    "frame around an article",
			page:    `<body><header><a href="/">Site</a><p>Site slogan that is long enough to be a paragraph of text.</p></header><nav><ul><li><a href="/a">World</a></li></ul></nav><article>` + body + `</article><aside>` + para("Sidebar") + `</aside><footer>` + para("Footer") + `</footer></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Sidebar", "Footer", "slogan", "World"},
		},
		{
			name:    "share class next to a content class is the article",
			page:    `<body><div class="article-body share-enabled">` + body + `</div><div class="comments">` + para("Comment") + `</div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Comment"},
		},
		{
			name:    "commentary is not a comment",
			page:    `<body><div class="commentary">` + body + `</div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: nil,
		},
		{
			name:    "widgets inside the body",
			page:    `<body><div class="story">` + para("First") + `<div class="related-links"><a href="/x">Other story one about NATO meetings in Brussels</a></div><div class="social-share"><a href="#">Share</a> <span>0</span></div>` + para("Second") + `<figure><img src="a.jpg"><figcaption>Ministers arrive at the meeting. Photo: Agency</figcaption></figure><div class="newsletter">` + para("Newsletter") + `</div>` + para("Third") + `</div></body>`,
			want:    []string{"First", "Second", "Third"},
			wantNot: []string{"Other story", "Share", "Ministers arrive", "Newsletter"},
		},
		{
			name:    "article split by an ad keeps both halves",
			page:    `<body><div id="main"><div class="text">` + para("First") + para("Second") + `</div><div class="ad"><p>Advertisement</p></div><div class="text">` + para("Third") + para("Fourth") + `</div></div><div class="sidebar">` + para("Sidebar") + `</div></body>`,
			want:    []string{"First", "Second", "Third", "Fourth"},
			wantNot: []string{"Advertisement", "Sidebar"},
		},
		{
			name:     "text with br in a div",
			page:     `<body><div class="da_body">BRUSSELS -- Ministers of thirty nations, led by Britain and France, met on Thursday.<br><br>They discussed a force of 10,000 to 30,000 troops, officials said, and will meet again.<br><br>A third paragraph, with commas, to make the block score.</div></body>`,
			want:     []string{"BRUSSELS -- Ministers of thirty nations, led by Britain and France, met on Thursday.", "They discussed a force of 10,000 to 30,000 troops, officials said, and will meet again.", "A third paragraph, with commas, to make the block score."},
			wantOnly: true,
		},
		{
			name:     "headings and list items in order, headline dropped",
			page:     `<head><title>Force for Ukraine</title></head><body><article><h1>Force for Ukraine</h1>` + para("Intro") + `<h2>What the force would do</h2><ul><li>Deter a new Russian attack on Ukraine after a ceasefire</li><li>Train Ukrainian units away from the front line</li></ul>` + para("End") + `</article></body>`,
			want:     []string{"Intro, the defense ministers said on Thursday, after talks at NATO headquarters in Brussels that ran late into the evening.", "What the force would do", "Deter a new Russian attack on Ukraine after a ceasefire", "Train Ukrainian units away from the front line", "End, the defense ministers said on Thursday, after talks at NATO headquarters in Brussels that ran late into the evening."},
			wantOnly: true,
		},
		{
			name:    "text is kept as the page has it",
			page:    `<body><article><p>Ministers “agreed” on the plan – and NATO’s chief, Mark Rutte, said Müller was right, the ministers said.</p>` + para("x") + `</article></body>`,
			want:    []string{"Ministers “agreed” on the plan – and NATO’s chief, Mark Rutte, said Müller was right"},
			wantNot: []string{`"agreed"`},
		},
		{
			name:    "hidden blocks are not text",
			page:    `<body><article>` + body + `<div style="display: none">` + para("Hidden") + `</div><div hidden>` + para("Attr") + `</div></article></body>`,
			want:    []string{"First"},
			wantNot: []string{"Hidden", "Attr"},
		},
		{
			name:    "trailing heading of a cut section",
			page:    `<body><article>` + body + `<h3>Join the conversation</h3></article></body>`,
			want:    []string{"Fourth"},
			wantNot: []string{"Join the conversation"},
		},
		{
			name:    "whole page in a form",
			page:    `<body><form action="Print.aspx"><div><h1>Title</h1><div>` + body + `</div></div></form></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: nil,
		},
		{
			name: "empty page",
			page: ``,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parse(tt.page, "https://example.com/a", fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantOnly {
				if got := strings.Join(tt.want, "\n\n"); d.Text != got {
					t.Errorf("text\n got: %q\nwant: %q", d.Text, got)
				}
				return
			}
			for _, w := range tt.want {
				if !strings.Contains(d.Text, w) {
					t.Errorf("text lacks %q:\n%s", w, d.Text)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(d.Text, w) {
					t.Errorf("text holds %q:\n%s", w, d.Text)
				}
			}
		})
	}
}

// TestParseLimits feeds pages built to exhaust an extractor: the work must
// stay bounded and the result sane.
func TestParseLimits(t *testing.T) {
	tests := []struct {
		name string
		page string
	}{
		{"deep nesting", strings.Repeat("<div>", 20000) + "deep text, with a comma" + strings.Repeat("</div>", 20000)},
		{"deep inline nesting", strings.Repeat("<b><i>", 5000) + "text"},
		{"giant page", "<body><article>" + strings.Repeat(para("Long"), 40000) + "</article></body>"},
		{"many tiny elements", strings.Repeat("<span>a</span>", 50000)},
		{"unclosed tables", strings.Repeat("<table><tr><td>", 3000)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			d, err := parse(tt.page, "", fixedNow)
			if err != nil {
				t.Fatal(err)
			}
			if el := time.Since(start); el > 30*time.Second { // a hang detector: -race on a busy machine is slow
				t.Errorf("took %v", el)
			}
			if len(d.Text) > maxPageBytes {
				t.Errorf("text of %d bytes from a page capped at %d", len(d.Text), maxPageBytes)
			}
		})
	}
}
