package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalizeSpace collapses every run of white space (including the no-break
// spaces pages use for layout) to one ASCII space and trims the ends. Letters
// and punctuation are left exactly as the page has them.
func normalizeSpace(s string) string {
	if spaceNormal(s) {
		return s // most lines of archived text: no copy
	}
	return collapseSpace(s)
}

// collapseSpace is normalizeSpace without its quick look: it always
// builds the collapsed copy.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// spaceNormal reports whether normalizeSpace would return s unchanged: no
// space at either end, and every space a single ' '.
func spaceNormal(s string) bool {
	prevSpace := true // a space first is not normal
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		// Below U+1680 the only spaces past ASCII are U+0085 and U+00A0, so
		// most letters (Cyrillic, say) skip the Unicode tables.
		if r == 0x85 || r == 0xA0 || r >= 0x1680 && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff') ||
			r == utf8.RuneError && size == 1 {
			return false // a byte that is not UTF-8 comes out as U+FFFD
		}
		prevSpace = false
		i += size
	}
	return !prevSpace || s == ""
}

// CleanText tidies plain text that came without a page, such as archived
// article text: it drops share-counter lines (lines that hold only a number),
// joins lines wrapped inside a paragraph, trims, and separates paragraphs with
// "\n\n". A blank line marks a paragraph break, as it does in the archives.
func CleanText(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for line := range strings.SplitSeq(text, "\n") {
		line = normalizeSpace(line)
		switch {
		case line == "":
			flush()
		case isCounter(line):
			// A counter is widget residue, never prose; it also ends
			// whatever paragraph came before it.
			flush()
		default:
			cur = append(cur, line)
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// isCounter reports whether a line is only a number, as share and comment
// counters leave behind ("0", "12", "1.2K", "3,401").
func isCounter(line string) bool {
	if line == "" || len(line) > 8*utf8.UTFMax || utf8.RuneCountInString(line) > 8 {
		return false
	}
	digits := 0
	for i, r := range line {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ',' || r == '.':
		case (r == 'K' || r == 'k' || r == 'M') && i == len(line)-1 && digits > 0:
		default:
			return false
		}
	}
	return digits > 0
}
