package entity

import (
	"strings"
	"sync"
)

// Word lists of the troop tagger, in lower case.
var (
	// units are the words for military personnel, true for the singular
	// forms that only "one" may count.
	units = map[string]bool{
		"troops": false, "soldiers": false, "soldier": true, "personnel": false,
		"servicemembers": false, "servicemember": true, "servicemen": false,
		"serviceman": true, "servicewomen": false, "servicewoman": true,
		"marines": false, "marine": true, "sailors": false, "sailor": true,
		"airmen": false, "airman": true, "airwomen": false, "reservists": false,
		"reservist": true, "conscripts": false, "conscript": true, "draftees": false,
		"mercenaries": false, "mercenary": true, "peacekeepers": false,
		"peacekeeper": true, "fighters": false, "paratroopers": false,
		"paratrooper": true, "guardsmen": false, "guardsman": true,
		"commandos": false, "commando": true, "infantrymen": false,
		"forces": false, "militiamen": false, "officers": false, "officer": true,
		"guardians": false, "guardian": true, "warriors": false, "warrior": true,
		"insurgents": false, "insurgent": true, "rebels": false, "rebel": true,
		"militants": false, "militant": true, "jihadists": false, "jihadist": true,
		"recruits": false, "generals": false, "colonels": false,
		"combatants": false, "combatant": true, "troopers": false,
		// Ranks and combat roles counted as the dead or the deployed:
		// "Russia has lost 12 generals", "30 snipers", "3,000 separatists".
		"commanders": false, "separatists": false, "separatist": true, "guerrillas": false,
		"partisans": false, "snipers": false, "sappers": false, "gunners": false,
		"artillerymen": false, "riflemen": false, "tankmen": false, "crewmen": false,
		// In a state's addresses its soldiers are its defenders and heroes,
		// and the enemy's are invaders and occupiers.
		"defenders": false, "heroes": false, "invaders": false, "occupiers": false,
		"enemies": false,
		// Misspellings common enough in wire copy to keep: "dozens of
		// Russian solders".
		"solders": false, "soliders": false,
	}
	// unitFollowers turn a unit word into an adjective for something that
	// is not people: "personnel carriers", "fighters jets".
	unitFollowers = setOf(unitFollowersIndex, []string{
		"carrier", "carriers", "jet", "jets", "aircraft", "plane", "planes", "pilot",
		"pilots", "squadron", "squadrons", "wing", "wings", "bomber", "bombers",
		"vehicle", "vehicles", "helicopter", "helicopters", "transport",
		"transports", "command", "commander", "commanders", "base", "bases",
	})
	// modifiers may stand between a count and its unit.
	modifiers = setOf(modifiersIndex, []string{
		"additional", "more", "extra", "new", "fresh", "fewer", "allied", "foreign",
		"combat", "ground", "active", "duty", "reserve", "regular", "elite", "armed",
		"international", "multinational", "coalition", "government", "rebel",
		"enemy", "local", "well", "highly", "professional", "experienced",
		"wounded", "injured", "dead", "captured", "uniformed", "deployed",
		"stationed", "western", "army", "navy", "naval", "air", "marine",
		"infantry", "airborne", "mechanized", "mechanised", "armored", "armoured",
		"front", "line", "frontline", "conscript", "contract", "volunteer",
		"national", "mobilised", "mobilized", "drafted", "newly", "recruited",
		"trained", "pro", "backed", "led", "peacekeeping", "nato", "u.n.",
		"european", "partner", "task", "military", "defense",
		"defence", "security", "operational", "retired", "female", "male",
		"young", "untrained", "inexperienced", "separatist", "militia",
		"kurdish", "assault", "special", "operations", "guard", "other", "enlisted",
		"component", "total", "force", "own", "common", "ordinary", "killed",
		"hardened", "seasoned", "battle", "veteran", "career", "unarmed",
		"exchange", "brave", "fallen", "suspected", "alleged", "concentrated", "massed",
		"amassed", "mobilized-", "available", "serving", "conscripted",
		// "143 our warriors", as translations put it.
		"our", "territorial",
	})
	// determiners may follow "of" after a count: "2,000 of its troops".
	determiners = setOf(determinersIndex, []string{"the", "its", "their", "his", "her", "our", "your", "my", "these", "those", "whose"})
	// strongWords follow a count and a hyphen to make a force's size.
	strongWords = setOf(strongWordsIndex, []string{"strong", "man", "member", "soldier", "troop", "person", "men"})
	// forceNouns are bodies of troops a size can describe.
	forceNouns = setOf(forceNounsIndex, []string{
		"force", "forces", "contingent", "army", "brigade", "battalion", "garrison",
		"division", "regiment", "corps", "detachment", "deployment", "mission",
		"militia", "unit", "battlegroup", "reserve",
	})
	// figureFollowers may come right after the count in "a force of 30,000".
	figureFollowers = setOf(figureFollowersIndex, []string{
		"could", "would", "will", "was", "is", "were", "are", "to", "that", "which",
		"who", "and", "or", "in", "at", "on", "from", "by", "for", "with", "may",
		"might", "should", "being", "had", "has", "have", "stationed", "deployed",
		"based", "strong", "men", "near", "along", "into", "across", "under", "as",
		"but", "than", "when", "while", "would", "can",
		// Prepositions of time, source and part end a count as well as
		// "in" does: "casualties at over 1.2 million since the invasion".
		"since", "during", "after", "before", "until", "according", "including",
		"among", "within", "throughout", "over",
	})
	// formations are capitalised words that follow a unit's number, not a
	// count: "the 82 Airborne".
	formations = setOf(formationsIndex, []string{
		"Airborne", "Infantry", "Armored", "Armoured", "Cavalry", "Mountain",
		"Division", "Brigade", "Battalion", "Regiment", "Wing", "Squadron", "Fleet",
		"Expeditionary", "Corps", "Guards", "Mechanized", "Motorized", "Rifle",
		"Tank", "Artillery", "Assault", "Separate", "Territorial",
	})
	// yearWords come before a year: "In 2014 Russian troops".
	yearWords = setOf(yearWordsIndex, []string{
		"in", "In", "since", "Since", "by", "By", "until", "till", "from", "From",
		"of", "during", "During", "before", "Before", "after", "After", "year",
		"early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
		"Spring", "Summer", "Autumn", "Fall", "Winter", "around", "circa",
	})
	// partWords after a comma count a part of the people the clause
	// before it counted: "300 people were killed, including 50 soldiers".
	partWords     = setOf(partWordsIndex, []string{"including", "among", "incl"})
	casualtyWords = setOf(casualtyWordsIndex, []string{
		"killed", "killing", "kill", "kills", "wounded", "wounding", "dead", "death",
		"deaths", "died", "die", "dying", "injured", "injuring", "injuries",
		"captured", "capturing", "capture", "missing", "casualties", "casualty", "loss",
		"lost", "lose", "losing", "losses", "slain", "perished", "kia", "prisoners",
		"prisoner", "pows", "fatalities", "massacred", "executed", "eliminated",
		"prison", "prisons", "custody", "detention", "detained", "captive", "captives",
		"eliminating", "neutralised", "neutralized", "liquidated", "victims", "destroyed",
		// Those who gave themselves up are captured.
		"surrendered", "surrendering",
		// Idioms of death, captivity and harm: "claimed the lives of",
		// "the toll included", "the fallen", "held in captivity".
		"lives", "toll", "fallen", "captivity", "hospitalized", "hospitalised",
		"hostage", "hostages", "bodies",
		// Headlines tell in the present: "Russia loses 300 soldiers",
		// "Ukraine captures 500 troops".
		"loses", "captures", "dies", "surrender", "surrenders", "injures",
		"eliminates", "neutralises", "neutralizes",
	})
	// otherBeforeWords mark a figure of people being prepared: "train
	// 10,000 soldiers", "mobilise 300,000 reservists".
	otherBeforeWords = setOf(otherBeforeWordsIndex, []string{
		"train", "trains", "training", "trained", "mobilise", "mobilize", "mobilised",
		"mobilized", "mobilising", "mobilizing", "mobilisation", "mobilization",
		"recruit", "recruits", "recruited", "recruiting", "recruitment", "draft",
		"drafted", "drafting", "conscripted", "conscripting",
		"conscription", "awarded", "awarding", "decorated", "honoured", "honored",
		// Volunteers counted as a figure joined a force.
		"volunteers",
	})
	callWords = setOf(callWordsIndex, []string{"call", "calls", "called", "calling"})
	// signWords take "up" to recruit: "signed up 450,000 contract soldiers".
	signWords = setOf(signWordsIndex, []string{"sign", "signs", "signed", "signing"})
	// trainingTakers come before "training" when the figure is of people
	// being trained: "received training", "completed training".
	// trainedWhere may follow "are training" when those training are the
	// trainees: "are training in Germany, at a base, with NATO
	// instructors, under British officers, on Leopard tanks, for months".
	trainedWhere   = setOf(trainedWhereIndex, []string{"in", "at", "with", "under", "on", "for", "abroad", "there", "alongside"})
	trainingTakers = setOf(trainingTakersIndex, []string{
		"received", "receive", "receiving", "receives", "underwent", "undergo", "undergoing",
		"completed", "complete", "completing", "began", "begin", "begun", "started", "finished",
		"basic", "military", "combat",
	})
	// figureStarts are the words a figure can begin with, besides the
	// number words: the first words of hedges and of vague sizes.
	figureStarts = setOf(figureStartsIndex, append([]string{
		"roughly", "about", "around", "some", "over", "nearly", "almost",
		"approximately", "approx", "circa", "estimated", "under", "reportedly", "an",
		"up", "close", "at", "more", "fewer", "less", "upwards", "as", "just", "well",
		"between", "a", "several", "many", "few", "tens", "dozens", "hundreds", "half",
		"thousands", "millions", "scores",
	}, numberWords()...))
	// otherAfterWords do the same after the figure: "10,000 soldiers
	// trained".
	otherAfterWords = setOf(otherAfterWordsIndex, []string{
		"trained", "mobilised", "mobilized", "recruited", "drafted", "conscripted",
		"awarded", "decorated", "joined", "enlisted", "volunteered",
		// Those who left a force are counted, not its strength, as the
		// guideline counts those who defected: "100,000 soldiers have
		// deserted".
		"deserted", "defected", "fled",
		// People attending an event are not a force's strength: "about
		// 150 Airmen attended the town hall".
		"attended", "attending", "attend", "attends",
	})
	// deadWords win over a swap: the bodies of the fallen handed back are
	// casualties.
	deadWords = setOf(deadWordsIndex, []string{"bodies", "body", "fallen", "dead", "killed"})
	// handBackVerbs take "back" or "home" to hand prisoners over in a swap
	// or bring them home from one.
	handBackVerbs = setOf(handBackVerbsIndex, []string{
		"handed", "hands", "hand", "handing", "gave", "give", "gives", "sent", "brought", "bring",
		"brings", "came", "come", "comes", "returned", "return", "returns",
	})
	swapWords = setOf(swapWordsIndex, []string{
		"exchanged", "exchange", "exchanges", "swap", "swapped", "swaps", "released",
		"release", "freed",
	})
)

