package entity

import (
	"strconv"
	"time"

	"github.com/defwatch/defwatch"
)

// mtArrival is a sentence's report that people came to a place on a day:
// "Store arrived in Kyiv on Tuesday morning".
type mtArrival struct {
	keys  []string // the surname stems of those who came
	date  string
	place string
}

// arrivalDays dates a past meeting that none of its sentences dates by
// the day one of its people arrived, as another sentence of the text
// says: "The Norwegian Prime Minister has made a trip to Ukraine to meet
// President Zelensky. … Store arrived in Kyiv on Tuesday morning." The
// visit and the meeting it was made for are one event, told in two
// sentences, paragraphs apart as news writes them. Arrivals on different days, or in another city
// than the meeting's, date nothing.
func (r *mtReader) arrivalDays() {
	var undated []*mtMeeting
	for _, mt := range r.meetings {
		if mt.m.Date == "" && !mt.dated && mt.tense != dtFuture && mt.m.Status == defwatch.MeetingHeld && !mt.headline &&
			len(mt.subjects)+len(mt.names) > 0 {
			undated = append(undated, mt)
		}
	}
	if len(undated) == 0 || r.published.IsZero() {
		return
	}
	arrivals := r.arrivals()
	for _, mt := range undated {
		keys := mtUnion(mt.subjects, mtKeys(mt.names))
		date := ""
		for _, a := range arrivals {
			if !mtOverlap(keys, a.keys) || a.place != "" && mt.m.Location != "" && a.place != mt.m.Location {
				continue
			}
			if date != "" && date != a.date {
				date = ""
				break
			}
			date = a.date
		}
		mt.m.Date = date
	}
}

// arrivals returns the arrivals the text reports with a day of their
// own, outside quotes and headlines.
func (r *mtReader) arrivals() []mtArrival {
	s := r.s
	var out []mtArrival
	for _, st := range r.sents {
		if st.headline {
			continue
		}
		for v := st.from; v < st.to; v++ {
			// The verbs are written small; a capital is a name.
			if w := s.word(v); s.toks[v].kind == tPunct || s.capitalAt(v) || !mtArrivalVerb(w) {
				continue
			}
			if r.quoted == nil {
				r.quoted = s.mtQuoted()
			}
			if r.quoted[v] {
				continue
			}
			keys := r.subjectKeys(s.mtClauseStart(st.from, v), v)
			if len(keys) == 0 {
				continue
			}
			date := ""
			for _, e := range s.dtExprs(st.from, st.to) {
				if e.name || e.report || e.kind == dtVague || e.kind == dtClock || r.quoted[e.from] {
					continue
				}
				if d := e.resolve(r.published, dtPast); d != "" && r.notAfterPublication(d) {
					date = d
					break
				}
			}
			if date == "" {
				continue
			}
			place := ""
			for _, h := range s.placeHits(v+1, min(st.to, v+4)) {
				place = h.e.name // "arrived in Lviv", "came to the capital, Kyiv"
				break
			}
			out = append(out, mtArrival{keys: keys, date: date, place: place})
			break
		}
	}
	return out
}

// linkedDays dates a meeting a sentence tells as days before or after
// another it tells ("Kishida made a trip to Ukraine to meet Zelensky – a
// day after Xi met Putin in Moscow"), once the other has its day, and
// none of its own.
func (r *mtReader) linkedDays() {
	for _, l := range r.dayLinks {
		if l.m.m.Date != "" || l.ref.m.Date == "" {
			continue
		}
		d, err := time.Parse(time.DateOnly, l.ref.m.Date)
		if err != nil {
			continue
		}
		l.m.m.Date = d.AddDate(0, 0, -l.days).Format(time.DateOnly)
	}
}

// mtDaysApartAt reads "a day after", "two days before", "the day after"
// at token j: the days between the meeting after it and the one told
// before, positive when the one after it came first ("after"). It
// returns the token after the conjunction.
func (s *scan) mtDaysApartAt(j int) (days, end int, ok bool) {
	n := 0
	switch w := s.lw(j); {
	case w == "a" || w == "one" || w == "the":
		n = 1
	case dtSmallNumbers[w] > 0:
		n = dtSmallNumbers[w]
	case s.toks[min(j, len(s.toks)-1)].kind == tNum:
		v, err := strconv.Atoi(s.word(j))
		if err != nil || v < 1 || v > 7 {
			return 0, 0, false
		}
		n = v
	default:
		return 0, 0, false
	}
	if w := s.lw(j + 1); w != "day" && w != "days" || n > 1 && w == "day" {
		return 0, 0, false
	}
	switch s.lw(j + 2) {
	case "after":
		return n, j + 3, true
	case "before":
		return -n, j + 3, true
	}
	return 0, 0, false
}
