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
		if u[name], err = newPassword(); err != nil {
			return nil, false, fmt.Errorf("nats users: %w", err)
		}
	}
	if err := writePrivate(filepath.Join(data, natsUsersFile), u); err != nil {
		return nil, false, fmt.Errorf("nats users: %w", err)
	}
	return u, true, nil
}

// newPassword is 24 random bytes in URL-safe base64, never starting with
// "-": a password that does would read as a flag to the nats CLI and to
// most other tools it is pasted into.
func newPassword() (string, error) {
	raw := make([]byte, 24)
	for {
		if _, err := rand.Read(raw); err != nil {
			return "", err
		}
		if p := base64.RawURLEncoding.EncodeToString(raw); p[0] != '-' {
			return p, nil
		}
	}
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
	fmt.Fprintf(w, `NATS users for the embedded server were created in %[1]s (readable by you only; shown this once):
  analyst   reads alerts and announcements, asks searches (answers come to its own inbox, %[5]s):
              nats --server %[2]s --user analyst --password=%[3]s sub 'defwatch.alerts.>'
              nats --server %[2]s --user analyst --password=%[3]s --inbox-prefix %[5]s req defwatch.search '{"q": "nation:UA", "size": 3}'
  admin     manages saved searches and feeds, imports archives:
              nats --server %[2]s --user admin --password=%[4]s --inbox-prefix %[6]s kv ls %[7]s
  defwatch  the stages' own user: give it to nothing else
defwatch commands on this machine (alerts, import, feeds) read this file by themselves (--data %[8]s);
elsewhere, give them --nats-user and --nats-password (or DEFWATCH_NATS_USER and DEFWATCH_NATS_PASSWORD).
`, path, url, u[natsUserAnalyst], u[natsUserAdmin], analystInbox, adminInbox, defwatch.KVRules, data)
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
