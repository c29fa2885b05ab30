// Package charset turns fetched bytes in any encoding into UTF-8, so that the
// feed poller, the article fetcher and the offline extractor hand text, not
// guesses, to the parsers.
//
// Labels are often wrong on the web: servers send a default charset, CMS
// templates keep a meta tag from another site, feeds declare Latin-1 over
// UTF-8. Decode therefore trusts the bytes first and a label only when the
// bytes do not contradict it.
package charset

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Decode returns body as UTF-8 and the name of the encoding it was read as.
// contentType is the HTTP Content-Type header ("" when unknown).
//
// The evidence, strongest first:
//
//  1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE), which is stripped;
//     BOM-less UTF-16 is recognised by its zero bytes;
//  2. bytes that are valid UTF-8 (or overwhelmingly so) with some non-ASCII:
//     UTF-8, whatever any label says;
//  3. the charset of contentType;
//  4. the encoding of the XML declaration;
//  5. a <meta charset> or <meta http-equiv="Content-Type"> anywhere in <head>;
//  6. sniffing: windows-1251 or KOI8 for Cyrillic, GBK, Big5, Shift_JIS,
//     EUC-KR or EUC-JP for CJK, else windows-1252.
//
// Labels go through the WHATWG names (gb2312 is gbk, iso-8859-1 is
// windows-1252), and enc is the WHATWG name. A label that is unknown, or that
// the bytes disprove (utf-8 over bytes that are not UTF-8, a multi-byte
// encoding the bytes do not parse in or that another one reads far better),
// is skipped in favour of the next evidence. One deliberate exception to the order: a windows-1252 header
// yields to a usable label inside the document, because ISO-8859-1 is what
// misconfigured servers send for every page whatever it holds.
//
// Pure ASCII is reported as "utf-8" (unless it holds the escapes of 7-bit
// ISO-2022-JP). Bytes that are invalid in the chosen
// encoding become U+FFFD; they are never an error. err is reserved for a
// decoder failure, which the encodings used here do not produce. The result
// may share memory with body.
func Decode(body []byte, contentType string) (utf8 []byte, enc string, err error) {
	c := detect(body, contentType)
	out, err := c.decode(body)
	return out, c.name, err
}

// DecodeXML is Decode for XML documents (feeds): it also rewrites the encoding
// in the XML prolog to UTF-8 so an XML parser does not decode the bytes twice.
//
// encoding/xml refuses any declared encoding but UTF-8 unless given a
// CharsetReader; the output of DecodeXML needs none. Whitespace before the
// declaration is dropped too, because strict parsers reject it.
func DecodeXML(body []byte, contentType string) ([]byte, string, error) {
	out, enc, err := Decode(body, contentType)
	if err != nil {
		return nil, enc, err
	}
	return rewriteXMLDecl(out), enc, nil
}

// choice is a decision about how to read a body.
type choice struct {
	name string            // WHATWG name, reported to the caller
	enc  encoding.Encoding // nil for UTF-8, which needs validation, not transcoding
	skip int               // length of a byte order mark to drop
}

var (
	utf8Choice    = choice{name: "utf-8"}
	latin1Choice  = choice{name: "windows-1252", enc: charmap.Windows1252}
	utf16LEChoice = choice{name: "utf-16le", enc: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}
	utf16BEChoice = choice{name: "utf-16be", enc: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}
)

