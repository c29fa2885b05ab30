package charset

import (
	"bytes"
	"strings"
)

// charsetParam finds the charset in a Content-Type header or a meta content
// attribute. It follows the forgiving rule browsers use for meta content
// rather than mime.ParseMediaType, which rejects the sloppy headers real
// servers send (duplicate parameters, stray semicolons) and would lose the
// charset with them.
func charsetParam(s string) string {
	for {
		i := indexFold(s, "charset")
		if i < 0 {
			return ""
		}
		s = s[i+len("charset"):]
		t := trimLeftSpace(s)
		if t == "" || t[0] != '=' {
			continue
		}
		t = trimLeftSpace(t[1:])
		if t == "" {
			return ""
		}
		if q := t[0]; q == '"' || q == '\'' {
			for j := 1; j < len(t); j++ {
				if t[j] == q {
					return t[1:j]
				}
			}
			return ""
		}
		for j := 0; j < len(t); j++ {
			if isSpace(t[j]) || t[j] == ';' {
				return t[:j]
			}
		}
		return t
	}
}

// maxDecl bounds the search for the end of an XML declaration, so a body
// that starts "<?xml " and never closes it costs a few hundred bytes, not a
// scan of the whole document.
const maxDecl = 512

// xmlDecl is a parsed <?xml ...?> declaration.
type xmlDecl struct {
	start, end  int // byte range of the declaration in the document
	version     string
	encoding    string
	hasEncoding bool
	standalone  string
}

// parseXMLDecl reads the declaration at the start of an XML document.
// Leading whitespace is tolerated because generated feeds often emit a blank
// line before it.
func parseXMLDecl(b []byte) (xmlDecl, bool) {
	var d xmlDecl
	for d.start < len(b) && isSpace(b[d.start]) {
		d.start++
	}
	const open = "<?xml"
	rest := b[d.start:]
	if !bytes.HasPrefix(rest, []byte(open)) || len(rest) <= len(open) || !isSpace(rest[len(open)]) {
		return xmlDecl{}, false
	}
	rest = rest[:min(len(rest), maxDecl)]
	stop := bytes.Index(rest, []byte("?>"))
	if stop < 0 {
		return xmlDecl{}, false
	}
	d.end = d.start + stop + len("?>")

	attrs := rest[len(open):stop]
	for len(attrs) > 0 {
		attrs = bytes.TrimLeft(attrs, " \t\r\n")
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			break
		}
		name := string(bytes.TrimSpace(attrs[:eq]))
		v := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
			break
		}
		end := bytes.IndexByte(v[1:], v[0])
		if end < 0 {
			break
		}
		val := string(v[1 : 1+end])
		attrs = v[2+end:]
		switch name {
		case "version":
			d.version = val
		case "encoding":
			d.encoding, d.hasEncoding = val, true
		case "standalone":
			d.standalone = val
		}
	}
	return d, true
}

// rewriteXMLDecl makes the declaration of a decoded document say UTF-8. The
// declaration is rebuilt rather than patched, so that a malformed one (an
// unquoted value, spaces around "=") cannot leave a stale encoding for a
// parser that reads it differently from parseXMLDecl.
func rewriteXMLDecl(b []byte) []byte {
	d, ok := parseXMLDecl(b)
	if !ok {
		return b
	}
	if d.start == 0 {
		if d.hasEncoding && equalFold(d.encoding, "utf-8") {
			return b
		}
		if !d.hasEncoding && !bytes.Contains(b[:d.end], []byte("encoding")) {
			return b
		}
	}
	version := d.version
	if !isXMLVersion(version) {
		version = "1.0"
	}
	decl := `<?xml version="` + version + `" encoding="UTF-8"`
	if d.standalone == "yes" || d.standalone == "no" {
		decl += ` standalone="` + d.standalone + `"`
	}
	decl += "?>"
	out := make([]byte, 0, len(decl)+len(b)-d.end)
	out = append(out, decl...)
	return append(out, b[d.end:]...)
}

// isXMLVersion reports whether v looks like "1.0": anything else would be
// copied into the new declaration unchecked.
func isXMLVersion(v string) bool {
	dot := strings.IndexByte(v, '.')
	if dot <= 0 || dot == len(v)-1 {
		return false
	}
	for i := 0; i < len(v); i++ {
		if i != dot && (v[i] < '0' || v[i] > '9') {
			return false
		}
	}
	return true
}

