package entity

// A government's own sessions are meetings, as the guideline has it: "An
// extraordinary meeting of the Government has taken place today",
// "Сьогодні на позачерговому засіданні Уряду ми прийняли наступні
// рішення", a cabinet session. In a leader's address the government is the
// speaker's, so its state takes part; elsewhere the text must name the
// state.

// mtGovernmentWords and mtCyrGovernmentStems name a government, its
// cabinet or a commander-in-chief's staff.
var mtGovernmentWords = setOf(mtGovernmentWordsIndex, []string{"Government", "government", "Cabinet", "cabinet", "Kabinett", "Bundesregierung", "Regierung", "NSDC"})

var mtCyrGovernmentStems = []string{"уряд", "кабмін", "кабінет", "правительств", "ставк"}

// mtCyrCouncilStems and mtCyrNationalStems begin the name of Ukraine's
// National Security and Defense Council: "Ради національної безпеки".
var (
	mtCyrCouncilStems  = []string{"рад", "совет"}
	mtCyrNationalStems = []string{"національн", "национальн"}
)

// mtGovernmentWord reports whether token k names a government or its
// cabinet.
func (s *scan) mtGovernmentWord(k int) bool {
	if k < 0 || k >= len(s.toks) {
		return false
	}
	if mtGovernmentWords.has(s.word(k)) {
		return true
	}
	if s.toks[k].kind != tOther {
		return false
	}
	w := s.word(k)
	if w == "РНБО" || w == "СНБО" {
		return true // the National Security and Defense Council
	}
	if lowerHasPrefix(w, mtCyrCouncilStems) && lowerHasPrefix(s.word(k+1), mtCyrNationalStems) {
		return true // "засідання Ради національної безпеки і оборони"
	}
	return lowerHasPrefix(w, mtCyrGovernmentStems)
}

// mtOwnGovernment reports whether the meeting word at tr is a session of a
// government the sentence names with no state: "a meeting of the
// Government", "засіданні Уряду", "the cabinet meeting".
func (s *scan) mtOwnGovernment(tr mtTrigger, to int) bool {
	gov, ok := s.mtGovernmentSession(tr, to)
	return ok && gov == ""
}

// mtGovernmentSession reports whether the meeting word at tr is a session
// of a government, and returns the state named with it, if one is: "a
// meeting of the Government of Japan", "засідання Уряду України".
func (s *scan) mtGovernmentSession(tr mtTrigger, to int) (string, bool) {
	if tr.class != mtMeetNoun && tr.class != mtSession {
		return "", false
	}
	k := -1
	switch {
	case s.mtGovernmentWord(tr.at - 1):
		k = tr.at - 1 // "the cabinet meeting"
	default:
		j := tr.at + 1
		if s.word(j) == "of" {
			j++
			if s.word(j) == "the" {
				j++
			}
		}
		if j < to && s.mtGovernmentWord(j) {
			k = j
		}
	}
	if k < 0 {
		return "", false
	}
	j := k + 1
	if s.word(j) == "of" {
		j++
	}
	if codes, e := s.nationAt(j); e > j && len(codes) == 1 {
		return codes[0], true
	}
	if k == 0 {
		return "", true
	}
	if codes, e := s.nationAt(k - 1); e == k && len(codes) == 1 {
		return codes[0], true // "the Ukrainian government's session"
	}
	return "", true
}
