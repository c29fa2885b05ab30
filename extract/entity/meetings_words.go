package entity

import (
	"strings"
	"sync"
)

// mtClass is what a meeting word is, which decides what its surroundings
// must show before it counts.
type mtClass uint8

const (
	mtNone      mtClass = iota
	mtSummit            // summit, Gipfel, саміт: a meeting by itself
	mtMinister          // ministerial, Ministerrat
	mtConf              // conference, symposium, Konferenz
	mtMeetNoun          // meeting, Treffen, зустріч: unless "meeting the needs"
	mtTalks             // talks, negotiations, переговори
	mtGather            // gathering, convened: only with people who gather
	mtMeetVerb          // met, meet, traf: only with someone met
	mtCallNoun          // call: only a phone call, not "a call for"
	mtConverse          // conversation, розмова: only on the phone or with someone
	mtSpeak             // spoke, talked, говорив: only with someone, or by phone
	mtInform            // informed, briefed: only someone who leads
	mtPhone             // phoned, telefonierte, telephone call
	mtHost              // hosted: only with guests who lead
	mtVisit             // visits: only "visits with" someone
	mtSession           // session, Sitzung, засідання: only of a body that meets
	mtPeak              // "peak": machine translation of "summit" (szczyt)
	mtNamed             // Forum, Dialogue, Expo: only inside a capitalised name
	mtSidelines         // "on the sidelines of" an assembly or a summit
	mtSummon            // summoned: only an ambassador or an envoy
	mtDiscuss           // discussed: only with someone ("discussed the war with Macron")
	mtCalled            // called, heard from: only someone in office
	mtGreet             // congratulated, expressed condolences: only the speaker, to someone in office
)

// mtKindOf is the kind each class reports, before the sentence refines it.
var mtKindOf = [...]string{
	mtSummit: "summit", mtMinister: "ministerial", mtConf: "conference", mtMeetNoun: "meeting",
	mtTalks: "talks", mtGather: "meeting", mtMeetVerb: "meeting", mtCallNoun: "call",
	mtConverse: "call", mtSpeak: "call", mtInform: "call", mtPhone: "call", mtHost: "meeting",
	mtVisit: "meeting", mtSession: "meeting", mtPeak: "summit", mtNamed: "conference",
	mtSidelines: "conference", mtSummon: "meeting", mtDiscuss: "meeting", mtCalled: "call", mtGreet: "call",
}

// mtStrong classes name their kind outright; the others ("meeting",
// "talks") take a kind from the sentence or from a meeting they refer
// back to.
func mtStrong(c mtClass) bool {
	switch c {
	case mtSummit, mtMinister, mtConf, mtCallNoun, mtConverse, mtSpeak, mtInform, mtPhone, mtPeak, mtNamed, mtSidelines, mtCalled, mtGreet:
		return true
	}
	return false
}

// mtLatin are the English, German and French meeting words. Each is
// listed lower-case; capitalised and all-capital forms are added.
var mtLatin = sync.OnceValue(genMtLatin)

