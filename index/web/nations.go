package web

import (
	_ "embed"
	"strings"
	"sync"
)

// nationsTSV names the ISO 3166-1 codes. The tagger's own names come with
// each hit; this only fills in the facet's codes that no hit on the page
// names, so the sidebar does not label some nations and not others.
//
//go:embed data/nations.tsv
var nationsTSV string

// nationNames is read from nationsTSV when a page first needs it, not when
// a command that never serves starts.
var nationNames = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for line := range strings.Lines(nationsTSV) {
		code, name, ok := strings.Cut(strings.TrimRight(line, "\r\n"), "\t")
		if ok && !strings.HasPrefix(code, "#") {
			out[code] = name
		}
	}
	return out
})
