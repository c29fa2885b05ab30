package entity

// titleHeads are the words a title before a name ends on or turns on:
// offices, ranks and forms of address, in English, German and French. The
// value says whether the title alone is strong enough to vouch for a
// one-word name after it ("President Zelensky", "Gen. Welsh"); spelt-out
// ranks and vague heads are not ("General Dynamics", "Major League",
// "Chief Justice").
var titleHeads = map[string]bool{
	// Offices.
	"President": true, "Vice-President": true, "President-elect": true, "Premier": true,
	"Minister": true, "Secretary": true, "Secretary-General": true, "Chancellor": true,
	"King": true, "Queen": true, "Prince": true, "Princess": true, "Emir": true, "Sheikh": true,
	"Sultan": true, "Pope": true, "Ayatollah": true, "Patriarch": true, "Cardinal": false,
	"Governor": true, "Mayor": true, "Senator": true, "Representative": false,
	"Congressman": true, "Congresswoman": true, "Speaker": true, "Leader": false,
	"Chairman": true, "Chairwoman": true, "Chair": false, "Director": false,
	"Commander": false, "Chief": false, "Ambassador": true, "Envoy": true,
	"Spokesman": true, "Spokeswoman": true, "Spokesperson": true, "Commissioner": true,
	"Attorney": false, "Justice": false, "Judge": true, "Prosecutor": true,
	"Adviser": true, "Advisor": true, "Coordinator": false, "Administrator": false,
	"Inspector": false, "Superintendent": false, "Sheriff": true, "Bishop": true,
	"Rabbi": true, "Imam": true, "Professor": true, "Sir": true, "Dame": true, "Lord": false,
	"Lady": false,
	// Ranks, spelt out.
	"General": false, "Admiral": true, "Colonel": true, "Major": false, "Captain": false,
	"Lieutenant": true, "Sergeant": true, "Corporal": true, "Private": false, "Airman": false,
	"Specialist": false, "Officer": false, "Marshal": false, "Brigadier": true, "Commodore": true,
	"Ensign": true, "Seaman": false, "Guardian": false,
	// Abbreviations; they count only with their dot.
	"Gen": true, "Adm": true, "Col": true, "Maj": true, "Capt": true, "Lt": true, "Sgt": true,
	"Cpl": true, "Pvt": true, "Pfc": true, "Spc": true, "Cmdr": true, "Cdr": true, "Brig": true,
	"Gov": true, "Sen": true, "Rep": true, "Amn": true, "SrA": true, "SSgt": true, "TSgt": true,
	"MSgt": true, "SMSgt": true, "CMSgt": true, "Ens": true, "Mr": true, "Mrs": true, "Ms": true,
	"Dr": true, "Prof": true, "Rev": true, "Sec": true, "Secy": true, "Lt.Col": true,
	// German.
	"Präsident": true, "Präsidentin": true, "Kanzler": true, "Kanzlerin": true,
	"Minister-President": true, "Ministerin": true, "König": true, "Königin": true, "Papst": true,
	"Botschafter": true, "Botschafterin": true, "Sprecher": true, "Sprecherin": true,
	"Generalsekretär": true, "Generalsekretärin": true, "Landeshauptmann": true,
	"Bürgermeister": true, "Bürgermeisterin": true, "Chef": true, "Chefin": true,
	"Oberst": true, "Generalleutnant": true, "Generalmajor": true, "Kommandeur": true,
	"Abgeordnete": true, "Abgeordneter": true,
	// French, which writes titles in lower case.
	"président": true, "présidente": true, "ministre": true, "chancelier": true,
	"chancelière": true, "général": true, "ambassadeur": true, "ambassadrice": true,
	"porte-parole": true, "secrétaire": true, "député": true, "députée": true, "sénateur": true,
	"maire": true, "roi": true, "reine": true,
	// English heads in lower case, as some outlets write them: "defence
	// secretary John Healey".
	"president": true, "minister": true, "secretary": true, "chancellor": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true,
	"envoy": true, "senator": true, "governor": true, "mayor": true,
}

// germanHeadSuffixes end German compound titles: Außenminister,
// Verteidigungsministerin, Ministerpräsident, Regierungssprecher,
// HDP-Chef.
var germanHeadSuffixes = []string{
	"minister", "ministerin", "präsident", "präsidentin", "kanzler", "kanzlerin",
	"sprecher", "sprecherin", "chef", "chefin", "sekretär", "sekretärin", "botschafter",
	"kommandeur", "general",
}

