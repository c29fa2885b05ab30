package entity

// The taggers' lookup tables (the gazetteer, the place and organisation
// lexicons, the word vocabularies) are built from the word lists by
// `go generate ./extract/entity/` into tables_gen.go, so that the first
// article of a process does not pay for splitting, tokenising and case-
// folding thousands of forms: a table is filled, on first use, from
// sorted arrays the linker lays out. TestTablesGenerated fails when a
// word list changed and the file was not generated again.

// mapOf makes the map of keys[i] to values[i].
func mapOf[K comparable, V any](keys []K, values []V) map[K]V {
	m := make(map[K]V, len(keys))
	for i, k := range keys {
		m[k] = values[i]
	}
	return m
}