// buildMtLatin builds mtLatin from the word lists; tables_gen.go holds its
// result, which genMtLatin returns without building.
func buildMtLatin() map[string]mtClass {
	m := map[string]mtClass{}
	add := func(c mtClass, words ...string) {
		for _, w := range words {
			m[w] = c
			m[strings.ToUpper(w[:1])+w[1:]] = c
			m[strings.ToUpper(w)] = c
		}
	}
	add(mtSummit, "summit", "summits", "summitry", "sommet", "sommets", "gipfel", "gipfels", "gipfeltreffen", "gipfeltreffens")
	add(mtMinister, "ministerial", "ministerials", "ministerrat", "ministerrats", "ministertreffen")
	add(mtConf, "conference", "conferences", "symposium", "konferenz", "konferenzen", "conférence", "conférences")
	add(mtMeetNoun, "meeting", "meetings", "treffen", "treffens", "réunion", "unterredung", "get-together",
		"rencontre", "rencontres", "entrevue", "réunions")
	add(mtTalks, "talks", "negotiations", "consultations", "discussions", "gespräche", "gesprächen", "gesprächsrunde",
		"verhandlungen", "verhandlungsrunde", "beratungen", "pourparlers", "négociations")
	add(mtGather, "gathering", "gatherings", "gathered", "gather", "gathers", "convene", "convened", "convenes", "convening",
		"reconvene", "reconvened", "beraten", "berieten", "tagen", "tagten", "einberufen", "einberief",
		"convoque", "convoqué", "convoquée", "convoquera", "réunis", "réunies", "réuniront", "réunissent")
	add(mtMeetVerb, "met", "meet", "meets", "traf", "trafen", "trifft", "getroffen",
		"zusammen", "zusammenkommen", "zusammengekommen", "zusammentreffen", "zusammengetroffen", "zusammenzukommen",
		"rencontré", "rencontrée", "rencontrés", "rencontrées", "rencontrera", "rencontreront", "rencontrent",
		"rencontrait", "rencontraient")
	add(mtCallNoun, "call", "calls")
	add(mtConverse, "conversation", "conversations", "entretien", "entretiens")
	add(mtSpeak, "spoke", "speak", "speaks", "spoken", "talked", "talk", "talking", "speaking",
		"sprach", "sprachen", "spricht", "gesprochen", "entretenu", "entretenue", "entretenus", "parlé",
		"entretiendra", "entretiendront", "entretient", "entretiennent")
	add(mtInform, "informed", "informierte", "unterrichtete")
	add(mtPhone, "phoned", "telephoned", "telefonierte", "telefonierten", "telefoniert", "telefonisch",
		"telefonat", "telefonats", "telefongespräch", "telefongespräche", "videoconference", "teleconference",
		"videokonferenz", "telefonkonferenz", "visioconférence")
	add(mtHost, "host", "hosts", "hosted", "hosting", "welcomed", "welcomes", "received", "receives", "empfing", "empfingen", "empfängt", "empfangen",
		"reçu", "reçue", "reçoit", "recevra", "accueilli", "accueillie", "accueille", "accueillera")
	add(mtSummon, "summoned", "summons", "summon", "einbestellt", "bestellte")
	add(mtDiscuss, "discussed", "discusses", "discuss", "discussing", "besprach", "besprachen", "erörterte",
		"negotiated", "negotiates", "negotiate", "negotiating", "verhandelte", "verhandelten", "verhandeln", "verhandelt")
	add(mtCalled, "called", "rang", "heard", "dialed", "dialled")
	add(mtGreet, "congratulated", "condolences", "gratulierte", "kondolierte")
	add(mtVisit, "visit", "visits", "visited")
	add(mtSession, "session", "sessions", "sitzung")
	add(mtPeak, "peak")
	return m
}

// mtNamedWords count only inside a capitalised name ("Shangri-La
// Dialogue", "Halifax International Security Forum").
var mtNamedWords = setOf(mtNamedWordsIndex, []string{"Forum", "Dialogue", "Expo", "Exposition", "Symposium", "Conference", "Summit"})

// mtGermanSuffixes find German compounds: "Nato-Gipfel" is two tokens, but
// "Umweltgipfel" and "Außenministertreffen" are one.
var mtGermanSuffixes = []struct {
	suffix string
	class  mtClass
}{
	{"ministertreffen", mtMinister}, {"ministertreffens", mtMinister},
	{"ministerrat", mtMinister}, {"ministerrats", mtMinister}, {"ministerrates", mtMinister},
	{"gipfeltreffen", mtSummit}, {"gipfel", mtSummit}, {"gipfels", mtSummit},
	{"treffen", mtMeetNoun}, {"treffens", mtMeetNoun},
	{"telefonat", mtPhone}, {"telefonats", mtPhone}, {"videokonferenz", mtPhone}, {"telefonkonferenz", mtPhone},
	{"pressekonferenz", mtNone}, {"konferenz", mtConf},
	{"verhandlungen", mtTalks}, {"gespräche", mtTalks}, {"gesprächen", mtTalks},
}

