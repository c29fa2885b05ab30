package main

import "path/filepath"

// The censuses measure the taggers on text in no labelled part. Articles
// drawn into the labelled set after a census was made would otherwise be
// counted twice, and worse: a census tune sentence that is read case by
// case would sit in the test part, and a dev article read case by case
// would show census check sentences. So the census scorers leave out the
// sentences of every article SPLIT.tsv lists, and say how many.

// labelledIDs returns the articles the labelled set in dir holds.
func labelledIDs(dir string) (map[string]bool, error) {
	split, err := loadSplit(filepath.Join(dir, "SPLIT.tsv"))
	if err != nil {
		return nil, err
	}
	ids := make(map[string]bool, len(split))
	for id := range split {
		ids[id] = true
	}
	return ids, nil
}

// unlabelled returns the sentences whose article the labelled set does
// not hold, and how many it left out.
func unlabelled[S any](sents []S, article func(S) string, labelled map[string]bool) ([]S, int) {
	out := sents[:0:0]
	for _, s := range sents {
		if !labelled[article(s)] {
			out = append(out, s)
		}
	}
	return out, len(sents) - len(out)
}
