package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/defwatch/defwatch"
)

// counts are true positives, false positives and false negatives.
type counts struct{ tp, fp, fn int }

func (c *counts) add(o counts) { c.tp += o.tp; c.fp += o.fp; c.fn += o.fn }

func (c counts) precision() float64 { return ratio(c.tp, c.tp+c.fp) }
func (c counts) recall() float64    { return ratio(c.tp, c.tp+c.fn) }
func (c counts) f1() float64 {
	p, r := c.precision(), c.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// share is how many of some matched entities have an attribute right.
type share struct{ right, of int }

func (s *share) add(o share) { s.right += o.right; s.of += o.of }

func (s *share) count(ok bool) {
	s.of++
	if ok {
		s.right++
	}
}

func (s share) value() float64 { return ratio(s.right, s.of) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// miss records one disagreement, for the dev part's listing.
type miss struct {
	article, kind, what string
}

// score is what one article, or a group of them, adds up to.
type score struct {
	nations, troops, meetings counts

	// Of matched figures and matched meetings, how many have it right.
	troopOwner, troopStatus, troopSource share
	// Of labelled figures, how many were found, by the label's category:
	// where troop recall is lost, read as a whole.
	foundStrength, foundCasualties, foundOther share
	meetDate, meetLocation                     share
	meetParticipants, meetStatus               share
	meetKind                                   share
}

func (s *score) add(o *score) {
	s.nations.add(o.nations)
	s.troops.add(o.troops)
	s.meetings.add(o.meetings)
	s.troopOwner.add(o.troopOwner)
	s.troopStatus.add(o.troopStatus)
	s.troopSource.add(o.troopSource)
	s.foundStrength.add(o.foundStrength)
	s.foundCasualties.add(o.foundCasualties)
	s.foundOther.add(o.foundOther)
	s.meetDate.add(o.meetDate)
	s.meetLocation.add(o.meetLocation)
	s.meetParticipants.add(o.meetParticipants)
	s.meetStatus.add(o.meetStatus)
	s.meetKind.add(o.meetKind)
}

// scored is one labelled article with its score and, for the dev part
// only, what the taggers got wrong.
type scored struct {
	id, lang, part, batch string
	score
	misses []miss
}

// evaluate tags every labelled article and scores it against its label.
// Disagreements are kept for dev articles only: the test part is read as
// a whole, never article by article.
func evaluate(labels []label) ([]scored, error) {
	out := make([]scored, 0, len(labels))
	for _, l := range labels {
		a, err := tag(l)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.ID, err)
		}
		sc := scored{id: l.ID, lang: l.Lang, part: l.part, batch: l.batch}
		var got []string
		for _, n := range a.Nations {
			got = append(got, n.Code)
		}
		if l.Nations != nil {
			// A set labelled for troops and meetings alone (no "nations"
			// key) leaves nations out of its score, not counted wrong.
			sc.matchNations(l.Nations, got)
		}
		sc.matchTroops(l.Troops, a.Troops)
		sc.matchMeetings(l, a.Meetings)
		if l.part != partDev {
			sc.misses = nil
		}
		out = append(out, sc)
	}
	return out, nil
}

func (sc *scored) note(kind, format string, args ...any) {
	sc.misses = append(sc.misses, miss{sc.id, kind, fmt.Sprintf(format, args...)})
}

func (sc *scored) matchNations(want, got []string) {
	for _, g := range got {
		if slices.Contains(want, g) {
			sc.nations.tp++
		} else {
			sc.nations.fp++
			sc.note("nation", "extra %s", g)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			sc.nations.fn++
			sc.note("nation", "missed %s", w)
		}
	}
}

// pair is a candidate match of a found entity g with a labelled one w;
// the best-scoring pairs are taken first, each entity used once.
type pair struct{ g, w, score int }

func greedy(pairs []pair, ng, nw int) (gm, wm []int) {
	slices.SortStableFunc(pairs, func(a, b pair) int { return b.score - a.score })
	gm, wm = make([]int, ng), make([]int, nw)
	for i := range gm {
		gm[i] = -1
	}
	for i := range wm {
		wm[i] = -1
	}
	for _, p := range pairs {
		if gm[p.g] < 0 && wm[p.w] < 0 {
			gm[p.g], wm[p.w] = p.w, p.g
		}
	}
	return gm, wm
}

