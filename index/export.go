package index

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
)

// exportTimeout bounds one export: 10,000 hits are 50 pages of search.
const exportTimeout = 5 * time.Minute

// CSVColumns are the columns of a CSV export, in order: what an analyst
// puts in a spreadsheet, lists joined with "; ".
var CSVColumns = []string{
	"id", "published", "source", "site_name", "title", "url", "lang", "byline",
	"nations", "nation_names", "troops", "troops_max", "meetings", "orgs", "people", "places",
	"story", "score", "snippet", "title_from", "published_from",
}

// export streams every hit of req (each copy of a wire story as its own
// row), up to exp.limit, as CSV or JSON Lines. The total the query
// matches is in X-Total-Count before the first row; X-Export-Truncated
// says the limit cut the export short.
func (h *api) export(w http.ResponseWriter, r *http.Request, req Request, exp export) {
	ctx, cancel := context.WithTimeout(r.Context(), exportTimeout)
	defer cancel()
	// The server's write timeout is for pages; an export may take longer.
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Now().Add(exportTimeout))

	req.Size, req.AllCopies, req.NoFacets, req.From = MaxSize, true, true, 0
	var rows rowWriter
	written := 0
	for {
		res, err := h.s.Search(ctx, req)
		if err != nil {
			if rows == nil {
				h.fail(w, r, err)
				return
			}
			// The status is sent: a cut connection is all that can say the
			// export is incomplete, rather than a file that looks whole.
			h.log.Error("export failed partway", "rows", written, "err", err)
			panic(http.ErrAbortHandler)
		}
		if rows == nil {
			rows = h.startExport(w, exp, res.Total)
		}
		for _, hit := range res.Hits {
			if written == exp.limit {
				break
			}
			if err := rows.row(&hit); err != nil {
				return // the client went away
			}
			written++
		}
		if err := rows.flush(); err != nil {
			return
		}
		_ = rc.Flush()
		if res.Next == "" || written == exp.limit || len(res.Hits) == 0 {
			return
		}
		req.After = res.Next
	}
}

// startExport writes the headers and returns the writer of rows.
func (h *api) startExport(w http.ResponseWriter, exp export, total uint64) rowWriter {
	hd := w.Header()
	hd.Set("X-Total-Count", strconv.FormatUint(total, 10))
	if total > uint64(exp.limit) {
		hd.Set("X-Export-Truncated", fmt.Sprintf("the query matches %d articles; this export holds the first %d (limit=%d)", total, exp.limit, exp.limit))
	}
	name := "defwatch-search." + exp.format
	hd.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	if exp.format == FormatJSONL {
		hd.Set("Content-Type", "application/jsonl; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return &jsonlRows{enc: enc}
	}
	hd.Set("Content-Type", "text/csv; charset=utf-8; header=present")
	w.WriteHeader(http.StatusOK)
	if exp.bom {
		// Spreadsheet programs read a CSV file as UTF-8 only after a BOM;
		// without one, Cyrillic titles arrive garbled.
		_, _ = io.WriteString(w, "\ufeff")
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	_ = cw.Write(CSVColumns)
	return &csvRows{w: cw}
}

type rowWriter interface {
	row(h *Hit) error
	flush() error
}

type jsonlRows struct{ enc *json.Encoder }

func (j *jsonlRows) row(h *Hit) error { return j.enc.Encode(h) }
func (j *jsonlRows) flush() error     { return nil }

type csvRows struct{ w *csv.Writer }

func (c *csvRows) flush() error {
	c.w.Flush()
	return c.w.Error()
}

func (c *csvRows) row(h *Hit) error {
	a := &h.Article
	var nations, names, troops, meetings, orgs, people, places []string
	var troopsMax int64 = -1
	for _, n := range a.Nations {
		nations = append(nations, n.Code)
		names = append(names, n.Name)
	}
	for _, t := range a.Troops {
		troops = append(troops, troopCell(t))
		troopsMax = max(troopsMax, t.Max)
	}
	for _, m := range a.Meetings {
		meetings = append(meetings, strings.Join(nonEmpty(m.Kind, m.Date, m.Location), " "))
	}
	for _, o := range a.Orgs {
		orgs = append(orgs, o.Name)
	}
	for _, p := range a.People {
		if p.Title != "" {
			people = append(people, p.Name+" ("+p.Title+")")
		} else {
			people = append(people, p.Name)
		}
	}
	for _, p := range a.Places {
		places = append(places, p.Name)
	}
	published := ""
	if !a.Published.IsZero() {
		published = a.Published.UTC().Format(time.RFC3339)
	}
	maxCell := ""
	if troopsMax >= 0 {
		maxCell = strconv.FormatInt(troopsMax, 10)
	}
	cells := []string{
		a.ID, published, a.Source, a.SiteName, a.Title, a.URL, a.Lang, a.Byline,
		strings.Join(nations, " "), strings.Join(names, "; "), strings.Join(troops, "; "), maxCell,
		strings.Join(meetings, "; "), strings.Join(orgs, "; "), strings.Join(people, "; "), strings.Join(places, "; "),
		h.Story, strconv.FormatFloat(h.Score, 'g', 6, 64), plainText(h.Snippet), a.TitleFrom, a.PublishedFrom,
	}
	for i := range cells {
		cells[i] = safeCell(cells[i])
	}
	return c.w.Write(cells)
}

// troopCell writes a troop figure as "10000-30000 troops (strength, GB)".
func troopCell(t defwatch.Troop) string {
	s := strconv.FormatInt(t.Min, 10)
	if t.Max != t.Min {
		s += "-" + strconv.FormatInt(t.Max, 10)
	}
	if t.Approx {
		s = "~" + s
	}
	if t.Unit != "" {
		s += " " + t.Unit
	}
	if extra := nonEmpty(t.Category, t.Nation); len(extra) > 0 {
		s += " (" + strings.Join(extra, ", ") + ")"
	}
	return s
}

func nonEmpty(list ...string) []string {
	out := list[:0:0]
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// safeCell keeps a spreadsheet from reading a cell as a formula: text
// from the web that starts with = + - @ (or a tab or carriage return,
// which some programs skip before looking) gets a leading apostrophe,
// which spreadsheets show as text and do not evaluate. Negative numbers
// are not among what we write.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// plainText is a snippet without its <mark> tags and HTML escapes.
func plainText(snippet string) string {
	s := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(snippet)
	return html.UnescapeString(s)
}
