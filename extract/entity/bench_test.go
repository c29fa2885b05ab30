package entity

import (
	"os"
	"testing"
)

// BenchmarkTag runs both taggers over a 1,080-word wire article from the
// corpus, the size the extract stage sees most.
func BenchmarkTag(b *testing.B) {
	buf, err := os.ReadFile("testdata/gdelt-dc57ec8f01.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(buf)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Nations(text)
		Troops(text)
	}
}