// matchTroops pairs figures with the same min and max, preferring those
// that also agree on owner and category, each used once; then scores the
// owner, status and source of the pairs.
func (sc *scored) matchTroops(want []labelTroop, got []defwatch.Troop) {
	var pairs []pair
	for gi, g := range got {
		for wi, w := range want {
			if w.Min != g.Min || w.Max != g.Max {
				continue
			}
			s := 1
			if w.Nation == g.Nation {
				s += 2
			}
			if w.Category == g.Category {
				s++
			}
			pairs = append(pairs, pair{gi, wi, s})
		}
	}
	gm, wm := greedy(pairs, len(got), len(want))
	for gi, g := range got {
		if gm[gi] < 0 {
			sc.troops.fp++
			sc.note("troops", "extra %d-%d %q", g.Min, g.Max, g.Text)
			continue
		}
		sc.troops.tp++
		w := want[gm[gi]]
		sc.troopOwner.count(g.Nation == w.Nation)
		if g.Nation != w.Nation {
			sc.note("troop owner", "%q, want %q: %q", g.Nation, w.Nation, g.Text)
		}
		if w.Status != nil {
			sc.troopStatus.count(g.Status == *w.Status)
			if g.Status != *w.Status {
				sc.note("troop status", "%q, want %q: %q", g.Status, *w.Status, g.Text)
			}
		}
		if w.Source != nil {
			sc.troopSource.count(g.Source == *w.Source)
			if g.Source != *w.Source {
				sc.note("troop source", "%q, want %q: %q", g.Source, *w.Source, g.Text)
			}
		}
	}
	for wi, w := range want {
		switch w.Category {
		case "strength":
			sc.foundStrength.count(wm[wi] >= 0)
		case "casualties":
			sc.foundCasualties.count(wm[wi] >= 0)
		default:
			sc.foundOther.count(wm[wi] >= 0)
		}
		if wm[wi] < 0 {
			sc.troops.fn++
			sc.note("troops", "missed %d-%d %q", w.Min, w.Max, w.Text)
		}
	}
}

// matchMeetings pairs a found meeting with a labelled one when their
// sentences overlap in the article, preferring the pair that agrees on
// kind, date, place and participants (a sentence may report two
// meetings), or, failing that, when kind and date agree; then scores the
// date, place, participants and status of the pairs.
func (sc *scored) matchMeetings(l label, got []defwatch.Meeting) {
	text := l.Title + "\n\n" + l.Text
	span := func(s string) (int, int) {
		i := strings.Index(text, s)
		if i < 0 || s == "" {
			return -1, -1
		}
		return i, i + len(s)
	}
	var pairs []pair
	for gi, g := range got {
		gs, ge := span(g.Text)
		for wi, w := range l.Meetings {
			ws, we := span(w.Text)
			agree := 0
			for _, ok := range []bool{g.Kind == w.Kind, g.Date == w.Date, g.Location == w.Location, slices.Equal(sorted(g.Participants), sorted(w.Participants))} {
				if ok {
					agree++
				}
			}
			switch {
			case gs >= 0 && ws >= 0 && gs < we && ws < ge:
				pairs = append(pairs, pair{gi, wi, 10 + agree})
			case g.Kind == w.Kind && g.Date == w.Date && w.Date != "":
				pairs = append(pairs, pair{gi, wi, agree})
			}
		}
	}
	gm, wm := greedy(pairs, len(got), len(l.Meetings))
	for gi, g := range got {
		if gm[gi] < 0 {
			sc.meetings.fp++
			sc.note("meeting", "extra %s %s %s %q", g.Kind, g.Status, g.Date, clip(g.Text))
			continue
		}
		sc.meetings.tp++
		w := l.Meetings[gm[gi]]
		sc.meetDate.count(g.Date == w.Date)
		if g.Date != w.Date {
			sc.note("meeting date", "%q, want %q: %q", g.Date, w.Date, clip(g.Text))
		}
		sc.meetKind.count(g.Kind == w.Kind)
		if g.Kind != w.Kind {
			sc.note("meeting kind", "%q, want %q: %q", g.Kind, w.Kind, clip(g.Text))
		}
		sc.meetLocation.count(g.Location == w.Location)
		if g.Location != w.Location {
			sc.note("meeting place", "%q, want %q: %q", g.Location, w.Location, clip(g.Text))
		}
		gp, wp := sorted(g.Participants), sorted(w.Participants)
		sc.meetParticipants.count(slices.Equal(gp, wp))
		if !slices.Equal(gp, wp) {
			sc.note("meeting who", "%v, want %v: %q", gp, wp, clip(g.Text))
		}
		if w.Status != nil {
			sc.meetStatus.count(g.Status == *w.Status)
			if g.Status != *w.Status {
				sc.note("meeting status", "%q, want %q: %q", g.Status, *w.Status, clip(g.Text))
			}
		}
	}
	for wi, w := range l.Meetings {
		if wm[wi] < 0 {
			sc.meetings.fn++
			st := ""
			if w.Status != nil {
				st = *w.Status
			}
			sc.note("meeting", "missed %s %s %s %q", w.Kind, st, w.Date, clip(w.Text))
		}
	}
}

func sorted(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return out
}

func clip(s string) string {
	if len(s) > 90 {
		// Cut at a rune boundary.
		i := 90
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
		return s[:i] + "…"
	}
	return s
}
