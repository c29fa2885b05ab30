package charset

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// encodeTo returns s in encoding e. Characters e lacks become its
// substitute byte, as a legacy publishing system would write them.
func encodeTo(tb testing.TB, e encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := encoding.ReplaceUnsupported(e.NewEncoder()).Bytes([]byte(s))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// Headlines written for these tests, in the languages defwatch follows.
const (
	russianNews = "Министерство обороны сообщило, что подразделения продолжают " +
		"наступление на южном направлении. По данным ведомства, противник понёс " +
		"потери в живой силе и технике, а система противовоздушной обороны " +
		"сбила несколько беспилотников над регионом."
	ukrainianNews = "Міністерство оборони України повідомило, що українські військові " +
		"відбили атаку біля Покровська. Генеральний штаб зазначив, що ворог " +
		"зазнав значних втрат у живій силі та техніці, а сили протиповітряної " +
		"оборони збили їхні безпілотники."
	koreanNews = "국방부는 오늘 북한이 동해상으로 단거리 탄도미사일 두 발을 발사했다고 " +
		"밝혔다. 합동참모본부는 미사일의 비행거리와 고도를 분석하고 있으며, " +
		"한미 정보당국이 긴밀히 협력하고 있다고 설명했다."
	japaneseNews = "防衛省は本日、北朝鮮が弾道ミサイルを発射したと発表した。政府は米国や" +
		"韓国と緊密に連携し、情報の収集と分析を進めている。ミサイルは日本の排他的" +
		"経済水域の外に落下したとみられる。"
	taiwanNews = "國防部今日表示，解放軍軍機與艦艇持續在臺灣周邊海域活動，國軍已嚴密" +
		"監控並派遣任務機艦應處。國防部長強調，國軍將堅守崗位，確保國家安全。"
	chineseNews = "国防部新闻发言人今天表示，中国军队将继续加强训练，坚决维护国家主权" +
		"和领土完整。发言人还就近期地区安全形势回答了记者提问。"
	// Curly apostrophes are 0x92 in windows-1252, a Shift_JIS lead byte, and
	// the letter after one is a valid Shift_JIS trail byte.
	englishNews = "The Air Force’s new tanker can’t fly until the Pentagon’s review " +
		"is done, and officials say it’s unlikely before summer’s end."
)

func page(title string) string {
	return "<html><head><title>" + title + "</title></head><body><p>" + title + "</p></body></html>"
}

// Bodies with no usable label: what the bytes alone must reveal.
func TestDecodeSniffs(t *testing.T) {
	ibash, err := charmap.Windows1251.NewDecoder().Bytes(readFixture(t, "miniflux-v2/encoding_WINDOWS-1251.xml.gz"))
	if err != nil {
		t.Fatal(err)
	}
	// Without its declaration the feed carries no label at all.
	ibashBare := strings.Replace(string(ibash), `<?xml version="1.0" encoding="windows-1251"?>`, "", 1)
	qq := strings.Replace(string(readFixture(t, "mozilla-readability/qq/source.html.gz")),
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`, "", 1)

	tests := []struct {
		name string
		body []byte
		enc  string
		want string
	}{
		{"windows-1251 feed without its prolog", encodeTo(t, charmap.Windows1251, ibashBare), "windows-1251", "Новый цитатник Рунета"},
		{"the same feed in KOI8-R", encodeTo(t, charmap.KOI8R, ibashBare), "koi8-r", "Новый цитатник Рунета"},
		{"Russian news in windows-1251", encodeTo(t, charmap.Windows1251, page(russianNews)), "windows-1251", russianNews},
		{"Russian news in KOI8-R", encodeTo(t, charmap.KOI8R, page(russianNews)), "koi8-r", russianNews},
		{"Russian news in capitals, windows-1251", encodeTo(t, charmap.Windows1251, strings.ToUpper(russianNews)), "windows-1251", strings.ToUpper(russianNews)},
		{"Ukrainian news in windows-1251", encodeTo(t, charmap.Windows1251, page(ukrainianNews)), "windows-1251", ukrainianNews},
		{"Ukrainian news in KOI8-U", encodeTo(t, charmap.KOI8U, page(ukrainianNews)), "koi8-u", ukrainianNews},
		{"qq page in GBK without its meta", encodeTo(t, simplifiedchinese.GBK, qq), "gbk", "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶"},
		{"Chinese news in GB18030", encodeTo(t, simplifiedchinese.GB18030, page(chineseNews)), "gbk", chineseNews},
		{"Taiwanese news in Big5", encodeTo(t, traditionalchinese.Big5, page(taiwanNews)), "big5", taiwanNews},
		{"Japanese news in Shift_JIS", encodeTo(t, japanese.ShiftJIS, page(japaneseNews)), "shift_jis", japaneseNews},
		{"Japanese news in EUC-JP", encodeTo(t, japanese.EUCJP, page(japaneseNews)), "euc-jp", japaneseNews},
		{"Japanese news in ISO-2022-JP", encodeTo(t, japanese.ISO2022JP, page(japaneseNews)), "iso-2022-jp", japaneseNews},
		{"Korean news in EUC-KR", encodeTo(t, korean.EUCKR, page(koreanNews)), "euc-kr", koreanNews},
		{"English with curly apostrophes in windows-1252", encodeTo(t, charmap.Windows1252, page(englishNews)), "windows-1252", englishNews},
		{"a lone Latin-1 byte", []byte("Caf\xE9"), "windows-1252", "Café"},
		{"UTF-16LE without BOM", encodeTo(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), page(russianNews)), "utf-16le", russianNews},
		{"UTF-16BE without BOM", encodeTo(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), page(koreanNews)), "utf-16be", koreanNews},
		{"UTF-16LE with BOM", encodeTo(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), page(japaneseNews)), "utf-16le", japaneseNews},
		{"UTF-16BE with BOM", encodeTo(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), page(chineseNews)), "utf-16be", chineseNews},
		{"pure ASCII", []byte(page("NATO ministers meet in Brussels")), "utf-8", "NATO ministers meet in Brussels"},
		{"empty", nil, "utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.body, "")
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc {
				t.Errorf("enc = %q, want %q", enc, tt.enc)
			}
			if !bytes.Contains(got, []byte(tt.want)) {
				t.Errorf("output lacks %q; got %.200q", tt.want, got)
			}
			if bytes.HasPrefix(got, []byte("\uFEFF")) {
				t.Error("byte order mark kept")
			}
		})
	}
}

// Bodies whose labels disagree with each other or with the bytes.
func TestDecodeLabels(t *testing.T) {
	cyrillicFeed := func(decl string) []byte {
		return encodeTo(t, charmap.Windows1251, decl+"<rss><channel><title>"+russianNews+"</title></channel></rss>")
	}
	gbkPage := func(meta string) []byte {
		return encodeTo(t, simplifiedchinese.GBK, "<html><head>"+meta+"<title>"+chineseNews+"</title></head></html>")
	}
	// A comment longer than the 1024 bytes the HTML prescan reads.
	padding := "<!--" + strings.Repeat("padding so the meta comes late ", 50) + "-->"
	polish := "Adam Gżegżółka: zażółć gęślą jaźń"

	tests := []struct {
		name        string
		body        []byte
		contentType string
		enc         string
		want        string
	}{
		{"header charset", cyrillicFeed(""), "application/rss+xml; charset=windows-1251", "windows-1251", russianNews},
		{"quoted header charset, odd spacing", cyrillicFeed(""), `text/xml;charset = "Windows-1251"`, "windows-1251", russianNews},
		{"header beats prolog", cyrillicFeed(`<?xml version="1.0" encoding="koi8-r"?>`), "text/xml; charset=cp1251", "windows-1251", russianNews},
		{"bogus header, prolog used", cyrillicFeed(`<?xml version="1.0" encoding="windows-1251"?>`), "text/xml; charset=invalid", "windows-1251", russianNews},
		{"prolog in single quotes", cyrillicFeed(`<?xml version='1.0' encoding='windows-1251'?>`), "", "windows-1251", russianNews},
		{"prolog after blank lines", cyrillicFeed("\n\n<?xml version=\"1.0\" encoding=\"windows-1251\"?>"), "", "windows-1251", russianNews},
		{"utf-8 header over windows-1251 bytes", cyrillicFeed(""), "text/xml; charset=utf-8", "windows-1251", russianNews},
		{"meta charset", gbkPage(`<meta charset="gb2312">`), "", "gbk", chineseNews},
		{"meta http-equiv", gbkPage(`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`), "", "gbk", chineseNews},
		{"meta unquoted", gbkPage(`<META HTTP-EQUIV=content-type CONTENT="text/html;charset=gb18030">`), "", "gb18030", chineseNews},
		{"server's ISO-8859-1 default yields to the page's meta", gbkPage(`<meta charset="gb2312">`), "text/html; charset=ISO-8859-1", "gbk", chineseNews},
		{"gb2312 header over Shift_JIS bytes", encodeTo(t, japanese.ShiftJIS, page(japaneseNews)), "text/html; charset=gb2312", "shift_jis", japaneseNews},
		{"gb2312 header over Big5 bytes", encodeTo(t, traditionalchinese.Big5, page(taiwanNews)), "text/html; charset=gb2312", "big5", taiwanNews},
		{"gb2312 meta over Latin-1 bytes", encodeTo(t, charmap.Windows1252, `<meta charset="gb2312">`+page("Le ministre a visité la base aérienne d’Évreux où il a été accueilli")), "", "windows-1252", "visité la base aérienne d’Évreux où il a été accueilli"},
		{"replacement label ignored", cyrillicFeed(""), "text/html; charset=iso-2022-kr", "windows-1251", russianNews},
		{"utf-16 label over ASCII-compatible bytes ignored", cyrillicFeed(`<?xml version="1.0" encoding="UTF-16"?>`), "", "windows-1251", russianNews},
		{
			"meta after 1024 bytes names a charset sniffing would not guess",
			encodeTo(t, charmap.ISO8859_2, "<html><head>"+padding+`<meta charset="iso-8859-2"><title>`+polish+"</title></head></html>"),
			"", "iso-8859-2", polish,
		},
		{
			"meta in a comment ignored",
			encodeTo(t, charmap.Windows1251, `<html><head><!-- <meta charset="iso-8859-2"> --><title>`+russianNews+"</title></head></html>"),
			"", "windows-1251", russianNews,
		},
		{
			"meta written by a script ignored",
			encodeTo(t, charmap.Windows1251, `<html><head><script>document.write('<meta charset="iso-8859-2">')</script><meta charset="windows-1251"><title>`+russianNews+"</title></head></html>"),
			"", "windows-1251", russianNews,
		},
		{
			"meta in the body ignored",
			encodeTo(t, charmap.Windows1251, `<html><head><title>`+russianNews+`</title></head><body><meta charset="iso-8859-2"></body></html>`),
			"", "windows-1251", russianNews,
		},
		{"labels on pure ASCII", []byte(page("Troops arrive in Estonia")), "text/html; charset=windows-1251", "utf-8", "Troops arrive in Estonia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if enc != tt.enc {
				t.Errorf("enc = %q, want %q", enc, tt.enc)
			}
			if !bytes.Contains(got, []byte(tt.want)) {
				t.Errorf("output lacks %q; got %.200q", tt.want, got)
			}
		})
	}
}

// UTF-8 that is damaged, not foreign, must stay UTF-8.
func TestDecodeDamagedUTF8(t *testing.T) {
	text := strings.Repeat("Украина, НАТО и «коалиция желающих» — ", 4)
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
	}{
		{"cut inside the last character", []byte(text + "Киев")[:len(text)+len("Киев")-1], "", text + "Кие\uFFFD"},
		{"a stray windows-1252 quote", []byte(text + "it\x92s"), "text/html; charset=windows-1251", text + "it\uFFFDs"},
		{"a few corrupt bytes and a utf-8 label", []byte("\xC3(" + text + "\xFF"), "text/html; charset=utf-8", "\uFFFD(" + text + "\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.body, tt.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if enc != "utf-8" {
				t.Errorf("enc = %q, want utf-8", enc)
			}
			if string(got) != tt.want {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}
