package entity

import (
	"slices"
	"strings"
	"sync"

	"github.com/defwatch/defwatch"
)

// Orgs returns the organisations text names, under their English short
// names ("NATO" for "Nato", "OTAN" and "НАТО"), with counts, most-named
// first (ties by name).
func Orgs(text string) []defwatch.Org { return orgsOf(newScan(text)) }

func orgsOf(s *scan) []defwatch.Org {
	var out []defwatch.Org
	for _, h := range s.orgHits(0, len(s.toks)) {
		k := slices.IndexFunc(out, func(o defwatch.Org) bool { return o.Name == h.e.name })
		if k < 0 {
			out = append(out, defwatch.Org{Name: h.e.name})
			k = len(out) - 1
		}
		out[k].Count++
	}
	slices.SortFunc(out, func(a, b defwatch.Org) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// orgLex is built on first use and never changed after.
var orgLex = sync.OnceValue(genOrgLex)

// orgHits returns the organisations named in tokens [from, to).
func (s *scan) orgHits(from, to int) []lexHit {
	return s.lexHits(orgLex(), from, to, nil)
}
