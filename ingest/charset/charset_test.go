package charset

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readFixture returns a file under testdata, gunzipped when it ends in .gz.
func readFixture(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return b
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	b, err = io.ReadAll(zr)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return b
}

// parseXML reads every token of doc with a decoder that has no
// CharsetReader, which fails on any declared encoding but UTF-8.
func parseXML(doc []byte) error {
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// The real feeds and pages of the shared corpus. Each case names text a
// reader would see, taken from the file, and the mojibake a wrong decision
// would produce instead.
func TestDecodeFixtures(t *testing.T) {
	tests := []struct {
		name        string
		file        string
		contentType string
		enc         string
		want        []string
		notWant     []string
		xml         bool // also run DecodeXML and parse its output
	}{
		{
			name: "golem ISO-8859-1 prolog", file: "miniflux-v2/encoding_ISO-8859-1.xml.gz",
			enc:  "windows-1252",
			want: []string{"Projekt Jedi: Microsoft will weiter mit US-Militär zusammenarbeiten", "Sicherheitslücke"},
			xml:  true,
		},
		{
			name: "ibash windows-1251 prolog", file: "miniflux-v2/encoding_WINDOWS-1251.xml.gz",
			enc:  "windows-1251",
			want: []string{"Новый цитатник Рунета", "Цитата #17703"},
			xml:  true,
		},
		{
			name: "cercle psy Latin-1 bytes, no prolog", file: "miniflux-v2/no_encoding_ISO-8859-1.xml",
			enc:  "windows-1252",
			want: []string{"pourraient être à l'origine de troubles neuro-développementaux"},
			xml:  true,
		},
		{
			name: "jornal de noticias ISO-8859-1 prolog, CRLF", file: "rss-parser/encoding.rss.gz",
			enc:  "windows-1252",
			want: []string{"Jornal de Notícias - Últimas Notícias", "Mãe de utente é a nova presidente da Raríssimas"},
			xml:  true,
		},
		{
			name: "uol no prolog, ISO-8859-1 bytes", file: "rss-parser/uolNoticias.rss",
			enc:  "windows-1252",
			want: []string{"UOL Noticias - Últimas Notícias", "simulações de 2º turno"},
			xml:  true,
		},
		{
			name: "latin2 ISO-8859-2 prolog", file: "rss-parser/latin2.rss",
			enc:  "iso-8859-2",
			want: []string{"ZAŻÓŁĆ GĘSLĄ JAŹŃ", "Adam Gżegżółka", "Szedł sasza suchą szosą"},
			xml:  true,
		},
		{
			name: "tech.qq.com gb2312 prolog", file: "rss-parser/encoding-gb2312.xml",
			enc:  "gbk",
			want: []string{"<title>互联网</title>", "拟298亿元重组盛大游戏后 世纪华通发20亿回购预案"},
			xml:  true,
		},
		{
			name: "kc0011 gb2312 prolog, one long line", file: "rsparser-netnewswire/kc0011.rss.gz",
			enc:  "gbk",
			want: []string{"投资资讯网交易在线", "建国35周年纪念，华表，和平鸽"},
			xml:  true,
		},
		{
			name: "donthitsave UTF-8 BOM and CR line ends", file: "rsparser-netnewswire/donthitsave.xml",
			enc:  "utf-8",
			want: []string{"<title>Don't Hit Save</title>\r", "Facebook’s", "“food"},
			xml:  true,
		},
		{
			name: "phpxml mangled prolog over UTF-8", file: "rsparser-netnewswire/phpxml.rss.gz",
			enc:  "utf-8",
			want: []string{`<?phpxml version="1.0" encoding="UTF-8"?>`, "Serdar Gözübüyük", "Halis Küçükerbir"},
			xml:  true,
		},

		// miniflux's synthetic encoding fixtures.
		{
			name: "KOI8-R prolog", file: "miniflux-v2/synthetic-minimal/encoding_koi8r.xml",
			enc:  "koi8-r",
			want: []string{"Пример RSS ленты", "Привет мир! Ёжик, чай, Москва, Санкт-Петербург."},
			xml:  true,
		},
		{
			name: "windows-1252 prolog, euro at 0x80", file: "miniflux-v2/synthetic-minimal/encoding_windows-1252.xml",
			enc:  "windows-1252",
			want: []string{"Euro €"},
			xml:  true,
		},
		{
			name: "windows-1252 prolog over UTF-8 bytes", file: "miniflux-v2/synthetic-minimal/encoding_windows-1252-incorrect-prolog.xml",
			enc:     "utf-8",
			want:    []string{"Euro €"},
			notWant: []string{"â‚¬"},
			xml:     true,
		},
		{
			name: "ISO-8859-1 prolog over UTF-8 bytes", file: "miniflux-v2/synthetic-minimal/encoding_utf8-incorrect-prolog.xml",
			enc:     "utf-8",
			want:    []string{"테스트 피드", "Café"},
			notWant: []string{"CafÃ©"},
			xml:     true,
		},
		{
			name: "bogus prolog encoding ignored", file: "miniflux-v2/synthetic-minimal/encoding_invalid-prolog.xml",
			enc:  "utf-8",
			want: []string{"테스트 피드", "Café"},
			xml:  true,
		},
		{
			name: "UTF-8 prolog over UTF-8 bytes", file: "miniflux-v2/synthetic-minimal/encoding_utf8.xml",
			enc:  "utf-8",
			want: []string{"테스트 피드", "Café"},
			xml:  true,
		},
		{
			name: "iso8859-1 label spelling", file: "miniflux-v2/synthetic-minimal/xml_iso88591.xml",
			enc:  "windows-1252",
			want: []string{"Anaïs", "Jürgen"},
			xml:  true,
		},
		{
			name: "UTF-8 prolog over Latin-1 bytes", file: "miniflux-v2/synthetic-minimal/xml_iso88591_utf8_mismatch.xml",
			enc:     "windows-1252",
			want:    []string{"Anaïs", "Jürgen"},
			notWant: []string{"\uFFFD"},
			xml:     true,
		},
		{
			name: "meta charset iso-8859-1", file: "miniflux-v2/synthetic-minimal/encoding_iso-8859-1.html",
			enc:  "windows-1252",
			want: []string{"Frédéric", "Café"},
		},
		{
			name: "meta iso-8859-1 after 1024 bytes of comment", file: "miniflux-v2/synthetic-minimal/encoding_iso-8859-1-meta-after-1024.html",
			enc:  "windows-1252",
			want: []string{"Frédéric", "Café"},
		},
		{
			name: "meta utf-8 after 1024 bytes of comment", file: "miniflux-v2/synthetic-minimal/encoding_utf8-meta-after-1024.html",
			enc:  "utf-8",
			want: []string{"Frédéric", "Café"},
		},

		// Article pages.
		{
			name: "af.mil print page, no declaration", file: "afmil-2016-print/Print0cc1.html.gz",
			enc:     "utf-8",
			want:    []string{"the Air Force’s Vision, “World’s Greatest Air Force"},
			notWant: []string{"â€™", "\uFFFD"},
		},
		{
			name: "af.mil print page, server's utf-8 header", file: "afmil-2016-print/Print0cc1.html.gz",
			contentType: "text/html; charset=utf-8",
			enc:         "utf-8",
			want:        []string{"the Air Force’s Vision"},
			notWant:     []string{"â€™"},
		},
		{
			name: "af.mil print page, wrong ISO-8859-1 header", file: "afmil-2016-print/Print0cc1.html.gz",
			contentType: "text/html; charset=ISO-8859-1",
			enc:         "utf-8",
			want:        []string{"the Air Force’s Vision"},
			notWant:     []string{"â€™"},
		},
		{
			name: "qq declares gb2312 over UTF-8 bytes", file: "mozilla-readability/qq/source.html.gz",
			enc:  "utf-8",
			want: []string{"<title>DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网</title>"},
		},
		{
			name: "qq with a gb2312 header as well", file: "mozilla-readability/qq/source.html.gz",
			contentType: "text/html; charset=GB2312",
			enc:         "utf-8",
			want:        []string{"DeepMind新电脑已可利用记忆自学"},
		},
		{
			name: "telegraph, no declaration", file: "mozilla-readability/telegraph/source.html.gz",
			enc:     "utf-8",
			want:    []string{"infertility for ‘significant number of couples’", "£250,000"},
			notWant: []string{"â€", "Â£"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := readFixture(t, tt.file)
			orig := bytes.Clone(body)

			got, enc, err := Decode(body, tt.contentType)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			checkText(t, "Decode", got, enc, tt.enc, tt.want, tt.notWant)
			if bytes.HasPrefix(got, []byte("\xEF\xBB\xBF")) {
				t.Error("Decode kept the byte order mark")
			}

			if tt.xml {
				got, enc, err := DecodeXML(body, tt.contentType)
				if err != nil {
					t.Fatalf("DecodeXML: %v", err)
				}
				checkText(t, "DecodeXML", got, enc, tt.enc, tt.want, tt.notWant)
				if d, ok := parseXMLDecl(got); ok && d.hasEncoding && !strings.EqualFold(d.encoding, "utf-8") {
					t.Errorf("DecodeXML left encoding=%q in the declaration", d.encoding)
				}
				if err := parseXML(got); err != nil {
					t.Errorf("encoding/xml rejects DecodeXML output: %v", err)
				}
			}
			if !bytes.Equal(body, orig) {
				t.Error("the input was modified")
			}
		})
	}
}

func checkText(t *testing.T, fn string, got []byte, enc, wantEnc string, want, notWant []string) {
	t.Helper()
	if enc != wantEnc {
		t.Errorf("%s: enc = %q, want %q", fn, enc, wantEnc)
	}
	if !utf8.Valid(got) {
		t.Errorf("%s: output is not valid UTF-8", fn)
	}
	for _, w := range want {
		if !bytes.Contains(got, []byte(w)) {
			t.Errorf("%s: output lacks %q", fn, w)
		}
	}
	for _, w := range notWant {
		if bytes.Contains(got, []byte(w)) {
			t.Errorf("%s: output contains %q", fn, w)
		}
	}
}

// Hostile or broken markup must cost time in proportion to its size: an
// early version rescanned the body for every <meta> label, which the first
// case here turns into hours. A quadratic regression on a megabyte shows up
// as a test timeout.
func TestDecodeHostileInput(t *testing.T) {
	const size = 1 << 20
	latin := func(pattern string) []byte {
		// A leading Latin-1 byte keeps the body off the UTF-8 fast path, so
		// every label is looked up and checked.
		return append([]byte("\xE9 "), strings.Repeat(pattern, size/len(pattern))...)
	}
	tests := []struct {
		name, contentType string
		body              []byte
	}{
		{"a meta per 20 bytes", "", latin(`<meta charset="gbk">`)},
		{"metas of every kind", "", latin(`<meta charset="big5"><meta charset="utf-8"><meta charset="x">`)},
		{"unclosed scripts", "", latin(`<script`)},
		{"closed scripts", "", latin(`<script></script>`)},
		{"unclosed comments", "", latin(`<!--`)},
		{"angle brackets", "", latin(`<`)},
		{"a meta with endless attributes", "", latin(`<meta a=`)},
		{"GBK-like pairs", "", latin("\xB0\xA1")},
		{"zero bytes", "", bytes.Repeat([]byte{0}, size)},
		{"escapes", "", bytes.Repeat([]byte("\x1b$"), size/2)},
		{"unclosed declaration", "", append([]byte("<?xml "), bytes.Repeat([]byte(" "), size)...)},
		{"header of charsets", strings.Repeat("charset ", size/8) + strings.Repeat(" ", size), latin("x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := DecodeXML(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(out) {
				t.Error("output is not valid UTF-8")
			}
		})
	}
}

