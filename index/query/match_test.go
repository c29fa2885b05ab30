package query

import (
	"html"
	"strings"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
)

// TestSnippetOfLongText checks that a long text is cut around the first
// match.
func TestSnippetOfLongText(t *testing.T) {
	long := &defwatch.Article{ID: "long", Text: strings.Repeat("filler words here. ", 60) + "The ceasefire held. " + strings.Repeat("more words. ", 60)}
	q, err := Parse("ceasefire", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	s := q.Snippet(NewDoc(long, time.Now()))
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || !strings.Contains(s, "The <mark>ceasefire</mark> held.") || len(s) > snippetLen+20 {
		t.Errorf("long snippet %q", s)
	}
}

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", "  a  b\t\nc  ", "x\u00a0\u2003y\u3000z\u0085", "<mark>a</mark> \n b",
		"\xff bad \xfe", "\xe2\x80", "Київ — «так» ", "\v\f\r"} {
		if got, want := CollapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzCollapseSpace(f *testing.F) {
	f.Add("  a \u00a0 b\u2028c ")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CollapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

// FuzzSnippetWriter holds the one-pass snippet writer to what escaping,
// dropping bytes that are not UTF-8 and collapsing white space give.
func FuzzSnippetWriter(f *testing.F) {
	for _, s := range []string{"a <b> & \"c\" 'd'", "  x\u00a0\n y  ", "\xff Київ \xe2\x80", "…<mark>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var w snippetWriter
		w.text(s)
		want := strings.Join(strings.Fields(strings.ToValidUTF8(html.EscapeString(s), "")), " ")
		if string(w.b) != want {
			t.Errorf("snippet of %q = %q, want %q", s, w.b, want)
		}
	})
}
