package charset_test

import (
	"fmt"

	"github.com/defwatch/defwatch/ingest/charset"
)

func ExampleDecode() {
	// "Новости" in windows-1251, served with no charset at all.
	body := []byte("<title>\xcd\xee\xe2\xee\xf1\xf2\xe8 \xee\xe1\xee\xf0\xee\xed\xfb</title>")
	text, enc, err := charset.Decode(body, "text/html")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(enc, string(text))
	// Output: windows-1251 <title>Новости обороны</title>
}

func ExampleDecodeXML() {
	feed := []byte(`<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>D` + "\xe9" + `fense</title></rss>`)
	text, enc, err := charset.DecodeXML(feed, "application/rss+xml")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(enc, string(text))
	// Output: windows-1252 <?xml version="1.0" encoding="UTF-8"?><rss><title>Défense</title></rss>
}
