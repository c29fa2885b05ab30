// Package defwatch holds what the pipeline's stages share: the Page that ingest
// publishes, the Article that extract publishes and index stores, the entity
// types inside it, and the names of the NATS subjects and streams they meet on.
// It imports only the standard library.
package defwatch

import (
	"context"
	"errors"
	"time"
)

// Page is one fetched article page (or one archived article's text) on its way
// from ingest to extract. HTML is already decoded to UTF-8; pages that come from
// an archive carry Text instead of HTML.
type Page struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Feed      string    `json:"feed,omitempty"`
	Source    string    `json:"source,omitempty"`
	Title     string    `json:"title,omitempty"`     // the feed item's title
	Published time.Time `json:"published,omitzero"`  // the feed item's date
	Fetched   time.Time `json:"fetched,omitzero"`    // when ingest fetched it
	Charset   string    `json:"charset,omitempty"`   // the encoding the body was decoded from
	Lang      string    `json:"lang,omitempty"`      // a language the source declared
	LangFrom  string    `json:"lang_from,omitempty"` // "header", "feed" or "archive"
	HTML      string    `json:"html,omitempty"`      // the page, as UTF-8
	Text      string    `json:"text,omitempty"`      // plain text, when there is no page
	Byline    string    `json:"byline,omitempty"`    // the feed item's author
	Imported  bool      `json:"imported,omitempty"`  // came from an archive, not a feed
	// TextFrom is TextFromFeed when the page could not be fetched and Text
	// is what the feed item said; a later fetch of the page replaces it.
	TextFrom string `json:"text_from,omitempty"`
}

// Article is the document analysts search and alert consumers receive. Its JSON
// field names are part of the public interface: the HTTP API, NATS payloads and
// the output of `defwatch extract` all use them.
type Article struct {
	ID            string    `json:"id"`
	URL           string    `json:"url"`
	Source        string    `json:"source"`
	SiteName      string    `json:"site_name,omitempty"`
	Feed          string    `json:"feed,omitempty"`
	Title         string    `json:"title"`
	TitleFrom     string    `json:"title_from,omitempty"`
	Byline        string    `json:"byline,omitempty"`
	Published     time.Time `json:"published,omitzero"`
	PublishedFrom string    `json:"published_from,omitempty"`
	Modified      time.Time `json:"modified,omitzero"`
	Fetched       time.Time `json:"fetched,omitzero"`
	Lang          string    `json:"lang,omitempty"`
	LangFrom      string    `json:"lang_from,omitempty"`
	Image         string    `json:"image,omitempty"`
	Text          string    `json:"text,omitempty"`
	// TextFrom is "feed" when the page could not be fetched and the text
	// is the feed item's; the article is replaced once the page is read.
	TextFrom string `json:"text_from,omitempty"`
	// Kind says what the page is: KindArticle, KindListing or KindOther.
	// Text imported from an archive is an article.
	Kind string `json:"kind,omitempty"`

	Nations  []Nation  `json:"nations"`
	Troops   []Troop   `json:"troops"`
	Meetings []Meeting `json:"meetings"`
	Orgs     []Org     `json:"orgs"`
	People   []Person  `json:"people"`
	Places   []Place   `json:"places"`
}

// Kinds of page. A listing (a home page, a section front, a tag or search
// page) lists other pages with a teaser each; its text is those teasers, not a
// story. Other is a page that is neither: a shop's product, a form, a page
// with next to no prose.
const (
	KindArticle = "article"
	KindListing = "listing"
	KindOther   = "other"
)