// FuzzDecode checks the promises callers build on: no panic, no error, valid
// UTF-8 out, a name for the encoding, and a declaration encoding/xml accepts.
func FuzzDecode(f *testing.F) {
	for _, name := range []string{
		"miniflux-v2/synthetic-minimal/encoding_koi8r.xml",
		"miniflux-v2/synthetic-minimal/encoding_iso-8859-1.html",
		"miniflux-v2/synthetic-minimal/xml_iso88591_utf8_mismatch.xml",
		"rss-parser/latin2.rss",
		"rss-parser/encoding-gb2312.xml",
	} {
		f.Add(readFixture(f, name), "")
	}
	f.Add([]byte("\xFF\xFE<\x00?\x00x\x00m\x00l\x00"), "")
	f.Add([]byte("<\x00r\x00s\x00s\x00>\x00\x00"), "")
	f.Add([]byte("\x1b$B$3$s\x1b(B"), "text/plain; charset=iso-2022-jp")
	f.Add([]byte(`<?xml version="1.0" encoding="gb18030"?><a>`+"\x81\x30\x81\x30\x81"), "")
	f.Add([]byte(`<meta charset="shift_jis">`+"\x82\xA0\x83"), "text/html; charset=\"utf-8")
	f.Add([]byte("\xEF\xBB\xBF\xC3"), "")

	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		orig := bytes.Clone(body)
		out, enc, err := Decode(body, contentType)
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		if enc == "" {
			t.Error("Decode named no encoding")
		}
		if !utf8.Valid(out) {
			t.Errorf("Decode output is not UTF-8: %q", out)
		}

		xout, xenc, err := DecodeXML(body, contentType)
		if err != nil {
			t.Fatalf("DecodeXML: %v", err)
		}
		if xenc != enc {
			t.Errorf("DecodeXML read %s, Decode %s", xenc, enc)
		}
		if !utf8.Valid(xout) {
			t.Errorf("DecodeXML output is not UTF-8: %q", xout)
		}
		if err := parseXML(xout); err != nil && strings.Contains(err.Error(), "CharsetReader") {
			t.Errorf("encoding/xml still sees a foreign encoding: %v", err)
		}
		if !bytes.Equal(body, orig) {
			t.Error("the input was modified")
		}
	})
}

