package entity

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Word lists for troop figures in German and in Cyrillic (Ukrainian, with
// the Russian forms that Ukrainian sources quote), all in lower case.
// Ukrainian and Russian inflect numbers and nouns by case, so each list
// holds the forms a count can take ("трьом військовослужбовцям", "п'ятьох
// військовослужбовців"); a Ukrainian apostrophe is written "'" here and
// matched in any of its spellings.
var (
	intlNumbers = map[string]int64{
		// German: compounds ("zweihundert", "fünfundzwanzig") are read by
		// germanNumber, so only the parts are listed.
		"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1,
		"zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7,
		"acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13,
		"vierzehn": 14, "fünfzehn": 15, "sechzehn": 16, "siebzehn": 17,
		"achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
		"fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
		"hundert": 100, "einhundert": 100,

		// Ukrainian.
		"один": 1, "одна": 1, "одне": 1, "одного": 1, "одному": 1, "одним": 1, "одній": 1, "однієї": 1, "одну": 1,
		"два": 2, "дві": 2, "двох": 2, "двом": 2, "двома": 2,
		"три": 3, "трьох": 3, "трьом": 3, "трьома": 3,
		"чотири": 4, "чотирьох": 4, "чотирьом": 4, "чотирма": 4,
		"п'ять": 5, "п'яти": 5, "п'ятьох": 5, "п'ятьом": 5, "п'ятьма": 5,
		"шість": 6, "шести": 6, "шістьох": 6, "шістьом": 6, "шістьма": 6,
		"сім": 7, "семи": 7, "сімох": 7, "сімом": 7, "сьома": 7,
		"вісім": 8, "восьми": 8, "вісьмох": 8, "вісьмом": 8, "вісьма": 8,
		"дев'ять": 9, "дев'яти": 9, "дев'ятьох": 9, "дев'ятьом": 9, "дев'ятьма": 9,
		"десять": 10, "десяти": 10, "десятьох": 10, "десятьом": 10, "десятьма": 10,
		"одинадцять": 11, "одинадцяти": 11, "дванадцять": 12, "дванадцяти": 12,
		"тринадцять": 13, "тринадцяти": 13, "чотирнадцять": 14, "чотирнадцяти": 14,
		"п'ятнадцять": 15, "п'ятнадцяти": 15, "шістнадцять": 16, "шістнадцяти": 16,
		"сімнадцять": 17, "сімнадцяти": 17, "вісімнадцять": 18, "вісімнадцяти": 18,
		"дев'ятнадцять": 19, "дев'ятнадцяти": 19,
		"двадцять": 20, "двадцяти": 20, "тридцять": 30, "тридцяти": 30, "сорок": 40, "сорока": 40,
		"п'ятдесят": 50, "п'ятдесяти": 50, "шістдесят": 60, "шістдесяти": 60,
		"сімдесят": 70, "сімдесяти": 70, "вісімдесят": 80, "вісімдесяти": 80,
		"дев'яносто": 90, "дев'яноста": 90,
		"сто": 100, "ста": 100, "двісті": 200, "двохсот": 200, "триста": 300, "трьохсот": 300,
		"чотириста": 400, "чотирьохсот": 400, "п'ятсот": 500, "п'ятисот": 500,
		"шістсот": 600, "шестисот": 600, "сімсот": 700, "семисот": 700,
		"вісімсот": 800, "восьмисот": 800, "дев'ятсот": 900, "дев'ятисот": 900,

		// Collective numerals count people: "п'ятеро військовослужбовців".
		"двоє": 2, "троє": 3, "четверо": 4, "п'ятеро": 5, "шестеро": 6, "семеро": 7,
		"восьмеро": 8, "дев'ятеро": 9, "десятеро": 10, "двоих": 2, "троих": 3,
		// Datives after "присвоєно", "нагороди": "чотирьомстам п'ятдесятьом".
		"двадцятьом": 20, "тридцятьом": 30, "п'ятдесятьом": 50, "шістдесятьом": 60,
		"сімдесятьом": 70, "вісімдесятьом": 80, "двомстам": 200, "трьомстам": 300,
		"чотирьомстам": 400, "п'ятистам": 500, "шестистам": 600, "семистам": 700,
		"восьмистам": 800, "дев'ятистам": 900, "стам": 100, "стом": 100,

		// Russian, where it differs.
		"две": 2, "двух": 2, "двум": 2, "трех": 3, "трёх": 3, "трем": 3, "трём": 3,
		"четыре": 4, "четырех": 4, "четырёх": 4, "пять": 5, "пяти": 5,
		"шесть": 6, "семь": 7, "восемь": 8, "девять": 9, "девяти": 9,
		"одиннадцать": 11, "двенадцать": 12, "пятнадцать": 15, "двадцать": 20,
		"тридцать": 30, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
		"восемьдесят": 80, "девяносто": 90, "двести": 200, "пятьсот": 500,
		"двое": 2, "трое": 3, "пятеро": 5, "тринадцать": 13, "четырнадцать": 14,
		"шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
		"четыреста": 400, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,

		// French.
		"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
		"neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
		"quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40,
		"cinquante": 50, "soixante": 60,

		// A half glued to its multiplier: "півмільйона солдат".
		"півмільйона": 5e5, "полмиллиона": 5e5, "півтисячі": 500, "полтысячи": 500,
	}
	intlMultipliers = map[string]int64{
		"tausend": 1e3, "tsd": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6,
		"тисяча": 1e3, "тисячі": 1e3, "тисяч": 1e3, "тисячу": 1e3, "тис": 1e3,
		"тисячам": 1e3, "тисячами": 1e3, "тысячам": 1e3, "тысячами": 1e3,
		"мільйонам": 1e6, "мільйонами": 1e6,
		"мільйон": 1e6, "мільйона": 1e6, "мільйони": 1e6, "мільйонів": 1e6, "млн": 1e6,
		"тысяча": 1e3, "тысячи": 1e3, "тысяч": 1e3, "тысячу": 1e3, "тыс": 1e3,
		"миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
		"mille": 1e3,
	}
	// intlVague are sizes given without a number, as min and max.
	intlVague = map[string][2]int64{
		"dutzende": {24, 99}, "dutzenden": {24, 99}, "hunderte": {100, 999}, "hunderten": {100, 999},
		"tausende": {1e3, 9999}, "tausenden": {1e3, 9999},
		"zehntausende": {1e4, 99999}, "zehntausenden": {1e4, 99999},
		"hunderttausende": {1e5, 999999}, "hunderttausenden": {1e5, 999999},
		"тисячі": {1e3, 9999}, "тисяч": {1e3, 9999}, "тисячами": {1e3, 9999},
		"десятки": {24, 99}, "десятків": {24, 99}, "сотні": {100, 999}, "сотень": {100, 999},
		"тысячи": {1e3, 9999}, "тысяч": {1e3, 9999}, "десятков": {24, 99}, "сотни": {100, 999},
		// "several hundred" and "several tens" in one word; "zig-"
		// tens of thousands.
		"кількасот": {100, 999}, "кількохсот": {100, 999}, "кількадесят": {24, 99},
		"zigtausende": {1e4, 99999}, "zigtausenden": {1e4, 99999},
		// French: "des milliers de soldats", "des dizaines de milliers".
		"milliers": {1e3, 9999}, "centaines": {100, 999}, "dizaines": {24, 99},
	}
	// intlHalves are halves of the multiplier after them, in halves:
	// "півтори тисячі" is three halves of a thousand, "пів мільйона" one.
	intlHalves = map[string]int64{
		"півтори": 3, "півтора": 3, "полторы": 3, "полтора": 3, "anderthalb": 3, "пів": 1, "пол": 1,
	}
	// intlSeveral make "several" of the multiplier after them: "mehrere
	// tausend", "кілька тисяч".
	intlSeveral = setOf(intlSeveralIndex, []string{
		"mehrere", "einige", "кілька", "декілька", "кількох", "декількох", "несколько", "нескольких",
	})
	// intlHedges make a count approximate. Two-word hedges are keyed by
	// their first word, with the words that may follow.
	intlHedges = setOf(intlHedgesIndex, []string{
		"rund", "etwa", "ungefähr", "circa", "ca", "zirka", "knapp", "fast", "beinahe",
		"nahezu", "mindestens", "wenigstens", "über", "annähernd", "schätzungsweise",
		"gut", "höchstens", "maximal",
		"майже", "близько", "понад", "щонайменше", "приблизно", "орієнтовно", "до",
		"більше", "більш", "почти", "около", "более", "свыше", "примерно",
		"приблизительно", "порядка", "минимум", "больше",
		"environ", "d'environ", "quelque", "presque", "quasiment", "jusqu'à", "approximativement",
	})
	intlHedgePairs = map[string][]string{
		"mehr": {"als"}, "weniger": {"als"}, "bis": {"zu"}, "an": {"die"}, "um": {"die"},
		"більше": {"ніж", "як"}, "більш": {"ніж", "як"}, "менше": {"ніж", "як"},
		"не": {"менше", "менш", "менее", "більше", "более"}, "як": {"мінімум"},
		"более": {"чем"}, "как": {"минимум"},
		"plus": {"de"}, "près": {"de"}, "moins": {"de"}, "au": {"moins"},
	}
	// intlUnits are the nouns for military personnel, true for the forms
	// that only one may count.
	intlUnits = map[string]bool{
		"soldaten": false, "soldat": true, "soldatinnen": false, "truppen": false,
		"jihadisten": false,
		"офіцерів":   false, "офіцери": false, "офіцерам": false, "офицеров": false, "офицеры": false,
		"kämpfer": false, "rebellen": false, "rebell": true, "aufständische": false,
		"aufständischen": false, "sicherheitskräfte": false, "spezialkräfte": false,
		"regierungskräfte": false, "militärs": false, "marinesoldaten": false,
		"reservisten": false, "söldner": false, "offiziere": false, "wehrpflichtige": false,
		"rekruten": false, "blauhelme": false, "blauhelmsoldaten": false, "milizionäre": false,
		"dschihadisten": false, "terroristen": false, "militärangehörige": false,
		"armeeangehörige": false, "fallschirmjäger": false, "mann": false, "extremisten": false,
		"islamisten": false, "kriegsgefangene": false, "kriegsgefangenen": false,
		"grenzschützer": false, "kombattanten": false, "gardisten": false,
		"nationalgardisten": false, "infanteristen": false, "scharfschützen": false,
		"generäle": false, "kommandeure": false, "separatisten": false, "partisanen": false,

		// French.
		"soldats": false, "militaires": false, "réservistes": false, "combattants": false,
		"mercenaires": false, "conscrits": false, "parachutistes": false, "légionnaires": false,
		"djihadistes": false, "jihadistes": false, "rebelles": false, "insurgés": false,
		"hommes": false, "troupes": false, "marins": false, "prisonniers": false, "casques": false,
		"recrues": false, "officiers": false, "aviateurs": false,

		"військовослужбовець": true, "військовослужбовця": true, "військовослужбовцю": true,
		"військовослужбовцем": true, "військовослужбовці": false, "військовослужбовців": false,
		"військовослужбовцям": false, "військовослужбовцями": false, "військовослужбовцях": false,
		"солдат": false, "солдата": true, "солдату": true, "солдати": false, "солдатів": false,
		"солдатам": false, "солдатами": false,
		"військовий": true, "військового": true, "військові": false, "військових": false,
		"військовим": false, "військовими": false, "військ": false, "війська": false,
		"боєць": true, "бійця": true, "бійці": false, "бійців": false, "бійцям": false,
		"воїн": true, "воїни": false, "воїнів": false, "воїнам": false,
		"десантники": false, "десантників": false, "найманці": false, "найманців": false,
		"резервісти": false, "резервістів": false, "мобілізовані": false, "мобілізованих": false,
		"окупанти": false, "окупантів": false, "окупантам": false, "строковики": false,
		"строковиків": false, "піхотинці": false, "піхотинців": false, "морпіхів": false,
		"гвардійців": false, "нацгвардійців": false, "захисники": false, "захисників": false,
		"захисникам": false, "бойовики": false, "бойовиків": false, "повстанці": false,
		// In addresses "our heroes" are the soldiers honoured or lost.
		"героїв": false, "герої": false, "героям": false, "героя": true,
		"повстанців": false, "контрактників": false, "захисника": true, "захисник": true,
		"воїна": true,

		"военнослужащий": true, "военнослужащего": true, "военнослужащие": false,
		"военнослужащих": false, "военнослужащим": false, "солдаты": false, "солдатов": false,
		"военных": false, "военные": false, "военным": false, "бойцов": false, "бойцы": false,
		"бойца": true, "наемников": false, "наёмников": false, "наемники": false,
		"десантников": false, "резервистов": false, "мобилизованных": false,
		"оккупантов": false, "срочников": false, "контрактников": false, "боевиков": false,
		"повстанцев": false, "морпехов": false, "спецназовцев": false,
	}
	// intlUnitSuffixes end German compounds that name soldiers:
	// "Bundeswehrsoldaten", "Bodentruppen", "Widerstandskämpfer".
	intlUnitSuffixes = []string{"soldaten", "soldatinnen", "truppen", "kämpfer", "rebellen", "gardisten", "kriegsgefangene", "kriegsgefangenen", "infanteristen"}
	// intlAdjectivalUnits are adjectives used as nouns ("200 військових"),
	// which may instead qualify the noun after them ("200 військових
	// об'єктів").
	intlAdjectivalUnits = setOf(intlAdjectivalUnitsIndex, []string{
		"військові", "військових", "військовим", "військовими", "мобілізовані",
		"мобілізованих", "военных", "военные", "военным", "мобилизованных", "aufständische",
		"aufständischen",
	})
	// intlNotUnitNouns are the stems of nouns that follow a military
	// adjective and make it describe things, not people.
	intlNotUnitNouns = []string{
		"об", "частин", "машин", "баз", "техні", "літак", "корабл", "облігац", "злочин",
		"навчан", "дій", "операц", "сил", "ціл", "об'єкт", "комісаріат", "підрозділ",
		"формуван", "експерт", "оглядач", "аналітик", "кореспондент", "журналіст",
		"аеродром", "склад", "допомог", "бюджет", "витрат", "обʼєкт", "кладовищ",
		"объект", "част", "техник", "самолет", "корабл", "преступ", "учени", "действ",
		"операц", "сил", "баз",
	}
	// intlDeterminers may stand between a count and its unit: "1.000
	// ihrer Soldaten".
	intlDeterminers = setOf(intlDeterminersIndex, []string{"ihrer", "seiner", "unserer", "der", "von", "de"})
	// intlStopWords end the modifiers of a German unit: they end in the
	// letters of an adjective but are articles, pronouns or verbs.
	intlStopWords = setOf(intlStopWordsIndex, []string{
		"die", "der", "den", "dem", "des", "eine", "einer", "einen", "einem", "eines",
		"sie", "wie", "wurde", "wurden", "werde", "werden", "habe", "haben", "hatte",
		"hatten", "seien", "sollen", "wollen", "konnten", "sowie", "aber", "oder",
		"bereits", "diese", "dieser", "diesen", "jene", "keine", "keiner", "sondern",
		"gegen", "unter", "wieder", "immer", "nur", "nie", "zuvor", "später", "mehr",
		"ihre", "ihnen", "einander", "sehr", "ohne", "über", "hinter", "neben",
	})
	// intlAnd joins two modifiers: "українських і британських".
	intlAnd = setOf(intlAndIndex, []string{"und", "oder", "і", "й", "та", "и", "чи", "або"})
	// intlOneWords are the forms of "one" that double as "a": they count a
	// soldier only when something happens to him.
	intlOneWords = setOf(intlOneWordsIndex, []string{
		"ein", "eine", "einen", "einem", "einer", "eines", "один", "одна", "одне",
		"одного", "одному", "одним", "одній", "однієї", "одну",
	})
	// intlCarry follow a count whose noun is carried over from the figure
	// before it: "zwei Soldaten getötet. 31 weitere wurden verletzt".
	intlCarry = setOf(intlCarryIndex, []string{"weitere", "weiteren"})
	// intlCivilians after "and" make a group that mixes soldiers and
	// civilians: "14 тисяч захисників та мирних громадян".
	intlCivilians = []string{
		"мирн", "цивільн", "жител", "громадян", "zivil", "bewohner", "einwohner", "мирных",
		"гражданск", "жител",
	}
	// intlListCivilians in a list of kinds of people make it no force:
	// "мешканців, дітей і солдатів".
	intlListCivilians = []string{
		"мешкан", "діт", "дет", "жінок", "жінк", "женщин", "kinder", "frauen", "menschen",
		"людей", "люди", "біженц", "беженц", "пенсіонер", "пенсионер",
	}
	// intlMonths after a number make it a date: "24 лютого", "3. Mai".
	intlMonths = setOf(intlMonthsIndex, []string{
		"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
		"вересня", "жовтня", "листопада", "грудня", "января", "февраля", "марта",
		"апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
		"декабря", "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli",
		"august", "september", "oktober", "november", "dezember",
	})
	intlIf = setOf(intlIfIndex, []string{"wenn", "falls", "sofern", "якщо", "якби", "если", "ежели"})

	// Stems of the words that say what happened to the soldiers counted.
	intlCasualtyStems = []string{
		"getötet", "töt", "tot", "verletz", "verwund", "gefallen", "gefangen", "vermisst",
		"umgekommen", "gestorben", "starb", "sterben", "stirbt", "erschossen", "verluste",
		"verloren", "verlor", "verliert", "verlieren", "getroffen", "opfer", "tote", "toten",
		"tué", "bless", "perdu", "perte", "tombé", "captur", "dispar", "fielen", "morts",
		"загин", "загибл", "вбит", "убит", "вбив", "убив", "поран", "полон", "зникл",
		"безвіст", "втрат", "втрача", "знищ", "ліквід", "смерт", "поранен", "мертв",
		"погиб", "ранен", "потер", "теря", "уничтож", "ликвид", "плен", "пропал", "убиты",
		"знешкодж", "обезвреж", "гибел", "вибул", "вибува", "выбыл", "выбыва",
		// Prisoners of war, one word: "200 Kriegsgefangene", "in
		// Kriegsgefangenschaft", "90 военнопленных", "військовополонених".
		"kriegsgefangen", "военноплен", "військовополон",
		// Those who gave themselves up: "150 Rebellen ergaben sich",
		// "здалися в полон", "сдались".
		"ergaben", "ergab", "kapitulier", "rendu", "здал", "сдал",
	}
	intlOtherStems = []string{
		"ausgebild", "ausbild", "mobilisier", "einberuf", "rekrutier", "ausgezeichnet",
		"ausgetausch", "austausch", "freigelass", "freilass", "angeworben",
		"навч", "підготов", "мобіліз", "призва", "призов", "обмін", "обміня", "звільн",
		"поверну", "нагород", "відзнач", "присво", "звання", "вербув", "завербов",
		"обуч", "подготов", "мобилиз", "призыв", "обмен", "освобож", "награ", "вернул",
		"mobilis", "formé", "formés", "recrut", "décoré", "échang", "libér",
	}
	// intlDeadStems are the dead, whose bodies a swap hands back: they win
	// over a swap ("повернула тіла 909 полеглих").
	intlDeadStems = []string{
		"полегл", "загибл", "погибш", "убит", "вбит", "leichen", "gefallen", "getötet", "tués",
	}
	// intlBodyWords are bodies, whole words: "тіл" begins "тільки".
	intlBodyWords = setOf(intlBodyWordsIndex, []string{"тіла", "тіл", "тілами", "тела", "тел", "телами", "corps"})
	// intlSwapStems win over a casualty word: "обмін полоненими" counts the
	// soldiers coming home.
	intlSwapStems = []string{
		"ausgetausch", "austausch", "freigelass", "обмін", "обміня", "поверну", "обмен", "вернул",
		"échang", "libér", "tausch", "getausch", "zurückgeholt", "zurückgebracht", "heimgeholt",
	}
	// intlOwners are stems of the adjectives and names that give a
	// figure's owner: "russische Soldaten", "українських військових",
	// "військовослужбовців Збройних Сил України".
	intlOwners = []struct{ stem, code string }{
		{"russisch", "RU"}, {"russland", "RU"}, {"türkisch", "TR"}, {"türkei", "TR"},
		{"syrisch", "SY"}, {"syrien", "SY"}, {"amerikanisch", "US"}, {"usa", "US"},
		{"ukrainisch", "UA"}, {"ukraine", "UA"}, {"deutsch", "DE"}, {"bundeswehr", "DE"}, {"bundesregierung", "DE"},
		{"russes", "RU"}, {"ukrainien", "UA"}, {"français", "FR"}, {"française", "FR"}, {"américain", "US"},
		{"allemand", "DE"}, {"britannique", "GB"}, {"polonais", "PL"}, {"chinois", "CN"},
		{"biélorusse", "BY"}, {"israélien", "IL"}, {"iranien", "IR"},
		{"britisch", "GB"}, {"großbritannien", "GB"}, {"französisch", "FR"}, {"frankreich", "FR"},
		{"israelisch", "IL"}, {"irakisch", "IQ"}, {"iranisch", "IR"}, {"afghanisch", "AF"},
		{"polnisch", "PL"}, {"chinesisch", "CN"}, {"nordkoreanisch", "KP"},
		{"weißrussisch", "BY"}, {"belarussisch", "BY"}, {"österreichisch", "AT"}, {"bundesheer", "AT"},
		{"російськ", "RU"}, {"росі", "RU"}, {"рф", "RU"}, {"российск", "RU"}, {"росси", "RU"},
		{"українськ", "UA"}, {"україн", "UA"}, {"зсу", "UA"}, {"всу", "UA"}, {"украинск", "UA"},
		{"украин", "UA"}, {"нацгвард", "UA"}, {"білорус", "BY"}, {"белорус", "BY"},
		{"американськ", "US"}, {"американск", "US"}, {"сша", "US"}, {"британськ", "GB"},
		{"британск", "GB"}, {"французьк", "FR"}, {"французск", "FR"}, {"німецьк", "DE"},
		{"немецк", "DE"}, {"польськ", "PL"}, {"польск", "PL"}, {"північнокорейськ", "KP"},
		{"кндр", "KP"}, {"северокорейск", "KP"},
	}
	// intlPrepositions end the words after a unit that can name its owner:
	// "солдатів у Росії" are where the soldiers are.
	intlPrepositions = setOf(intlPrepositionsIndex, []string{
		"в", "у", "на", "до", "з", "із", "зі", "від", "по", "біля", "під", "над", "через",
		"во", "к", "от", "из", "при", "для", "про", "за", "der", "die", "das",
		"in", "im", "nach", "bei", "mit", "gegen",
	})
	// intlOccupierStems are enemy troops named by what they do, whose
	// owner in Ukrainian coverage is the invader the article names.
	intlOccupierStems = []string{"окупант", "оккупант", "загарбник", "захватчик", "рашист", "орк"}
	// intlUnitStems are Ukrainian and Russian nouns for military
	// personnel, as stems: a word is one of them when it is the stem and
	// a case ending of up to three letters ("прикордонників",
	// "нацгвардійці", "пограничниками"). The ending list of a declension
	// would be longer than the stems, and a short ending after a whole
	// noun stem is not another word.
	intlUnitStems = []string{
		// Ukrainian.
		"військовослужбовц", "військовослужбовець", "прикордонник", "нацгвардійц", "нацгвардієць",
		"гвардійц", "гвардієць", "десантник", "розвідник", "сапер", "артилерист", "танкіст",
		"льотчик", "морпіх", "піхотинц", "піхотинець", "снайпер", "кулеметник",
		"мінометник", "зенітник", "контрактник", "строковик", "резервіст", "найманц",
		"найманець", "бойовик", "окупант", "загарбник", "захисник", "військовополонен",
		"полонен", "воїн", "бійц", "боєць", "солдат", "офіцер", "тероборонівц", "тероборонівець",
		"повстанц", "повстанець", "спецпризначенц", "спецпризначенець", "генерал", "полковник",
		"командир", "сепаратист", "призовник", "рашист", "орк", "кадировц", "вагнерівц",
		// Russian.
		"военнослужащ", "пограничник", "нацгвардейц", "нацгвардеец", "разведчик",
		"артиллерист", "танкист", "летчик", "лётчик", "морпех", "пехотинц", "пехотинец",
		"срочник", "резервист", "наемник", "наёмник", "боевик", "оккупант", "захватчик",
		"защитник", "военнопленн", "пленн", "боец", "бойц", "офицер", "спецназовц", "спецназовец",
		"повстанц", "повстанец", "сепаратист", "призывник", "кадыровц", "вагнеровц",
	}
)

// intlVocab maps every spelling of the words above that text may use (lower
// case, capitalised, all capitals, any apostrophe) to its listed form, so
// that the scan reads a word with one lookup and no allocation.
var intlVocab = sync.OnceValue(genIntlVocab)

// buildIntlVocab builds intlVocab from the word lists; tables_gen.go holds its
// result, which genIntlVocab returns without building.
func buildIntlVocab() map[string]string {
	m := make(map[string]string, 8192)
	addSpellings(m, intlWords())
	return m
}

// intlWords lists every word the German and Cyrillic readings look up.
func intlWords() []string {
	var ws []string
	for _, set := range []map[string]int64{intlNumbers, intlMultipliers, intlHalves} {
		for w := range set {
			ws = append(ws, w)
		}
	}
	for w := range intlVague {
		ws = append(ws, w)
	}
	for w := range intlUnits {
		ws = append(ws, w)
	}
	for _, set := range []wordSet{intlSeveral, intlHedges, intlDeterminers, intlAnd, intlCarry, intlIf, intlStopWords, intlMonths} {
		for _, w := range set.keys {
			ws = append(ws, w)
		}
	}
	for first, rest := range intlHedgePairs {
		ws = append(ws, first)
		ws = append(ws, rest...)
	}
	return append(ws, "zwischen", "bis", "und", "від", "от", "до", "або", "von", "з", "із", "paar", "половиною", "entre", "et", "між", "между", "de", "à")
}

// addSpellings maps each spelling of each of words to the word.
func addSpellings(m map[string]string, words []string) {
	for _, w := range words {
		for _, v := range apostropheForms(w) {
			m[v] = w
			m[strings.ToUpper(v)] = w
			r, n := utf8.DecodeRuneInString(v)
			m[string(unicode.ToUpper(r))+v[n:]] = w
		}
	}
}

// apostropheForms returns w with its apostrophe in each spelling Ukrainian
// text uses.
func apostropheForms(w string) []string {
	if !strings.Contains(w, "'") {
		return []string{w}
	}
	return []string{w, strings.ReplaceAll(w, "'", "\u2019"), strings.ReplaceAll(w, "'", "\u02bc"), strings.ReplaceAll(w, "'", "\u2018"), strings.ReplaceAll(w, "'", "`")}
}

// intlStartForms holds every spelling of the words a German or Cyrillic
// figure may begin with, so that the scan can pass over the other words
// with one lookup.
var intlStartForms = sync.OnceValue(genIntlStartForms)

// buildIntlStartForms builds intlStartForms from the word lists; tables_gen.go holds its
// result, which genIntlStartForms returns without building.
func buildIntlStartForms() map[string]string {
	ws := []string{"zwischen", "від", "от", "entre", "між", "между", "de"}
	for _, set := range []map[string]int64{intlNumbers, intlMultipliers, intlHalves} {
		for w := range set {
			ws = append(ws, w)
		}
	}
	for w := range intlVague {
		ws = append(ws, w)
	}
	for _, set := range []wordSet{intlSeveral, intlHedges} {
		for _, w := range set.keys {
			ws = append(ws, w)
		}
	}
	for w := range intlHedgePairs {
		ws = append(ws, w)
	}
	m := make(map[string]string, 4096)
	addSpellings(m, ws)
	return m
}

// intlIfForms holds every spelling of the words that open a condition.
var intlIfForms = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 64)
	addSpellings(m, append(slices.Clone(intlIf.keys), "if", "unless"))
	return m
})
