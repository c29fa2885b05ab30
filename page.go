package defwatch

import (
	"encoding/json"
	"errors"
	"fmt"
)

// A Page travels on defwatch.pages as its body, raw (the HTML, or the
// text when it has no page), with everything else as JSON in the
// HeaderPage header. Escaping megabytes of markup into a JSON string
// would cost time at both ends and could push a page that fits the
// server's message limit past it.
const (
	// HeaderPage carries the Page's metadata: its JSON without the body.
	HeaderPage = "Defwatch-Page"
	// HeaderBody says what the message body is: BodyHTML or BodyText.
	HeaderBody = "Defwatch-Body"
)

// Page body kinds.
const (
	BodyHTML = "html"
	BodyText = "text"
)

// Where a Page's text came from, when not from its own page.
const (
	// TextFromFeed: the page could not be fetched, and the text is what
	// the feed item gave (content:encoded or its summary).
	TextFromFeed = "feed"
)

// EncodePage splits p into the value of HeaderPage, the value of
// HeaderBody and the message body.
func EncodePage(p *Page) (meta []byte, kind string, body []byte, err error) {
	head := *p
	head.HTML, head.Text = "", ""
	meta, err = json.Marshal(&head)
	if err != nil {
		return nil, "", nil, fmt.Errorf("encode page %s: %w", p.ID, err)
	}
	if p.HTML != "" {
		return meta, BodyHTML, []byte(p.HTML), nil
	}
	return meta, BodyText, []byte(p.Text), nil
}

// DecodePage puts a Page back together from a message's HeaderPage and
// HeaderBody values and its body.
func DecodePage(meta []byte, kind string, body []byte) (*Page, error) {
	var p Page
	if err := json.Unmarshal(meta, &p); err != nil {
		return nil, fmt.Errorf("page header: %w", err)
	}
	switch kind {
	case BodyHTML, "":
		p.HTML = string(body)
	case BodyText:
		p.Text = string(body)
	default:
		return nil, fmt.Errorf("page %s: %w %q", p.ID, errBodyKind, kind)
	}
	return &p, nil
}

var errBodyKind = errors.New("unknown body kind")
