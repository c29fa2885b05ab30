// Package entity tags the entities defense analysts look for in article
// text: the states it names (Nations) and the troop figures it gives
// (Troops).
//
// Both taggers tokenise the text once and read it with map lookups, never
// with a regular expression per name, so a 1,000-word article takes well
// under a millisecond. Matching is case-sensitive on capitalised words and
// longest-first, and the few forms that are also something else (Georgia
// the US state, Jordan the surname, "US" the pronoun) are checked against
// their surroundings.
package entity
