package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index"
)

const (
	// refreshEvery reloads the meetings page: analysts leave it open on
	// a second screen.
	refreshEvery = 5 * time.Minute
	// recentDays is how far back the "recent" section looks.
	recentDays = 7
	// meetingPages bounds the searches behind one page: 5 pages of 200
	// articles is more than a week of coverage names meetings in.
	meetingPages = 5
)

type meetingsPage struct {
	View      string // "coming", "month" or "week"
	Today     string
	Updated   string
	Heading   string // the month or week shown: "April 2025"
	Upcoming  []meetingDay
	Recent    []meetingDay
	Days      []meetingDay // the month's or the week's
	Latest    string       // with nothing coming up: the month of the latest meetings, shown below
	Nav       meetingNav
	Truncated bool // more articles matched than the page read
	Search    string
	// Archive counts the meetings of each month, newest year first, as
	// the newest articles naming dated meetings give them.
	Archive          []yearRow
	ArchiveTruncated bool
}

type yearRow struct {
	Year   int
	Months []monthCell // January to December
}

type monthCell struct {
	Name    string // "April 2025"
	Href    string
	Count   int
	Current bool // the month shown
}

// meetingNav moves through the calendar: to the month or week before and
// after, to any month by the picker, and back to what is coming up.
type meetingNav struct {
	Prev, Next     link
	Month          string // the picker's month: 2025-04
	Week, MonthOf  link   // the week view of this month's first week, the month view of this week
	Coming         bool   // the page is the coming-up view
	LatestHref     string // the month of the coverage's latest meetings
	LatestLabel    string
	PickerMin      string // the picker's bounds
	PickerMaxMonth string
}

type meetingDay struct {
	Date     string
	Heading  string // "Thursday 10 April 2025"
	Relative string // "today", "in 3 days", "2 days ago": within a fortnight of today
	Meetings []meetingItem
}

// meetingItem is one meeting, however many articles report it.
type meetingItem struct {
	Kind         string
	Location     string
	Participants []string
	Orgs         []string
	Text         string
	From         link   // the article it came from (the newest one)
	FromSource   string // that article's outlet
	Also         []link // other articles reporting it
}

// kindOrder puts the weightiest meetings of a day first.
var kindOrder = map[string]int{
	defwatch.MeetingSummit: 0, defwatch.MeetingMinisterial: 1, defwatch.MeetingConference: 2,
	defwatch.MeetingTalks: 3, defwatch.MeetingMeeting: 4, defwatch.MeetingCall: 5,
}

func (h *server) meetings(rw http.ResponseWriter, r *http.Request) {
	now := h.now().UTC()
	today := now.Truncate(24 * time.Hour)
	q := r.URL.Query()
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	d := meetingsPage{Today: today.Format(time.DateOnly), Updated: now.Format("15:04 UTC")}
	var from, to time.Time // the days a month or week view covers, inclusive
	switch {
	case q.Get("month") != "":
		m, err := time.Parse("2006-01", q.Get("month"))
		if err != nil || m.Year() < 1970 || m.Year() > 9999 {
			h.fail(rw, r, http.StatusBadRequest, "Not a month", "Write the month as 2025-04, or pick one on the meetings page.")
			return
		}
		d.View, from, to = "month", m, m.AddDate(0, 1, -1)
		d.Heading = m.Format("January 2006")
	case q.Get("week") != "":
		day, err := time.Parse(time.DateOnly, q.Get("week"))
		if err != nil || day.Year() < 1970 || day.Year() > 9999 {
			h.fail(rw, r, http.StatusBadRequest, "Not a day", "Write the week as one of its days, 2025-04-07, or pick a month on the meetings page.")
			return
		}
		from = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7)) // its Monday
		d.View, to = "week", from.AddDate(0, 0, 6)
		d.Heading = weekName(from, to)
	default:
		d.View = "coming"
		from, to = today.AddDate(0, 0, -recentDays), time.Time{}
	}

	hits, truncated, err := h.meetingHits(ctx, from, to)
	if err != nil {
		h.searchFailed(rw, r, err)
		return
	}
	d.Truncated = truncated
	all := collectMeetings(hits, from, to, today)
	p := page{Title: "Meetings", Nav: "meetings"}
	if d.View == "coming" {
		var up, recent []datedMeeting
		for _, m := range all {
			if m.date.Before(today) {
				recent = append(recent, m)
			} else {
				up = append(up, m)
			}
		}
		d.Upcoming, d.Recent = groupByDay(up, today), groupByDay(recent, today)
		// Newest first: what just happened matters more than what
		// happened a week ago.
		slices.Reverse(d.Recent)
		d.Search = searchHref("meeting_after:"+today.Format(time.DateOnly), index.SortNewest)
		p.Refresh = int(refreshEvery.Seconds())
	} else {
		d.Days = groupByDay(all, today)
		d.Search = searchHref("meeting_after:"+from.Format(time.DateOnly)+" meeting_before:"+to.Format(time.DateOnly), index.SortNewest)
		p.Title = "Meetings, " + d.Heading
	}

	// The months with meetings, and the latest of them, for the way
	// back from an empty page: an archive's meetings lie years before
	// today.
	months, latest, archiveCut, err := h.meetingMonths(ctx, today)
	if err != nil {
		h.searchFailed(rw, r, err)
		return
	}
	d.ArchiveTruncated = archiveCut
	if d.View == "coming" && len(d.Upcoming) == 0 && len(d.Recent) == 0 && !latest.IsZero() {
		m := time.Date(latest.Year(), latest.Month(), 1, 0, 0, 0, 0, time.UTC)
		hits, truncated, err := h.meetingHits(ctx, m, m.AddDate(0, 1, -1))
		if err != nil {
			h.searchFailed(rw, r, err)
			return
		}
		d.Latest, d.Truncated = m.Format("January 2006"), truncated
		d.Days = groupByDay(collectMeetings(hits, m, m.AddDate(0, 1, -1), today), today)
	}
	d.Nav = meetingsNav(d.View, from, to, today, latest)
	d.Archive = archiveRows(months, d.View, from)
	h.render(rw, r, http.StatusOK, "meetings", p.with(d))
}

