package entity

import "github.com/defwatch/defwatch"

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
