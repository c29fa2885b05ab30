package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/deploy"
)

// setEnvFile sets the variables of an environment file (KEY=VALUE lines,
// # comments) for the rest of the test, as systemd's EnvironmentFile would.
func setEnvFile(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf("%s: %q is not KEY=VALUE", path, line)
		}
		t.Setenv(k, strings.Trim(v, `"`))
	}
}

// TestDeployCommandsAreValid parses every defwatch command in deploy/ (the
// systemd units and the Kubernetes manifests) the way `defwatch run` would,
// with the shared environment file set, so a renamed or mistyped flag
// fails here and not on a server.
func TestDeployCommandsAreValid(t *testing.T) {
	setEnvFile(t, "../../deploy/defwatch.env.example")
	cmds, err := deploy.ServiceCommands("../../deploy/systemd")
	if err != nil {
		t.Fatal(err)
	}
	stages := map[string]bool{}
	for _, c := range cmds {
		if !strings.HasPrefix(c.Unit, "defwatch-") {
			continue
		}
		t.Run(c.Unit, func(t *testing.T) {
			if filepath.Base(c.Args[0]) != "defwatch" || len(c.Args) < 2 || c.Args[1] != "run" {
				t.Fatalf("runs %q, want defwatch run", c.Args)
			}
			cfg, err := parseRunConfig(c.Args[2:], flag.NewFlagSet("run", flag.ContinueOnError), io.Discard)
			if err != nil {
				t.Fatalf("%q: %v", c.Args, err)
			}
			for _, s := range cfg.Stages {
				stages[s] = true
			}
		})
	}
	manifests, err := filepath.Glob("../../deploy/k8s/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range manifests {
		args := yamlArgs(t, m)
		if args == nil {
			continue
		}
		t.Run(filepath.Base(m), func(t *testing.T) {
			if args[0] != "run" {
				t.Fatalf("args %q, want run first", args)
			}
			if _, err := parseRunConfig(args[1:], flag.NewFlagSet("run", flag.ContinueOnError), io.Discard); err != nil {
				t.Fatalf("%q: %v", args, err)
			}
		})
	}
	for _, s := range allStages {
		if !stages[s] {
			t.Errorf("no systemd unit runs the %s stage", s)
		}
	}
}

// yamlArgs reads the block list under the first "args:" key of a manifest;
// the manifests write container arguments one "- item" a line.
func yamlArgs(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "args:":
			in = true
		case in && strings.HasPrefix(trimmed, "- "):
			args = append(args, strings.Trim(strings.TrimPrefix(trimmed, "- "), `"'`))
		case in && (trimmed == "" || strings.HasPrefix(trimmed, "#")):
		case in:
			return args
		}
	}
	return args
}

// TestDeployNATSUsers runs a NATS server from deploy/nats/nats-1.conf (its
// users and permissions, out of its cluster) and the stages against it as
// deploy/ sets them up: the permissions are those of the embedded server,
// the stages work as the defwatch user, an admin adds a saved search and
// imports, an analyst receives the alert and cannot forge a page.
func TestDeployNATSUsers(t *testing.T) {
	pw := map[string]string{natsUserStages: "stages-pw", natsUserAnalyst: "analyst-pw", natsUserAdmin: "admin-pw"}
	t.Setenv("DEFWATCH_NATS_STAGES_PASSWORD", pw[natsUserStages])
	t.Setenv("DEFWATCH_NATS_ANALYST_PASSWORD", pw[natsUserAnalyst])
	t.Setenv("DEFWATCH_NATS_ADMIN_PASSWORD", pw[natsUserAdmin])
	t.Setenv("DEFWATCH_NATS_SYS_PASSWORD", "sys-pw")
	opts := &server.Options{}
	if err := opts.ProcessConfigFile("../../deploy/nats/nats-1.conf"); err != nil {
		t.Fatalf("nats-server rejects nats-1.conf: %v", err)
	}
	for _, u := range opts.Users {
		if u.Username == "sys" {
			continue
		}
		want := natsPermissions(u.Username)
		if want == nil {
			t.Errorf("deploy has a user %q the embedded server does not", u.Username)
			continue
		}
		if !samePermissions(u.Permissions, want) {
			t.Errorf("user %s: deploy/nats/users.conf allows\n  %s\nthe embedded server\n  %s", u.Username, permString(u.Permissions), permString(want))
		}
	}

	// One node, alone: no routes, ports of its own, a store in the test.
	opts.Cluster = server.ClusterOpts{}
	opts.Routes = nil
	opts.Host, opts.Port, opts.HTTPPort = "127.0.0.1", server.RANDOM_PORT, 0
	opts.StoreDir = t.TempDir()
	opts.NoSigs = true
	ns, err := server.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	ns.Start()
	t.Cleanup(ns.Shutdown)
	if !ns.ReadyForConnections(20 * time.Second) {
		t.Fatal("the server from nats-1.conf did not start")
	}
	url := ns.ClientURL()
	r := startRun(t, "--data", t.TempDir(), "--nats", url, "--nats-user", natsUserStages, "--nats-password", pw[natsUserStages],
		"--stages", "extract,index,serve", "--listen", freeAddr(t))

	adminArgs := []string{"--nats", url, "--nats-user", natsUserAdmin, "--nats-password", pw[natsUserAdmin]}
	if out, err := runCmd(t, "", append(append([]string{"alerts", "add"}, adminArgs...), "ua", "nation:UA")...); err != nil {
		t.Fatalf("alerts add as admin: %v %s", err, out)
	}
	analyst := connectAs(t, url, natsUserAnalyst, pw[natsUserAnalyst])
	alerts := make(chan *nats.Msg, 4)
	if _, err := analyst.nc.ChanSubscribe("defwatch.alerts.>", alerts); err != nil {
		t.Fatal(err)
	}
	if err := analyst.nc.Flush(); err != nil {
		t.Fatal(err)
	}
	seed, _ := seedRecord(t)
	if out, err := runCmd(t, "", append(append([]string{"import", "--log-level", "warn"}, adminArgs...), writeArchive(t, seed))...); err != nil {
		t.Fatalf("import as admin: %v %s", err, out)
	}
	select {
	case m := <-alerts:
		if !strings.Contains(string(m.Data), seedID) {
			t.Errorf("alert %.200s is not about the seed", m.Data)
		}
	case <-time.After(90 * time.Second):
		t.Fatal("no alert reached the analyst")
	}
	if got := search(t, r.api, "nation:UA").Total; got != 1 {
		t.Errorf("search: %d, want 1", got)
	}
	analyst.refused(t, defwatch.SubjectPages, analyst.publish(defwatch.SubjectPages, []byte(`{"id":"x"}`)))
	if _, err := nats.Connect(url); err == nil {
		t.Error("the deploy server lets a client in without a login")
	}
}

