package web

import (
	"html/template"
	"strings"
)

// marked trusts s as HTML only if it is what the index promises for
// snippets and highlighted titles: escaped text whose only tags are
// balanced <mark> and </mark>. Anything else (another tag, a bare < or >,
// an & that starts no entity) means the promise broke somewhere, and the
// whole string is shown as text instead: an odd-looking snippet beats
// markup from a stranger's page.
func marked(s string) template.HTML {
	if !onlyMarks(s) {
		return template.HTML(template.HTMLEscapeString(s))
	}
	return template.HTML(s)
}

func onlyMarks(s string) bool {
	open := false
	for i := 0; i < len(s); {
		switch s[i] {
		case '<':
			switch {
			case !open && strings.HasPrefix(s[i:], "<mark>"):
				open = true
				i += len("<mark>")
			case open && strings.HasPrefix(s[i:], "</mark>"):
				open = false
				i += len("</mark>")
			default:
				return false
			}
		case '>':
			return false
		case '&':
			n := entityLen(s[i:])
			if n == 0 {
				return false
			}
			i += n
		default:
			i++
		}
	}
	return !open
}

// entityLen is the length of the character reference s starts with
// (&amp; &#39; &#x27;), or 0 when it starts none.
func entityLen(s string) int {
	i := 1
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	isHex := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
	isAlnum := func(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	ok := isAlnum
	if i < len(s) && s[i] == '#' {
		i++
		ok = isDigit
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
			ok = isHex
		}
	}
	start := i
	for i < len(s) && i-start < 32 && ok(s[i]) {
		i++
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return 0
	}
	return i + 1
}
