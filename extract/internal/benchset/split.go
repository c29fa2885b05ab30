package benchset

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
)

// The extraction-dev benchmark is split once into a part the extractor may
// be tuned on, page by page, and a held-out part that is only ever scored as
// a whole. The rule: sort the page ids, shuffle them with a PCG seeded with
// splitSeed, and the first heldOutShare of the shuffled ids are held out.
// split.tsv keeps the outcome, so a change of the rule or of the page list
// shows up in review and in TestSplitFollowsTheRule.
const (
	splitSeed    = 14_2026_12_05
	heldOutShare = 0.40
	splitFile    = "split.tsv"
)

// Parts of extraction-dev.
const (
	partDev     = "dev"
	partHeldOut = "heldout"
)

// splitIDs applies the rule to a set of page ids.
func splitIDs(ids []string) map[string]string {
	s := slices.Sorted(slices.Values(ids))
	r := rand.New(rand.NewPCG(splitSeed, splitSeed))
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
	n := int(float64(len(s))*heldOutShare + 0.5)
	parts := make(map[string]string, len(s))
	for i, id := range s {
		if i < n {
			parts[id] = partHeldOut
		} else {
			parts[id] = partDev
		}
	}
	return parts
}

// readSplit reads split.tsv: a header line, then "id<TAB>part" lines.
func readSplit(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("benchset: %w", err)
	}
	defer f.Close()
	parts := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") || line == "id\tpart" {
			continue
		}
		id, part, ok := strings.Cut(line, "\t")
		if !ok || (part != partDev && part != partHeldOut) {
			return nil, fmt.Errorf("benchset: %s: bad line %q: want id<TAB>dev|heldout", path, line)
		}
		parts[id] = part
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("benchset: %s: %w", path, err)
	}
	return parts, nil
}

// writeSplit writes parts as split.tsv, sorted by id.
func writeSplit(path string, parts map[string]string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# extraction-dev split: ids sorted, shuffled by PCG(%d, %d), first %.0f%% held out (see extract/internal/benchset/split.go)\n", splitSeed, splitSeed, heldOutShare*100)
	b.WriteString("id\tpart\n")
	ids := make([]string, 0, len(parts))
	for id := range parts {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(&b, "%s\t%s\n", id, parts[id])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