// mtCyrillic are Ukrainian and Russian stems, matched with the first
// letter in either case. Longer stems come first so that an exception
// ("зустрічн", the "counter-" of a counter-offensive) wins over its
// shorter rule.
var mtCyrillic = []struct {
	stem  string
	class mtClass
}{
	{"пресконференц", mtNone}, {"відеоконференц", mtPhone}, {"видеоконференц", mtPhone},
	{"зустрічн", mtNone}, {"встречн", mtNone}, {"переговорн", mtNone}, {"переговорщ", mtNone},
	{"саміт", mtSummit}, {"саммит", mtSummit},
	{"зустрів", mtMeetVerb}, {"зустріл", mtMeetVerb}, {"зустрін", mtMeetVerb}, {"зустріт", mtMeetVerb},
	{"зустріча", mtMeetVerb}, {"встретил", mtMeetVerb}, {"встрети", mtMeetVerb}, {"встретя", mtMeetVerb},
	{"зустр", mtMeetNoun}, {"встреч", mtMeetNoun},
	{"переговор", mtTalks}, {"консультаці", mtTalks}, {"консультаци", mtTalks},
	{"засідан", mtSession}, {"заседани", mtSession},
	{"склика", mtGather}, {"созыва", mtGather}, {"созва", mtGather},
	{"зберуть", mtGather}, {"зібрал", mtGather}, {"збираю", mtGather}, {"соберут", mtGather}, {"собрал", mtGather}, {"собираю", mtGather},
	{"конференц", mtConf},
	{"розмов", mtConverse}, {"разговор", mtConverse},
	{"зателефонув", mtPhone}, {"созвон", mtPhone}, {"телефонн", mtPhone}, {"телефонува", mtPhone},
	{"зідзвон", mtPhone}, {"дзвінок", mtPhone}, {"дзвінк", mtPhone}, {"звонок", mtPhone}, {"звонк", mtPhone},
	{"перемовин", mtTalks},
	{"прийняти", mtHost}, {"приймав", mtHost}, {"приймала", mtHost}, {"принять", mtHost}, {"принимал", mtHost},
	{"поінформув", mtInform}, {"проінформув", mtInform}, {"проинформиров", mtInform},
	{"поговори", mtSpeak}, {"говорив", mtSpeak}, {"говорил", mtSpeak}, {"розмовля", mtSpeak},
	{"говорять", mtSpeak}, {"говорят", mtSpeak}, {"спілкува", mtSpeak}, {"поспілкува", mtSpeak}, {"общались", mtSpeak}, {"общался", mtSpeak}, {"пообщал", mtSpeak},
	{"говорить", mtSpeak}, {"говоримо", mtSpeak}, {"говорим", mtSpeak}, {"говорю", mtSpeak}, {"нарад", mtMeetNoun}, {"совещан", mtMeetNoun},
	{"прийняв", mtHost}, {"прийняла", mtHost}, {"принял", mtHost}, {"приняла", mtHost},
	{"обговори", mtDiscuss}, {"обговорю", mtDiscuss}, {"обсуди", mtDiscuss}, {"обсужда", mtDiscuss},
	{"викликал", mtSummon}, {"вызвал", mtSummon},
	{"привітав", mtGreet}, {"привітала", mtGreet}, {"поздравил", mtGreet}, {"співчутт", mtGreet}, {"соболезнован", mtGreet},
}

// mtAbstract are the things one meets that are no one: "meeting the
// needs", "met with criticism", "meet the 2% target".
var mtAbstract = setOf(mtAbstractIndex, []string{
	"need", "needs", "target", "targets", "demand", "demands", "requirement", "requirements",
	"goal", "goals", "standard", "standards", "obligation", "obligations", "criteria", "criterion",
	"threshold", "thresholds", "deadline", "deadlines", "expectation", "expectations", "commitment",
	"commitments", "condition", "conditions", "challenge", "challenges", "quota", "quotas", "benchmark",
	"benchmarks", "spending", "terms", "objective", "objectives", "milestone", "milestones", "request",
	"requests", "criticism", "resistance", "skepticism", "scepticism", "opposition", "protest", "protests",
	"applause", "silence", "approval", "condemnation", "outrage", "scorn", "derision", "fire", "force",
	"heavy", "fierce", "stiff", "strong", "little", "mixed", "widespread", "disbelief", "suspicion",
	"defeat", "fate", "end", "death", "deaths", "resistance", "demands", "pledge", "pledges", "shortfall",
	"shortfalls", "cost", "costs", "payroll", "budget", "responsibilities", "duties", "mandate",
	"room", "rooms", "place", "places", "point", "points", "hall", "halls", "minutes", "notes",
	"success", "head-on", "halfway", "guideline", "guidelines", "regulation", "regulations", "specification",
	"specifications", "recommendation", "recommendations", "rules", "mark", "bar",
})

// mtNotMeetingBefore make "conference" a press event and "call" an appeal.
var mtNotMeetingBefore = setOf(mtNotMeetingBeforeIndex, []string{
	"press", "news", "Press", "News", "wake-up", "roll", "close", "curtain", "judgment", "judgement",
	"intelligence", "information", "data", "evidence", "fact-finding", "fact", "news-gathering",
})

// mtNegation turns a meeting word in its clause into one that did not or
// will not happen.
var mtNegation = setOf(mtNegationIndex, []string{
	"not", "never", "no", "No", "Not", "Never", "without", "nobody", "Nobody", "nicht", "nie", "kein", "keine", "keinen", "niemand", "ніхто",
	"не", "Не", "ні", "ни", "без",
	"absent", "declined", "refused", "rejected", "refuses", "refuse", "declines", "rejects",
	"refusal", "lehnte", "lehnt", "abgelehnt", "відмовився", "відмовилася", "відмовились", "отказался",
	// The other persons and tenses of refusing: "Россия отказалась от
	// переговоров", "відмовляється від зустрічі".
	"відмовилась", "відмовляється", "відмовляються", "відмова", "відмову",
	"отказалась", "отказались", "отказалось", "отказывается", "отказываются", "отказ",
})