// titleQualifiers qualify a title head before or after it: "Defense
// Secretary", "Secretary of State", "Chief Master Sgt.", "Airman 1st
// Class", "Secretary General".
var titleQualifiers = setOf(titleQualifiersIndex, []string{
	"Vice", "Deputy", "Acting", "Under", "Assistant", "Associate", "Executive", "Senior",
	"Master", "Staff", "Tech", "Technical", "Command", "Lance", "Petty", "First", "Second",
	"Third", "Principal", "Special", "Joint", "Chiefs", "Air", "Force", "Forces", "Army",
	"Navy", "Naval", "Marine", "Marines", "Corps", "Space", "Coast", "Guard", "National",
	"Security", "State", "Homeland", "Energy", "Commerce", "Treasury", "Trade", "Health",
	"Economy", "Economic", "Education", "Agriculture", "Transportation", "Veterans",
	"Affairs", "Defense", "Defence", "Foreign", "Interior", "Home", "Finance", "Internal",
	"Intelligence", "Central", "Supreme", "Allied", "Europe", "European", "Operations",
	"Class", "Warrant", "Strategic", "Cyber", "Public", "Press", "White", "House", "Senate",
	"Parliament", "Parliamentary", "Armed", "Services", "Relations", "Committee",
	"Military", "Prime", "Crown", "Grand", "Royal", "Regional", "Combatant", "Component",
	"Global", "Strike", "Mobility", "Materiel", "Logistics", "Personnel", "Readiness",
	"Acquisition", "Policy", "Nuclear", "Missile", "Agency", "Counterterrorism", "Combat",
	"Training", "Chief", "Chair", "General", "Commander", "Director", "Officer", "Leader",
	"Majority", "Minority", "Opposition", "Cabinet", "Justice", "Attorney", "Inspector",
	"Surgeon", "Adjutant", "Sergeant", "Major", "Captain", "Airman", "Specialist",
	"Marshal", "Lieutenant", "Colonel", "Brigadier", "Admiral", "Rear", "Field",
	"Defense-Secretary", "Information", "Emergency", "Emergencies", "Digital",
	"Transformation", "Industry", "Industries", "Kremlin", "Pentagon", "Advocate",
	"Scientist", "Engineer", "Analyst", "Fellow", "Counsel", "Instructor", "Pilot",
	"Navigator", "Technician", "Manager", "Supervisor", "Coordinator", "Managing", "Reserve",
	"Reserves",
	// Lower-case English, for titles written in lower case.
	"defence", "defense", "foreign", "prime", "deputy", "vice", "interior", "home",
	"national", "security", "finance", "state", "chief", "general", "press",
})

// titleJoins may stand inside a title between two of its words: "Secretary
// of State", "Chief of the Air Staff", "Präsident der Ukraine".
var titleJoins = setOf(titleJoinsIndex, []string{"of", "the", "for", "der", "des", "de", "du", "la"})