func detect(body []byte, contentType string) choice {
	switch {
	case bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")):
		c := utf8Choice
		c.skip = 3
		return c
	case bytes.HasPrefix(body, []byte("\xFF\xFE")):
		c := utf16LEChoice
		c.skip = 2
		return c
	case bytes.HasPrefix(body, []byte("\xFE\xFF")):
		c := utf16BEChoice
		c.skip = 2
		return c
	}
	if c, ok := sniffUTF16(body); ok {
		return c
	}

	st := scanUTF8(body)
	if st.invalid == 0 {
		if st.multi == 0 && hasISO2022JPEscape(body) {
			// The one WHATWG encoding that is pure 7-bit: Japanese mail and
			// some old news sites. Its escapes never occur in plain text.
			return choice{name: "iso-2022-jp", enc: japanese.ISO2022JP}
		}
		return utf8Choice
	}
	// A page that is UTF-8 but for a few bytes (a corrupted character, a
	// snippet pasted from a Windows editor) is still UTF-8: legacy encodings
	// form well-formed UTF-8 sequences only by accident, far below this ratio.
	if st.multi >= 8*st.invalid {
		return utf8Choice
	}

	ev := &evidence{utf8: st, w: sniffWindow(body)}
	if c, ok := fromLabels(body, contentType, ev); ok {
		return c
	}
	return sniff(ev)
}

// fromLabels applies the declared encodings, header first, skipping any the
// bytes disprove.
func fromLabels(body []byte, contentType string, ev *evidence) (choice, bool) {
	accept := func(label string) (choice, bool) { return usable(label, ev) }
	// The document's own labels are looked up only when needed: finding the
	// meta can mean walking a whole page that has no <head>.
	inDocument := func() (choice, bool) {
		if d, ok := parseXMLDecl(body); ok && d.hasEncoding {
			if c, ok := accept(d.encoding); ok {
				return c, true
			}
		}
		var found choice
		metaCharset(body, func(label string) bool {
			c, ok := accept(label)
			found = c
			return ok
		})
		return found, found.name != ""
	}

	hdr, ok := accept(charsetParam(contentType))
	if !ok {
		return inDocument()
	}
	if hdr.name == "windows-1252" {
		if doc, ok := inDocument(); ok {
			return doc, true
		}
	}
	return hdr, true
}

// usable resolves a label and checks it against what the bytes show.
func usable(label string, ev *evidence) (choice, bool) {
	enc, name := charset.Lookup(label)
	switch name {
	case "":
		return choice{}, false
	case "utf-8":
		// Only reached when some bytes are not UTF-8. If most are not, the
		// label came from a template or a default, not from the text.
		if ev.utf8.multi < ev.utf8.invalid {
			return choice{}, false
		}
		return utf8Choice, true
	case "utf-16le", "utf-16be":
		// A label readable as ASCII cannot describe UTF-16 bytes; real UTF-16
		// was caught by its BOM or its zero bytes before labels were read.
		return choice{}, false
	case "iso-2022-jp":
		// Only reached when the body has bytes above 0x7F, which this 7-bit
		// encoding cannot contain.
		return choice{}, false
	case "replacement", "x-user-defined":
		// WHATWG turns a whole "replacement" document into one U+FFFD and
		// maps x-user-defined to private-use code points; either way the text
		// is lost, so guessing is better.
		return choice{}, false
	}
	if i, ok := grammarOf(name); ok && !ev.fits(i) {
		return choice{}, false
	}
	return choice{name: name, enc: decoderOf(name, enc)}, true
}

// decoderOf picks the decoder for a WHATWG name.
func decoderOf(name string, e encoding.Encoding) encoding.Encoding {
	if name == "gbk" {
		// WHATWG decodes gbk with the gb18030 decoder, and pages labelled gbk
		// or gb2312 do contain four-byte GB18030 sequences; x/text's GBK
		// decoder would turn those into U+FFFD.
		return simplifiedchinese.GB18030
	}
	return e
}

func (c choice) decode(body []byte) ([]byte, error) {
	b := body[c.skip:]
	if c.enc == nil {
		if utf8.Valid(b) {
			return b, nil
		}
		return bytes.ToValidUTF8(b, []byte("\uFFFD")), nil
	}
	out, err := c.enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("charset: decode as %s: %w", c.name, err)
	}
	// The x/text decoders emit U+FFFD for bad input; this keeps the promise
	// of valid UTF-8 even if one of them ever lets a byte through.
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out, nil
}
