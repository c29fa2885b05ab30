// Package entity tags the entities defense analysts look for in article
// text: the states it names (Nations), the troop figures it gives (Troops),
// the meetings it reports with their dates resolved (Meetings), and the
// organisations, people and places it names (Orgs, People, Places).
//
// English, Ukrainian, Russian, German and French are read. The taggers
// tokenise the text once and read it with map lookups (Cyrillic names as
// stems with the endings their case forms take), never with a regular
// expression per name, so all six together take about half a millisecond
// for a 1,000-word article. The forms that are also something else
// (Georgia the US state, Jordan the surname, "US" the pronoun, a capital
// used as a place) are checked against their surroundings.
package entity
