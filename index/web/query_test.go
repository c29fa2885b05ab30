package web

import (
	"html/template"
	"slices"
	"testing"
)

func TestClauses(t *testing.T) {
	for q, want := range map[string][]string{
		"":                             nil,
		"  nation:UA   troops:>=1000 ": {"nation:UA", "troops:>=1000"},
		`"peacekeeping force" nation:"United Kingdom"`: {`"peacekeeping force"`, `nation:"United Kingdom"`},
		"(nation:GB OR nation:FR) -source:x.com":       {"(nation:GB OR nation:FR)", "-source:x.com"},
		"a OR (b (c d)) NOT e":                         {"a", "OR", "(b (c d))", "NOT e"},
		"NOT NOT a NOT":                                {"NOT", "NOT a", "NOT"},
		`"unclosed phrase`:                             {`"unclosed phrase`},
	} {
		if got := clauses(q); !slices.Equal(got, want) {
			t.Errorf("clauses(%q) = %q, want %q", q, got, want)
		}
	}
}

func TestEditQuery(t *testing.T) {
	for _, tc := range []struct {
		name, q, clause, added, removed string
	}{
		{"empty", "", "nation:UA", "nation:UA", ""},
		{"match all", "*", "nation:UA", "nation:UA", "*"},
		{"words", "peacekeeping force", "nation:UA", "peacekeeping force nation:UA", "peacekeeping force"},
		{"present already", "force nation:ua", "nation:UA", "force nation:ua", "force"},
		{"alternatives", "nation:GB OR nation:FR", "lang:en", "(nation:GB OR nation:FR) lang:en", "nation:GB OR nation:FR"},
		{"operator left alone", "nation:UA OR nation:GB", "nation:UA", "nation:UA OR nation:GB", "nation:GB"},
		{"NOT is part of the clause", "force NOT source:x.com", "source:x.com", "force NOT source:x.com source:x.com", "force NOT source:x.com"},
		{"NOT clause", "force NOT source:x.com", "NOT source:x.com", "force NOT source:x.com", "force"},
		{"inside parentheses is not top level", "(nation:UA OR force)", "nation:UA", "(nation:UA OR force) nation:UA", "(nation:UA OR force)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := addClause(tc.q, tc.clause); got != tc.added {
				t.Errorf("add %q to %q: %q, want %q", tc.clause, tc.q, got, tc.added)
			}
			if got := removeClause(tc.q, tc.clause); got != tc.removed {
				t.Errorf("remove %q from %q: %q, want %q", tc.clause, tc.q, got, tc.removed)
			}
		})
	}
}

func TestFilters(t *testing.T) {
	got := filters(`force nation:UA NOT source:x.com (troops:>=1000 -troops:>=10000) (kyiv OR kiev) last:7d`, "newest")
	// The troop bucket's group is a filter; the group of words is not.
	want := []filter{
		{"nation:UA", "/?q=force+NOT+source%3Ax.com+%28troops%3A%3E%3D1000+-troops%3A%3E%3D10000%29+%28kyiv+OR+kiev%29+last%3A7d&sort=newest"},
		{"NOT source:x.com", "/?q=force+nation%3AUA+%28troops%3A%3E%3D1000+-troops%3A%3E%3D10000%29+%28kyiv+OR+kiev%29+last%3A7d&sort=newest"},
		{"(troops:>=1000 -troops:>=10000)", "/?q=force+nation%3AUA+NOT+source%3Ax.com+%28kyiv+OR+kiev%29+last%3A7d&sort=newest"},
		{"last:7d", "/?q=force+nation%3AUA+NOT+source%3Ax.com+%28troops%3A%3E%3D1000+-troops%3A%3E%3D10000%29+%28kyiv+OR+kiev%29&sort=newest"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("filters:\n got %q\nwant %q", got, want)
	}
}

func TestTroopClause(t *testing.T) {
	for label, want := range map[string]string{
		"1–999":         "(troops:>=1 -troops:>=1000)",
		"1,000–9,999":   "(troops:>=1000 -troops:>=10000)",
		"10,000–99,999": "(troops:>=10000 -troops:>=100000)",
		"100,000+":      "troops:>=100000",
		"many":          "",
		"1,000–":        "",
	} {
		if got := troopClause(label); got != want {
			t.Errorf("troopClause(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestMarked(t *testing.T) {
	for in, want := range map[string]template.HTML{
		"the <mark>force</mark> of 10&#39;000": "the <mark>force</mark> of 10&#39;000",
		"AT&amp;T &#x27;q&#X27; &quot;":        "AT&amp;T &#x27;q&#X27; &quot;",
		"plain text":                           "plain text",
		"<mark>a</mark><mark>b</mark>":         "<mark>a</mark><mark>b</mark>",
		"<mark>x</mark><script>y</script>":     "&lt;mark&gt;x&lt;/mark&gt;&lt;script&gt;y&lt;/script&gt;",
		"<mark>unclosed":                       "&lt;mark&gt;unclosed",
		"</mark>stray":                         "&lt;/mark&gt;stray",
		"<mark><mark>nested</mark></mark>":     "&lt;mark&gt;&lt;mark&gt;nested&lt;/mark&gt;&lt;/mark&gt;",
		"<MARK>upper</MARK>":                   "&lt;MARK&gt;upper&lt;/MARK&gt;",
		`<mark class="x">a</mark>`:             "&lt;mark class=&#34;x&#34;&gt;a&lt;/mark&gt;",
		"a > b":                                "a &gt; b",
		"AT&T":                                 "AT&amp;T",
		"&#;":                                  "&amp;#;",
		"&lt;script&gt; already escaped":       "&lt;script&gt; already escaped",
	} {
		if got := marked(in); got != want {
			t.Errorf("marked(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFormat(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{thousands(0), "0"}, {thousands(999), "999"}, {thousands(1000), "1,000"}, {thousands(-1234567), "-1,234,567"},
		{externalURL("https://example.com/a"), "https://example.com/a"},
		{externalURL("HTTP://example.com/a"), "http://example.com/a"},
		{externalURL("javascript:alert(1)"), ""},
		{externalURL("JavaScript://example.com/%0aalert(1)"), ""},
		{externalURL("//example.com/a"), ""},
		{externalURL("/relative"), ""},
		{articleHref("a/b?c"), "/article/a%2Fb%3Fc"},
		{nationNames()["UA"], "Ukraine"}, {nationNames()["XK"], "Kosovo"}, {nationNames()["ZZ"], ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}
