package entity

import "strings"

// mtVirtualGathering reports whether the conference call at trigger tr is
// a gathering of many rather than a call between two: a teleconference
// or videoconference of leaders or ministers, or of a body's members
// ("a teleconference of leaders of NATO countries", "a teleconference
// with the participation of EU and NATO leaders", "the NATO leaders held
// a teleconference", "Videokonferenz der Staats- und Regierungschefs",
// "відеоконференція лідерів G7"). It returns the kind the guideline
// gives such a gathering: a summit of leaders, a ministerial of
// ministers, else a meeting.
func (s *scan) mtVirtualGathering(tr mtTrigger, from, to int, orgs []lexHit) (string, bool) {
	if !s.mtConferenceCall(tr.at) {
		return "", false
	}
	leaders, ministers := false, false
	for k := from; k < to; k++ {
		w := strings.ToLower(s.word(k))
		switch {
		case mtVirtualLeaders.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, []string{"лідер", "лидер", "голів держав", "глав"}):
			leaders = true
		case mtVirtualMinisters.has(w) || s.toks[k].kind == tOther && stemFoldAny(w, []string{"міністр", "министр"}):
			ministers = true
		}
	}
	switch {
	case leaders:
		return "summit", true
	case ministers:
		return "ministerial", true
	case len(orgs) > 0 && tr.object < 0:
		return "meeting", true
	}
	return "", false
}

// mtConferenceCall reports whether token k names a call of many by phone
// or video.
func (s *scan) mtConferenceCall(k int) bool {
	w := strings.ToLower(s.word(k))
	switch w {
	case "teleconference", "videoconference", "videokonferenz", "telefonkonferenz", "visioconférence":
		return true
	case "conference":
		p := strings.ToLower(s.word(k - 1))
		return p == "video" || p == "phone" || s.lw(k+1) == "call"
	case "video":
		// "a video call", "a conference call": one call of many, when
		// leaders or ministers are in it.
		return s.lw(k+1) == "call"
	}
	return s.toks[k].kind == tOther && stemFoldAny(w, []string{"відеоконференц", "видеоконференц"})
}

// mtVirtualLeaders and mtVirtualMinisters make a conference call a summit
// or a ministerial.
var mtVirtualLeaders = setOf(mtVirtualLeadersIndex, []string{"leaders", "heads", "staats-", "regierungschefs", "staatschefs", "dirigeants"})

var mtVirtualMinisters = setOf(mtVirtualMinistersIndex, []string{"ministers", "außenminister", "verteidigungsminister", "ministres"})

// mtMetByRemoteMeans reports whether a meeting verb of the triggers is
// followed by "by" and a means of talking from afar: "met by video
// link", "met by phone".
func (s *scan) mtMetByRemoteMeans(triggers []mtTrigger) bool {
	for _, tr := range triggers {
		if s.lw(tr.at+1) == "by" && mtRemoteMeans.has(s.lw(tr.at+2)) {
			return true
		}
	}
	return false
}
