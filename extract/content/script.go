package content

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// scriptText is the article's text as the page's script data carries it:
// JSON-LD articleBody first, else the prose strings of a framework's state
// (Next.js __NEXT_DATA__ or its streamed flight data, Nuxt, other inline
// JSON), in the order the data gives them. Pages rendered by a script keep
// their body there and may show none of it in the markup.
func (p *page) scriptText() string {
	if b := parseJSONLD(p.ld).body; b != "" {
		return proseOf(b)
	}
	var paras []string
	seen := map[string]bool{}
	budget := maxScriptStrings
	add := func(s string) {
		if budget <= 0 {
			return
		}
		budget--
		if len(s) < minScriptPara {
			return // too short to hold a paragraph
		}
		t := proseOf(s)
		for para := range strings.SplitSeq(t, "\n\n") {
			if !scriptProse(para) || seen[para] {
				continue
			}
			seen[para] = true
			paras = append(paras, para)
		}
	}
	for _, s := range p.scripts {
		if budget <= 0 {
			break
		}
		if strings.Contains(s, "__next_f.push") {
			for _, lit := range flightChunks(s, budget) {
				for _, m := range jsonString().FindAllString(lit, budget) {
					var v string
					if json.Unmarshal([]byte(m), &v) == nil {
						add(v)
					}
				}
			}
			continue
		}
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			// window.__NUXT__=(function(a,b){…}(…)) and the like: the
			// string literals are all there is to read.
			for _, m := range jsonString().FindAllString(s, budget) {
				var v string
				if json.Unmarshal([]byte(m), &v) == nil {
					add(v)
				}
			}
			continue
		}
		walkStrings(v, 0, add)
	}
	return strings.Join(paras, "\n\n")
}

// minScriptPara is the least a string of script data must hold, in runes,
// to be read as a paragraph.
const minScriptPara = 60

// maxScriptStrings bounds the strings read from script data, which a
// hostile page can make as many as it likes.
const maxScriptStrings = 20000

// jsonString matches a JSON string literal.
var jsonString = lazyRegexp(`"(?:[^"\\]|\\.)*"`)

// flightChunks returns the string payloads of Next.js flight data:
// self.__next_f.push([1,"…"]) calls, decoded, at most n of them.
func flightChunks(s string, n int) []string {
	var out []string
	for len(out) < n {
		i := strings.Index(s, "__next_f.push([1,")
		if i < 0 {
			return out
		}
		s = s[i+len("__next_f.push([1,"):]
		m := jsonString().FindStringIndex(s)
		if m == nil || m[0] != 0 {
			continue
		}
		var v string
		if json.Unmarshal([]byte(s[:m[1]]), &v) == nil {
			out = append(out, v)
		}
		s = s[m[1]:]
	}
	return out
}

// walkStrings visits the strings of a JSON value in order, to a bounded
// depth.
func walkStrings(v any, depth int, visit func(string)) {
	if depth > 40 {
		return
	}
	switch x := v.(type) {
	case string:
		visit(x)
	case []any:
		for _, e := range x {
			walkStrings(e, depth+1, visit)
		}
	case map[string]any:
		// The keys in sorted order, so one page always gives one text;
		// the parts of a body sit in arrays, whose order is kept.
		for _, k := range slices.Sorted(maps.Keys(x)) {
			walkStrings(x[k], depth+1, visit)
		}
	}
}

// proseOf turns a string of script data into paragraphs: markup is parsed
// and written out block by block, plain text keeps its line breaks.
func proseOf(s string) string {
	if strings.Contains(s, "</p>") || strings.Contains(s, "<br") || strings.Contains(s, "</h2>") {
		if root, err := html.Parse(strings.NewReader(s)); err == nil {
			var paras []string
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type != html.ElementNode {
						continue
					}
					if paraTags[c.DataAtom] || c.DataAtom == 0 {
						if t := normalizeSpace(textOf(c)); t != "" {
							paras = append(paras, t)
						}
						continue
					}
					walk(c)
				}
			}
			walk(root)
			return strings.Join(paras, "\n\n")
		}
	}
	var paras []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if t := normalizeSpace(line); t != "" {
			paras = append(paras, t)
		}
	}
	return strings.Join(paras, "\n\n")
}

// scriptProse reports whether a string of script data reads as a
// paragraph: long enough, words separated by spaces, a sentence's
// punctuation, and none of code's.
func scriptProse(s string) bool {
	if utf8.RuneCountInString(s) < minScriptPara || strings.Count(s, " ") < 8 {
		return false
	}
	if strings.HasPrefix(s, "http") || strings.ContainsAny(s, "{}<>=;") || strings.Contains(s, "$L") {
		return false
	}
	return strings.ContainsAny(s, ".!?")
}
