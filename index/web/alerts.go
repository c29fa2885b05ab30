package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/alert"
)

// Rules is what the alerts page needs of the saved searches: the same
// store the CLI and the API change, so a rule one adds the others list.
type Rules interface {
	List(ctx context.Context) ([]defwatch.Rule, error)
	Put(ctx context.Context, r defwatch.Rule) (created bool, err error)
	Delete(ctx context.Context, name string) error
}

// Option configures New.
type Option func(*server)

// WithRules serves the saved searches at /alerts: listed, added and
// removed from the page.
func WithRules(r Rules) Option { return func(h *server) { h.rules = r } }

// maxRuleForm bounds a posted form: a name, a query, a period and a URL.
const maxRuleForm = 16 << 10

// digestChoices are the periods the form offers; the CLI and the API take
// any of a minute or more.
var digestChoices = []struct{ Value, Label string }{
	{"", "each match at once"}, {"15m", "every 15 minutes"}, {"1h", "every hour"}, {"6h", "every 6 hours"}, {"24h", "every day"},
}

type alertsPage struct {
	Available bool // a rules store is wired in
	Rules     []alert.RuleView
	Form      ruleForm
	Error     string // why the form was refused
	Notice    string // what the last change did
	Digests   []struct{ Value, Label string }
	Unread    string // rules that could not be read
}

type ruleForm struct {
	Name, Query, Digest, Webhook string
	Other                        bool // a digest the choices lack, kept as typed
}

func (h *server) alerts(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	d := alertsPage{Form: ruleForm{Query: strings.TrimSpace(q.Get("q"))}}
	switch {
	case q.Get("saved") != "":
		d.Notice = "Saved " + q.Get("saved") + ": every new article it finds is an alert on " + defwatch.SubjectAlerts + "." + q.Get("saved") + "."
	case q.Get("removed") != "":
		d.Notice = "Removed " + q.Get("removed") + "."
	}
	h.renderAlerts(rw, r, http.StatusOK, d)
}

// renderAlerts lists the rules beside d's form and notes.
func (h *server) renderAlerts(rw http.ResponseWriter, r *http.Request, status int, d alertsPage) {
	d.Digests = digestChoices
	d.Available = h.rules != nil
	d.Form.Other = d.Form.Digest != ""
	for _, c := range digestChoices {
		if c.Value == d.Form.Digest {
			d.Form.Other = false
		}
	}
	if h.rules != nil {
		ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
		defer cancel()
		rules, err := h.rules.List(ctx)
		if err != nil && rules == nil {
			h.log.Error("list saved searches", "err", err)
			h.fail(rw, r, http.StatusServiceUnavailable, "Saved searches unavailable",
				"The saved searches could not be read from NATS. The server's log says why; reload to try again.")
			return
		}
		if err != nil {
			d.Unread = err.Error()
		}
		for _, rule := range rules {
			d.Rules = append(d.Rules, alert.View(rule))
		}
	}
	h.render(rw, r, status, "alerts", page{Title: "Alerts", Nav: "alerts", Data: d})
}

// addAlert saves the posted rule and goes back to the list; a rule that
// cannot be saved shows the form again with the reason.
func (h *server) addAlert(rw http.ResponseWriter, r *http.Request) {
	if h.rules == nil {
		h.fail(rw, r, http.StatusNotFound, "No saved searches here", "This server does not keep saved searches.")
		return
	}
	r.Body = http.MaxBytesReader(rw, r.Body, maxRuleForm)
	if err := r.ParseForm(); err != nil {
		h.fail(rw, r, http.StatusBadRequest, "The form could not be read", "Send it again from the alerts page.")
		return
	}
	f := ruleForm{Name: strings.TrimSpace(r.PostForm.Get("name")), Query: strings.TrimSpace(r.PostForm.Get("query")),
		Digest: strings.TrimSpace(r.PostForm.Get("digest")), Webhook: strings.TrimSpace(r.PostForm.Get("webhook"))}
	rule := defwatch.Rule{Name: f.Name, Query: f.Query, Webhook: f.Webhook}
	if f.Digest != "" {
		d, err := time.ParseDuration(f.Digest)
		if err != nil {
			h.renderAlerts(rw, r, http.StatusBadRequest, alertsPage{Form: f, Error: "digest " + f.Digest + ": not a period (write 1h, 30m or 24h)"})
			return
		}
		rule.Digest = defwatch.Duration(d)
	}
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	if _, err := h.rules.Put(ctx, rule); err != nil {
		if errors.Is(err, alert.ErrBadRule) {
			h.renderAlerts(rw, r, http.StatusBadRequest, alertsPage{Form: f, Error: ruleReason(err)})
			return
		}
		h.log.Error("save a saved search", "rule", f.Name, "err", err)
		h.fail(rw, r, http.StatusServiceUnavailable, "Not saved", "The saved search could not be written to NATS. The server's log says why; go back and try again.")
		return
	}
	// After a POST, a redirect: reloading the list does not send the form again.
	http.Redirect(rw, r, "/alerts?saved="+url.QueryEscape(f.Name), http.StatusSeeOther)
}

func (h *server) removeAlert(rw http.ResponseWriter, r *http.Request) {
	if h.rules == nil {
		h.fail(rw, r, http.StatusNotFound, "No saved searches here", "This server does not keep saved searches.")
		return
	}
	name := r.PathValue("name")
	ctx, cancel := context.WithTimeout(r.Context(), searchTimeout)
	defer cancel()
	switch err := h.rules.Delete(ctx, name); {
	case errors.Is(err, alert.ErrNoRule):
		h.renderAlerts(rw, r, http.StatusNotFound, alertsPage{Error: "There is no saved search " + name + " (it may have been removed already)."})
		return
	case err != nil:
		h.log.Error("remove a saved search", "rule", name, "err", err)
		h.fail(rw, r, http.StatusServiceUnavailable, "Not removed", "The saved search could not be removed from NATS. The server's log says why; go back and try again.")
		return
	}
	http.Redirect(rw, r, "/alerts?removed="+url.QueryEscape(name), http.StatusSeeOther)
}

// ruleReason is the part of a refusal a person needs.
func ruleReason(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, alert.ErrBadRule.Error()+": "); i >= 0 {
		return msg[i+len(alert.ErrBadRule.Error())+2:]
	}
	return msg
}