// nonPersonWords mark a run of capitalised words as the name of a body, a
// place or a thing rather than a person: "General Dynamics Land Systems",
// "Virginia Beach", "Meritorious Service Medal".
var nonPersonWords = setOf(nonPersonWordsIndex, []string{
	"Systems", "Dynamics", "Motors", "Electric", "Atomics", "Assembly", "Staff", "Command",
	"Force", "Forces", "Army", "Navy", "Corps", "Base", "Station", "Field", "Center",
	"Centre", "University", "College", "School", "Academy", "Institute", "Group", "Company",
	"Corporation", "Corp", "Inc", "Ltd", "LLC", "Agency", "Department", "Ministry",
	"Office", "Council", "Committee", "Commission", "Union", "Organization", "Organisation",
	"Party", "Bank", "Fund", "Program", "Programme", "Project", "Operation", "Airport",
	"Port", "Street", "Avenue", "Road", "Square", "Hall", "House", "Palace", "Building",
	"Bridge", "River", "Sea", "Ocean", "Island", "Islands", "Mountain", "Mountains",
	"Valley", "County", "State", "States", "City", "Province", "Region", "District",
	"Republic", "Kingdom", "Federation", "Guard", "Reserve", "Wing", "Squadron",
	"Regiment", "Brigade", "Battalion", "Division", "Fleet", "Service", "Services",
	"Affairs", "Security", "Defense", "Defence", "Intelligence", "News", "Times", "Post",
	"Press", "Network", "Media", "Television", "Radio", "Foundation", "Association",
	"Society", "Club", "Cup", "Games", "Olympics", "War", "Day", "Week", "Medal",
	"Award", "Cross", "Star", "Heart", "Ribbon", "Badge", "Prize", "Church", "Cathedral",
	"Beach", "Park", "Garden", "Democrats", "Republicans", "Lake", "Bay", "Gulf", "Strait", "Peninsula", "Coast", "Treaty",
	"Convention", "Agreement", "Accord", "Accords", "Act", "Law", "Report", "Review",
	"Strategy", "Doctrine", "Plan", "Initiative", "Summit", "Conference", "Forum",
	"Parliament", "Congress", "Senate", "Court", "Tribunal", "Police",
	"Government", "Administration", "Cabinet", "Embassy", "Consulate",
	"Mission", "Headquarters", "Hospital", "Clinic", "Museum", "Library", "Airlines",
	"Airways", "Aerospace", "Industries", "Technologies", "Technology", "Labs",
	"Laboratory", "Laboratories", "Research", "Studies", "Hotel", "Tower", "Associates",
	"Seminar", "Partners", "Holdings", "Series", "League", "Baseball", "Monitor", "Bloc",
	"Zoo", "Trophy", "Reserves",
	"Towers", "Mall", "Market", "Stadium", "Arena", "Theater", "Theatre", "Festival",
	"Show", "Tour", "Channel", "Magazine", "Journal", "Gazette", "Herald", "Tribune",
	"Daily", "Weekly", "Online", "Today", "Express", "Mirror", "Guardian", "Telegraph",
	"Observer", "Independent", "Chronicle", "Reuters", "Bloomberg", "Medicine",
	"Regierung", "Partei", "Ministerium", "Bundesheer", "Armee", "Gipfel",
})

// titleBodyNouns end the names of bodies that a title may be held in, and
// let the title reach back over the words of that name: "Air Force Global
// Strike Command Commander".
var titleBodyNouns = setOf(titleBodyNounsIndex, []string{
	"Command", "Agency", "Force", "Forces", "Army", "Navy", "Corps", "Office", "Department",
	"Committee", "Council", "Wing", "Group", "Fleet", "Division", "Squadron", "Service",
	"Services", "Directorate", "Center", "Centre", "Brigade", "Regiment", "Battalion",
})

// namePrefixes are the lower-case particles inside a name: "Ursula von der
// Leyen", "Charles de Gaulle", "Mohammed bin Salman".
var namePrefixes = setOf(namePrefixesIndex, []string{
	"von", "van", "der", "den", "de", "du", "da", "di", "la", "le", "bin", "ibn", "al", "el",
	"dos", "del", "della", "ter", "zu",
})

// nameSuffixes follow a surname: "Lloyd Austin III", "Martin Luther King Jr.".
var nameSuffixes = setOf(nameSuffixesIndex, []string{"Jr", "Sr", "II", "III", "IV"})

