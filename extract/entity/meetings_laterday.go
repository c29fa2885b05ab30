package entity

import "github.com/defwatch/defwatch"

// sentenceDay is the first day a sentence fixed with a word relative to
// publication ("today", "сьогодні"), outside quotes and not in the
// future tense, and whether the sentence tells a meeting of its own.
type sentenceDay struct {
	sent    int
	date    string
	meeting bool
}

// sayDay keeps the first day sentence si fixed.
func (r *mtReader) sayDay(si int, date string, meeting bool) {
	if n := len(r.days); n > 0 && r.days[n-1].sent == si {
		return
	}
	r.days = append(r.days, sentenceDay{sent: si, date: date, meeting: meeting})
}

// laterDays dates a speaker's past meeting that no sentence of its own
// dates, and no sentence before it in its paragraph, by the day a later
// sentence of the paragraph calls today or yesterday: "I met in Kyiv with
// the Prime Minister of Croatia. … And today we spoke in depth." An
// address reports the speaker's day, and keeps a paragraph to one day
// (see storyDay) whichever of its sentences says it; others' meetings
// it tells ("at the talks in Belarus the groups agreed") are of any day. A weekday or a date said later is more often
// another event's ("the shelling that occurred on Thursday"), and so is
// a day in the future tense ("the corridors are to work today"); they
// date nothing before them. A sentence that tells a meeting of its own
// keeps its day to itself, and the search stops there.
func (r *mtReader) laterDays() {
	if len(r.days) == 0 {
		return
	}
	for _, mt := range r.meetings {
		if mt.speaker == "" || mt.m.Date != "" || mt.dated || mt.tense == dtFuture || mt.m.Status != defwatch.MeetingHeld || mt.headline {
			continue
		}
		para := r.sents[mt.last].para
		for _, d := range r.days {
			if d.sent <= mt.last {
				continue
			}
			if r.sents[d.sent].para != para || d.meeting {
				break
			}
			mt.m.Date = d.date
			break
		}
	}
}
