package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/defwatch/defwatch"
)

// What each NATS user may do, in one place. The embedded server's
// permissions are made from these lists, and so is the permissions part of
// deploy/nats/users.conf (and of the ConfigMap in deploy/k8s/nats.yaml):
// after changing a list, run
//
//	go test ./cmd/defwatch -run TestUsersConfIsGenerated -update
//
// A new subject under defwatch. is the stages' already. A new KV bucket
// operators manage goes in adminBuckets; a new request people may make, in
// readerRequests (everyone) or adminRequests (operators); a new stream an
// operator may follow with a consumer of its own, in adminStreams.
var (
	// readerSubjects are what analysts and operators may subscribe to:
	// alerts and announcements.
	readerSubjects = []string{
		defwatch.SubjectAlerts + ".>", defwatch.SubjectNations + ".>", defwatch.SubjectTroops + ".>",
		defwatch.SubjectMeetings + ".>", defwatch.SubjectIndexed,
	}
	// readerRequests are the requests analysts and operators may make.
	readerRequests = []string{defwatch.SubjectSearch, defwatch.SubjectArticleGet}

	// adminRequests are the subjects only operators may publish to:
	// archives for the pages stream.
	adminRequests = []string{defwatch.SubjectImport}
	// adminStreamInfo are streams whose state operators may look at:
	// `defwatch import` waits for the pages stream.
	adminStreamInfo = []string{defwatch.StreamPages}
	// adminStreams are streams operators may follow with durable consumers
	// of their own (`defwatch alerts tail --since`, a bot that must miss no
	// alert).
	adminStreams = []string{defwatch.StreamAlerts}
	// adminBuckets are the KV buckets whose keys operators read, watch,
	// put and delete: saved searches, the feed set and its feeds' health
	// (`defwatch feeds list` shows it, `feeds rm` clears it). Not the
	// buckets themselves.
	adminBuckets = []string{defwatch.KVRules, defwatch.KVFeeds, defwatch.KVFeedState}
	// adminKeys are single keys of other buckets operators may read:
	// whether the running index stage sends webhooks to private addresses,
	// which `alerts add` checks a webhook against.
	adminKeys = [][2]string{{defwatch.KVAlerter, allowPrivateKey}}
)

// Each user's inbox prefix. Replies to a user's requests (searches, KV
// reads, JetStream answers) arrive under it, and only that user may
// subscribe there, so one user never reads the answers another was given:
// the stages' pulled pages, or the saved searches (webhook addresses
// included) an operator listed. A client sets it with
// nats.CustomInboxPrefix, the nats CLI with --inbox-prefix.
const (
	stagesInbox  = "_INBOX_defwatch"
	analystInbox = "_INBOX_analyst"
	adminInbox   = "_INBOX_admin"
)

// inboxOf is user's inbox prefix.
func inboxOf(user string) string {
	switch user {
	case natsUserStages:
		return stagesInbox
	case natsUserAnalyst:
		return analystInbox
	case natsUserAdmin:
		return adminInbox
	}
	return ""
}

// natsGrant is one reason a user may publish or subscribe to some
// subjects.
type natsGrant struct {
	why      string // written above the subjects in users.conf
	pub, sub []string
}

// natsGrants are user's grants, and whether it answers requests (only the
// stages do: search and article requests, to whatever inbox they came
// from).
func natsGrants(user string) (grants []natsGrant, responds bool) {
	reader := func(user string) []natsGrant {
		return []natsGrant{
			{why: "Alerts and announcements.", sub: readerSubjects},
			{why: "Searches and articles, by request; the answers come to this user's own inbox.",
				pub: readerRequests, sub: []string{inboxOf(user) + ".>"}},
		}
	}
	switch user {
	case natsUserStages:
		return []natsGrant{
			{why: "The pipeline's subjects: pages, articles, announcements, alerts, search requests.",
				pub: []string{"defwatch.>"}, sub: []string{"defwatch.>"}},
			{why: "The JetStream and KV APIs the stages create and use their streams, consumers and buckets with.",
				pub: []string{"$JS.API.>", "$JS.ACK.>", "$JS.FC.>", "$KV.>"}},
			{why: "Answers to the stages' own requests.", sub: []string{stagesInbox + ".>"}},
		}, true
	case natsUserAnalyst:
		return reader(natsUserAnalyst), false
	case natsUserAdmin:
		g := reader(natsUserAdmin)
		imp := natsGrant{why: "Imports (defwatch import), and the state of the streams it waits for.",
			pub: append(slices.Clone(adminRequests), "$JS.API.INFO")}
		for _, s := range adminStreamInfo {
			imp.pub = append(imp.pub, "$JS.API.STREAM.INFO."+s)
		}
		g = append(g, imp)
		for _, s := range adminStreams {
			g = append(g, natsGrant{why: "Consumers of " + s + " of its own, and their acknowledgements.", pub: consumerSubjects(s)})
		}
		for _, b := range adminBuckets {
			kv := "KV_" + b
			g = append(g, natsGrant{why: "KV bucket " + b + ": read, watch, put and delete keys; not the bucket.",
				pub: append(consumerSubjects(kv), "$KV."+b+".>", "$JS.API.DIRECT.GET."+kv+".>", "$JS.API.STREAM.MSG.GET."+kv)})
		}
		for _, k := range adminKeys {
			kv := "KV_" + k[0]
			g = append(g, natsGrant{why: "Key " + k[1] + " of KV bucket " + k[0] + ", to read.",
				pub: []string{"$JS.API.STREAM.INFO." + kv, "$JS.API.DIRECT.GET." + kv + ".$KV." + k[0] + "." + k[1]}})
		}
		return g, false
	}
	return nil, false
}

