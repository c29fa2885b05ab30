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
	Today     string
	Updated   string
	Upcoming  []meetingDay
	Recent    []meetingDay
	Truncated bool // more articles matched than the page read
	Search    string
}

type meetingDay struct {
	Date     string
	Heading  string // "Thursday 10 April 2025"
	Relative string // "today", "in 3 days", "2 days ago"
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
	since := today.AddDate(0, 0, -recentDays)
	query := "meeting_after:" + since.Format(time.DateOnly)
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()

	var hits []index.Hit
	req := index.Request{Query: query, Sort: index.SortNewest, Size: index.MaxSize, NoFacets: true}
	truncated := false
	for i := 0; ; i++ {
		res, err := h.s.Search(ctx, req)
		if err != nil {
			h.searchFailed(rw, r, err)
			return
		}
		hits = append(hits, res.Hits...)
		if res.Next == "" || len(res.Hits) == 0 {
			break
		}
		if i+1 == meetingPages {
			truncated = true
			break
		}
		req.After = res.Next
	}

	up, recent := collectMeetings(hits, today, since)
	d := meetingsPage{
		Today:     today.Format(time.DateOnly),
		Updated:   now.Format("15:04 UTC"),
		Upcoming:  groupByDay(up, today),
		Recent:    groupByDay(recent, today),
		Truncated: truncated,
		Search:    searchHref("meeting_after:"+today.Format(time.DateOnly), index.SortNewest),
	}
	// Newest first: what just happened matters more than what happened a
	// week ago.
	slices.Reverse(d.Recent)
	h.render(rw, r, http.StatusOK, "meetings", page{Title: "Meetings", Nav: "meetings",
		Refresh: int(refreshEvery.Seconds()), Data: d})
}

type datedMeeting struct {
	date time.Time
	meetingItem
}

// collectMeetings picks the meetings dated from today on, and those of the
// days since the recent section starts. Many outlets report one meeting,
// so meetings of one kind, day and place are one, with the people and
// organisations every report names.
func collectMeetings(hits []index.Hit, today, since time.Time) (upcoming, recent []datedMeeting) {
	byKey := map[string]*datedMeeting{}
	var all []*datedMeeting
	for _, h := range hits {
		from := link{Label: h.Title, Href: articleHref(h.ID)}
		if from.Label == "" {
			from.Label = "(untitled)"
		}
		for _, m := range h.Meetings {
			d, err := time.Parse(time.DateOnly, m.Date)
			if err != nil || d.Before(since) || m.Status == defwatch.MeetingCancelled && !d.Before(today) {
				continue // a summit called off is no upcoming meeting
			}
			key := m.Date + "\x00" + strings.ToLower(m.Kind) + "\x00" + strings.ToLower(strings.TrimSpace(m.Location))
			dm, ok := byKey[key]
			if !ok {
				dm = &datedMeeting{date: d, meetingItem: meetingItem{
					Kind: m.Kind, Location: strings.TrimSpace(m.Location), Text: m.Text, From: from, FromSource: h.Source,
				}}
				byKey[key] = dm
				all = append(all, dm)
			} else if dm.From != from && !slices.Contains(dm.Also, from) {
				dm.Also = append(dm.Also, from)
			}
			dm.Participants = union(dm.Participants, m.Participants)
			dm.Orgs = union(dm.Orgs, m.Orgs)
		}
	}
	slices.SortStableFunc(all, func(a, b *datedMeeting) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(rank(a.Kind), rank(b.Kind)),
			strings.Compare(strings.ToLower(a.Location), strings.ToLower(b.Location)))
	})
	for _, dm := range all {
		if dm.date.Before(today) {
			recent = append(recent, *dm)
		} else {
			upcoming = append(upcoming, *dm)
		}
	}
	return upcoming, recent
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
			out = append(out, meetingDay{Date: date, Heading: m.date.Format("Monday 2 January 2006"), Relative: relative(m.date, today)})
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
