package entity

// state is a nation the taggers know: its ISO 3166-1 alpha-2 code, its
// English short name, and the forms a text names it by, separated by "|".
// Forms are written as they appear in text and are split into tokens by the
// same tokenizer as the text, so "Guinea-Bissau", "Côte d'Ivoire" and "U.S."
// match however the article spaces or quotes them.
//
// The forms here are English; German and French ones are in
// gazetteer_de.go and gazetteer_fr.go, Ukrainian and Russian stems in
// gazetteer_uk.go and gazetteer_ru.go.
//
// The list is every UN member state plus Taiwan, Kosovo (XK, the code in
// common use), Palestine and the Vatican. Capitals are listed only where
// news uses them for the government and the word means little else; those
// that host international bodies (Brussels, Vienna, Geneva, The Hague) or
// are also common names (Sofia, Wellington, Athens, Rome) are left out.
type state struct {
	code, name, forms string
}

var states = []state{
	{"AD", "Andorra", "Andorra|Andorran|Andorrans"},
	{"AE", "United Arab Emirates", "United Arab Emirates|UAE|U.A.E.|Emirati|Emiratis|Abu Dhabi"},
	{"AF", "Afghanistan", "Afghanistan|Afghan|Afghans|Kabul"},
	{"AG", "Antigua and Barbuda", "Antigua and Barbuda|Antigua|Antiguan|Antiguans"},
	{"AL", "Albania", "Albania|Albanian|Albanians|Tirana"},
	{"AM", "Armenia", "Armenia|Armenian|Armenians|Yerevan"},
	{"AO", "Angola", "Angola|Angolan|Angolans|Luanda"},
	{"AR", "Argentina", "Argentina|Argentine|Argentines|Argentinian|Argentinians|Buenos Aires"},
	{"AT", "Austria", "Austria|Austrian|Austrians"},
	{"AU", "Australia", "Australia|Australian|Australians|Canberra"},
	{"AZ", "Azerbaijan", "Azerbaijan|Azerbaijani|Azerbaijanis|Azeri|Azeris|Baku"},
	{"BA", "Bosnia and Herzegovina", "Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia|Bosnian|Bosnians|BiH|Sarajevo"},
	{"BB", "Barbados", "Barbados|Barbadian|Barbadians"},
	{"BD", "Bangladesh", "Bangladesh|Bangladeshi|Bangladeshis|Dhaka"},
	{"BE", "Belgium", "Belgium|Belgian|Belgians"},
	{"BF", "Burkina Faso", "Burkina Faso|Burkinabe|Burkinabè|Ouagadougou"},
	{"BG", "Bulgaria", "Bulgaria|Bulgarian|Bulgarians"},
	{"BH", "Bahrain", "Bahrain|Bahraini|Bahrainis|Manama"},
	{"BI", "Burundi", "Burundi|Burundian|Burundians"},
	{"BJ", "Benin", "Benin|Beninese"},
	{"BN", "Brunei", "Brunei|Brunei Darussalam|Bruneian|Bruneians"},
	{"BO", "Bolivia", "Bolivia|Bolivian|Bolivians"},
	{"BR", "Brazil", "Brazil|Brazilian|Brazilians|Brasília|Brasilia"},
	{"BS", "Bahamas", "Bahamas|Bahamian|Bahamians"},
	{"BT", "Bhutan", "Bhutan|Bhutanese"},
	{"BW", "Botswana", "Botswana|Motswana|Batswana"},
	{"BY", "Belarus", "Belarus|Belarusian|Belarusians|Belarusan|Belorussian|Byelorussian|Minsk"},
	{"BZ", "Belize", "Belize|Belizean|Belizeans"},
	{"CA", "Canada", "Canada|Canadian|Canadians|Ottawa|French Canadian|French Canadians|French-Canadian"},
	{"CD", "Democratic Republic of the Congo", "Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|Congo-Kinshasa|Congo|Congolese|Kinshasa"},
	{"CF", "Central African Republic", "Central African Republic|Bangui"},
	{"CG", "Republic of the Congo", "Republic of the Congo|Republic of Congo|Congo Republic|Congo-Brazzaville|Brazzaville"},
	{"CH", "Switzerland", "Switzerland|Swiss"},
	{"CI", "Côte d'Ivoire", "Côte d'Ivoire|Cote d'Ivoire|Ivory Coast|Ivorian|Ivorians"},
	{"CL", "Chile", "Chile|Chilean|Chileans|Santiago de Chile"},
	{"CM", "Cameroon", "Cameroon|Cameroonian|Cameroonians|Yaoundé|Yaounde"},
	{"CN", "China", "China|Chinese|PRC|People's Republic of China|Beijing"},
	{"CO", "Colombia", "Colombia|Colombian|Colombians|Bogotá|Bogota"},
	{"CR", "Costa Rica", "Costa Rica|Costa Rican|Costa Ricans"},
	{"CU", "Cuba", "Cuba|Cuban|Cubans|Havana"},
	{"CV", "Cabo Verde", "Cabo Verde|Cape Verde|Cape Verdean|Cape Verdeans"},
	{"CY", "Cyprus", "Cyprus|Cypriot|Cypriots|Nicosia"},
	{"CZ", "Czechia", "Czechia|Czech Republic|Czech|Czechs|Prague"},
	{"DE", "Germany", "Germany|German|Germans|Berlin|Bundeswehr|East Germany|West Germany"},
	{"DJ", "Djibouti", "Djibouti|Djiboutian|Djiboutians"},
	{"DK", "Denmark", "Denmark|Danish|Danes|Copenhagen"},
	{"DM", "Dominica", "Dominica"},
	{"DO", "Dominican Republic", "Dominican Republic|Dominican|Dominicans|Santo Domingo"},
	{"DZ", "Algeria", "Algeria|Algerian|Algerians|Algiers"},
	{"EC", "Ecuador", "Ecuador|Ecuadorian|Ecuadorians|Ecuadorean|Ecuadoreans|Quito"},
	{"EE", "Estonia", "Estonia|Estonian|Estonians|Tallinn"},
	{"EG", "Egypt", "Egypt|Egyptian|Egyptians|Cairo"},
	{"ER", "Eritrea", "Eritrea|Eritrean|Eritreans|Asmara"},
	{"ES", "Spain", "Spain|Spanish|Spaniard|Spaniards|Madrid"},
	{"ET", "Ethiopia", "Ethiopia|Ethiopian|Ethiopians|Addis Ababa"},
	{"FI", "Finland", "Finland|Finnish|Finns|Helsinki"},
	{"FJ", "Fiji", "Fiji|Fijian|Fijians|Suva"},
	{"FM", "Micronesia", "Federated States of Micronesia|Micronesia"},
	{"FR", "France", "France|French|Frenchman|Frenchmen|Paris|Élysée|Elysee|Elysée"},
	{"GA", "Gabon", "Gabon|Gabonese|Libreville"},
	{"GB", "United Kingdom", "United Kingdom of Great Britain and Northern Ireland|United Kingdom|UK|U.K.|Britain|Great Britain|British|Briton|Britons|Brits|England|Scotland|Wales|Northern Ireland|Scottish|Northern Irish|London|Downing Street|Royal Navy|Royal Air Force|RAF"},
	{"GD", "Grenada", "Grenada|Grenadian|Grenadians"},
	{"GE", "Georgia", "Georgia|Republic of Georgia|Georgian|Georgians|Tbilisi"},
	{"GH", "Ghana", "Ghana|Ghanaian|Ghanaians|Accra"},
	{"GM", "Gambia", "Gambia|Gambian|Gambians|Banjul"},
	{"GN", "Guinea", "Guinea|Guinean|Guineans|Conakry"},
	{"GQ", "Equatorial Guinea", "Equatorial Guinea|Equatorial Guinean|Equatorial Guineans|Equatoguinean"},
	{"GR", "Greece", "Greece|Greek|Greeks|Hellenic"},
	{"GT", "Guatemala", "Guatemala|Guatemalan|Guatemalans"},
	{"GW", "Guinea-Bissau", "Guinea-Bissau|Bissau-Guinean|Bissau-Guineans|Bissau"},
	{"GY", "Guyana", "Guyana|Guyanese"},
	{"HN", "Honduras", "Honduras|Honduran|Hondurans|Tegucigalpa"},
	{"HR", "Croatia", "Croatia|Croatian|Croatians|Croat|Croats|Zagreb"},
	{"HT", "Haiti", "Haiti|Haitian|Haitians|Port-au-Prince"},
	{"HU", "Hungary", "Hungary|Hungarian|Hungarians|Budapest"},
	{"ID", "Indonesia", "Indonesia|Indonesian|Indonesians|Jakarta"},
	{"IE", "Ireland", "Ireland|Republic of Ireland|Irish|Dublin"},
	{"IL", "Israel", "Israel|Israeli|Israelis|IDF"},
	{"IN", "India", "India|Indian|Indians|New Delhi"},
	{"IQ", "Iraq", "Iraq|Iraqi|Iraqis|Baghdad"},
	{"IR", "Iran", "Iran|Islamic Republic of Iran|Iranian|Iranians|Tehran|Teheran"},
	{"IS", "Iceland", "Iceland|Icelandic|Icelander|Icelanders|Reykjavik|Reykjavík"},
	{"IT", "Italy", "Italy|Italian|Italians"},
	{"JM", "Jamaica", "Jamaica|Jamaican|Jamaicans"},
	{"JO", "Jordan", "Jordan|Jordanian|Jordanians|Amman|Jordan River|Jordan Valley"},
	{"JP", "Japan", "Japan|Japanese|Tokyo"},
	{"KE", "Kenya", "Kenya|Kenyan|Kenyans"},
	{"KG", "Kyrgyzstan", "Kyrgyzstan|Kyrgyz|Kirghiz|Bishkek"},
	{"KH", "Cambodia", "Cambodia|Cambodian|Cambodians|Phnom Penh"},
	{"KI", "Kiribati", "Kiribati|I-Kiribati"},
	{"KM", "Comoros", "Comoros|Comoran|Comorian|Comorans|Comorians"},
	{"KN", "Saint Kitts and Nevis", "Saint Kitts and Nevis|St. Kitts and Nevis|St Kitts and Nevis|Saint Kitts|St. Kitts|St Kitts|Kittitian|Kittitians"},
	{"KP", "North Korea", "North Korea|North Korean|North Koreans|DPRK|D.P.R.K.|Democratic People's Republic of Korea|Pyongyang"},
	// Bare "Korea" is the South in almost all English news use ("U.S. Forces
	// Korea"); bare "Korean" is not, and is left out.
	{"KR", "South Korea", "South Korea|South Korean|South Koreans|Republic of Korea|ROK|Korea|Seoul"},
	{"KW", "Kuwait", "Kuwait|Kuwaiti|Kuwaitis"},
	{"KZ", "Kazakhstan", "Kazakhstan|Kazakh|Kazakhs|Kazakhstani|Kazakhstanis|Astana"},
	{"LA", "Laos", "Laos|Lao PDR|Lao|Laotian|Laotians|Vientiane"},
	{"LB", "Lebanon", "Lebanon|Lebanese|Beirut"},
	{"LC", "Saint Lucia", "Saint Lucia|St. Lucia|St Lucia|Saint Lucian|Saint Lucians"},
	{"LI", "Liechtenstein", "Liechtenstein|Liechtensteiner|Liechtensteiners"},
	{"LK", "Sri Lanka", "Sri Lanka|Sri Lankan|Sri Lankans"},
	{"LR", "Liberia", "Liberia|Liberian|Liberians|Monrovia"},
	{"LS", "Lesotho", "Lesotho|Basotho|Mosotho|Maseru"},
	{"LT", "Lithuania", "Lithuania|Lithuanian|Lithuanians|Vilnius"},
	{"LU", "Luxembourg", "Luxembourg|Luxembourgish|Luxembourger|Luxembourgers"},
	{"LV", "Latvia", "Latvia|Latvian|Latvians|Riga"},
	{"LY", "Libya", "Libya|Libyan|Libyans"},
	{"MA", "Morocco", "Morocco|Moroccan|Moroccans|Rabat"},
	{"MC", "Monaco", "Monaco|Monegasque|Monégasque"},
	{"MD", "Moldova", "Moldova|Republic of Moldova|Moldovan|Moldovans|Chisinau|Chişinău|Chișinău"},
	{"ME", "Montenegro", "Montenegro|Montenegrin|Montenegrins|Podgorica"},
	{"MG", "Madagascar", "Madagascar|Malagasy|Antananarivo"},
	{"MH", "Marshall Islands", "Marshall Islands|Marshallese"},
	{"MK", "North Macedonia", "North Macedonia|Macedonia|Macedonian|Macedonians|Skopje"},
	{"ML", "Mali", "Mali|Malian|Malians|Bamako"},
	{"MM", "Myanmar", "Myanmar|Burma|Burmese|Naypyidaw|Naypyitaw|Nay Pyi Taw"},
	{"MN", "Mongolia", "Mongolia|Mongolian|Mongolians|Ulaanbaatar|Ulan Bator"},
	{"MR", "Mauritania", "Mauritania|Mauritanian|Mauritanians|Nouakchott"},
	{"MT", "Malta", "Malta|Maltese|Valletta"},
	{"MU", "Mauritius", "Mauritius|Mauritian|Mauritians"},
	{"MV", "Maldives", "Maldives|Maldivian|Maldivians"},
	{"MW", "Malawi", "Malawi|Malawian|Malawians|Lilongwe"},
	{"MX", "Mexico", "Mexico|Mexican|Mexicans|Mexico City"},
	{"MY", "Malaysia", "Malaysia|Malaysian|Malaysians|Kuala Lumpur"},
	{"MZ", "Mozambique", "Mozambique|Mozambican|Mozambicans|Maputo"},
	{"NA", "Namibia", "Namibia|Namibian|Namibians|Windhoek"},
	{"NE", "Niger", "Niger|Nigerien|Nigeriens|Niamey"},
	{"NG", "Nigeria", "Nigeria|Nigerian|Nigerians|Abuja|Niger Delta"},
	{"NI", "Nicaragua", "Nicaragua|Nicaraguan|Nicaraguans|Managua"},
	{"NL", "Netherlands", "Netherlands|Dutch|Holland"},
	{"NO", "Norway", "Norway|Norwegian|Norwegians|Oslo"},
	{"NP", "Nepal", "Nepal|Nepali|Nepalis|Nepalese|Kathmandu"},
	{"NR", "Nauru", "Nauru|Nauruan|Nauruans"},
	{"NZ", "New Zealand", "New Zealand|New Zealander|New Zealanders"},
	{"OM", "Oman", "Oman|Omani|Omanis"},
	{"PA", "Panama", "Panama|Panamanian|Panamanians"},
	{"PE", "Peru", "Peru|Peruvian|Peruvians"},
	{"PG", "Papua New Guinea", "Papua New Guinea|Papua New Guinean|Papua New Guineans|Port Moresby"},
	{"PH", "Philippines", "Philippines|Philippine|Filipino|Filipinos|Filipina|Manila"},
	{"PK", "Pakistan", "Pakistan|Pakistani|Pakistanis|Islamabad"},
	{"PL", "Poland", "Poland|Polish|Warsaw"},
	{"PS", "Palestine", "Palestine|State of Palestine|Palestinian|Palestinians"},
	{"PT", "Portugal", "Portugal|Portuguese|Lisbon"},
	{"PW", "Palau", "Palau|Palauan|Palauans"},
	{"PY", "Paraguay", "Paraguay|Paraguayan|Paraguayans|Asunción|Asuncion"},
	{"QA", "Qatar", "Qatar|Qatari|Qataris|Doha"},
	{"RO", "Romania", "Romania|Romanian|Romanians|Bucharest"},
	{"RS", "Serbia", "Serbia|Serbian|Serbians|Serb|Serbs|Belgrade"},
	{"RU", "Russia", "Russia|Russian Federation|Russian|Russians|Moscow|Kremlin"},
	{"RW", "Rwanda", "Rwanda|Rwandan|Rwandans|Kigali"},
	{"SA", "Saudi Arabia", "Saudi Arabia|Kingdom of Saudi Arabia|KSA|Saudi Arabian|Saudi Arabians|Saudi|Saudis|Riyadh"},
	{"SB", "Solomon Islands", "Solomon Islands|Solomon Islander|Solomon Islanders|Honiara"},
	{"SC", "Seychelles", "Seychelles|Seychellois"},
	{"SD", "Sudan", "Sudan|Sudanese|Khartoum"},
	{"SE", "Sweden", "Sweden|Swedish|Swede|Swedes|Stockholm"},
	{"SG", "Singapore", "Singapore|Singaporean|Singaporeans"},
	{"SI", "Slovenia", "Slovenia|Slovenian|Slovenians|Slovene|Slovenes|Ljubljana"},
	{"SK", "Slovakia", "Slovakia|Slovak|Slovaks|Slovakian|Bratislava"},
	{"SL", "Sierra Leone", "Sierra Leone|Sierra Leonean|Sierra Leoneans|Freetown"},
	{"SM", "San Marino", "San Marino|Sammarinese"},
	{"SN", "Senegal", "Senegal|Senegalese|Dakar"},
	{"SO", "Somalia", "Somalia|Somali|Somalis|Somalian|Somalians|Mogadishu"},
	{"SR", "Suriname", "Suriname|Surinam|Surinamese|Paramaribo"},
	{"SS", "South Sudan", "South Sudan|South Sudanese|Juba"},
	{"ST", "São Tomé and Príncipe", "São Tomé and Príncipe|Sao Tome and Principe|São Tomé|Sao Tome"},
	{"SV", "El Salvador", "El Salvador|Salvadoran|Salvadorans|Salvadorean|Salvadoreans|San Salvador"},
	{"SY", "Syria", "Syria|Syrian Arab Republic|Syrian|Syrians|Damascus"},
	{"SZ", "Eswatini", "Eswatini|Swaziland|Swazi|Swazis|Mbabane"},
	{"TD", "Chad", "Chad|Chadian|Chadians|N'Djamena|Ndjamena"},
	{"TG", "Togo", "Togo|Togolese|Lomé|Lome"},
	{"TH", "Thailand", "Thailand|Thai|Thais|Bangkok"},
	{"TJ", "Tajikistan", "Tajikistan|Tajik|Tajiks|Dushanbe"},
	{"TL", "Timor-Leste", "Timor-Leste|East Timor|Timorese|Dili"},
	{"TM", "Turkmenistan", "Turkmenistan|Turkmen|Ashgabat"},
	{"TN", "Tunisia", "Tunisia|Tunisian|Tunisians|Tunis"},
	{"TO", "Tonga", "Tonga|Tongan|Tongans|Nuku'alofa"},
	{"TR", "Türkiye", "Türkiye|Turkiye|Turkey|Turkish|Turk|Turks|Ankara"},
	{"TT", "Trinidad and Tobago", "Trinidad and Tobago|Trinidad|Trinidadian|Trinidadians|Tobagonian"},
	{"TV", "Tuvalu", "Tuvalu|Tuvaluan|Tuvaluans"},
	{"TW", "Taiwan", "Taiwan|Taiwanese|Republic of China|Chinese Taipei|Taipei"},
	{"TZ", "Tanzania", "Tanzania|Tanzanian|Tanzanians|Dodoma|Dar es Salaam"},
	{"UA", "Ukraine", "Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev"},
	{"UG", "Uganda", "Uganda|Ugandan|Ugandans|Kampala"},
	{"US", "United States", "United States of America|United States|US|U.S.|USA|U.S.A.|America|American|Americans|Pentagon|White House|USAF|USMC"},
	{"UY", "Uruguay", "Uruguay|Uruguayan|Uruguayans|Montevideo"},
	{"UZ", "Uzbekistan", "Uzbekistan|Uzbek|Uzbeks|Tashkent"},
	{"VA", "Vatican City", "Vatican|Vatican City|Holy See"},
	{"VC", "Saint Vincent and the Grenadines", "Saint Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent and the Grenadines|Vincentian|Vincentians"},
	{"VE", "Venezuela", "Venezuela|Venezuelan|Venezuelans|Caracas"},
	{"VN", "Vietnam", "Vietnam|Viet Nam|Vietnamese|Hanoi"},
	{"VU", "Vanuatu", "Vanuatu|Ni-Vanuatu|Port Vila"},
	{"WS", "Samoa", "Samoa|Samoan|Samoans|Apia"},
	{"XK", "Kosovo", "Kosovo|Kosovar|Kosovars|Pristina|Prishtina"},
	{"YE", "Yemen", "Yemen|Yemeni|Yemenis|Sanaa|Sana'a"},
	{"ZA", "South Africa", "South Africa|South African|South Africans|Pretoria"},
	{"ZM", "Zambia", "Zambia|Zambian|Zambians|Lusaka"},
	{"ZW", "Zimbabwe", "Zimbabwe|Zimbabwean|Zimbabweans|Harare"},
}

