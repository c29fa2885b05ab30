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
			name:    "page builder names every block a widget",
			page:    `<body><nav><a href="/">Home</a> <a href="/b">Blog</a></nav><div class="elementor"><div class="elementor-widget elementor-widget-text"><div class="elementor-widget-container">` + para("First") + `</div></div><div class="elementor-widget elementor-widget-text"><div class="elementor-widget-container">` + para("Second") + `</div></div><div class="elementor-widget elementor-widget-text"><div class="elementor-widget-container">` + para("Third") + para("Fourth") + `</div></div></div><div class="comments">` + para("Comment") + `</div></body>`,
			want:    []string{"First", "Second", "Third", "Fourth"},
			wantNot: []string{"Comment", "Home"},
		},
		{
			name:    "body hidden until a script shows it",
			page:    `<body><header><a href="/">Site</a></header><div hidden id="S:0"><article>` + body + `</article></div><div class="menu" style="display:none"><a href="/x">Menu entry one</a></div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Menu entry"},
		},
		{
			name:    "aside left open above the article",
			page:    `<body><aside class="announcement-banner"><a href="/e">Join our event</a><main><article class="blog-post">` + body + `</article></main></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Join our event"},
		},
		{
			name:    "body only in JSON-LD articleBody",
			page:    `<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ministers meet","articleBody":"Ministers of thirty nations met in Brussels on Thursday, officials said, to plan a force for Ukraine.\nThey will meet again next month, when the plan for the force of 10,000 to 30,000 troops is due."}</script></head><body><div id="root"><a href="/">Home</a></div></body>`,
			want:    []string{"Ministers of thirty nations met in Brussels on Thursday", "They will meet again next month"},
			wantNot: []string{"Home"},
		},
		{
			name:    "body only in Next.js flight data",
			page:    `<body><div id="__next"><a href="/">Home</a></div><script>self.__next_f.push([1,"5:[\"$\",\"p\",null,{\"children\":\"Ministers of thirty nations met in Brussels on Thursday, officials said, to plan a force for Ukraine that could number 30,000.\"}]\n6:[\"$\",\"p\",null,{\"children\":\"They will meet again next month, when the plan for the force of 10,000 to 30,000 troops is due.\"}]"])</script><script>self.__next_f.push([1,"7:{\"className\":\"flex\"}"])</script></body>`,
			want:    []string{"Ministers of thirty nations met in Brussels on Thursday", "They will meet again next month"},
			wantNot: []string{"className", "Home"},
		},
		{
			name: "sections of a long page, each in a box of its own",
			page: `<body><main><div class="col"><div class="css-a1"><h2>What the ministers agreed</h2><div class="css-b2">` + para("First") + `</div></div>` +
				`<div class="css-c3"><h2>What comes next</h2><div class="css-b2">` + para("Second") + `</div></div>` +
				`<div class="css-d4"><h2>References</h2><ul><li>Smith J, Jones K, et al. Forces for Ukraine: a review of pledges, numbers and timelines. Defence Review. 2025;12:1-20.</li><li>Doe A, Roe B, et al. Coalitions of the willing, from Bosnia to Ukraine. Strategy Quarterly. 2024;8:40-61.</li><li>Lee C, Park D, et al. Paying for deterrence: budgets, brigades and burden sharing. Security Studies. 2023;31:100-130.</li></ul></div></div></main></body>`,
			want:    []string{"What the ministers agreed", "First", "What comes next", "Second", "Smith J"},
			wantNot: nil,
		},
		{
			name:    "stories listed below the article stay out",
			page:    `<body><main><div class="post">` + body + para("Fifth") + para("Sixth") + para("Seventh") + `</div><div class="more"><h2>Keep reading</h2><div class="item"><a href="/s/1">Ministers agree on a force for Ukraine</a>` + para("Blurb one") + para("Blurb two") + `</div><div class="item"><a href="/s/2">Britain and France lead the planning</a>` + para("Blurb three") + para("Blurb four") + `</div></div></main></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Keep reading", "Ministers agree", "Blurb"},
		},
		{
			name:    "pull quote set as a figure",
			page:    `<body><article>` + para("First") + `<figure class="pullquote"><blockquote><p>A force of 30,000 is what deterrence needs, and what Europe can pay for, the minister said.</p></blockquote></figure><figure><img src="a.jpg"><figcaption>Ministers arrive.</figcaption></figure>` + para("Second") + `</article></body>`,
			want:    []string{"First", "A force of 30,000 is what deterrence needs", "Second"},
			wantNot: []string{"Ministers arrive"},
		},
		{
			name:    "linked heading above a section keeps it, a linked heading alone goes",
			page:    `<body><article>` + para("First") + `<h2><a href="https://maker.example/rifle">1. The rifle the army chose</a></h2>` + para("Second") + para("Third") + `<h3><a href="/other">Another story entirely</a></h3></article></body>`,
			want:    []string{"First", "1. The rifle the army chose", "Second", "Third"},
			wantNot: []string{"Another story"},
		},
		{
			name:    "standfirst under the headline, outside the body",
			page:    `<head><title>Ministers agree on a force for Ukraine</title></head><body><div class="hero"><h1>Ministers agree on a force for Ukraine</h1><div class="dek"><p>Thirty nations will send up to 30,000 troops, led by Britain and France, officials said on Thursday.</p></div><span class="date">May 1</span></div><div class="layout"><div class="story-body">` + body + `</div></div></body>`,
			want:    []string{"Thirty nations will send up to 30,000 troops", "First", "Fourth"},
			wantNot: []string{"Ministers agree"},
		},
		{
			name:    "no standfirst read across another section",
			page:    `<head><title>Ministers agree on a force for Ukraine</title></head><body><h1>Ministers agree on a force for Ukraine</h1><div class="box"><h2>This week</h2><p>Every morning, the news that matters to you, in your inbox before breakfast.</p></div><div class="story-body">` + body + `</div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Every morning"},
		},
		{
			name:    "a banner above the story is no reason to widen",
			page:    `<body><div class="page"><table><tr><td><b>U N I T E D S T A T E S A I R F O R C E</b></td></tr></table><div class="bio"><h1>General Jane Doe</h1>` + body + `</div></div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"U N I T E D"},
		},
		{
			name:    "timestamp line without a By",
			page:    `<body><div class="story"><p class="info">Secretary of the Air Force Public Affairs Command Information / Published October 13, 2015</p>` + body + `</div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Published October"},
		},
		{
			name:    "a list of links the text announces is text",
			page:    `<body><article>` + para("First") + `<p>The ministers named three reports:</p><ul><li><a href="/r1">The coalition's force plan</a></li><li><a href="/r2">Britain's pledge of troops</a></li><li><a href="/r3">France's pledge of aircraft</a></li></ul>` + para("Second") + `<ul><li><a href="/x">Unrelated story one</a></li><li><a href="/y">Unrelated story two</a></li></ul></article></body>`,
			want:    []string{"First", "The coalition's force plan", "France's pledge of aircraft", "Second"},
			wantNot: []string{"Unrelated story"},
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
			name: "first part of the story nested deeper beside a sidebar",
			page: `<body><div id="post"><div class="part"><div class="wrap"><div class="cols"><aside><a href="/share">Share</a></aside><section><div><div><div class="prose">` + para("First") + para("Second") + `</div></div></div></section></div></div></div>` +
				`<div class="part"><figure><img src="a.jpg"></figure></div>` +
				`<div class="part"><section><div class="prose">` + para("Third") + para("Fourth") + para("Fifth") + para("Sixth") + `</div></section></div></div></body>`,
			want: []string{"First", "Second", "Third", "Sixth"},
		},
		{
			name: "bulleted summary of linked headlines",
			page: `<body><article>` + para("Intro") + `<ol>` +
				`<li><strong><a href="/a">The ministers agreed to send more air defence systems to the east</a>.</strong> Deliveries start next month, the ministry said on Friday.</li>` +
				`<li><strong><a href="/b">The alliance will hold its next summit in the Netherlands in June</a>.</strong> Leaders will meet for two days at the World Forum.</li>` +
				`<li><strong><a href="/c">A new command for the Baltic Sea region opens in Rostock this year</a>.</strong> It will have a staff of 180 from a dozen navies.</li>` +
				`</ol>` + para("End") + `</article></body>`,
			want: []string{"Deliveries start next month", "Leaders will meet for two days", "It will have a staff of 180", "The alliance will hold its next summit"},
		},
		{
			name: "related stories that link the end of each title",
			page: `<body><article>` + body + `<hr><div>More great stories</div><ul>` +
				`<li>YouTubers must unionize, <a href="/a">no matter what the platform says</a></li>` +
				`<li>Paid political ads are not the problem. <a href="/b">Our perceptions are</a></li>` +
				`<li>Could an astronaut lost in space <a href="/c">use gravity to get around</a>?</li>` +
				`</ul></article></body>`,
			want:    []string{"Fourth"},
			wantNot: []string{"YouTubers", "astronaut"},
		},
		{
			name:    "a teaser that only adds a time is still a link",
			page:    `<body><article>` + body + `<p><a href="/a">Ministers agree to send more air defence systems to the east</a> 2 hours ago</p></article></body>`,
			want:    []string{"Fourth"},
			wantNot: []string{"air defence"},
		},
		{
			name: "unnamed list of story cards after the article",
			page: `<body><div id="main">` + body + `<div id="block"><h2>Most popular</h2>` +
				strings.Repeat(`<div class="card"><div><a href="/other"><img src="o.jpg"></a></div><div><a href="/other">Other diet</a></div><div>A popular diet for an active life. Lose up to ten kilograms in two weeks.</div></div>`, 6) +
				`</div></div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"popular diet", "Most popular"},
		},
		{
			name: "a page of story cards keeps them",
			page: `<body><div id="main">` +
				strings.Repeat(`<div class="card"><div><a href="/other"><img src="o.jpg"></a></div><div><a href="/other">Other diet</a></div><div>A popular diet for an active life. Lose up to ten kilograms in two weeks.</div></div>`, 6) +
				`</div></body>`,
			want: []string{"popular diet"},
		},
		{
			name: "rest of the story folded under read more",
			page: `<body><div class="story-body">` + para("First") + para("Second") + para("Third") + para("Fourth") + `<div id="read-more"><div id="read-more-link"><a href="">Read more</a></div><div id="middle-box"><div class="ad"><a href="/ad">Buy</a></div></div><div id="read-more-content">` + para("Fifth") + para("Sixth") + para("Seventh") + `</div></div></div>` +
				`<div class="read-more"><ul><li><a href="/x">Other story about ministers meeting in Brussels</a></li><li><a href="/y">Another story about a summit in The Hague</a></li></ul></div></body>`,
			want:    []string{"First", "Fourth", "Fifth", "Seventh"},
			wantNot: []string{"Other story", "Buy"},
		},
		{
			name:    "most of the story folded beside the shell of an ad",
			page:    `<body><div class="story">` + para("First") + para("Second") + `<div id="read-more"><div class="slot"><div class="ad"><a href="/ad">Buy now</a></div></div><div>` + para("Third") + para("Fourth") + para("Fifth") + para("Sixth") + para("Seventh") + para("Eighth") + `</div></div></div></body>`,
			want:    []string{"First", "Second", "Third", "Eighth"},
			wantNot: []string{"Buy now"},
		},
		{
			name: "gallery of long captions under a short story",
			page: `<body><div id="page"><h1>Photos of the week</h1><div class="body">This week's photos show Airmen from around the globe, in exercises and on operations.<br><br>The weekly feature shows the men and women of the force.</div><div class="gallery">` +
				strings.Repeat(`<div class="media-item"><img src="p.jpg"><p><a href="p.jpg">DOWNLOAD</a></p><p>`+strings.Repeat("An Airman checks the engine of an aircraft on the flight line before a training sortie, Nov. 19, 2015, at an air base in Japan. ", 3)+`(Photo by Staff Sgt. Jane Doe)</p></div>`, 5) +
				`</div></div></body>`,
			want:    []string{"This week's photos show Airmen", "weekly feature"},
			wantNot: []string{"checks the engine"},
		},
		{
			name:    "a list of dates is content, a timestamp is not",
			page:    `<body><article><p>Posted: Fri 6:45 PM, Feb 16, 2018</p>` + body + `<p><strong>EFFECTIVE DATES OF PROMOTION</strong><br>Second Lieutenant May 14, 1983<br>First Lieutenant June 17, 1985<br>Captain June 17, 1987<br>Major Nov. 1, 1994</p></article></body>`,
			want:    []string{"Second Lieutenant May 14, 1983", "Captain June 17, 1987", "Major Nov. 1, 1994"},
			wantNot: []string{"6:45 PM"},
		},
		{
			name:    "byline with the date under the headline",
			page:    `<head><title>Wing honors its Airmen</title></head><body><div><h1>Wing honors its Airmen</h1><p>By Staff Sgt. Jane Doe, 52nd Fighter Wing Public Affairs / Published May 26, 2015</p>` + body + `</div></body>`,
			want:    []string{"First", "Fourth"},
			wantNot: []string{"Jane Doe", "Published"},
		},
		{
			name: "a sentence that opens with By and a date is prose",
			page: `<body><article>` + body + `<p>By March 2026 the army will field 12 new brigades, the minister said.</p></article></body>`,
			want: []string{"By March 2026 the army will field 12 new brigades"},
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
		{"script data of many strings", `<body><p>x</p><script type="application/json">[` + strings.Repeat(`"Ministers of thirty nations met in Brussels on Thursday, officials said.",`, 21000) + `""]</script></body>`},
		{"flight data of many chunks", `<body><p>x</p><script>` + strings.Repeat(`self.__next_f.push([1,"Ministers met."]);`, 21000) + `</script></body>`},
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