// metaCharset walks the tags of an HTML head and offers each charset label
// found in a <meta> to accept, stopping at the first one accepted.
//
// Unlike the HTML prescan it does not stop after 1024 bytes: pages put
// scripts, styles and comments of any size before their meta, and a label
// found late is still better evidence than a guess. It skips comments,
// CDATA sections, scripts and styles, where "<meta" may appear as text, and
// stops at </head> or <body>.
func metaCharset(b []byte, accept func(label string) bool) {
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return
		}
		i += j
		rest := b[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return
			}
			i += 4 + k + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			k := bytes.Index(rest[9:], []byte("]]>"))
			if k < 0 {
				return
			}
			i += 9 + k + 3
		case isTag(rest, "meta"):
			label, n := metaLabel(rest[len("<meta"):])
			if label != "" && accept(label) {
				return
			}
			i += len("<meta") + n
		case isTag(rest, "script"), isTag(rest, "style"):
			name := "/script"
			if isTag(rest, "style") {
				name = "/style"
			}
			k := indexTag(rest[1:], name)
			if k < 0 {
				return
			}
			i += 1 + k
		case isTag(rest, "/head"), isTag(rest, "body"):
			return
		default:
			i++
		}
	}
}

// metaLabel reads the attributes of a <meta> tag (b starts after the tag
// name) and returns its charset label, if any, and the bytes consumed.
func metaLabel(b []byte) (label string, n int) {
	var charsetAttr, content string
	var pragma bool
	i := 0
	for i < len(b) {
		c := b[i]
		if isSpace(c) || c == '/' {
			i++
			continue
		}
		if c == '>' {
			i++
			break
		}
		start := i
		for i < len(b) && !isSpace(b[i]) && b[i] != '=' && b[i] != '>' && b[i] != '/' {
			i++
		}
		name := b[start:i]
		for i < len(b) && isSpace(b[i]) {
			i++
		}
		var val []byte
		if i < len(b) && b[i] == '=' {
			i++
			for i < len(b) && isSpace(b[i]) {
				i++
			}
			if i < len(b) && (b[i] == '"' || b[i] == '\'') {
				q := b[i]
				end := bytes.IndexByte(b[i+1:], q)
				if end < 0 {
					// An unclosed quote swallows the rest of the page in a
					// browser too; nothing after it is a tag.
					return "", len(b)
				}
				val = b[i+1 : i+1+end]
				i += end + 2
			} else {
				start := i
				for i < len(b) && !isSpace(b[i]) && b[i] != '>' {
					i++
				}
				// XHTML habits give <meta charset=utf-8/>; the slash closes
				// the tag, it is not part of the label.
				val = bytes.TrimSuffix(b[start:i], []byte("/"))
			}
		}
		switch {
		case equalFold(name, "charset"):
			if charsetAttr == "" {
				charsetAttr = string(val)
			}
		case equalFold(name, "http-equiv"):
			pragma = equalFold(trimSpace(string(val)), "content-type")
		case equalFold(name, "content"):
			content = string(val)
		}
	}
	if charsetAttr != "" {
		return trimSpace(charsetAttr), i
	}
	if pragma {
		return charsetParam(content), i
	}
	return "", i
}

// isTag reports whether b starts with the tag "<name" followed by a byte
// that ends a tag name.
func isTag(b []byte, name string) bool {
	n := 1 + len(name)
	if len(b) <= n || !equalFold(b[1:n], name) {
		return false
	}
	c := b[n]
	return isSpace(c) || c == '>' || c == '/'
}

// indexTag finds the first "<name" tag in b.
func indexTag(b []byte, name string) int {
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			return -1
		}
		i += j
		if isTag(b[i:], name) {
			return i
		}
		i++
	}
	return -1
}

// indexFold is strings.Index ignoring ASCII case. Unicode case folding would
// be wrong here: it can change byte lengths and so the offsets returned.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if equalFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// equalFold compares ASCII case-insensitively; labels and tag names are
// ASCII, and strings.EqualFold would also match the Kelvin sign to "k".
func equalFold[T string | []byte](a T, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func trimLeftSpace(s string) string {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	return s
}

func trimSpace(s string) string {
	s = trimLeftSpace(s)
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}