// jointForms name two states in one phrase, where the shorter forms inside
// would find only one of them.
var jointForms = []struct {
	form  string
	codes []string
}{
	{"North and South Korea", []string{"KP", "KR"}},
	{"South and North Korea", []string{"KR", "KP"}},
}

// notStates begin with, or contain, a state's form but name something else:
// a region, a sea, a US state or city, a people, an organisation. Matched
// longest first like every form, they hide the shorter form inside them.
var notStates = []string{
	// The Americas as a region, and peoples named "American".
	"Latin America", "Latin American", "Latin Americans",
	"South America", "South American", "South Americans",
	"North America", "North American", "North Americans",
	"Central America", "Central American", "Central Americans",
	"Native American", "Native Americans", "African American", "African Americans",
	"African-American", "African-Americans", "Asian American", "Asian Americans",
	"Asian-American", "Asian-Americans", "Arab American", "Arab Americans",
	"American Indian", "American Indians", "American Samoa", "American Samoan",
	"Pan-American", "Pan American", "Inter-American", "Organization of American States",
	"Bank of America",
	// "Indian" that is not India.
	"Indian Ocean", "Indian tribe", "Indian tribes", "Indian Tribe", "Indian Tribes",
	"Indian reservation", "Indian reservations", "Indian Reservation", "Indian Reservations",
	"Indian Country", "Indian country", "Indian Affairs", "Indian Health Service",
	"Indian Head", "West Indian", "West Indians", "East Indian", "East Indians",
	"Indian Pueblo", "Indian oceans", "Indian Oceans",
	// US states, cities and bases that contain a state's name.
	"New Mexico", "New Mexican", "New England", "Gulf of Mexico",
	"Georgia Tech", "Georgia Institute", "Georgia State", "Georgia Southern",
	"University of Georgia", "Georgia National Guard", "Georgia Air National Guard",
	"Georgia Army National Guard", "Georgia Guard", "Georgia Senate", "Georgia House",
	"Georgia Power", "Georgia Department", "Georgia Bulldogs", "Georgia Dome",
	"China Lake", // the naval air weapons station in California
	// Panama City is also the Florida city by Tyndall Air Force Base, which
	// US military news names far more often than the capital.
	"Panama City",
	// Places elsewhere named after a state.
	"London, Ontario", "British Columbia", "New Guinea", "New Britain",
	"New South Wales", "Benin City", "South Georgia",
	// Seas, lakes, rivers and basins.
	"South China Sea", "East China Sea", "Sea of Japan", "Philippine Sea",
	"Gulf of Guinea", "Gulf of Oman", "Irish Sea", "Norwegian Sea", "Lake Chad",
	"Niger River", "Congo River", "Congo Basin",
	// Agreements named after a place.
	"Warsaw Pact", "Minsk agreements", "Minsk Agreements", "Minsk accords",
	"Minsk Accords", "Minsk agreement", "Minsk Protocol",
	// A sport.
	"Muay Thai",
}