func numberWords() []string {
	var ws []string
	for w := range smallNumbers {
		ws = append(ws, w)
	}
	return ws
}

// vocab maps the capitalised and all-capital spellings of every word the
// troop tagger reads to its lower case, for scan.lw.
var vocab = sync.OnceValue(genVocab)

// buildVocab builds vocab from the word lists; tables_gen.go holds its
// result, which genVocab returns without building.
func buildVocab() map[string]string {
	m := make(map[string]string, 4096)
	add := func(w string) {
		if w != "" && isASCIILetter(w[0]) {
			m[strings.ToUpper(w[:1])+w[1:]] = w
			m[strings.ToUpper(w)] = w
		}
	}
	for _, set := range []wordSet{
		unitFollowers, modifiers, determiners, strongWords, forceNouns,
		figureFollowers, casualtyWords, otherBeforeWords, otherAfterWords, swapWords,
		callWords, trainingTakers, figureStarts, capacityWords, serveWords,
		militaryWords, dutyWords, carryVerbs, measureVerbs, approxMeasureVerbs, riseVerbs,
		lossWords, notLossWords, specWords, factWords, relativeWords, growVerbs,
		putVerbs, holdVerbs, troopMeasures, civilianWords, forceWords, notForceWords,
	} {
		for _, w := range set.keys {
			add(w)
		}
	}
	for _, nums := range []map[string]int64{smallNumbers, multipliers, vagueSizes} {
		for w := range nums {
			add(w)
		}
	}
	for w := range units {
		add(w)
	}
	for _, w := range []string{
		"a", "an", "of", "between", "several", "many", "few", "hundred", "dozen",
		"tens", "and", "or", "to", "the", "roughly", "about", "around", "some",
		"over", "nearly", "almost", "approximately", "approx", "circa",
		"estimated", "under", "reportedly", "up", "close", "at", "least", "most",
		"than", "upwards", "as", "much", "just", "below", "above", "percent",
		"per", "cent", "so", "from", "service", "members", "member",
		"operations", "special", "military", "men", "women", "who", "uniform",
		"small", "little", "stands", "stood", "stand", "border", "coast", "guards", "guard",
	} {
		add(w)
	}
	return m
}

