package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// langStates are one language's forms of a state: its names, and the
// other forms (adjectives, demonyms, capitals) in the notation of the
// language's table.
type langStates struct {
	code, names, others string
}

// deAdjEndings are the endings of a German adjective.
var deAdjEndings = []string{"e", "en", "er", "es", "em"}

// deForms expands one German state into its forms. Each form comes with
// whether it is a country name that compass prefixes may join.
func deForms(st langStates, yield func(form string, name bool)) {
	for n := range strings.SplitSeq(st.names, "|") {
		if n == "" {
			continue
		}
		yield(n, true)
		if deGenitiveS(n) {
			yield(n+"s", true)
		}
	}
	for f := range strings.SplitSeq(st.others, "|") {
		stem, adj := strings.CutSuffix(f, "~")
		switch {
		case f == "":
		case adj:
			yield(stem, false)
			for _, e := range deAdjEndings {
				yield(stem+e, false)
				yield(withCapital(stem)+e, false)
			}
		default:
			yield(f, false)
		}
	}
}

// deGenitiveS reports whether German adds -s to name's genitive: one-word
// names that do not already end in a sibilant, and not the feminine ones
// in -e and -ei (der Ukraine, der Türkei).
func deGenitiveS(name string) bool {
	if strings.ContainsAny(name, " -") {
		return false
	}
	switch name[len(name)-1] {
	case 's', 'x', 'z', 'e', 'i':
		return false
	}
	return !strings.HasSuffix(name, "ß")
}

// frForms expands one French state into its forms, and says of each
// whether it is the singular of an adjective, which is also the language
// ("traduit en russe").
func frForms(st langStates, yield func(form string, language bool)) {
	for n := range strings.SplitSeq(st.names, "|") {
		if n != "" {
			yield(n, false)
		}
	}
	for f := range strings.SplitSeq(st.others, "|") {
		stem, adj := strings.CutSuffix(f, "~")
		switch {
		case f == "":
		case adj:
			plural := stem
			if !strings.HasSuffix(stem, "s") && !strings.HasSuffix(stem, "x") {
				plural += "s"
			}
			yield(stem, true)
			yield(withCapital(stem), false)
			if plural != stem {
				yield(plural, false)
				yield(withCapital(plural), false)
			}
		default:
			yield(f, false)
		}
	}
}

// withCapital upper-cases the first letter of s.
func withCapital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// withoutCapital lower-cases the first letter of s, as it stands inside a
// compound.
func withoutCapital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

// compassPrefixes join a German country name into one word for a part of
// it: Nordirak, Ostukraine, Südwestukraine. Longest first, so that
// Nordostsyrien is not read as Nord + ostsyrien.
var compassPrefixes = []string{"Nordost", "Nordwest", "Südost", "Südwest", "Nord", "Süd", "Ost", "West", "Zentral"}