// mtCancelWords near a meeting word make it one called off, postponed or
// blocked: still a meeting, but no longer one to come.
var mtCancelWords = caseSet(mtCancelWordsIndex,
	"cancelled", "canceled", "cancel", "cancels", "cancelling", "canceling", "cancellation",
	"postponed", "postpone", "postpones", "postponement", "scrapped", "scrap", "scraps",
	"blocked", "blocks", "block", "shelved", "abandoned", "suspended", "aborted",
	"abgesagt", "absagen", "verschoben", "verschieben", "gestrichen", "blockiert",
	"annulé", "annulée", "reporté", "reportée",
)

// mtCancelPairs are two-word forms: "called off", "put off".
var mtCancelPairs = map[string]string{"called": "off", "call": "off", "calls": "off", "put": "off"}

// mtCyrCancelStems are Ukrainian and Russian stems of calling off.
var mtCyrCancelStems = []string{"скасув", "скасован", "відклад", "відклали", "відкладен", "перенес", "перенос", "зірва", "відмінен", "отмен", "отложен", "отложи", "перенесен", "сорва", "заблок"}

// mtProposeWords before a meeting make it one side's proposal: "invited
// Putin to meet", "proposed talks in Istanbul".
var mtProposeWords = caseSet(mtProposeWordsIndex,
	"invited", "invites", "invite", "inviting", "invitation", "proposed", "proposes", "propose",
	"proposing", "proposal", "offered", "offers", "offer", "suggested", "suggests", "suggest",
	"requested", "requests", "request", "requesting",
	"eingeladen", "lud", "lädt", "vorgeschlagen", "schlug", "schlägt", "angeboten", "bot",
	"invité", "invite", "proposé",
)

// mtCyrProposeStems are their Ukrainian and Russian stems.
var mtCyrProposeStems = []string{"запропон", "пропону", "запрос", "запрош", "предлож", "предлага", "пригласи", "приглаша"}

// mtNonSpecific make a meeting word speak of meetings in general: "any
// talks", "no summit", "each conversation", "regular meetings".
var mtNonSpecific = setOf(mtNonSpecificIndex, []string{
	"any", "Any", "no", "No", "every", "Every", "each", "Each", "such", "Such", "regular", "routine",
	"weekly", "monthly", "daily", "frequent", "numerous", "many", "several", "countless", "future",
	"further", "more", "other", "kein", "keine", "keinen", "jede", "jedes", "jeder", "weitere", "weiteren",
	"кожна", "Кожна", "кожен", "Кожен", "кожну", "будь-яка", "будь-які", "жодних", "жодної", "інші",
	"каждая", "любые", "никаких",
})

// mtDefinite open a noun phrase whose meeting is one already told of.
var mtDefinite = setOf(mtDefiniteIndex, []string{
	"the", "The", "this", "This", "that", "That", "these", "These", "those", "Those",
	"his", "His", "her", "Her", "their", "Their", "its", "Its", "my", "My", "our", "Our",
	"der", "die", "das", "dem", "den", "des", "Der", "Die", "Das", "Dem", "Den", "beim", "Beim",
	"im", "Im", "vom", "Vom", "zum", "Zum", "nach", "Nach", "dieser", "dieses", "diesem", "diese",
	"цей", "Цей", "ця", "Ця", "цю", "цієї", "цього", "цьому", "тієї", "тій", "той", "ця", "эта", "этой", "этот", "эту",
	"le", "la", "les", "ce", "cette",
})

// mtSequence set a meeting apart from the one before: "the last call
// between the two", "the previous summit". (Cyrillic ones are stems in
// mtCyrSequence.)
var mtSequence = setOf(mtSequenceIndex, []string{
	"last", "previous", "prior", "earlier", "next", "following", "letzte", "letzten", "letztes",
	"vorherige", "vorherigen", "nächste", "nächsten",
})

var mtCyrSequence = []string{"останн", "попередн", "наступн", "последн", "предыдущ", "следующ"}

var mtIndefinite = setOf(mtIndefiniteIndex, []string{
	"a", "A", "an", "An", "another", "Another", "ein", "eine", "einem", "einen", "einer", "Ein", "Eine",
	"Einem", "un", "une",
})