// meetingHits reads the articles naming a meeting dated from from to to
// (inclusive; a zero to leaves the end open), newest first, at most
// meetingPages pages.
func (h *server) meetingHits(ctx context.Context, from, to time.Time) ([]index.Hit, bool, error) {
	query := "meeting_after:" + from.Format(time.DateOnly)
	if !to.IsZero() {
		query += " meeting_before:" + to.Format(time.DateOnly)
	}
	var hits []index.Hit
	req := index.Request{Query: query, Sort: index.SortNewest, Size: index.MaxSize, NoFacets: true}
	for i := 0; ; i++ {
		res, err := h.s.Search(ctx, req)
		if err != nil {
			return nil, false, err
		}
		hits = append(hits, res.Hits...)
		if res.Next == "" || len(res.Hits) == 0 {
			return hits, false, nil
		}
		if i+1 == meetingPages {
			return hits, true, nil
		}
		req.After = res.Next
	}
}

// meetingMonths counts the meetings of each month ("2025-04") that the
// newest articles naming dated meetings give (at most meetingPages pages
// of them: truncated says there were more), each meeting once however
// many report it, and finds the latest up to today.
func (h *server) meetingMonths(ctx context.Context, today time.Time) (counts map[string]int, latest time.Time, truncated bool, err error) {
	hits, truncated, err := h.meetingHits(ctx, time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC), time.Time{})
	if err != nil {
		return nil, time.Time{}, false, err
	}
	counts = map[string]int{}
	for _, m := range collectMeetings(hits, time.Time{}, time.Time{}, today) {
		counts[m.date.Format("2006-01")]++
		if !m.date.After(today) && m.date.After(latest) {
			latest = m.date
		}
	}
	return counts, latest, truncated, nil
}

// archiveRows lays the months out as a calendar: a row a year with
// meetings, newest first, a cell a month.
func archiveRows(counts map[string]int, view string, shown time.Time) []yearRow {
	var years []int
	for m := range counts {
		if t, err := time.Parse("2006-01", m); err == nil && !slices.Contains(years, t.Year()) {
			years = append(years, t.Year())
		}
	}
	slices.Sort(years)
	slices.Reverse(years)
	var out []yearRow
	for _, y := range years {
		row := yearRow{Year: y}
		for mo := time.January; mo <= time.December; mo++ {
			t := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
			c := monthCell{Name: t.Format("January 2006"), Href: monthHref(t), Count: counts[t.Format("2006-01")]}
			c.Current = view == "month" && t.Equal(shown)
			row.Months = append(row.Months, c)
		}
		out = append(out, row)
	}
	return out
}

func meetingsNav(view string, from, to, today, latest time.Time) meetingNav {
	n := meetingNav{Coming: view == "coming", PickerMin: "1970-01", PickerMaxMonth: today.AddDate(2, 0, 0).Format("2006-01")}
	month := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, time.UTC)
	switch view {
	case "month":
		month = from
		n.Prev = link{Label: "← " + from.AddDate(0, -1, 0).Format("January 2006"), Href: monthHref(from.AddDate(0, -1, 0))}
		n.Next = link{Label: from.AddDate(0, 1, 0).Format("January 2006") + " →", Href: monthHref(from.AddDate(0, 1, 0))}
		first := from.AddDate(0, 0, -((int(from.Weekday()) + 6) % 7))
		n.Week = link{Label: "By week", Href: weekHref(first)}
	case "week":
		month = time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC)
		n.Prev = link{Label: "← Week before", Href: weekHref(from.AddDate(0, 0, -7))}
		n.Next = link{Label: "Week after →", Href: weekHref(from.AddDate(0, 0, 7))}
		n.MonthOf = link{Label: month.Format("January 2006"), Href: monthHref(month)}
	default:
		n.Week = link{Label: "This week", Href: weekHref(today)}
	}
	n.Month = month.Format("2006-01")
	if !latest.IsZero() {
		n.LatestLabel = latest.Format("January 2006")
		n.LatestHref = monthHref(latest)
	}
	return n
}