// consumerSubjects let a user look at stream, make, use and delete
// consumers of it and acknowledge what they deliver; not change the
// stream.
func consumerSubjects(stream string) []string {
	return []string{
		"$JS.API.STREAM.INFO." + stream,
		"$JS.API.CONSUMER.CREATE." + stream, "$JS.API.CONSUMER.CREATE." + stream + ".>",
		"$JS.API.CONSUMER.INFO." + stream + ".*", "$JS.API.CONSUMER.DELETE." + stream + ".*",
		"$JS.API.CONSUMER.MSG.NEXT." + stream + ".*", "$JS.ACK." + stream + ".>", "$JS.FC." + stream + ".>",
	}
}

// natsResponse is how the stages may answer a request: one message, within
// a minute.
var natsResponse = server.ResponsePermission{MaxMsgs: 1, Expires: time.Minute}

// natsPermissions are user's permissions on the embedded server; nil for a
// user defwatch does not have.
func natsPermissions(user string) *server.Permissions {
	grants, responds := natsGrants(user)
	if grants == nil {
		return nil
	}
	p := &server.Permissions{Publish: &server.SubjectPermission{}, Subscribe: &server.SubjectPermission{}}
	for _, g := range grants {
		p.Publish.Allow = append(p.Publish.Allow, g.pub...)
		p.Subscribe.Allow = append(p.Subscribe.Allow, g.sub...)
	}
	if responds {
		r := natsResponse
		p.Response = &r
	}
	return p
}

// Markers of the part of users.conf written from the lists above.
const (
	usersConfBegin = "# BEGIN permissions: written from cmd/defwatch/natsperm.go, do not edit by hand"
	usersConfEnd   = "# END permissions"
)

// usersConfPermissions is the permissions part of users.conf: one
// variable per user (STAGES_PERMISSIONS, ...), in nats-server's
// configuration language, markers included.
func usersConfPermissions() string {
	var b strings.Builder
	b.WriteString(usersConfBegin + "\n")
	for _, user := range []string{natsUserStages, natsUserAnalyst, natsUserAdmin} {
		grants, responds := natsGrants(user)
		name := strings.ToUpper(user)
		if user == natsUserStages {
			name = "STAGES"
		}
		fmt.Fprintf(&b, "\n%s_PERMISSIONS = {\n", name)
		for _, dir := range []string{"publish", "subscribe"} {
			fmt.Fprintf(&b, "  %s: [\n", dir)
			for _, g := range grants {
				subjects := g.pub
				if dir == "subscribe" {
					subjects = g.sub
				}
				if len(subjects) == 0 {
					continue
				}
				fmt.Fprintf(&b, "    # %s\n", g.why)
				for _, s := range subjects {
					fmt.Fprintf(&b, "    %q\n", s)
				}
			}
			b.WriteString("  ]\n")
		}
		if responds {
			expires := strings.TrimSuffix(natsResponse.Expires.String(), "0s") // "1m", not "1m0s"
			fmt.Fprintf(&b, "  # Answers to search and article requests: one to each, within %s.\n", expires)
			fmt.Fprintf(&b, "  allow_responses: {max: %d, expires: %q}\n", natsResponse.MaxMsgs, expires)
		}
		b.WriteString("}\n")
	}
	b.WriteString("\n" + usersConfEnd + "\n")
	return b.String()
}
