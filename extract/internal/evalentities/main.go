// Command evalentities scores defwatch's entity tagging against the
// hand-labelled articles in extract/entity/testdata/labels: precision,
// recall and F1 for nations, troop figures (matched on min and max) and
// meetings, and the share of meeting dates that are right.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	dir := flag.String("labels", "extract/entity/testdata/labels", "directory of labelled articles (*.json)")
	verbose := flag.Bool("v", false, "list every disagreement")
	flag.Parse()
	labels, err := loadLabels(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
	r, err := evaluate(labels)
	if err != nil {
		fmt.Fprintln(os.Stderr, "evalentities:", err)
		os.Exit(1)
	}
	r.print(os.Stdout, *verbose)
}
