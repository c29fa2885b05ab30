// Command evalentities scores defwatch's entity tagging against the
// hand-labelled articles in extract/entity/testdata/labels, separately for
// the dev part the taggers are tuned on and the test part they are only
// scored on (SPLIT.tsv): precision, recall and F1 for nations, troop
// figures (matched on min and max) and meetings, and how many matched
// figures and meetings have their owner, status, source, date, place and
// participants right, each with a 95% bootstrap interval, overall and per
// language. -v lists the dev part's disagreements; the test part is never
// listed article by article. -census-troops scores the troop census instead
// (census_troops.go).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	dir := flag.String("labels", "extract/entity/testdata/labels", "directory of labelled articles (*.json) and their SPLIT.tsv")
	verbose := flag.Bool("v", false, "list every disagreement in the dev part")
	devOnly := flag.Bool("dev", false, "print the dev part alone (while tuning: the test part is a measurement taken now and then, not after every change)")
	resamples := flag.Int("resamples", 1000, "bootstrap resamples of articles for the intervals")
	seed := flag.Uint64("seed", 2026, "seed of the bootstrap resampling")
	census := flag.Bool("census-troops", false, "score the troop census (sentences from unlabelled articles) instead: tune and check halves; with -v the tune half's disagreements")
	censusFile := flag.String("census-troops-file", "extract/entity/testdata/census/troops.tsv", "the troop census file")
	meetCensus := flag.String("census-meetings", "", "score the meeting census in this file (extract/entity/testdata/census/meetings/meetings.tsv) instead; -v lists its tune half's disagreements")
	flag.Parse()
	if *meetCensus != "" {
		if err := printMeetingCensus(os.Stdout, *meetCensus, *dir, *verbose); err != nil {
			fmt.Fprintln(os.Stderr, "evalentities:", err)
			os.Exit(1)
		}
		return
	}
	if *resamples < 0 || *resamples > 100000 {
		fmt.Fprintln(os.Stderr, "evalentities: -resamples must be between 0 and 100000")
		os.Exit(2)
	}
	if *census {
		sents, err := loadTroopCensus(*censusFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalentities:", err)
			os.Exit(1)
		}
		labelled, err := labelledIDs(*dir)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalentities:", err)
			os.Exit(1)
		}
		sents, left := unlabelled(sents, func(s troopCensusSentence) string { return s.article }, labelled)
		fmt.Printf("troop census: %d sentences of articles now in the labelled set left out\n", left)
		arts, err := loadCensusArticles(filepath.Join(filepath.Dir(*censusFile), "troops-articles.jsonl.gz"))
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalentities:", err)
			os.Exit(1)
		}
		all, err := scoreTroopCensus(sents, arts)
		if err != nil {
			fmt.Fprintln(os.Stderr, "evalentities:", err)
			os.Exit(1)
		}
		printTroopCensus(os.Stdout, all, *verbose, *resamples, *seed)
		return
	}
	labels, err := loadLabels(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
	all, err := evaluate(labels)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
	fmt.Printf("%d labelled articles\n", len(all))
	printPart(os.Stdout, all, partDev, *resamples, *seed)
	if !*devOnly {
		printPart(os.Stdout, all, partTest, *resamples, *seed)
	}
	if *verbose {
		printMisses(os.Stdout, all)
	}
}
