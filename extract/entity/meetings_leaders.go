package entity

import (
	"strings"
	"unicode/utf8"
)

// Leaders the news names by surname alone: heads of state and
// government, foreign and defence ministers of the states a defence
// monitor reads about most, 2014 on. A text that ties a name to a state
// itself ("US President Joe Biden") is believed first; a surname here
// stands for its state only when the text ties it to none and names that
// state somewhere (a name alone is no evidence of a state). Names shared
// with common words or many people (May, Johnson, Kim, Wang, Gallant,
// Herzog) and leaders of alliances (whose participants are no state) are
// left out.

// leaderStates maps a surname in Latin letters, as English, German and
// French write it, to its state.
var leaderStates = map[string]string{
	// United States.
	"Biden": "US", "Trump": "US", "Obama": "US", "Blinken": "US", "Rubio": "US", "Hegseth": "US",
	"Kerry": "US", "Pompeo": "US", "Tillerson": "US", "Witkoff": "US", "Vance": "US",
	// Russia.
	"Putin": "RU", "Lavrov": "RU", "Lawrow": "RU", "Lavrow": "RU", "Shoigu": "RU", "Schoigu": "RU",
	"Peskov": "RU", "Peskow": "RU", "Medvedev": "RU", "Medwedew": "RU", "Belousov": "RU",
	"Beloussow": "RU", "Mishustin": "RU", "Ushakov": "RU", "Poutine": "RU", "Lavroff": "RU",
	// Ukraine.
	"Zelensky": "UA", "Zelenskyy": "UA", "Zelenskiy": "UA", "Zelenskyi": "UA", "Zelenski": "UA",
	"Selenskyj": "UA", "Kuleba": "UA", "Sybiha": "UA", "Umerov": "UA", "Umjerow": "UA",
	"Reznikov": "UA", "Resnikow": "UA", "Yermak": "UA", "Jermak": "UA", "Shmyhal": "UA",
	"Poroshenko": "UA", "Poroschenko": "UA", "Svyrydenko": "UA",
	// Belarus.
	"Lukashenko": "BY", "Lukaschenko": "BY", "Loukachenko": "BY",
	// China.
	"Xi": "CN", "Jinping": "CN",
	// France.
	"Macron": "FR", "Hollande": "FR", "Barrot": "FR", "Lecornu": "FR",
	// Germany.
	"Scholz": "DE", "Merz": "DE", "Merkel": "DE", "Baerbock": "DE", "Pistorius": "DE",
	"Steinmeier": "DE", "Wadephul": "DE",
	// United Kingdom.
	"Sunak": "GB", "Starmer": "GB", "Lammy": "GB", "Healey": "GB", "Truss": "GB", "Cleverly": "GB",
	"Shapps": "GB",
	// Turkey.
	"Erdogan": "TR", "Erdoğan": "TR", "Fidan": "TR", "Cavusoglu": "TR", "Çavuşoğlu": "TR",
	// Poland.
	"Duda": "PL", "Tusk": "PL", "Morawiecki": "PL", "Sikorski": "PL", "Nawrocki": "PL",
	// Hungary.
	"Orban": "HU", "Orbán": "HU", "Szijjarto": "HU", "Szijjártó": "HU",
	// Others.
	"Netanyahu": "IL", "Netanjahu": "IL", "Modi": "IN", "Jaishankar": "IN", "Khamenei": "IR",
	"Raisi": "IR", "Pezeshkian": "IR", "Araghchi": "IR", "Rouhani": "IR", "Kishida": "JP",
	"Ishiba": "JP", "Meloni": "IT", "Draghi": "IT", "Tajani": "IT", "Trudeau": "CA",
	"Fico": "SK", "Iohannis": "RO", "Nauseda": "LT", "Nausėda": "LT", "Stubb": "FI",
	"Niinistö": "FI", "Kristersson": "SE", "Ramaphosa": "ZA", "Sisi": "EG", "Nehammer": "AT",
	"Sandu": "MD", "Rinkēvičs": "LV", "Rinkevics": "LV",
}

