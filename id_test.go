package defwatch

import (
	"testing"
	"time"
)

func TestNormalizeURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://www.Example.com/world/story.html", "https://www.example.com/world/story.html"},
		{"HTTPS://example.com:443/a", "https://example.com/a"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"http://example.com:8080/a", "http://example.com:8080/a"},
		{"https://example.com/a#comments", "https://example.com/a"},
		{"https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"},
		{"https://example.com/a?b=2&a=1&fbclid=x", "https://example.com/a?a=1&b=2"},
		{"https://example.com", "https://example.com/"},
		{"  https://example.com/a  ", "https://example.com/a"},
		{"not a url", "not a url"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := NormalizeURL(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestArticleID(t *testing.T) {
	same := []string{
		"https://example.com/world/story.html",
		"https://EXAMPLE.com/world/story.html?utm_source=rss#top",
		"https://example.com:443/world/story.html",
	}
	id := ArticleID(same[0])
	if len(id) != 16 {
		t.Fatalf("id %q: want 16 hex digits", id)
	}
	for _, u := range same[1:] {
		if got := ArticleID(u); got != id {
			t.Errorf("ArticleID(%q) = %s, want %s as for %s", u, got, id, same[0])
		}
	}
	if ArticleID("https://example.com/world/other.html") == id {
		t.Error("two pages share an id")
	}
}

func TestArticleSubject(t *testing.T) {
	for lang, want := range map[string]string{"en": "defwatch.articles.en", "": "defwatch.articles.und", "a.b": "defwatch.articles.und", "x>": "defwatch.articles.und"} {
		if got := ArticleSubject(lang); got != want {
			t.Errorf("ArticleSubject(%q) = %s, want %s", lang, got, want)
		}
	}
}

func TestSourceOf(t *testing.T) {
	for in, want := range map[string]string{"https://www.af.mil/News/x": "af.mil", "http://APNews.com/a": "apnews.com", "": ""} {
		if got := SourceOf(in); got != want {
			t.Errorf("SourceOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRetryDelay(t *testing.T) {
	var total time.Duration
	prev := time.Duration(0)
	for n := uint64(1); n < MaxDeliveries; n++ {
		d := RetryDelay(n)
		if d < prev || d > 5*time.Minute {
			t.Fatalf("RetryDelay(%d) = %s after %s", n, d, prev)
		}
		prev = d
		total += d
	}
	if total < time.Hour {
		t.Errorf("all retries span %s; an outage of an hour would lose work", total)
	}
}
