// Package entity tags the entities defense analysts look for in article
// text: the states it names (Nations), the troop figures it gives
// (Troops), the meetings it reports (Meetings), and the organisations,
// people and places it names (Orgs, People, Places).
//
// A troop figure carries its owner, read from the words around it as a
// reader would (an adjective, a possessor, the subject of the verb that
// deploys or loses the troops, "our" in an address that speaks for a
// state), what the text says of it (deployed, planned, proposed,
// estimated, claimed) and who gives it. A meeting is read as an event
// rather than a trigger word: who meets whom (the subject and object of
// the verb, "A and B", "A's counterpart B", a person the text ties to a
// state), when (tense and date words resolved in the publication's own
// time zone), where (the city of the meeting, a venue's or an event
// name's city), and whether it was held, is planned, was called off or
// is only proposed; one meeting per event however many sentences tell
// of it.
//
// English, Ukrainian, Russian, German and French are read. Tag tokenises
// the text once for all six taggers, which read it with map lookups
// (Cyrillic names as stems with the endings their case forms take), never
// with a regular expression per name, so all six together take about half
// a millisecond of CPU for a 1,000-word article. The forms that are also
// something else (Georgia the US state, Jordan the surname, "US" the
// pronoun, a capital used as a place) are checked against their
// surroundings.
package entity
