package entity

import (
	"os"
	"testing"
	"time"
)

// The articles the benchmarks read: a 1,080-word English wire story, the
// size the extract stage sees most, and a Ukrainian address of about 1,000
// words, where the stem tables and Cyrillic rules do their work.
const (
	wireArticle      = "testdata/gdelt-dc57ec8f01.txt"
	ukrainianArticle = "testdata/parallel/TcrDFyYDL7U.uk.txt"
)

var benchPublished = time.Date(2024, 5, 13, 9, 0, 0, 0, time.UTC)

// benchText runs tag over the article at path.
func benchText(b *testing.B, path string, tag func(text string)) {
	buf, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	text := string(buf)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		tag(text)
	}
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// allTaggers is what the extract stage runs on every article.
func allTaggers(text string) { Tag(text, benchPublished) }

// eachTagger calls the six taggers one by one, each tokenising the text
// again: BenchmarkTag/one-by-one beside BenchmarkTag shows what sharing one
// tokenisation saves.
func eachTagger(text string) {
	Nations(text)
	Troops(text)
	Meetings(text, benchPublished)
	Orgs(text)
	People(text)
	Places(text)
}

func BenchmarkTag(b *testing.B) {
	b.Run("shared", func(b *testing.B) { benchText(b, wireArticle, allTaggers) })
	b.Run("one-by-one", func(b *testing.B) { benchText(b, wireArticle, eachTagger) })
}

func BenchmarkTagUkrainian(b *testing.B) { benchText(b, ukrainianArticle, allTaggers) }

func BenchmarkNationsUkrainian(b *testing.B) {
	benchText(b, ukrainianArticle, func(t string) { Nations(t) })
}

func BenchmarkPeople(b *testing.B) { benchText(b, wireArticle, func(t string) { People(t) }) }

// BenchmarkMeetings runs Orgs, Places and Meetings, alone and together.
func BenchmarkMeetings(b *testing.B) {
	for name, tag := range map[string]func(string){
		"Orgs":     func(t string) { Orgs(t) },
		"Places":   func(t string) { Places(t) },
		"Meetings": func(t string) { Meetings(t, benchPublished) },
		"All":      func(t string) { Orgs(t); Places(t); Meetings(t, benchPublished) },
	} {
		b.Run(name, func(b *testing.B) { benchText(b, wireArticle, tag) })
	}
}
