package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/defwatch/defwatch"
)

// The meeting census (extract/entity/testdata/census/meetings) is 200
// sentences drawn by a broad pattern of meeting words from corpus articles
// nobody labelled or tuned on, labelled by hand sentence by sentence, and
// split once into a tune half and a check half (see its README). Each
// sentence is tagged alone, with its article's publication date, and its
// meetings are scored on kind, participants and status.
const (
	censusTune  = "tune"
	censusCheck = "check"

	// maxCensusLine bounds one census line: a sentence is under 600
	// characters, so a longer line is not a census.
	maxCensusLine = 64 << 10
	// maxCensusSentences bounds a census: hand-labelled sentences run to
	// hundreds, so many more is not one.
	maxCensusSentences = 50000
)

// censusMeeting is one labelled or found meeting of a census sentence.
type censusMeeting struct {
	kind, status string
	participants []string
}

func (m censusMeeting) String() string {
	p := strings.Join(m.participants, ",")
	if p == "" {
		p = "-"
	}
	return m.kind + "/" + m.status + "/" + p
}

// censusSentence is one line of the census.
type censusSentence struct {
	half, id, published, lang, text string
	want                            []censusMeeting
}

var censusEntry = regexp.MustCompile(`^(summit|ministerial|talks|conference|call|meeting)/(held|planned|cancelled|proposed)/(-|[A-Z]{2}(?:,[A-Z]{2})*)$`)

// loadMeetingCensus reads the census TSV: half, article id, publication
// date, language, sentence, and the label: "none", or meetings as
// kind/status/participants joined by " ; " (participants "-" for none).
func loadMeetingCensus(path string) ([]censusSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("census: %w (give -census-meetings the meeting census's meetings.tsv)", err)
	}
	defer f.Close()
	return parseMeetingCensus(f, path)
}

func parseMeetingCensus(r io.Reader, path string) ([]censusSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxCensusLine)
	var out []censusSentence
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 || (f[0] != censusTune && f[0] != censusCheck) {
			return nil, fmt.Errorf("census: %s line %d: want half (tune or check), id, published, lang, sentence, label", path, n)
		}
		s := censusSentence{half: f[0], id: f[1], published: f[2], lang: f[3], text: f[4]}
		if f[5] != "none" {
			for _, e := range strings.Split(f[5], " ; ") {
				m := censusEntry.FindStringSubmatch(e)
				if m == nil {
					return nil, fmt.Errorf("census: %s line %d: label %q, want none or kind/status/participants", path, n, e)
				}
				cm := censusMeeting{kind: m[1], status: m[2]}
				if m[3] != "-" {
					cm.participants = strings.Split(m[3], ",")
				}
				s.want = append(s.want, cm)
			}
		}
		if len(out) == maxCensusSentences {
			return nil, fmt.Errorf("census: %s holds more than %d sentences: not a hand-labelled census", path, maxCensusSentences)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("census: %s: %w (a line longer than %d bytes is not a census sentence)", path, err, maxCensusLine)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("census: %s holds no sentences; is it the right file?", path)
	}
	return out, nil
}

// censusScore is what a half of the census adds up to.
type censusScore struct {
	sentences                  int
	meetings                   counts
	kind, participants, status share
}

// scoreMeetingCensus tags each sentence alone and scores its meetings,
// pairing found and labelled ones of the same sentence that agree most
// (participants weigh most, then kind and status). Disagreements are
// listed for the tune half only.
func scoreMeetingCensus(sents []censusSentence) (map[string]*censusScore, []miss, error) {
	scores := map[string]*censusScore{censusTune: {}, censusCheck: {}}
	var misses []miss
	for i, s := range sents {
		a, err := tag(label{ID: s.id, Lang: s.lang, Published: s.published, Text: s.text})
		if err != nil {
			return nil, nil, fmt.Errorf("census sentence %d (%s): %w", i+1, s.id, err)
		}
		var got []censusMeeting
		for _, m := range a.Meetings {
			got = append(got, found(m))
		}
		sc := scores[s.half]
		sc.sentences++
		note := func(kind, format string, args ...any) {
			if s.half == censusTune {
				misses = append(misses, miss{s.id, kind, fmt.Sprintf(format, args...) + fmt.Sprintf(" %q", clip(s.text))})
			}
		}
		var pairs []pair
		for gi, g := range got {
			for wi, w := range s.want {
				agree := 1
				if slices.Equal(g.participants, w.participants) {
					agree += 2
				}
				if g.kind == w.kind {
					agree++
				}
				if g.status == w.status {
					agree++
				}
				pairs = append(pairs, pair{gi, wi, agree})
			}
		}
		gm, wm := greedy(pairs, len(got), len(s.want))
		for gi, g := range got {
			if gm[gi] < 0 {
				sc.meetings.fp++
				note("meeting", "extra %s", g)
				continue
			}
			sc.meetings.tp++
			w := s.want[gm[gi]]
			sc.kind.count(g.kind == w.kind)
			sc.participants.count(slices.Equal(g.participants, w.participants))
			sc.status.count(g.status == w.status)
			if g.String() != w.String() {
				note("meeting as", "%s, want %s", g, w)
			}
		}
		for wi, w := range s.want {
			if wm[wi] < 0 {
				sc.meetings.fn++
				note("meeting", "missed %s", w)
			}
		}
	}
	return scores, misses, nil
}

func found(m defwatch.Meeting) censusMeeting {
	return censusMeeting{kind: m.Kind, status: m.Status, participants: sorted(m.Participants)}
}

// printMeetingCensus scores the census and prints both halves; verbose
// lists the tune half's disagreements. The check half is printed as
// totals only.
func printMeetingCensus(w io.Writer, path, labelsDir string, verbose bool) error {
	sents, err := loadMeetingCensus(path)
	if err != nil {
		return err
	}
	labelled, err := labelledIDs(labelsDir)
	if err != nil {
		return err
	}
	sents, left := unlabelled(sents, func(s censusSentence) string { return s.id }, labelled)
	fmt.Fprintf(w, "meeting census: %d sentences of articles now in the labelled set left out\n", left)
	scores, misses, err := scoreMeetingCensus(sents)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "meeting census %s\n", path)
	fmt.Fprintf(w, "%-6s %9s %8s %5s %5s %5s %9s %6s %13s %7s\n", "half", "sentences", "meetings", "found", "P", "R", "F1", "kind", "participants", "status")
	for _, h := range []string{censusTune, censusCheck} {
		s := scores[h]
		fmt.Fprintf(w, "%-6s %9d %8d %5d %5.3f %5.3f %9.3f %6.3f %13.3f %7.3f\n", h, s.sentences,
			s.meetings.tp+s.meetings.fn, s.meetings.tp+s.meetings.fp,
			s.meetings.precision(), s.meetings.recall(), s.meetings.f1(),
			s.kind.value(), s.participants.value(), s.status.value())
	}
	fmt.Fprintln(w, "(kind, participants and status: shares of the meetings found that match a labelled one)")
	if verbose {
		fmt.Fprintln(w, "\ntune half, disagreements:")
		for _, m := range misses {
			fmt.Fprintf(w, "  %-14s %-12s %s\n", m.article, m.kind, m.what)
		}
	}
	return nil
}