// The fetcher decodes every article page; these are the paths a page can
// take, on about 200 KB each.
func BenchmarkDecode(b *testing.B) {
	telegraph := readFixture(b, "mozilla-readability/telegraph/source.html.gz")
	ibash := readFixture(b, "miniflux-v2/encoding_WINDOWS-1251.xml.gz")
	uol := readFixture(b, "rss-parser/uolNoticias.rss")
	qq := strings.Replace(string(readFixture(b, "mozilla-readability/qq/source.html.gz")),
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`, "", 1)
	const size = 200 << 10
	grow := func(doc []byte) []byte {
		return bytes.Repeat(doc, size/len(doc)+1)[:size]
	}
	ibashBare := bytes.Replace(ibash, []byte(`<?xml version="1.0" encoding="windows-1251"?>`), nil, 1)

	cases := []struct {
		name, contentType string
		body              []byte
	}{
		{"utf-8 page", "", telegraph[:size]},
		{"utf-8 page with wrong label", "text/html; charset=windows-1252", telegraph[:size]},
		{"windows-1251 labelled", "", grow(ibash)},
		{"windows-1251 sniffed", "", grow(ibashBare)},
		{"latin-1 sniffed", "", grow(uol)},
		{"gbk sniffed", "", encodeTo(b, simplifiedchinese.GBK, qq)[:size]},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.body)))
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Decode(bc.body, bc.contentType); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
