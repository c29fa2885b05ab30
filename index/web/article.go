package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/defwatch/defwatch"
)

type articlePage struct {
	A          *defwatch.Article
	Title      string
	URL        string // the original, or "" when it is not http(s)
	Paragraphs []string
	Nations    []nationRow
	Meetings   []meetingRow
	Tagged     bool // any entity at all
}

type nationRow struct {
	defwatch.Nation
	Href string
}

type meetingRow struct {
	defwatch.Meeting
	Href string // the day's search, when the date is known
}

func (h *server) article(rw http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	a, err := h.s.Article(ctx, r.PathValue("id"))
	if err != nil {
		h.searchFailed(rw, r, err)
		return
	}
	d := articlePage{A: a, Title: a.Title, URL: externalURL(a.URL), Paragraphs: paragraphs(a.Text)}
	if d.Title == "" {
		d.Title = opening(a.Text)
	}
	for _, n := range a.Nations {
		d.Nations = append(d.Nations, nationRow{n, searchHref("nation:"+n.Code, "")})
	}
	for _, m := range a.Meetings {
		row := meetingRow{Meeting: m}
		if m.Date != "" {
			row.Href = searchHref("meeting_after:"+m.Date+" meeting_before:"+m.Date, "")
		}
		d.Meetings = append(d.Meetings, row)
	}
	d.Tagged = len(a.Nations)+len(a.Troops)+len(a.Meetings)+len(a.Orgs)+len(a.People)+len(a.Places) > 0
	h.render(rw, r, http.StatusOK, "article", page{Title: d.Title, Data: d})
}

// paragraphs splits the text at its blank lines, and folds the single line
// breaks inside a paragraph, which extraction keeps from the page's layout.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}