// Rules for forms that need their surroundings looked at before they count.
type formRule uint8

const (
	ruleNone formRule = iota
	// rulePersonName: also a given or family name ("Michael Jordan",
	// "Chad Smith").
	rulePersonName
	// ruleGeorgia: also the US state.
	ruleGeorgia
	// ruleUS: also the pronoun in all-capital headlines ("TELL US"), and the
	// prefix of a currency ("US$").
	ruleUS
	// ruleLanguage: also a language ("published in Russian").
	ruleLanguage
	// ruleFrenchLanguage: a French adjective that is also the language
	// ("traduit en russe").
	ruleFrenchLanguage
)

var formRules = map[string]formRule{
	"Jordan":  rulePersonName,
	"Chad":    rulePersonName,
	"Holland": rulePersonName,
	"Mali":    rulePersonName,
	"Georgia": ruleGeorgia,
	"Géorgie": ruleGeorgia,
	"US":      ruleUS,
}

// languages are adjectives that also name a language. They lose their
// state in "in Russian." and "Russian-speaking".
var languages = setOf(languagesIndex, []string{
	"Russian", "Ukrainian", "French", "German", "Spanish", "Portuguese", "Italian",
	"Chinese", "Japanese", "Polish", "Dutch", "Turkish", "Greek", "Swedish",
	"Norwegian", "Danish", "Finnish", "Czech", "Slovak", "Hungarian", "Romanian",
	"Bulgarian", "Serbian", "Croatian", "Belarusian", "Georgian", "Armenian",
	"Latvian", "Lithuanian", "Estonian", "Slovenian", "Albanian", "Vietnamese",
	"Thai", "Indonesian", "Icelandic", "Maltese", "Somali", "Burmese", "Mongolian",
	"Kazakh", "Uzbek", "Tajik", "Turkmen", "Kyrgyz", "Azerbaijani", "Nepali",
	"Lao", "Malagasy", "Macedonian", "Bosnian", "Montenegrin", "Luxembourgish",
})

