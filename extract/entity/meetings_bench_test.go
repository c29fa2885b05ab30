package entity

import (
	"os"
	"testing"
	"time"
)

// BenchmarkMeetings runs Orgs, Places and Meetings, alone and together,
// over the 1,080-word wire article the other benchmarks use.
func BenchmarkMeetings(b *testing.B) {
	buf, err := os.ReadFile("testdata/gdelt-dc57ec8f01.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(buf)
	pub := time.Date(2022, 2, 24, 12, 0, 0, 0, time.UTC)
	for _, bm := range []struct {
		name string
		run  func()
	}{
		{"Orgs", func() { Orgs(text) }},
		{"Places", func() { Places(text) }},
		{"Meetings", func() { Meetings(text, pub) }},
		{"All", func() { Orgs(text); Places(text); Meetings(text, pub) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				bm.run()
			}
		})
	}
}
