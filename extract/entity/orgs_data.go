package entity

// orgForms are the organisations Orgs knows: international bodies,
// alliances and the armed groups defense news follows, each under its
// English short name, with the forms English, German, French, Ukrainian
// and Russian texts use for it. Governments and their stand-ins (the
// Kremlin, the White House) are left to the nations tagger; the Pentagon
// is kept, because news names it as an organisation with its own voice.
var orgForms = []lexForm{
	// Alliances and unions.
	{name: "NATO", forms: "Nato|N.A.T.O.|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|" +
		"North Atlantic Alliance|North Atlantic Council|Atlantic Alliance|OTAN|Organisation du traité de l'Atlantique nord|" +
		"Nordatlantikpakt|Nordatlantikrat|Nato-Rat|НАТО|Північноатлантичн* альянс*|Североатлантическ* альянс*"},
	{name: "EU", forms: "E.U.|European Union|Europäische Union|Europäischen Union|Union européenne|" +
		"l'Union européenne|UE|ЄС|Євросоюз*|Європейськ* Союз*|ЕС|Евросоюз*|Европейск* союз*"},
	{name: "European Commission", forms: "EU Commission|Europäische Kommission|Europäischen Kommission|EU-Kommission|" +
		"Commission européenne|Єврокомісі*|Європейськ* комісі*|Еврокомисси*"},
	{name: "European Council", forms: "EU Council|Europäische Rat|Europäischen Rat|Europäischer Rat|Conseil européen|Європейськ* рад*"},
	{name: "European Parliament", forms: "Europäische Parlament|Europäischen Parlament|Europäisches Parlament|EU-Parlament|" +
		"Parlement européen|Європарламент*|Європейськ* парламент*|Европарламент*"},
	{name: "Council of Europe", forms: "Europarat|Europarats|Conseil de l'Europe|Рад* Європи"},
	{name: "European Political Community", forms: "Europäische Politische Gemeinschaft|Європейськ* політичн* спільнот*"},
	{name: "UN", forms: "U.N.|United Nations|UNO|Vereinte Nationen|Vereinten Nationen|ONU|Nations unies|" +
		"Organisation des Nations unies|ООН|Організаці* Об'єднаних Націй|Организаци* Объединенных Наций"},
	{name: "UN Security Council", forms: "U.N. Security Council|United Nations Security Council|UNSC|" +
		"UN-Sicherheitsrat|UN-Sicherheitsrats|UN-Sicherheitsrates|Weltsicherheitsrat|Weltsicherheitsrats|Weltsicherheitsrates|" +
		"Conseil de sécurité|Рад* безпек* ООН|Радбез* ООН|Совет* безопасност* ООН|Совбез* ООН"},
	{name: "UN Security Council", forms: "Security Council", rule: lexBareBody},
	{name: "UN General Assembly", forms: "U.N. General Assembly|United Nations General Assembly|UNGA|" +
		"UN-Vollversammlung|UN-Generalversammlung|Assemblée générale des Nations unies|Генасамбле* ООН|Генеральн* Асамбле* ООН|Генассамбле* ООН"},
	{name: "UN General Assembly", forms: "General Assembly", rule: lexBareBody},
	{name: "OSCE", forms: "Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe|" +
		"Organisation for Security and Co-operation in Europe|OSZE|ОБСЄ|ОБСЕ"},
	{name: "CSTO", forms: "Collective Security Treaty Organization|Collective Security Treaty Organisation|ОДКБ"},
	{name: "AU", forms: "African Union|Afrikanische Union|Afrikanischen Union|Union africaine|Африканськ* Союз*|Африканск* союз*", rule: lexNotCurrency},
	{name: "ASEAN", forms: "Association of Southeast Asian Nations|АСЕАН"},
	{name: "G7", forms: "G-7|Group of Seven|G7-Staaten|Велик* сімк*|Больш* семерк*"},
	{name: "G20", forms: "G-20|Group of 20|Group of Twenty|Велик* двадцятк*|Больш* двадцатк*"},
	{name: "BRICS", forms: "БРІКС|БРИКС"},
	{name: "SCO", forms: "Shanghai Cooperation Organization|Shanghai Cooperation Organisation|ШОС"},
	{name: "GCC", forms: "Gulf Cooperation Council"},
	{name: "Arab League", forms: "League of Arab States|Arabische Liga|Ліг* арабських держав|Лиг* арабских государств"},
	{name: "ECOWAS", forms: "Economic Community of West African States"},
	{name: "OAS", forms: "Organization of American States"},
	{name: "AUKUS", forms: ""},
	{name: "Joint Expeditionary Force", forms: ""},
	{name: "Ukraine Defense Contact Group", forms: "Ukraine Defence Contact Group|UDCG|Ramstein group|Ramstein Group|" +
		"Ramstein dtFormat|Ramstein-dtFormat|Ramstein-Format|Ramstein-Gruppe|Рамштайн*|Контактн* груп* з питань оборони України"},
	{name: "Weimar Triangle", forms: "Weimarer Dreieck|Weimarer Dreiecks|Triangle de Weimar|Веймарськ* трикутник*|Веймарск* треугольник*"},
	{name: "Bucharest Nine", forms: "Bucharest Format|Bukarest-Neun|Бухарестськ* дев'ятк*|Бухарестск* девятк*"},
	{name: "Nordic-Baltic Eight", forms: "Nordic Baltic Eight|NB8"},
	{name: "Visegrad Group", forms: "Visegrád Group|Visegrad Four|Visegrád Four|Visegrád-Gruppe|Visegrad-Gruppe|" +
		"Вишеградськ* четвірк*|Вишеградськ* груп*|Вишеградск* четверк*|Вишеградск* групп*"},
	{name: "E3", forms: ""},
	{name: "Coalition of the Willing", forms: "coalition of the willing|Koalition der Willigen|coalition des volontaires|" +
		"Коаліці* охочих|коаліці* охочих|Коалици* желающих|коалици* желающих"},

	// Agencies, courts and lenders.
	{name: "IAEA", forms: "International Atomic Energy Agency|IAEO|AIEA|Internationale Atomenergiebehörde|" +
		"Internationalen Atomenergiebehörde|Internationalen Atomenergieagentur|МАГАТЕ|МАГАТЭ"},
	{name: "ICC", forms: "International Criminal Court|Internationale Strafgerichtshof|Internationalen Strafgerichtshof|" +
		"Internationaler Strafgerichtshof|Cour pénale internationale|Міжнародн* кримінальн* суд*|Международн* уголовн* суд*"},
	{name: "ICJ", forms: "International Court of Justice|Internationale Gerichtshof|Internationalen Gerichtshof|" +
		"Cour internationale de justice|Міжнародн* суд* ООН"},
	{name: "WHO", forms: "World Health Organization|World Health Organisation|Weltgesundheitsorganisation|OMS|ВООЗ|ВОЗ", rule: lexCapsShy},
	{name: "IMF", forms: "International Monetary Fund|IWF|Internationale Währungsfonds|Internationalen Währungsfonds|FMI|" +
		"МВФ|Міжнародн* валютн* фонд*|Международн* валютн* фонд*"},
	{name: "World Bank", forms: "Weltbank|Banque mondiale|Світов* банк*|Всемирн* банк*"},
	{name: "OPCW", forms: "Organisation for the Prohibition of Chemical Weapons|Organization for the Prohibition of Chemical Weapons|ОЗХЗ"},
	{name: "Red Cross", forms: "ICRC|International Committee of the Red Cross|Rote Kreuz|Roten Kreuz|Roten Kreuzes|" +
		"Internationale Komitee vom Roten Kreuz|Croix-Rouge|Червон* Хрест*|Красн* Крест*"},
	{name: "UNHCR", forms: "UN Refugee Agency|UN refugee agency"},
	{name: "UNICEF", forms: ""},
	{name: "OPEC", forms: "ОПЕК"},
	{name: "Interpol", forms: "INTERPOL|Інтерпол*|Интерпол*"},

	// Defense establishments named as organisations.
	{name: "Pentagon", forms: "Пентагон*"},
	{name: "Air Force Association", forms: ""},
	{name: "Space Force Association", forms: ""},
	{name: "Association of the U.S. Army", forms: "Association of the United States Army|AUSA"},

	// Research institutes whose counts the news cites.
	{name: "ISW", forms: "Institute for the Study of War"},
	{name: "IISS", forms: "International Institute for Strategic Studies"},

	// Armed groups.
	{name: "Wagner Group", forms: "Wagner group|PMC Wagner|Wagner PMC|Wagner mercenaries|Wagner mercenary|Wagner fighters|" +
		"Wagner forces|Wagner troops|Wagner chief|Wagner boss|Wagner-Gruppe|Wagner-Söldner|groupe Wagner|Вагнер*|ПВК Вагнер*|ЧВК Вагнер*"},
	{name: "Hamas", forms: "HAMAS|ХАМАС|Хамас*"},
	{name: "Hezbollah", forms: "Hizbollah|Hizballah|Hisbollah|Hizbullah|Хезболл*|Хизболл*"},
	{name: "Houthis", forms: "Houthi|Huthi|Huthis|Huthi-Rebellen|Ansar Allah|Ansarallah|Хусит*|хусит*"},
	{name: "Taliban", forms: "Taleban|Талібан*|Талибан*"},
	{name: "Islamic State", forms: "ISIS|ISIL|Daesh|Islamischer Staat|Islamischen Staat|Islamischen Staats|État islamique|" +
		"Ісламськ* держав*|Исламск* государств*"},
	{name: "Islamic State", forms: "IS", rule: lexBracketed},
	{name: "al-Qaeda", forms: "al-Qaida|al Qaeda|al Qaida|Al-Qaeda|Al-Qaida|Al Qaeda|Al Qaida|al-Kaida|Аль-Каїд*|Аль-Каид*"},
	{name: "al-Shabaab", forms: "al-Shabab|Al-Shabaab|Al-Shabab|al Shabaab"},
	{name: "Boko Haram", forms: ""},
	{name: "Hayat Tahrir al-Sham", forms: "HTS|Hayat Tahrir al-Scham"},
	{name: "Islamic Jihad", forms: "Palestinian Islamic Jihad|Islamischer Dschihad|Islamischen Dschihad"},
	{name: "PKK", forms: "Kurdistan Workers' Party|Kurdistan Workers Party|РПК"},
	{name: "FARC", forms: "Revolutionary Armed Forces of Colombia"},
	{name: "Rapid Support Forces", forms: ""},
}
