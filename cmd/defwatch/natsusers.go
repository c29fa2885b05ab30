package main

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/defwatch/defwatch"
)

// The NATS users of the embedded server (and of deploy/nats): the stages'
// own, one for people and programs that read what defwatch finds, one for
// those who tell it what to look for.
const (
	natsUserStages  = "defwatch"
	natsUserAnalyst = "analyst"
	natsUserAdmin   = "admin"
)

// stagesInbox is the inbox prefix of the stages' connections. Replies to
// them (pulled pages and articles, KV reads) then go to subjects the
// analyst's _INBOX.> does not cover.
const stagesInbox = "_INBOX_defwatch"

// adminBuckets are the KV buckets the admin user manages: saved searches
// and feeds.
var adminBuckets = []string{defwatch.KVRules, defwatch.KVFeeds}

// natsPermissions are the subject permissions of each user.
func natsPermissions(user string) *server.Permissions {
	readSubjects := []string{
		defwatch.SubjectAlerts + ".>", defwatch.SubjectNations + ".>", defwatch.SubjectTroops + ".>",
		defwatch.SubjectMeetings + ".>", defwatch.SubjectIndexed,
	}
	switch user {
	case natsUserStages:
		// Everything under defwatch., the JetStream and KV APIs the stages
		// manage their streams, consumers and buckets with, and replies to
		// the search requests they serve; not the system account, not
		// other users' inboxes, not subjects outside defwatch.
		return &server.Permissions{
			Publish:   &server.SubjectPermission{Allow: []string{"defwatch.>", "$JS.API.>", "$JS.ACK.>", "$JS.FC.>", "$KV.>"}},
			Subscribe: &server.SubjectPermission{Allow: []string{"defwatch.>", stagesInbox + ".>"}},
			Response:  &server.ResponsePermission{MaxMsgs: 1, Expires: time.Minute},
		}
	case natsUserAnalyst:
		return &server.Permissions{
			Publish:   &server.SubjectPermission{Allow: []string{defwatch.SubjectSearch, defwatch.SubjectArticleGet}},
			Subscribe: &server.SubjectPermission{Allow: append(readSubjects, "_INBOX.>")},
		}
	case natsUserAdmin:
		pub := []string{defwatch.SubjectSearch, defwatch.SubjectArticleGet, defwatch.SubjectImport, "$JS.API.INFO",
			"$JS.API.STREAM.INFO." + defwatch.StreamPages}
		// Following the alerts stream (alerts tail --since, a bot's
		// durable consumer) needs a consumer of it and its acks; the
		// consumer API allows no more than that.
		pub = append(pub, "$JS.ACK."+defwatch.StreamAlerts+".>")
		for _, stream := range append([]string{defwatch.StreamAlerts}, kvStreams(adminBuckets)...) {
			pub = append(pub,
				"$JS.API.STREAM.INFO."+stream,
				"$JS.API.CONSUMER.CREATE."+stream, "$JS.API.CONSUMER.CREATE."+stream+".>",
				"$JS.API.CONSUMER.INFO."+stream+".*", "$JS.API.CONSUMER.DELETE."+stream+".*",
				"$JS.API.CONSUMER.MSG.NEXT."+stream+".*", "$JS.FC."+stream+".>")
		}
		for _, b := range adminBuckets {
			pub = append(pub, "$KV."+b+".>", "$JS.API.DIRECT.GET.KV_"+b+".>", "$JS.API.STREAM.MSG.GET.KV_"+b)
		}
		return &server.Permissions{
			Publish:   &server.SubjectPermission{Allow: pub},
			Subscribe: &server.SubjectPermission{Allow: append(readSubjects, "_INBOX.>")},
		}
	}
	return nil
}

func kvStreams(buckets []string) []string {
	out := make([]string, len(buckets))
	for i, b := range buckets {
		out[i] = "KV_" + b
	}
	return out
}

// natsUsersFile holds the embedded server's passwords, by user. The server
// needs them to check clients, and commands on the same machine read them
// to connect, so they are kept as they are, readable by the owner only.
const natsUsersFile = "nats-users.json"

// natsUsers maps a user to its password.
type natsUsers map[string]string

// loadNATSUsers reads the users file of a data directory.
func loadNATSUsers(data string) (natsUsers, error) {
	raw, err := os.ReadFile(filepath.Join(data, natsUsersFile))
	if err != nil {
		return nil, err
	}
	var u natsUsers
	if err := json.Unmarshal(raw, &u); err != nil {
		return nil, fmt.Errorf("%s: %w (remove it and restart defwatch run to make new passwords)", filepath.Join(data, natsUsersFile), err)
	}
	for _, name := range []string{natsUserStages, natsUserAnalyst, natsUserAdmin} {
		if u[name] == "" {
			return nil, fmt.Errorf("%s: no password for %s (remove it and restart defwatch run to make new passwords)", filepath.Join(data, natsUsersFile), name)
		}
	}
	return u, nil
}

// natsUsersFor returns the users of the data directory's embedded server,
// making them the first time; created says they are new.
func natsUsersFor(data string) (u natsUsers, created bool, err error) {
	u, err = loadNATSUsers(data)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return u, false, err
	}
	u = natsUsers{}
	for _, name := range []string{natsUserStages, natsUserAnalyst, natsUserAdmin} {
		raw := make([]byte, 24)
		if _, err := rand.Read(raw); err != nil {
			return nil, false, fmt.Errorf("nats users: %w", err)
		}
		u[name] = base64.RawURLEncoding.EncodeToString(raw)
	}
	if err := writePrivate(filepath.Join(data, natsUsersFile), u); err != nil {
		return nil, false, fmt.Errorf("nats users: %w", err)
	}
	return u, true, nil
}

// serverUsers are the users the embedded server accepts.
func (u natsUsers) serverUsers() []*server.User {
	var out []*server.User
	for _, name := range []string{natsUserStages, natsUserAnalyst, natsUserAdmin} {
		out = append(out, &server.User{Username: name, Password: u[name], Permissions: natsPermissions(name)})
	}
	return out
}

// printNATSUsers tells the person who started defwatch for the first time
// how to reach the embedded server.
func printNATSUsers(w io.Writer, u natsUsers, data, url string) {
	path := filepath.Join(data, natsUsersFile)
	fmt.Fprintf(w, `NATS users for the embedded server were created in %s (readable by you only; shown this once):
  analyst   reads alerts and announcements, asks searches:
              nats --server %s --user analyst --password %s sub 'defwatch.alerts.>'
              nats --server %s --user analyst --password %s req defwatch.search '{"q": "nation:UA", "size": 3}'
  admin     manages saved searches and feeds, imports archives:
              nats --server %s --user admin --password %s kv ls %s
  defwatch  the stages' own user: give it to nothing else
defwatch commands on this machine (alerts, import, feeds) read this file by themselves (--data %s);
elsewhere, give them --nats-user and --nats-password (or DEFWATCH_NATS_USER and DEFWATCH_NATS_PASSWORD).
`, path, url, u[natsUserAnalyst], url, u[natsUserAnalyst], url, u[natsUserAdmin], defwatch.KVRules, data)
}

// writePrivate writes v as JSON to path, readable by its owner only,
// replacing the file whole.
func writePrivate(path string, v any) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // gone after the rename
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}