// mtGatherers are those whose gathering is a meeting between states; a
// gathering of crowds, troops or "countries that gathered together to
// defend Israel" is not.
var mtGatherers = setOf(mtGatherersIndex, []string{
	"leaders", "ministers", "delegates", "delegations", "officials", "representatives", "envoys",
	"diplomats", "heads", "chiefs", "commanders", "generals", "experts", "negotiators", "mediators",
	"Leaders", "Ministers", "Delegates", "Officials", "Envoys", "Diplomats", "Staats-", "Regierungschefs",
	"Staatschefs", "Außenminister", "Verteidigungsminister", "Delegationen",
	"ministres", "dirigeants", "délégations", "représentants", "diplomates", "émissaires", "Ministres", "Dirigeants",
})

// mtGenericPlural are the plural people one speaks with in general: "spoke
// with world leaders", "talked to partners" report no call.
var mtGenericPlural = setOf(mtGenericPluralIndex, []string{
	"leaders", "counterparts", "officials", "ministers", "partners", "colleagues", "presidents",
	"allies", "friends", "diplomats", "representatives", "heads", "lawmakers", "experts",
})

// mtPeopleWords are those who gather, convene and are hosted: a gathering
// of them is a meeting, one of crowds is not.
var mtPeopleWords = setOf(mtPeopleWordsIndex, []string{
	"leaders", "leader", "ministers", "minister", "delegates", "delegations", "delegation", "officials",
	"representatives", "envoys", "diplomats", "heads", "chiefs", "commanders", "generals", "experts",
	"counterpart", "counterparts", "nations", "countries", "allies", "partners", "coalition",
	"President", "Prime", "Chancellor", "Secretary", "presidents", "premiers", "negotiators", "mediators",
	"Minister", "Ministers", "Leaders", "Delegates", "Officials", "Allies", "Envoys", "Diplomats",
	"Außenminister", "Verteidigungsminister", "Staats-", "Regierungschefs", "Staatschefs", "Delegationen",
	"ministres", "présidents", "dirigeants", "chefs", "délégations", "délégués", "diplomates", "homologues",
	"lawmakers", "senators", "legislators", "congressmen", "parliamentarians",
})

// mtTitleWords name a person by office; after "spoke with" or "met" they
// show that someone was met.
var mtTitleWords = setOf(mtTitleWordsIndex, []string{
	"President", "president", "Prime", "prime", "Minister", "minister", "Chancellor", "chancellor",
	"Secretary", "secretary", "Secretary-General", "King", "king", "Queen", "Emir", "emir", "Crown",
	"Prince", "Sultan", "Premier", "premier", "Pope", "Director", "Director-General", "Commissioner",
	"counterpart", "counterparts", "leader", "leaders", "head", "Head", "Mr", "Mrs", "Ms", "Dr",
	"Vice", "Deputy", "deputy", "Governor", "Senator", "Gen", "Adm", "envoy", "Envoy", "ambassador",
	"Ambassador", "delegation", "delegations", "officials", "ministers", "Foreign", "Defense", "Defence",
	"Managing", "Chairman", "Chair", "Speaker", "Taoiseach", "Präsident", "Präsidenten", "Präsidentin", "Ministerin", "Kanzler",
	"Kanzlerin", "Außenminister", "Amtskollegen", "Ministerpräsident", "Regierungschef", "Vertreter",
	"Unterhändler", "Herr", "Frau", "Prosecutor", "Representative", "Adviser", "Advisor", "Coordinator",
	"Commander", "Chief", "Mayor", "Patriarch", "Holiness", "Majesty", "Highness", "Excellency", "General",
	"président", "Président", "présidente", "Présidente", "ministre", "Ministre", "chancelier", "Chancelier",
	"chancelière", "homologue", "homologues", "dirigeant", "dirigeants", "chef", "secrétaire", "délégation",
	"délégations", "représentants", "émissaire", "chief", "adviser", "advisor", "Congressman",
	"Congresswoman", "congressman", "congresswoman", "senator", "diplomat", "diplomats", "lawmaker",
	"lawmakers",
})

// mtCyrTitles are Ukrainian and Russian stems of offices.
var mtCyrTitles = []string{
	"президент", "прем", "канцлер", "міністр", "министр", "генсек", "генеральн", "секретар", "корол",
	"голов", "председател", "лідер", "лидер", "очільник", "колег", "посл", "пан", "спікер", "спикер", "делегаці", "делегаци",
	"представник", "представител", "керівник", "руководител", "глав", "монарх", "емір", "эмир", "султан",
}

// mtHonorifics open an apposition after an office: "the President of
// Lithuania, Mr. Nausėda".
var mtHonorifics = setOf(mtHonorificsIndex, []string{"Mr", "Mrs", "Ms", "Dr", "пан", "пані", "Herr", "Frau", "господин", "госпожа"})