var (
	// harmWords name what befell the people a casualty count counts,
	// after the count when its noun is carried over from the figure
	// before: "three soldiers were killed and 34 injured".
	harmWords = setOf(harmWordsIndex, []string{
		"wounded", "injured", "hurt", "missing", "captured", "killed", "dead",
		"захоплені", "захоплено", "полонені", "поранені", "поранено", "поранених", "загинули", "загинуло", "зникли", "травмовані",
		"травмовано", "ранены", "ранено", "раненых", "погибли", "погибло", "пропали",
		"blessés", "blessées", "tués", "disparus",
		"verletzt", "verwundet", "getötet", "vermisst",
	})
	// harmJoins join the second harm to the first.
	harmJoins = setOf(harmJoinsIndex, []string{
		"and", ",", "while", "with", "і", "й", "та", "и", "et", "und",
	})
	// harmAgain stands before a second count of the same people: "ще
	// п'ятеро поранені".
	harmAgain = setOf(harmAgainIndex, []string{"ще", "ещё", "еще"})
	// harmOthers follow such a count: "11 others wounded".
	harmOthers = setOf(harmOthersIndex, []string{
		"others", "other", "more", "інших", "других", "autres",
	})
	// harmAux stand between the count and its harm: "20 were injured".
	harmAux = setOf(harmAuxIndex, []string{
		"were", "was", "have", "had", "has", "been", "are", "got", "reportedly",
		"also", "ont", "été", "sont", "wurden", "були", "было", "были",
	})
	// captiveVerbs, then captiveIn and captiveNouns, take people captive:
	// "взято в полон", "потрапили у полон", "попали в плен".
	captiveVerbs = setOf(captiveVerbsIndex, []string{
		"взято", "взяті", "взяли", "захоплено", "захоплені", "потрапили", "потрапило",
		"опинилися", "взяты", "попали", "попало", "оказались",
	})
	captiveIn    = setOf(captiveInIndex, []string{"в", "у"})
	captiveNouns = setOf(captiveNounsIndex, []string{"полон", "плен"})
	// harmAfter may follow "wounded five others" and end its clause.
	harmAfter = setOf(harmAfterIndex, []string{"in", "on", "at", "when", "during", "near", "after"})
)