// headSurnames are the surnames, as English, German and French write
// them, of heads of state or government the news names alone: two of
// them meeting face to face hold a summit, whatever the text calls it
// (mtRefineKind). Surnames many people share, and those of leaders who
// held lesser offices as often (Truss, Rutte), are left out.
var headSurnames = setOf(headSurnamesIndex, []string{
	"Biden", "Trump", "Obama", "Putin", "Poutine", "Mishustin", "Zelensky", "Zelenskyy", "Zelenskiy",
	"Zelenskyi", "Zelenski", "Selenskyj", "Shmyhal", "Svyrydenko", "Lukashenko", "Lukaschenko",
	"Loukachenko", "Xi", "Macron", "Hollande", "Scholz", "Merz", "Merkel", "Steinmeier", "Sunak",
	"Starmer", "Erdogan", "Erdoğan", "Duda", "Tusk", "Morawiecki", "Nawrocki", "Orban", "Orbán",
	"Netanyahu", "Netanjahu", "Modi", "Khamenei", "Raisi", "Pezeshkian", "Rouhani", "Kishida", "Ishiba",
	"Meloni", "Draghi", "Trudeau", "Fico", "Iohannis", "Nauseda", "Nausėda", "Stubb", "Niinistö",
	"Kristersson", "Ramaphosa", "Sisi", "Nehammer", "Sandu", "Vucic", "Vučić", "Aliyev", "Pashinyan",
	"Tokayev", "Lula", "Milei", "Carney", "Albanese",
})

// leaderStems are the Ukrainian and Russian surnames, as stems that take
// case endings of up to three letters ("Путіним", "Лукашенком").
var leaderStems = []struct{ stem, code string }{
	{"Байден", "US"}, {"Трамп", "US"}, {"Обам", "US"}, {"Блінкен", "US"}, {"Блинкен", "US"},
	{"Рубіо", "US"}, {"Рубио", "US"}, {"Керрі", "US"}, {"Керри", "US"},
	{"Путін", "RU"}, {"Путин", "RU"}, {"Лавров", "RU"}, {"Шойгу", "RU"}, {"Пєсков", "RU"},
	{"Песков", "RU"}, {"Медведєв", "RU"}, {"Медведев", "RU"},
	{"Зеленськ", "UA"}, {"Зеленск", "UA"}, {"Кулеб", "UA"}, {"Сибіг", "UA"}, {"Сибиг", "UA"},
	{"Умєров", "UA"}, {"Умеров", "UA"}, {"Резніков", "UA"}, {"Резников", "UA"},
	{"Єрмак", "UA"}, {"Ермак", "UA"}, {"Шмигал", "UA"}, {"Шмыгал", "UA"}, {"Порошенк", "UA"},
	{"Лукашенк", "BY"}, {"Цзіньпін", "CN"}, {"Цзиньпин", "CN"},
	{"Макрон", "FR"}, {"Шольц", "DE"}, {"Мерц", "DE"}, {"Меркель", "DE"}, {"Бербок", "DE"},
	{"Бэрбок", "DE"}, {"Пісторіус", "DE"}, {"Писториус", "DE"},
	{"Сунак", "GB"}, {"Стармер", "GB"}, {"Ердоган", "TR"}, {"Эрдоган", "TR"},
	{"Туск", "PL"}, {"Орбан", "HU"}, {"Нетаньяху", "IL"}, {"Нетаньягу", "IL"},
	{"Мелоні", "IT"}, {"Мелони", "IT"}, {"Трюдо", "CA"}, {"Фіцо", "SK"}, {"Фицо", "SK"},
	{"Науседа", "LT"}, {"Наусєда", "LT"}, {"Рамафос", "ZA"},
	{"Дуд", "PL"}, {"Навроцьк", "PL"}, {"Навроцк", "PL"}, {"Санду", "MD"}, {"Пашинян", "AM"},
	{"Токаєв", "KZ"}, {"Токаев", "KZ"}, {"Моді", "IN"}, {"Моди", "IN"},
}

// leaderState returns the state of the well-known leader whose surname
// word w is, or "".
func leaderState(w string, cyrillic bool) string {
	if !cyrillic {
		return leaderStates[w]
	}
	for _, l := range leaderStems {
		if strings.HasPrefix(w, l.stem) && utf8.RuneCountInString(w[len(l.stem):]) <= 3 {
			return l.code
		}
	}
	return ""
}

// textNamesState reports whether the text names state c anywhere: its name,
// its adjective or its capital.
func (s *scan) textNamesState(c string) bool {
	if s.named == nil {
		s.named = map[string]bool{}
		for k := 0; k < len(s.toks); k++ {
			if codes, e := s.nationAt(k); e > k {
				for _, x := range codes {
					s.named[x] = true
				}
				k = e - 1
			}
		}
	}
	return s.named[c]
}