// mtNotCounterparts are the ones spoken to who make no call: "spoke to
// reporters", "talked with students".
var mtNotCounterparts = setOf(mtNotCounterpartsIndex, []string{
	"reporters", "journalists", "press", "media", "students", "troops", "soldiers", "servicemen", "residents",
	"crowd", "crowds", "audience", "audiences", "nation", "people", "citizens", "parliament", "Parliament",
	"lawmakers", "Congress", "volunteers", "workers", "children", "families", "voters", "supporters",
	"CNN", "BBC", "Fox", "NBC", "CBS", "ABC", "Reuters", "AP", "AFP", "rectors", "teachers", "doctors",
	"Airmen", "airmen", "sailors", "Marines", "marines", "staff", "employees", "pupils", "veterans",
	"yourself", "themselves", "himself", "herself", "myself", "ourselves", "members", "Soldiers", "Press",
	"interview", "address", "speech", "Parliaments", "parliaments", "lawmakers", "senators", "deputies",
	"Troops", "protesters", "demonstrators", "forces", "thousands", "hundreds", "units", "unit",
	"servicewomen", "servicemembers", "Guardians", "guardians", "Guardsmen", "guardsmen", "cadets", "Cadets",
	"recruits", "trainees", "graduates", "personnel", "crews", "spouses", "patients", "survivors",
	"athletes", "fans", "attendees", "women", "men", "youths", "Sailors", "inhabitants", "locals",
	"Bürgern", "Bürger", "Bürgerinnen", "Einwohnern", "Anwohnern", "Journalisten", "Studenten", "Schülern",
	"Soldaten", "Wählern", "Veteranen", "Helfern", "Freiwilligen",
})

// mtCyrNotCounterparts are their Ukrainian and Russian stems: "зустрівся
// з нашими військовими" is a visit to the troops, not a meeting of states.
var mtCyrNotCounterparts = []string{
	"військов", "воїн", "захисник", "журналіст", "студент", "школяр", "волонтер", "медик", "медійник",
	"лікар", "громад", "мешканц", "жител", "солдат", "бійц", "військовослужбовц", "ЗМІ", "військов",
	"военн", "журналист", "студент", "солдат", "бойц", "дітьми", "дітей", "ветеран", "нагородж",
}

// mtParliament are the bodies whose sessions are routine business, not
// meetings between states.
var mtParliament = setOf(mtParliamentIndex, []string{
	"parliament", "Parliament", "parliamentary", "Bundestag", "Bundesrat", "Duma", "Rada", "Verkhovna",
	"Congress", "Senate", "House", "Knesset", "lawmakers", "deputies", "MPs", "plenary", "Parlament",
	"Parlaments", "Landtag", "court", "Court", "trial",
})

// mtCyrParliament are their Ukrainian and Russian stems.
var mtCyrParliament = []string{"парламент", "верховн", "депутат", "дум", "суд"}

// mtNotHeadsBefore make "leaders" no heads of state: "senior leaders",
// "military leaders".
var mtNotHeadsBefore = setOf(mtNotHeadsBeforeIndex, []string{
	"senior", "military", "business", "community", "religious", "local", "party", "opposition", "civic",
	"tribal", "political", "industry", "defense", "defence", "key", "enlisted", "squadron", "unit", "base",
	"wing", "Airmen", "faith", "youth", "student", "team", "command", "AFRICOM", "group", "corporate",
	"congressional", "Republican", "Democratic", "Senate", "House", "rebel", "militant", "Hamas", "Taliban",
})

// mtLeaderWords make a gathering a summit: leaders meet at summits.
var mtLeaderWords = setOf(mtLeaderWordsIndex, []string{
	"leaders", "Leaders", "heads", "Staats-", "Regierungschefs", "Staatschefs", "лідерів", "лідери",
	"лидеров", "лидеры", "presidents",
})

// mtHeadWords are leaders one by one: a meeting with one of them is no
// ministerial.
var mtHeadWords = setOf(mtHeadWordsIndex, []string{
	"President", "president", "Prime", "prime", "Chancellor", "chancellor", "King", "Emir", "Premier",
	"premier", "I", "Präsident", "Kanzler", "Kanzlerin", "Ministerpräsident",
	"Präsidenten", "Präsidentin", "Ministerpräsidenten", "Ministerpräsidentin", "Premierminister",
	"Premierministerin", "Regierungschef", "Regierungschefin", "Staatschef", "Staatschefin",
	"Bundeskanzler", "Bundeskanzlerin", "Bundespräsident", "Bundespräsidentin", "Staatspräsident",
	"Staatspräsidenten",
})

