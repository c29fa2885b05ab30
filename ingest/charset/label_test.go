package charset

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestCharsetParam(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "text/html; charset=utf-8", "utf-8"},
		{"no charset", "application/rss+xml", ""},
		{"empty", "", ""},
		{"upper case name", "text/xml; CHARSET=KOI8-R", "KOI8-R"},
		{"double quotes", `text/html; charset="windows-1251"`, "windows-1251"},
		{"single quotes", `text/html; charset='gb2312'`, "gb2312"},
		{"spaces around equals", "text/html; charset = big5 ; q=1", "big5"},
		{"no space before it", "text/html;charset=euc-kr", "euc-kr"},
		{"other parameters first", "text/html; foo=bar; charset=shift_jis", "shift_jis"},
		{"duplicate parameter (mime.ParseMediaType fails)", "text/html; charset=utf-8; charset=utf-8", "utf-8"},
		{"word without value, then the real one", "text/html; x-charset; charset=iso-8859-2", "iso-8859-2"},
		{"unclosed quote", `text/html; charset="utf-8`, ""},
		{"equals with nothing after", "text/html; charset=", ""},
		{"meta content form", "text/html;charset=gbk", "gbk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := charsetParam(tt.in); got != tt.want {
				t.Errorf("charsetParam(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMetaCharset(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"charset attribute", `<head><meta charset="koi8-r"></head>`, "koi8-r"},
		{"unquoted, self-closing", `<head><meta charset=koi8-r/></head>`, "koi8-r"},
		{"http-equiv", `<head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head>`, "big5"},
		{"content before http-equiv", `<head><meta content="text/html; charset=big5" http-equiv="content-type"></head>`, "big5"},
		{"content without http-equiv", `<head><meta name="x" content="charset=big5"><meta charset="gbk"></head>`, "gbk"},
		{"unknown label skipped", `<head><meta charset="invalid"><meta charset="euc-jp"></head>`, "euc-jp"},
		{"comment skipped", `<head><!-- <meta charset="big5"> --><meta charset="gbk"></head>`, "gbk"},
		{"style skipped", `<head><style>/* <meta charset="big5"> */</style><meta charset="gbk"></head>`, "gbk"},
		{"script skipped", `<head><SCRIPT>x = '<meta charset="big5">'</SCRIPT ><meta charset="gbk"></head>`, "gbk"},
		{"CDATA skipped", `<rss><![CDATA[<meta charset="big5">]]></rss>`, ""},
		{"stops at </head>", `<head></head><meta charset="gbk">`, ""},
		{"stops at <body>", `<html><body><meta charset="gbk">`, ""},
		{"not a meta tag", `<head><metadata charset="gbk"></head>`, ""},
		{"unclosed quote", `<head><meta charset="gbk></head>`, ""},
		{"unterminated comment", `<head><!-- <meta charset="gbk">`, ""},
		{"late in a long head", `<head>` + strings.Repeat(`<link rel="preload" href="/a.js">`, 200) + `<meta charset="gbk"></head>`, "gbk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			metaCharset([]byte(tt.doc), func(label string) bool {
				if _, ok := usable(label, &evidence{}); !ok {
					return false
				}
				got = label
				return true
			})
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeXMLDeclaration(t *testing.T) {
	tests := []struct {
		name string
		body []byte
		want string // the decoded document must be exactly this
	}{
		{
			"windows-1251 declaration rewritten",
			encodeTo(t, charmap.Windows1251, `<?xml version="1.0" encoding="windows-1251"?><rss><title>Новости</title></rss>`),
			`<?xml version="1.0" encoding="UTF-8"?><rss><title>Новости</title></rss>`,
		},
		{
			"standalone kept, single quotes and blank lines normalised",
			encodeTo(t, charmap.KOI8R, "\r\n <?xml version='1.0' encoding = 'koi8-r' standalone='yes' ?>\n<rss><title>Новости</title></rss>"),
			"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<rss><title>Новости</title></rss>",
		},
		{
			"declaration without encoding untouched",
			encodeTo(t, charmap.Windows1252, `<?xml version="1.0"?><rss><title>Défense</title></rss>`),
			`<?xml version="1.0"?><rss><title>Défense</title></rss>`,
		},
		{
			"no declaration",
			encodeTo(t, charmap.Windows1252, `<rss><title>Défense</title></rss>`),
			`<rss><title>Défense</title></rss>`,
		},
		{
			"stylesheet instruction is not a declaration",
			[]byte(`<?xml-stylesheet href="a.xsl"?><rss/>`),
			`<?xml-stylesheet href="a.xsl"?><rss/>`,
		},
		{
			"UTF-16 with BOM declares UTF-16",
			encodeTo(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), `<?xml version="1.0" encoding="UTF-16"?><rss><title>防衛</title></rss>`),
			`<?xml version="1.0" encoding="UTF-8"?><rss><title>防衛</title></rss>`,
		},
		{
			"unquoted encoding dropped",
			encodeTo(t, charmap.Windows1251, `<?xml version="1.0" encoding=windows-1251?><rss><title>`+russianNews+`</title></rss>`),
			`<?xml version="1.0" encoding="UTF-8"?><rss><title>` + russianNews + `</title></rss>`,
		},
		{
			"garbage version replaced",
			encodeTo(t, charmap.Windows1251, `<?xml version="x<y" encoding="windows-1251"?><rss/>`),
			`<?xml version="1.0" encoding="UTF-8"?><rss/>`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := bytes.Clone(tt.body)
			got, _, err := DecodeXML(tt.body, "")
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if err := parseXML(got); err != nil {
				t.Errorf("encoding/xml rejects the output: %v", err)
			}
			if !bytes.Equal(tt.body, orig) {
				t.Error("the input was modified")
			}
		})
	}
}
