package feedset

import (
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
)

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Created string        `xml:"head>dateCreated"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string `xml:"text,attr"`
	Type     string `xml:"type,attr"`
	XMLURL   string `xml:"xmlUrl,attr"`
	Category string `xml:"category,attr,omitempty"`
}

// WriteOPML writes feeds as an OPML 2.0 subscription list, which feed
// readers and `defwatch feeds import` read back. Tags go in the category
// attribute.
func WriteOPML(w io.Writer, feeds []defwatch.FeedStatus, now time.Time) error {
	doc := opmlDoc{Version: "2.0", Title: "defwatch feeds", Created: now.UTC().Format(time.RFC1123Z)}
	for _, f := range feeds {
		text := f.Health.Title
		if text == "" {
			text = f.URL
		}
		doc.Body = append(doc.Body, opmlOutline{Text: text, Type: "rss", XMLURL: f.URL, Category: strings.Join(f.Tags, ",")})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