// mtFuture mark a sentence about a meeting yet to come.
var mtFuture = setOf(mtFutureIndex, []string{
	"will", "Will", "shall", "ll", "scheduled", "slated", "upcoming", "would", "planned", "plans", "plan",
	"planning", "expected", "coming", "next", "later", "prepare", "prepares", "preparing", "ahead",
	"possible", "potential", "proposed", "prospective", "if", "If", "could", "may", "might",
	"щоб", "чтобы", "damit", "mögliche", "möglichen", "можлив", "можливість",
	"wird", "werden", "soll", "sollen", "wollen", "geplant", "plant", "planen", "kommenden", "nächsten",
	"nächste", "bevorstehenden", "würde", "würden", "rencontrera", "rencontreront", "recevra", "accueillera",
	"tiendra", "tiendront", "aura", "auront", "réunira", "réuniront", "entretiendra", "entretiendront",
	"rendra", "participera", "participeront", "prochain", "prochaine", "sera", "seront",
	"буде", "будуть", "відбудеться", "відбудуться", "планує", "планують", "планується", "заплановано",
	"запланована", "запланований", "зустрінуться", "проведе", "проведуть", "будет", "будут", "состоится",
	"состоятся", "планирует", "планируется", "запланирована", "запланирован",
	// The perfective futures of meeting verbs: "встретится",
	// "проведёт переговоры", "переговоры пройдут", "обговорять".
	"встретится", "встретятся", "проведет", "проведёт", "проведут", "пройдет", "пройдёт", "пройдут",
	"обсудит", "обсудят", "созвонятся", "соберутся", "зустрінеться", "пройде", "пройдуть",
	"обговорить", "обговорять", "зберуться",
})

// mtPast mark a sentence about a meeting that has happened.
var mtPast = setOf(mtPastIndex, []string{
	"met", "held", "spoke", "talked", "had", "was", "were", "did", "took", "said", "agreed", "discussed",
	"ended", "began", "concluded", "attended", "hosted", "reached", "signed", "told", "voiced", "accused",
	"assured", "emphasized", "emphasised", "informed", "briefed", "convened", "gathered", "phoned",
	"telephoned", "visited", "has", "have", "last", "ago", "yesterday", "Yesterday", "received",
	"welcomed", "greeted",
	"war", "waren", "hatte", "hatten", "traf", "trafen", "fand", "sagte", "begann", "telefonierte",
	"informierte", "setzten", "sprach", "sprachen", "empfing", "empfingen", "besprach",
	"besprachen", "erörterte", "berieten", "getroffen", "gesprochen", "reiste", "führte", "führten",
	"rencontré", "rencontrée", "rencontrés", "entretenu", "entretenue", "entretenus", "parlé", "reçu", "reçue",
	"accueilli", "accueillie", "rencontrait", "rencontraient",
	// The plural and the other verbs of meeting: "telefonierten am
	// Montag" is the Monday before, not the one to come.
	"telefonierten", "informierten", "erörterten", "verhandelte", "verhandelten", "diskutierte",
	"diskutierten", "tagten", "unterrichtete", "unterrichteten", "kam", "kamen", "zusammengekommen",
	"zusammengetroffen",
	"discuté", "réuni", "réunie", "réunis", "réunies", "téléphoné", "échangé", "négocié",
})

// mtTopicPreps put a state after them as the subject of a meeting, not a
// party to it: "troops to Ukraine", "support for Ukraine", "talks on Syria".
var mtTopicPreps = setOf(mtTopicPrepsIndex, []string{
	"to", "for", "about", "against", "into", "over", "toward", "towards", "regarding", "concerning",
	"on", "around", "across", "inside", "within", "über", "gegen", "für", "nach", "um", "про", "щодо",
	"проти", "для", "до", "о", "об", "против", "по",
})

// mtTopicNouns put a state after "of" or "in" as a subject: "the invasion
// of Ukraine", "the war in Syria".
var mtTopicNouns = setOf(mtTopicNounsIndex, []string{
	"invasion", "war", "situation", "security", "sovereignty", "future", "defense", "defence",
	"reconstruction", "support", "threat", "crisis", "conflict", "occupation", "annexation", "territory",
	"integrity", "people", "citizens", "border", "borders", "membership", "accession", "fighting", "territories",
	"peace", "aggression", "independence", "economy", "east", "south", "north", "west", "part", "parts",
	"regions", "region", "city", "cities", "attack", "attacks", "offensive", "strikes", "bombing",
	"Lage", "Krieg", "Konflikt", "Syrien-Konflikt",
})