// georgiaUSCues and usStates, when an article holds any, make its bare
// "Georgia" the US state; georgiaStateCues make it the country again, and win: an article
// about Russia or the Caucasus that names a US state still means Tbilisi.
var (
	georgiaUSCues = setOf(georgiaUSCuesIndex, []string{
		"Atlanta", "Savannah", "Macon", "Valdosta", "Marietta", "Dobbins", "Robins",
		"Benning", "Hinesville", "Dahlonega", "Kennesaw", "Fulton", "Gwinnett",
		"Augusta", "AFB",
	})
	georgiaStateCues = setOf(georgiaStateCuesIndex, []string{
		"Tbilisi", "Georgian", "Georgians", "Abkhazia", "Ossetia", "Caucasus",
		"Saakashvili", "Batumi", "Kutaisi", "Ivanishvili", "Kobakhidze", "Russia",
		"Russian", "Moscow", "Kremlin", "Soviet", "Ukraine", "Moldova", "Armenia",
		"Azerbaijan", "Crimea",
	})
)

// usStates are the one-word US states but Georgia and Washington, which
// are also a country and a capital. After a comma they, the two-word states
// and the postal-style abbreviations make the place before them American:
// "Lebanon, Missouri", "Paris, Texas", "Peru, Ind.".
var usStates = setOf(usStatesIndex, []string{
	"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado",
	"Connecticut", "Delaware", "Florida", "Hawaii", "Idaho", "Illinois",
	"Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland",
	"Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
	"Montana", "Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon",
	"Pennsylvania", "Tennessee", "Texas", "Utah", "Vermont", "Virginia",
	"Wisconsin", "Wyoming",
})