func samePermissions(a, b *server.Permissions) bool {
	if a == nil || b == nil {
		return a == b
	}
	set := func(p *server.SubjectPermission) []string {
		if p == nil {
			return nil
		}
		s := append(slices.Clone(p.Allow), "|")
		s = append(s, p.Deny...)
		slices.Sort(s)
		return s
	}
	resp := func(r *server.ResponsePermission) string {
		if r == nil {
			return "none"
		}
		return fmt.Sprint(r.MaxMsgs, r.Expires)
	}
	return slices.Equal(set(a.Publish), set(b.Publish)) && slices.Equal(set(a.Subscribe), set(b.Subscribe)) && resp(a.Response) == resp(b.Response)
}

func permString(p *server.Permissions) string {
	data, _ := json.Marshal(p)
	return string(data)
}

var update = flag.Bool("update", false, "write deploy/nats/users.conf and the ConfigMap of deploy/k8s/nats.yaml from natsperm.go")

const (
	usersConfPath = "../../deploy/nats/users.conf"
	natsYAMLPath  = "../../deploy/k8s/nats.yaml"
)

// TestUsersConfIsGenerated checks that the permissions of the deploy
// configuration are those natsperm.go lists, and with -update writes them
// there: users.conf between its markers, and users.conf whole into the
// ConfigMap of the Kubernetes manifest.
func TestUsersConfIsGenerated(t *testing.T) {
	raw, err := os.ReadFile(usersConfPath)
	if err != nil {
		t.Fatal(err)
	}
	conf := string(raw)
	begin, end := strings.Index(conf, usersConfBegin), strings.Index(conf, usersConfEnd)
	if begin < 0 || end < begin {
		t.Fatalf("%s: no %q ... %q part", usersConfPath, usersConfBegin, usersConfEnd)
	}
	want := conf[:begin] + usersConfPermissions() + conf[end+len(usersConfEnd)+1:]
	if *update {
		if err := os.WriteFile(usersConfPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		yaml, err := os.ReadFile(natsYAMLPath)
		if err != nil {
			t.Fatal(err)
		}
		out, err := replaceBlock(string(yaml), "users.conf", want)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(natsYAMLPath, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if conf != want {
		t.Errorf("the permissions in %s are not those of natsperm.go: run go test ./cmd/defwatch -run TestUsersConfIsGenerated -update", usersConfPath)
	}
}

// replaceBlock puts text in place of the YAML literal block under key
// ("key: |"), indented two spaces deeper than the key.
func replaceBlock(doc, key, text string) (string, error) {
	lines := strings.Split(doc, "\n")
	at := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == key+": |" })
	if at < 0 {
		return "", fmt.Errorf("no literal block %q", key+": |")
	}
	indent := len(lines[at]) - len(strings.TrimLeft(lines[at], " "))
	end := at + 1
	for end < len(lines) && (strings.TrimSpace(lines[end]) == "" || len(lines[end])-len(strings.TrimLeft(lines[end], " ")) > indent) {
		end++
	}
	// Blank lines before the next key stay outside the block.
	for end > at+1 && strings.TrimSpace(lines[end-1]) == "" {
		end--
	}
	pad := strings.Repeat(" ", indent+2)
	var block []string
	for _, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if l == "" {
			block = append(block, "")
		} else {
			block = append(block, pad+l)
		}
	}
	out := append(slices.Clone(lines[:at+1]), block...)
	return strings.Join(append(out, lines[end:]...), "\n"), nil
}
