package main

import (
	"bytes"
	"strings"
	"testing"
)

const meetingCensusFile = "../../entity/testdata/census/meetings/meetings.tsv"

// censusFloors hold the census's check half, which nothing is tuned on,
// to just under the figures it reached; the tune half is not held, since
// it is read case by case.
var censusFloors = []struct {
	name  string
	get   func(*censusScore) float64
	floor float64
}{
	{"meetings precision", func(s *censusScore) float64 { return s.meetings.precision() }, 0.79},
	{"meetings recall", func(s *censusScore) float64 { return s.meetings.recall() }, 0.79},
	{"participants right", func(s *censusScore) float64 { return s.participants.value() }, 0.68},
	{"status right", func(s *censusScore) float64 { return s.status.value() }, 0.95},
}

// labelsDir is the labelled set, whose articles the censuses leave out.
const labelsDir = "../../entity/testdata/labels"

// unlabelledMeetingCensus is the meeting census as it is scored: without
// the sentences of labelled articles, which it also returns.
func unlabelledMeetingCensus(t *testing.T) (kept []censusSentence, left int, labelled map[string]bool) {
	t.Helper()
	sents, err := loadMeetingCensus(meetingCensusFile)
	if err != nil {
		t.Fatal(err)
	}
	labelled, err = labelledIDs(labelsDir)
	if err != nil {
		t.Fatal(err)
	}
	kept, left = unlabelled(sents, func(s censusSentence) string { return s.id }, labelled)
	return kept, left, labelled
}

func TestMeetingCensusFloors(t *testing.T) {
	sents, _, _ := unlabelledMeetingCensus(t)
	n := map[string]int{}
	for _, s := range sents {
		n[s.half]++
	}
	if n[censusTune] < 80 || n[censusCheck] < 80 {
		t.Fatalf("census halves of %d and %d sentences, want at least 80 each", n[censusTune], n[censusCheck])
	}
	scores, _, err := scoreMeetingCensus(sents)
	if err != nil {
		t.Fatal(err)
	}
	check := scores[censusCheck]
	if check.meetings.tp+check.meetings.fn < 20 {
		t.Fatalf("check half labels %d meetings, too few to hold floors", check.meetings.tp+check.meetings.fn)
	}
	for _, f := range censusFloors {
		if got := f.get(check); got < f.floor {
			t.Errorf("census check half: %s %.3f, below %.2f", f.name, got, f.floor)
		}
	}
}

func TestMeetingCensusLabels(t *testing.T) {
	good := "# header\ntune\ta-1\t2024-01-02\ten\tThey met.\tcall/held/- ; talks/planned/RU,UA\ncheck\ta-2\t\ten\tNo.\tnone\n"
	sents, err := parseMeetingCensus(strings.NewReader(good), "good")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 || len(sents[0].want) != 2 || sents[0].want[1].String() != "talks/planned/RU,UA" || len(sents[1].want) != 0 {
		t.Errorf("parsed %+v", sents)
	}
	for _, bad := range []string{
		"dev\ta\t\ten\tx\tnone\n",                          // no such half
		"tune\ta\t\ten\tx\n",                               // no label
		"tune\ta\t\ten\tx\tgathering/held/-\n",             // no such kind
		"tune\ta\t\ten\tx\tcall/done/-\n",                  // no such status
		"tune\ta\t\ten\tx\tcall/held/ukraine\n",            // not a code
		"tune\ta\t\ten\tx\t" + "call/held/-;call/held/-\n", // wrong separator
		"",
		"tune\ta\t\ten\t" + strings.Repeat("x", maxCensusLine) + "\tnone\n",
		strings.Repeat("tune\ta\t\ten\tx\tnone\n", maxCensusSentences+1), // more sentences than a census holds
	} {
		if _, err := parseMeetingCensus(strings.NewReader(bad), "bad"); err == nil {
			t.Errorf("census %.40q: no error", bad)
		}
	}
}

// TestMeetingCensusListsTuneOnly checks that -v lists the tune half's
// disagreements and not one sentence of the check half.
func TestMeetingCensusListsTuneOnly(t *testing.T) {
	sents, err := loadMeetingCensus(meetingCensusFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := printMeetingCensus(&buf, meetingCensusFile, labelsDir, true); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, s := range sents {
		if s.half == censusCheck && strings.Contains(out, clip(s.text)) {
			t.Errorf("the listing shows a check-half sentence: %q", clip(s.text))
		}
	}
	if !strings.Contains(out, "check ") || !strings.Contains(out, "tune ") {
		t.Errorf("the report lacks a half:\n%s", out)
	}
}
