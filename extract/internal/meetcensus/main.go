// Command meetcensus draws the meeting census: sentences from corpus
// articles that nobody has labelled or tuned on (their ids are not in the
// labelled set's SPLIT.tsv), picked by a broad pattern of meeting words in
// English, Ukrainian, Russian, German and French that was written before
// any tagger output was looked at, then sampled and split into a tune half
// and a check half, both by a fixed seed. It writes the sentences with an
// empty label column; the labels are added by hand, by the labelling
// guideline, without running the tagger on them.
//
//	go run ./extract/internal/meetcensus -corpus ../shared/corpus/news/articles.jsonl.gz \
//	    -out /tmp/meetings.tsv
//
// -verify compares a labelled census with a fresh draw: the same
// sentences, articles, dates and halves, in the same order.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	corpus := flag.String("corpus", "../shared/corpus/news/articles.jsonl.gz", "the news corpus (JSON lines, gzip)")
	split := flag.String("split", "extract/entity/testdata/labels/SPLIT.tsv", "the labelled set's split: its articles are left out")
	out := flag.String("out", "", "write the drawn census here (without labels)")
	verify := flag.String("verify", "", "check that this labelled census matches a fresh draw")
	flag.Parse()
	if (*out == "") == (*verify == "") {
		fmt.Fprintln(os.Stderr, "meetcensus: give -out FILE to draw, or -verify FILE to check a labelled census")
		os.Exit(2)
	}
	if err := run(*corpus, *split, *out, *verify); err != nil {
		fmt.Fprintln(os.Stderr, "meetcensus:", err)
		os.Exit(1)
	}
}

func run(corpus, split, out, verify string) error {
	skip, err := readSplitIDs(split)
	if err != nil {
		return err
	}
	arts, err := readCorpus(corpus, skip)
	if err != nil {
		return err
	}
	rows := draw(arts)
	if out != "" {
		return writeCensus(out, rows)
	}
	return verifyCensus(verify, rows)
}