var usTwoWordStates = setOf(usTwoWordStatesIndex, []string{
	"New Hampshire", "New Jersey", "New Mexico", "New York", "North Carolina",
	"South Carolina", "North Dakota", "South Dakota", "West Virginia", "Rhode Island",
})

// usStateAbbrevs are written with a dot after them: "Robins AFB, Ga.".
var usStateAbbrevs = setOf(usStateAbbrevsIndex, []string{
	"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
	"Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont",
	"Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Vt", "Va", "Wis", "Wyo",
	"N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "S.C.", "S.D.",
})

// usPronounVerbs come before "US" the pronoun in all-capital headlines:
// "JOIN US ON TELEGRAM". After usPronounPreps it is the pronoun only when
// no noun follows: "ONE OF US IS LYING", but "WITHDRAWAL OF US TROOPS".
var (
	usPronounVerbs = setOf(usPronounVerbsIndex, []string{
		"JOIN", "TELL", "LET", "HELP", "GIVE", "SHOW", "FOLLOW", "CONTACT", "EMAIL",
		"WRITE", "ASK", "TEXT", "TELLS", "GIVES", "HELPS", "LETS",
	})
	usPronounPreps = setOf(usPronounPrepsIndex, []string{"OF", "AMONG", "BEHIND", "WITH", "FOR", "ABOUT"})
	usAfterPronoun = setOf(usAfterPronounIndex, []string{
		"IS", "ARE", "WAS", "WERE", "WILL", "CAN", "HAVE", "HAS", "ON", "IN", "AT",
		"TO", "AND", "OR", "NOW", "TODAY",
	})
)

