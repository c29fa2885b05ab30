package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestTagIsEachTagger checks that Tag, which tokenises a text once for all
// six taggers, finds exactly what the taggers find called one by one: on
// every labelled article (title and text, as the extract stage joins them)
// and the repository's 200-article sample, with a publication date and
// without one.
func TestTagIsEachTagger(t *testing.T) {
	type text struct{ id, body string }
	var texts []text
	files, err := filepath.Glob("testdata/labels/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		buf, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a struct{ ID, Title, Text string }
		if err := json.Unmarshal(buf, &a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		texts = append(texts, text{a.ID, a.Title + "\n\n" + a.Text})
	}
	eachSampleArticle(t, "../../testdata/articles.jsonl.gz", func(id, title, body string) {
		texts = append(texts, text{id, title + "\n\n" + body})
	})
	if len(texts) < 500 {
		t.Fatalf("read %d texts; want the labelled set and the sample", len(texts))
	}

	var found int
	for _, published := range []time.Time{benchPublished, {}} {
		for _, x := range texts {
			want := Tags{
				Nations:  Nations(x.body),
				Troops:   Troops(x.body),
				Meetings: Meetings(x.body, published),
				Orgs:     Orgs(x.body),
				People:   People(x.body),
				Places:   Places(x.body),
			}
			got := Tag(x.body, published)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s (published %v): Tag found\n%+v\none by one\n%+v", x.id, published, got, want)
			}
			found += len(want.Nations) + len(want.Troops) + len(want.Meetings) + len(want.Orgs) + len(want.People) + len(want.Places)
		}
	}
	if found == 0 {
		t.Error("no entity found in any text: the comparison compared nothing")
	}
}