func monthHref(t time.Time) string { return "/meetings?month=" + t.Format("2006-01") }
func weekHref(t time.Time) string  { return "/meetings?week=" + t.Format(time.DateOnly) }

// weekName is "7–13 April 2025", or "31 March – 6 April 2025" across months.
func weekName(from, to time.Time) string {
	switch {
	case from.Year() != to.Year():
		return from.Format("2 January 2006") + " – " + to.Format("2 January 2006")
	case from.Month() != to.Month():
		return from.Format("2 January") + " – " + to.Format("2 January 2006")
	}
	return from.Format("2") + "–" + to.Format("2 January 2006")
}

type datedMeeting struct {
	date time.Time
	meetingItem
}

// collectMeetings picks the meetings dated from from to to (inclusive; a
// zero to leaves the end open), oldest first. Many outlets report one
// meeting, so meetings of one kind, day and place are one, with the people
// and organisations every report names.
func collectMeetings(hits []index.Hit, from, to, today time.Time) []datedMeeting {
	byKey := map[string]*datedMeeting{}
	var all []*datedMeeting
	for _, h := range hits {
		src := link{Label: h.Title, Href: articleHref(h.ID)}
		if src.Label == "" {
			src.Label = openingOf(h.Snippet)
		}
		for _, m := range h.Meetings {
			d, err := time.Parse(time.DateOnly, m.Date)
			if err != nil || d.Before(from) || !to.IsZero() && d.After(to) || m.Status == defwatch.MeetingCancelled && !d.Before(today) {
				continue // a summit called off is no upcoming meeting
			}
			key := m.Date + "\x00" + strings.ToLower(m.Kind) + "\x00" + strings.ToLower(strings.TrimSpace(m.Location))
			dm, ok := byKey[key]
			if !ok {
				dm = &datedMeeting{date: d, meetingItem: meetingItem{
					Kind: m.Kind, Location: strings.TrimSpace(m.Location), Text: m.Text, From: src, FromSource: index.OutletName(&h.Article),
				}}
				byKey[key] = dm
				all = append(all, dm)
			} else if dm.From != src && !slices.Contains(dm.Also, src) {
				dm.Also = append(dm.Also, src)
			}
			dm.Participants = union(dm.Participants, m.Participants)
			dm.Orgs = union(dm.Orgs, m.Orgs)
		}
	}
	slices.SortStableFunc(all, func(a, b *datedMeeting) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(rank(a.Kind), rank(b.Kind)),
			strings.Compare(strings.ToLower(a.Location), strings.ToLower(b.Location)))
	})
	out := make([]datedMeeting, len(all))
	for i, dm := range all {
		out[i] = *dm
	}
	return out
}

func rank(kind string) int {
	if r, ok := kindOrder[strings.ToLower(kind)]; ok {
		return r
	}
	return len(kindOrder)
}

// union appends the names of b not yet in a, ignoring case.
func union(a, b []string) []string {
	for _, s := range b {
		s = strings.TrimSpace(s)
		if s != "" && !slices.ContainsFunc(a, func(x string) bool { return strings.EqualFold(x, s) }) {
			a = append(a, s)
		}
	}
	return a
}

// groupByDay turns meetings sorted by date into one group a day.
func groupByDay(ms []datedMeeting, today time.Time) []meetingDay {
	var out []meetingDay
	for _, m := range ms {
		date := m.date.Format(time.DateOnly)
		if len(out) == 0 || out[len(out)-1].Date != date {
			day := meetingDay{Date: date, Heading: m.date.Format("Monday 2 January 2006")}
			if n := m.date.Sub(today).Hours() / 24; n > -15 && n < 15 {
				day.Relative = relative(m.date, today)
			}
			out = append(out, day)
		}
		out[len(out)-1].Meetings = append(out[len(out)-1].Meetings, m.meetingItem)
	}
	return out
}

func relative(d, today time.Time) string {
	n := int(d.Sub(today).Hours() / 24)
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "yesterday"
	case n > 1:
		return "in " + itoa(n) + " days"
	default:
		return itoa(-n) + " days ago"
	}
}
