package alert

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

// rulesFor loads n generated saved searches into a Percolator.
func rulesFor(b *testing.B, arts []*defwatch.Article, n int) *Percolator {
	p := NewPercolator()
	p.Hold()
	for i, q := range fixture.RuleQueries(arts, n) {
		if err := p.Set(fmt.Sprintf("r%04d", i), q); err != nil {
			b.Fatal(err)
		}
	}
	p.Release()
	return p
}

// BenchmarkPercolate measures matching one tagged corpus article against
// 1,000 saved searches, analysis of its text included (the path of an
// article that was not just committed).
func BenchmarkPercolate(b *testing.B) {
	arts := fixture.Corpus(b)
	p := rulesFor(b, arts, 1000)
	now := time.Now()
	matches, n := 0, 0
	for i := 0; b.Loop(); i++ {
		ms := p.Match(arts[i%len(arts)], now)
		for _, m := range ms {
			m.Snippet()
		}
		matches += len(ms)
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(n), "µs/article")
	b.ReportMetric(float64(matches)/float64(n), "matches/article")
}

// BenchmarkPercolateShare sets matching against what it rides on: each
// iteration commits a 1,000-article batch (the index stage's batch) with
// Put and matches the committed articles against 1,000 rules as the index
// stage does (MatchBatch, reusing the commit's analysis), timing both, and reports
// matching as a share of indexing.
func BenchmarkPercolateShare(b *testing.B) {
	arts := fixture.Corpus(b)
	p := rulesFor(b, arts, 1000)
	idx, err := index.Open(filepath.Join(b.TempDir(), "idx"))
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	var put, match time.Duration
	n := 0
	for i := 0; b.Loop(); i++ {
		batch := make([]*defwatch.Article, 1000)
		for j := range batch {
			c := *arts[(i*1000+j)%len(arts)]
			c.ID = fmt.Sprintf("%s-%d", c.ID, i*len(batch)+j)
			batch[j] = &c
		}
		start := time.Now()
		indexed, err := idx.Put(batch)
		if err != nil {
			b.Fatal(err)
		}
		put += time.Since(start)
		start = time.Now()
		now := time.Now()
		// Every match is taken as a new story's alert, which needs its
		// snippet (a wire copy's is folded and needs none).
		for _, ms := range p.MatchBatch(indexed, now) {
			for _, m := range ms {
				m.Snippet()
			}
		}
		match += time.Since(start)
		n += len(batch)
	}
	b.ReportMetric(float64(put.Microseconds())/float64(n), "put-µs/article")
	b.ReportMetric(float64(match.Microseconds())/float64(n), "match-µs/article")
	b.ReportMetric(100*float64(match)/float64(put), "match-%-of-put")
}