// Nation is a state the article names, as an ISO 3166-1 alpha-2 code, with
// how many times it was named.
type Nation struct {
	Code  string `json:"code"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Troop categories.
const (
	TroopStrength   = "strength"   // size of a force, deployment, build-up, contribution
	TroopCasualties = "casualties" // killed, wounded, captured, missing
	TroopOther      = "other"      // trained, mobilised, recruited, exchanged
)

// Troop statuses: what the text says of a figure. A figure the text says
// none of these about has the status "".
const (
	TroopDeployed  = "deployed"  // in place, sent, massed, serving
	TroopPlanned   = "planned"   // to be sent or raised ("will deploy")
	TroopProposed  = "proposed"  // asked for or considered ("could send")
	TroopEstimated = "estimated" // an estimate ("an estimated", "believed to")
	TroopClaimed   = "claimed"   // one party's count of the other's losses, or a disputed one
)

// Troop is a figure of military personnel. Min and Max are equal for a single
// number; Approx is set when the text hedges it ("roughly", "up to").
//
// Nation is the state whose personnel they are, as the sentence gives it:
// an adjective ("12,000 Ukrainian troops"), a possessor ("Russia's 127,000
// soldiers"), the subject of the verb ("Ukraine will deploy about 12,000
// troops"), or "" when the text does not say. Status is one of the Troop
// statuses or "". Source is who the text says gives the figure: an ISO
// 3166-1 alpha-2 code for a state or its government bodies ("according to
// the UK Ministry of Defence" → GB), an organisation's short name (NATO,
// UN, ISW), or "" when the figure is not attributed; the same count from
// Kyiv and from Moscow means different things.
type Troop struct {
	Min      int64  `json:"min"`
	Max      int64  `json:"max"`
	Approx   bool   `json:"approx"`
	Unit     string `json:"unit"`
	Nation   string `json:"nation"`
	Category string `json:"category"`
	Status   string `json:"status"`
	Source   string `json:"source"`
	Text     string `json:"text"`
}

// Meeting kinds.
const (
	MeetingSummit      = "summit"
	MeetingMinisterial = "ministerial"
	MeetingTalks       = "talks"
	MeetingConference  = "conference"
	MeetingCall        = "call"
	MeetingMeeting     = "meeting"
)

// Meeting statuses.
const (
	MeetingHeld      = "held"      // took place, or is going on at publication
	MeetingPlanned   = "planned"   // scheduled, announced or agreed for the future
	MeetingCancelled = "cancelled" // called off, postponed without a new date, or blocked
	MeetingProposed  = "proposed"  // proposed or invited by one side, not agreed
)

// Meeting is a summit, ministerial, round of talks, conference or call the
// article reports, one per event however many sentences tell of it. Date is
// YYYY-MM-DD, resolved against the publication date in the source's own
// time zone, and empty when the text does not fix the day. Location is the
// city the meeting takes place in ("NATO headquarters" → Brussels, "Munich
// Security Conference" → Munich), or a named venue without a city.
// Participants are the states whose representatives take part, as ISO
// codes; Orgs the organisations taking part or hosting. Status is one of
// the Meeting statuses: a cancelled summit is no upcoming meeting.
type Meeting struct {
	Kind         string   `json:"kind"`
	Date         string   `json:"date"`
	Location     string   `json:"location"`
	Participants []string `json:"participants"`
	Orgs         []string `json:"orgs"`
	Status       string   `json:"status"`
	Text         string   `json:"text"`
}

// Org is an international or national organisation the article names.
type Org struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// Person is a named person, with the title the article gives them.
type Person struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
}

// Place is a named place with the country it lies in.
type Place struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

// NATS streams and subjects. The pipeline's own subjects (pages and articles)
// are kept apart from announcements and alerts, so no stage ever consumes its
// own output again.
const (
	StreamPages    = "DEFWATCH_PAGES"
	StreamArticles = "DEFWATCH_ARTICLES"

	SubjectPages = "defwatch.pages"
	// SubjectImport carries archived articles (`defwatch import`) into the
	// pages stream: a subject of its own, so importing can be allowed
	// without allowing a page to pass for one ingest fetched.
	SubjectImport = "defwatch.import"
	// SubjectArticles is the prefix of defwatch.articles.<lang>.
	SubjectArticles = "defwatch.articles"
	// SubjectSearch answers search requests (request/reply, queue group).
	SubjectSearch = "defwatch.search"
	// SubjectArticleGet answers requests for one article by id.
	SubjectArticleGet = "defwatch.article"

	// KVFeeds holds the feed set: one Feed per key (FeedKey of its URL).
	KVFeeds = "defwatch_feeds"
	// KVSeen remembers every feed item, by the article id of its link:
	// queued, published, or given up.
	KVSeen = "defwatch_seen"

	// StreamAlerts keeps the alerts of saved searches, published on
	// defwatch.alerts.<rule>, so a consumer that was down catches up.
	StreamAlerts  = "DEFWATCH_ALERTS"
	SubjectAlerts = "defwatch.alerts"
	// StreamDigest holds the matches of digest rules until their period's
	// digest is sent (defwatch.digest.<rule>).
	StreamDigest  = "DEFWATCH_DIGEST"
	SubjectDigest = "defwatch.digest"
	// KVRules holds the saved searches, one Rule per key.
	KVRules = "defwatch_rules"
	// KVAlerted records each rule's alerted stories, so a story alerts once
	// per rule.
	KVAlerted = "defwatch_alerted"
	// KVAlerter remembers how far through the articles stream alerts were
	// sent, so an index rebuilt from the stream does not alert again.
	KVAlerter = "defwatch_alerter"

	// Announcements of indexed articles, on core NATS (live, not stored):
	// every article on defwatch.indexed, and by what it names on
	// defwatch.nations.<CODE>, defwatch.troops.<CODE or XX> and
	// defwatch.meetings.<kind>. None lies under defwatch.articles.>.
	SubjectIndexed  = "defwatch.indexed"
	SubjectNations  = "defwatch.nations"
	SubjectTroops   = "defwatch.troops"
	SubjectMeetings = "defwatch.meetings"
)

// Rule is a saved search: every new article its query finds is an alert.
type Rule struct {
	Name  string `json:"name"`
	Query string `json:"query"`
	// Digest, when set, gathers the matches of each period into one
	// message instead of one alert per match.
	Digest Duration `json:"digest,omitzero"`
	// Webhook, when set, receives every alert and digest as a POST.
	Webhook string    `json:"webhook,omitempty"`
	Created time.Time `json:"created,omitzero"`
}

// Duration is a time.Duration written in JSON as "1h30m".
type Duration time.Duration

func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	*d = Duration(v)
	return err
}

// ValidRuleName says name can be a rule's name: it becomes a NATS subject
// token and a KV key, so letters, digits, '-' and '_' only, at most 64.
func ValidRuleName(name string) bool {
	return name != "" && len(name) <= 64 && isToken(name)
}

// Summary is what announcements and alerts say of an article: everything
// but its text.
type Summary struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	Lang      string    `json:"lang,omitempty"`
	// Story is the id of the first copy of the wire story the article is a
	// copy of (its own id when it is the first).
	Story    string    `json:"story,omitempty"`
	Nations  []Nation  `json:"nations"`
	Troops   []Troop   `json:"troops"`
	Meetings []Meeting `json:"meetings"`
	Indexed  time.Time `json:"indexed"`
}

// Summarize returns a's Summary.
func Summarize(a *Article, story string, indexed time.Time) Summary {
	return Summary{
		ID: a.ID, URL: a.URL, Title: a.Title, Source: a.Source, Published: a.Published,
		Lang: a.Lang, Story: story, Nations: a.Nations, Troops: a.Troops, Meetings: a.Meetings,
		Indexed: indexed,
	}
}

// Alert is one message on defwatch.alerts.<rule>: either one article a
// saved search found (Kind "match", the article's Summary and Snippet
// filled in) or a digest of a period's matches (Kind "digest", Matches).
type Alert struct {
	Kind     string `json:"kind"`
	Rule     string `json:"rule"`
	Query    string `json:"query"`
	*Summary        // nil in a digest
	// Snippet is HTML: the passage where the query's words occur, in
	// <mark>, everything else escaped.
	Snippet string `json:"snippet,omitempty"`
	// A digest's period and its matches, oldest first.
	From    time.Time `json:"from,omitzero"`
	To      time.Time `json:"to,omitzero"`
	Matches []Alert   `json:"matches,omitempty"`
	Sent    time.Time `json:"sent"`
}

// Alert kinds.
const (
	AlertMatch  = "match"
	AlertDigest = "digest"
)

// ArticleSubject is the subject an article in lang is published on.
func ArticleSubject(lang string) string {
	if lang == "" || !isToken(lang) {
		lang = "und"
	}
	return SubjectArticles + "." + lang
}

func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// Errors the stages share.
var (
	// ErrNotFound: no article has that id.
	ErrNotFound = errors.New("not found")
	// ErrBadQuery: a search query, or a parameter of a search, cannot be
	// used; the error says why and what would do.
	ErrBadQuery = errors.New("bad query")
)

// MaxDeliveries bounds how often a stage tries one message. With
// RetryDelay between tries it spans about two hours, so an outage of NATS
// or a full disk is ridden out, while a message that can never succeed
// stops being retried.
const MaxDeliveries = 30

// RetryDelay is how long a stage waits before trying a message again after
// its delivery-th failure: doubling from one second, at most five minutes.
func RetryDelay(delivery uint64) time.Duration {
	if delivery > 9 {
		return 5 * time.Minute
	}
	return min(time.Second<<delivery, 5*time.Minute)
}

// Sleep waits d or until ctx ends, whichever comes first.
func Sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}