// titles are abbreviations that come before a surname ("Rep. Jordan").
var titles = setOf(titlesIndex, []string{
	"Mr", "Mrs", "Ms", "Dr", "Rep", "Sen", "Gov", "Gen", "Lt", "Col", "Maj",
	"Capt", "Sgt", "Adm", "Cmdr", "Cpl", "Pvt", "Spc", "Prof", "Amn", "Brig",
})

// capitalisedFunctionWords start sentences without being given names, so a
// state's form after them is no person's surname ("In Jordan, ...").
var capitalisedFunctionWords = setOf(capitalisedFunctionWordsIndex, []string{
	"The", "In", "And", "Of", "To", "From", "For", "With", "At", "On", "By", "As",
	"But", "Both", "Including", "Neighbouring", "Neighboring", "Like", "Unlike",
	"While", "Where", "When", "Than", "Across", "Into", "Over", "Through", "Then",
	"Also", "Meanwhile", "However", "Visiting", "Inside", "Outside", "Near",
	"Within", "Beyond", "Toward", "Towards", "Via", "Between", "Against", "Or",
	"Nor", "Only", "If", "Since", "Until", "After", "Before", "During", "Under",
	"Northern", "Southern", "Eastern", "Western", "Central", "Neighbor", "Neighbour",
})