// givenNames are given names common in defense news, from the
// English-speaking world and from the states it reports on most. A run of
// capitalised words that starts with one is taken for a person even with
// no title before it, so names that are as often a word or a place (Will,
// Georgia, Chad, Jordan, Moon) are left out.
var givenNames = setOf(givenNamesIndex, []string{
	// English.
	"Aaron", "Adam", "Adrian", "Alan", "Albert", "Alex", "Alexander", "Alexandra", "Alice",
	"Alicia", "Allison", "Amanda", "Amber", "Amy", "Andrea", "Andrew", "Andy", "Angela",
	"Anita", "Ann", "Anna", "Anne", "Annie", "Anthony", "Antony", "Arthur", "Ashley",
	"Barbara", "Barry", "Ben", "Benjamin", "Beth", "Betty", "Bill", "Billy", "Bob", "Bobby",
	"Boris", "Brad", "Bradley", "Brandon", "Brenda", "Brendan", "Brett", "Brian", "Bruce",
	"Bryan", "Caitlin", "Carl", "Carlos", "Carol", "Caroline", "Catherine", "Charles",
	"Charlie", "Charlotte", "Chris", "Christian", "Christina", "Christine", "Christopher",
	"Chuck", "Cindy", "Claire", "Colin", "Connor", "Craig", "Curtis", "Cynthia", "Dale",
	"Dan", "Daniel", "Danielle", "Danny", "Darren", "Dave", "David", "Deborah", "Debra",
	"Denis", "Dennis", "Derek", "Diana", "Diane", "Dick", "Don", "Donald", "Donna", "Doug",
	"Douglas", "Duncan", "Dwight", "Ed", "Eddie", "Edward", "Elaine", "Eleanor", "Elizabeth",
	"Ellen", "Emily", "Emma", "Eric", "Erica", "Erik", "Erin", "Ethan", "Eugene", "Evan",
	"Frank", "Fred", "Frederick", "Gary", "Gavin", "Gene", "George", "Gerald", "Gina",
	"Glenn", "Gordon", "Graham", "Greg", "Gregory", "Hannah", "Harold", "Harry", "Heather",
	"Heidi", "Helen", "Henry", "Hillary", "Howard", "Ian", "Jack", "Jacob", "Jake", "James",
	"Jamie", "Jane", "Janet", "Jason", "Jay", "Jean", "Jeff", "Jeffrey", "Jen", "Jennifer",
	"Jeremy", "Jerry", "Jessica", "Jill", "Jim", "Jimmy", "Joan", "Jody", "Joe", "Joel",
	"John", "Johnny", "Jon", "Jonathan", "Joseph", "Josh", "Joshua", "Joyce", "Judith",
	"Judy", "Julia", "Julie", "Justin", "Karen", "Kate", "Katherine", "Kathleen", "Kathryn",
	"Kathy", "Katie", "Keith", "Kelly", "Ken", "Kenneth", "Kevin", "Kim", "Kimberly",
	"Kristen", "Kurt", "Kyle", "Larry", "Laura", "Lauren", "Lawrence", "Lee", "Leon",
	"Leonard", "Liam", "Linda", "Lindsey", "Lisa", "Liz", "Lloyd", "Lori", "Louis", "Lucy",
	"Luke", "Lynn", "Margaret", "Maria", "Marie", "Mark", "Martha", "Martin", "Mary",
	"Matt", "Matthew", "Megan", "Melissa", "Michael", "Michelle", "Mick", "Mike", "Mitch",
	"Mitchell", "Molly", "Nancy", "Nathan", "Neil", "Nicholas", "Nick", "Nicole", "Nigel",
	"Nikki", "Oliver", "Pamela", "Pat", "Patricia", "Patrick", "Paul", "Paula", "Pete",
	"Peter", "Phil", "Philip", "Phillip", "Priti", "Rachel", "Ralph", "Randy", "Ray",
	"Raymond", "Rebecca", "Richard", "Rick", "Rishi", "Rob", "Robert", "Robin", "Roger",
	"Ron", "Ronald", "Rose", "Ross", "Roy", "Russell", "Ruth", "Ryan", "Sally", "Sam",
	"Samantha", "Samuel", "Sandra", "Sara", "Sarah", "Scott", "Sean", "Sharon", "Shawn",
	"Sheila", "Simon", "Stephanie", "Stephen", "Steve", "Steven", "Stuart", "Sue", "Susan",
	"Suzanne", "Tammy", "Ted", "Teresa", "Terry", "Theresa", "Thomas", "Tim", "Timothy",
	"Tina", "Todd", "Tom", "Tommy", "Tony", "Tracy", "Tulsi", "Valerie", "Vance", "Victor",
	"Victoria", "Vincent", "Walter", "Wayne", "Wendy", "William", "Willie", "Zachary",
	"Keir", "Ursula", "Marco", "Kamala", "Hakeem",
	"Jens", "Josep", "Kaja", "Annalena", "Olaf", "Friedrich", "Emmanuel",
	"Giorgia", "Pedro", "Mette", "Ulf", "Petteri", "Pål", "Jonas", "Kristian",
	"Antonio", "Viktor", "Andrzej", "Radosław", "Radoslaw", "Władysław",
	"Wladyslaw", "Mateusz", "Gitanas", "Edgars", "Evika", "Alar", "Sauli",
	"Giorgos", "Kyriakos", "Klaus", "Frank-Walter",
	"Sebastian", "Karl", "Wolfgang", "Horst", "Heiko", "Christoph", "Markus",
	"Norbert", "Werner", "Jürgen", "Gerhard", "Helmut", "Hans",
	"Joachim", "Manfred", "Dieter", "Reinhold", "Ralf", "Uwe", "Ernst", "Heinz", "Johanna",
	"Recep", "Ahmet", "Mevlüt", "Hakan", "Selahattin", "Binali", "Hulusi",
	// Slavic and post-Soviet, as English transliterates them.
	"Volodymyr", "Vladimir", "Oleksandr", "Oleksiy", "Olexiy", "Oleksii", "Andriy", "Andrii",
	"Dmytro", "Dmitry", "Dmitri", "Sergei", "Sergey", "Serhiy", "Serhii", "Mykhailo",
	"Mikhail", "Yuriy", "Yuri", "Yulia", "Yuliia", "Iryna", "Irina", "Olena", "Elena",
	"Petro", "Pyotr", "Valeriy", "Valery", "Valerii", "Kyrylo", "Rustem", "Denys",
	"Ihor", "Igor", "Vitali", "Vitaliy", "Vitalii", "Taras", "Bohdan", "Ruslan",
	"Vadym", "Vadim", "Yevgeny", "Yevgeniy", "Evgeny", "Nikolai", "Mykola",
	"Anatoly", "Anatoliy", "Alexei", "Alexey", "Aleksandr", "Alexandr", "Ramzan", "Ilham",
	"Nikol", "Alyaksandr", "Sviatlana", "Svetlana", "Maia", "Salome", "Irakli", "Kassym-Jomart",
	"Shavkat", "Emomali", "Sadyr", "Serdar", "Gurbanguly", "Nursultan", "Ilir",
	"Aleksandar", "Milorad", "Zoran", "Milo", "Edi", "Vjosa", "Albin", "Hashim", "Rumen",
	"Nicolae", "Zuzana", "Petr", "Miloš", "Milos",
	"Andrej", "Janez", "Kolinda",
	// Middle East, Asia, Africa, Latin America.
	"Yoav", "Naftali", "Yair", "Isaac", "Benny", "Gideon", "Mahmoud", "Ismail",
	"Yahya", "Hassan", "Hasan", "Hossein", "Ebrahim", "Masoud", "Mohammad", "Mohammed",
	"Muhammad", "Ali", "Abdullah", "Abdel", "Abdul", "Ahmed", "Ahmad", "Bashar", "Hafez",
	"Saddam", "Nouri", "Haider", "Mustafa", "Mohamed", "Tamim", "Salman", "Khalifa", "Tayyip",
	"Kais", "Abiy", "Isaias", "Yoweri", "Uhuru", "Cyril",
	"Thabo", "Nelson", "Muhammadu", "Bola", "Goodluck", "Xi", "Li", "Wang",
	"Yoon", "Shinzo", "Fumio", "Yoshihide", "Shigeru", "Narendra", "Rahul",
	"Imran", "Shehbaz", "Nawaz", "Asif", "Ashraf", "Hamid", "Prabowo", "Joko", "Ferdinand",
	"Rodrigo", "Luiz", "Inácio", "Jair", "Javier", "Gustavo", "Nicolás", "Nicolas",
	"Hugo", "Andrés", "Andres", "Manuel", "Claudia", "Gabriel", "Miguel", "Raúl",
	"Fidel", "Juan", "José", "Jose", "Luis", "Jorge", "Alberto", "Felipe",
	"Mauricio", "Sebastián", "Cristina", "Dilma", "Evo", "Rafael", "Lenín",
	// French.
	"François", "Jean-Yves", "Jean-Marc", "Jean-Luc", "Jean-Pierre", "Jean-Claude",
	"Jacques", "Laurent", "Édouard", "Edouard", "Gérald", "Sébastien", "Bruno",
	"Florence", "Ségolène", "Bernard", "Michel", "Pierre",
	"Philippe", "Christophe", "Aurélie", "Claude", "Gilles", "Yves", "Benoît",
})

// notNameWords start sentences or headlines in capitals but never start a
// name.
var notNameWords = setOf(notNameWordsIndex, []string{
	"I", "We", "He", "She", "They", "It", "You", "This", "That", "These", "Those", "There",
	"Here", "His", "Her", "Their", "Our", "My", "Your", "Its", "Who", "What", "Which", "Why",
	"How", "Mr", "Mrs", "Ms", "Dr", "Sir", "Not", "No", "Yes", "All", "Some", "Many",
	"Most", "Each", "Every", "Any", "One", "Two", "Three", "Said", "Says", "Told", "Asked",
	"Other", "Another", "Such", "Even", "Just", "So", "Still", "Yet", "Now", "Today",
	"Tomorrow", "Yesterday", "Tonight", "Later", "Earlier", "According", "Among", "About",
	"Please", "Thank", "Thanks", "Dear", "Colleagues", "Ladies", "Gentlemen", "Glory",
	"God", "Christ", "Jesus", "Allah", "Der", "Die", "Das", "Ein", "Eine", "Le", "La",
	"Les", "Une", "Des", "Du", "Sein", "Seine", "Ihr", "Ihre", "Name", "Former", "Courtesy",
	"Photo", "Federal",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
})
