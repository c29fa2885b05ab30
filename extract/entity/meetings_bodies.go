package entity

// mtOthersGathering reports whether the meeting of group g is a body's
// gathering ("this week's NATO and G7 summits", "the UN Security
// Council session") that the sentence does not say the speaker took part
// in: "We continue to coordinate our positions on the eve of the NATO
// summit" and "Звернувся до Ради Безпеки ООН" speak of it, prepare for it
// or address it, and a speech to a summit makes no participant. "We
// took part in the G7 summit", "Україна взяла участь у саміті" do.
func (s *scan) mtOthersGathering(st mtSentence, g mtGroup) bool {
	if g.org == nil {
		return false
	}
	for _, tr := range g.triggers {
		switch tr.class {
		case mtSummit, mtMinister, mtConf, mtSession, mtPeak, mtNamed, mtSidelines, mtMeetNoun:
		default:
			return false // "we met at the NATO summit": the speaker met
		}
	}
	for k := st.from; k < st.to; k++ {
		if mtTakePartWords.has(s.word(k)) {
			return false
		}
	}
	return true
}

// mtTakePartWords say that the subject of their clause takes part in a
// gathering, or holds it.
var mtTakePartWords = setOf(mtTakePartWordsIndex, []string{
	"part", "participated", "participate", "participates", "participating", "attended", "attend", "attends", "attending",
	"joined", "join", "joins", "held", "hold", "holds", "hosted", "host", "hosts", "chaired", "chair", "chairs",
	"teil", "teilgenommen", "teilnehmen", "nahm", "nahmen", "участь", "участие", "провів", "провели", "проведе",
	"провел", "проведет", "проведём", "проведемо", "приєднався", "присоединился", "participé", "participe", "assisté",
})