// mtSeatOf is where a body meets when a text says only "at NATO" or "at
// EU headquarters".
var mtSeatOf = map[string]string{
	"NATO": "Brussels", "EU": "Brussels", "European Commission": "Brussels", "European Council": "Brussels",
	"UN": "New York", "UN Security Council": "New York", "UN General Assembly": "New York",
	"AU": "Addis Ababa", "OSCE": "Vienna", "IAEA": "Vienna", "Pentagon": "Washington",
	"ICC": "The Hague", "ICJ": "The Hague", "Ukraine Defense Contact Group": "Ramstein",
}

// mtSeatedBodies meet in their seat whatever the text says of a place:
// a meeting of one that names no city is held there.
var mtSeatedBodies = setOf(mtSeatedBodiesIndex, []string{"UN Security Council", "UN General Assembly"})

// mtSeatWords are the buildings that stand for a city: "at the Pentagon",
// "at the White House", "in Downing Street".
var mtSeatWords = map[string]string{
	"Pentagon": "Washington", "White House": "Washington", "Kremlin": "Moscow", "Elysee": "Paris",
	"Élysée": "Paris", "Elysée": "Paris", "Downing Street": "London", "Bankova": "Kyiv",
	"Kanzleramt": "Berlin", "Bundeskanzleramt": "Berlin", "Chancellery": "Berlin", "Zhongnanhai": "Beijing",
	"Weißen Haus": "Washington", "Weiße Haus": "Washington", "Kreml": "Moscow", "Élysée-Palast": "Paris",
	"Oval Office": "Washington", "Situation Room": "Washington", "Capitol": "Washington", "Great Hall": "Beijing",
	"Dolmabahce Palace": "Istanbul", "Dolmabahçe Palace": "Istanbul", "Quai d'Orsay": "Paris",
	"Elysée-Palast": "Paris", "Elysee-Palast": "Paris",
	"Mar-a-Lago": "Palm Beach", "Blair House": "Washington", "Lancaster House": "London",
	"Hofburg": "Vienna", "Mariinskyi Palace": "Kyiv", "Mariinsky Palace": "Kyiv", "Mariyinsky Palace": "Kyiv",
	"Mariyinskyi Palace": "Kyiv", "Маріїнськ": "Kyiv",
	"Camp David": "Camp David", "Chequers": "Chequers", "Bürgenstock": "Bürgenstock",
	"Капітолій": "Washington", "Кремл": "Moscow", "Банков": "Kyiv", "Пентагон": "Washington",
}

// mtEventCities are where meetings named after no city of theirs take
// place; a name that holds its city ("Munich Security Conference") needs
// no entry.
var mtEventCities = map[string]string{
	"Aspen Security Forum": "Aspen", "Shangri-La Dialogue": "Singapore", "Shangri La Dialogue": "Singapore",
	"Halifax International Security Forum": "Halifax", "Raisina Dialogue": "New Delhi",
	"Manama Dialogue": "Manama", "World Economic Forum": "Davos", "Reagan National Defense Forum": "Simi Valley",
	"Munich Security Conference": "Munich", "Valdai Discussion Club": "Sochi", "St. Petersburg International Economic Forum": "Saint Petersburg",
}

// mtHeadquarters turn an organisation before them into its seat.
var mtHeadquarters = setOf(mtHeadquartersIndex, []string{
	"headquarters", "HQ", "Headquarters", "Hauptquartier", "Zentrale", "Sitz", "штаб-квартир", "штаб-квартирі",
	"штаб-квартиры",
})

// mtAtPreps come before a meeting's place: "in Brussels", "at Ramstein".
var mtAtPreps = setOf(mtAtPrepsIndex, []string{
	"in", "In", "at", "At", "im", "Im", "in der", "à", "au", "у", "в", "У", "В", "на", "На",
})

// mtListSeparators split the people someone spoke with into one call each.
var mtListSeparators = setOf(mtListSeparatorsIndex, []string{",", "and", "und", "та", "і", "й", "и", "et", ";"})

// mtListEnds end the list of people spoken with: what follows is what they
// spoke about.
var mtListEnds = setOf(mtListEndsIndex, []string{
	"about", "on", "regarding", "concerning", "over", "to", "who", "which", "where", "when", "after",
	"before", "during", "in", "at", "for", "amid", "as", "by", "last", "this", "today", "yesterday",
	"über", "zu", "про", "щодо", "стосовно", "під", "після", "перед", "о", "об", "по", "що", "який",
	"яка", "які", "about", ".", ":", "!", "?", "(", "—", "–",
})
