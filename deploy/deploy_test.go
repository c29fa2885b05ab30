package deploy

import (
	"bufio"
	"fmt"
	"maps"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"
)

// clusterHosts are the hosts deploy/nats/*.conf and the systemd install run
// the NATS nodes on.
var clusterHosts = []string{"nats-1", "nats-2", "nats-3"}

// stages are the defwatch stages, each with its own unit.
var stages = []string{"ingest", "extract", "index", "serve"}

// natsPasswords are the variables users.conf reads its passwords from, as
// the server's environment file sets them.
var natsPasswords = []string{"DEFWATCH_NATS_STAGES_PASSWORD", "DEFWATCH_NATS_ANALYST_PASSWORD",
	"DEFWATCH_NATS_ADMIN_PASSWORD", "DEFWATCH_NATS_SYS_PASSWORD"}

// loadNATSConfig parses path with the NATS server's own parser, with the
// passwords in the environment. Warnings fail too: the server logs them at
// every start, and an operator would rather hear about them from this test.
func loadNATSConfig(t *testing.T, path string) *server.Options {
	t.Helper()
	for _, v := range natsPasswords {
		t.Setenv(v, "test-"+strings.ToLower(v))
	}
	opts := &server.Options{}
	if err := opts.ProcessConfigFile(path); err != nil {
		t.Fatalf("nats-server rejects %s: %v", path, err)
	}
	return opts
}

// checkClusterNode checks what every node of the defwatch cluster needs,
// whichever way it is deployed.
func checkClusterNode(t *testing.T, opts *server.Options) {
	t.Helper()
	if opts.ServerName == "" {
		t.Error("server_name is not set; JetStream in a cluster needs a stable name per node")
	}
	if !opts.JetStream {
		t.Error("JetStream is not enabled; the stages keep every hop in a stream")
	}
	if opts.StoreDir != "/var/lib/nats/jetstream" {
		t.Errorf("jetstream store_dir = %q, want /var/lib/nats/jetstream (the nats state directory)", opts.StoreDir)
	}
	if opts.JetStreamMaxStore <= 0 || opts.JetStreamMaxMemory <= 0 {
		t.Errorf("max_file_store = %d, max_memory_store = %d; set both, or JetStream sizes them from the free disk and RAM", opts.JetStreamMaxStore, opts.JetStreamMaxMemory)
	}
	if opts.Cluster.Name != "defwatch" {
		t.Errorf("cluster name = %q, want defwatch", opts.Cluster.Name)
	}
	if opts.Port != 4222 || opts.HTTPPort != 8222 || opts.Cluster.Port != 6222 {
		t.Errorf("ports: client %d, monitoring %d, cluster %d; want 4222, 8222, 6222", opts.Port, opts.HTTPPort, opts.Cluster.Port)
	}
	if len(opts.Routes) != 3 {
		t.Errorf("%d routes, want 3 (every node, itself included)", len(opts.Routes))
	}
	for _, r := range opts.Routes {
		if r.Port() != "6222" {
			t.Errorf("route %s: want port 6222, the cluster port", r)
		}
	}
	checkUsers(t, opts)
	const pageSize = 8 << 20
	if opts.MaxPayload < pageSize {
		t.Errorf("max_payload = %d, want at least %d: pages carry whole article pages", opts.MaxPayload, pageSize)
	}
	if opts.LameDuckDuration == 0 || opts.LameDuckGracePeriod == 0 {
		t.Errorf("lame_duck_duration = %v, lame_duck_grace_period = %v; set both so a stopping node hands its clients over gradually", opts.LameDuckDuration, opts.LameDuckGracePeriod)
	}

	// The server checks some settings against each other only when it
	// starts (max_payload against max_pending, the lame duck grace period
	// against its duration). NewServer runs those checks without opening a
	// port; the store goes to a temporary directory in case it touches it.
	o := opts.Clone()
	o.StoreDir = t.TempDir()
	o.NoSigs = true
	s, err := server.NewServer(o)
	if err != nil {
		t.Fatalf("nats-server would refuse to start: %v", err)
	}
	s.Shutdown()
}

// checkUsers checks that every client logs in as a user with permissions
// of its own, in an account with JetStream, and that the passwords come from
// the environment.
func checkUsers(t *testing.T, opts *server.Options) {
	t.Helper()
	if opts.NoAuthUser != "" {
		t.Errorf("no_auth_user = %q: a client without a login would act as that user", opts.NoAuthUser)
	}
	if opts.SystemAccount != "SYS" {
		t.Errorf("system_account = %q, want SYS", opts.SystemAccount)
	}
	users := map[string]*server.User{}
	for _, u := range opts.Users {
		users[u.Username] = u
	}
	for _, name := range []string{"defwatch", "analyst", "admin"} {
		u := users[name]
		if u == nil {
			t.Errorf("no user %s", name)
			continue
		}
		if u.Account == nil || u.Account.Name != "DEFWATCH" {
			t.Errorf("user %s is not in the DEFWATCH account", name)
		}
		if u.Permissions == nil || u.Permissions.Publish == nil || len(u.Permissions.Publish.Allow) == 0 {
			t.Errorf("user %s may publish anything", name)
		}
		if want := "test-defwatch_nats_stages_password"; name == "defwatch" && u.Password != want {
			t.Errorf("user defwatch's password is not $DEFWATCH_NATS_STAGES_PASSWORD")
		}
	}
	if len(users) != 4 || users["sys"] == nil || users["sys"].Account == nil || users["sys"].Account.Name != "SYS" {
		t.Errorf("users %v: want defwatch, analyst, admin and sys (in SYS)", slices.Sorted(maps.Keys(users)))
	}
	if !slices.ContainsFunc(opts.Accounts, func(a *server.Account) bool { return a.Name == "DEFWATCH" }) {
		t.Error("no DEFWATCH account")
	}
}

func routeHosts(opts *server.Options) []string {
	var hosts []string
	for _, r := range opts.Routes {
		hosts = append(hosts, r.Hostname())
	}
	slices.Sort(hosts)
	return hosts
}

func TestNATSClusterConfigs(t *testing.T) {
	paths, err := filepath.Glob("nats/nats-*.conf")
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != len(clusterHosts) {
		t.Fatalf("nats/ holds %d nats-*.conf files %v, want one per node %v", len(paths), paths, clusterHosts)
	}
	names := map[string]string{} // server_name → file
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			opts := loadNATSConfig(t, path)
			checkClusterNode(t, opts)
			// The file is installed on the host it is named after.
			if want := strings.TrimSuffix(filepath.Base(path), ".conf"); opts.ServerName != want {
				t.Errorf("server_name = %q in %s, want %q", opts.ServerName, path, want)
			}
			if got := routeHosts(opts); !slices.Equal(got, clusterHosts) {
				t.Errorf("routes go to %v, want %v", got, clusterHosts)
			}
			if other, ok := names[opts.ServerName]; ok {
				t.Errorf("server_name %q is also the name in %s; JetStream needs distinct names", opts.ServerName, other)
			}
			names[opts.ServerName] = path
		})
	}
}

func TestK8sNATSConfig(t *testing.T) {
	manifest, err := os.ReadFile("k8s/nats.yaml")
	if err != nil {
		t.Fatal(err)
	}
	conf, err := literalBlock(string(manifest), "nats.conf")
	if err != nil {
		t.Fatalf("k8s/nats.yaml: %v", err)
	}
	users, err := literalBlock(string(manifest), "users.conf")
	if err != nil {
		t.Fatalf("k8s/nats.yaml: %v", err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "nats.conf")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "users.conf"), []byte(users), 0o600); err != nil {
		t.Fatal(err)
	}
	// The ConfigMap's users.conf is the systemd install's, so both clusters
	// have the same users with the same permissions.
	if same, err := os.ReadFile("nats/users.conf"); err != nil || string(same) != users {
		t.Errorf("the users.conf of k8s/nats.yaml differs from nats/users.conf (%v): keep them the same", err)
	}

	// The StatefulSet sets POD_NAME from the pod's name; the config takes
	// server_name from it.
	t.Setenv("POD_NAME", "nats-1")
	opts := loadNATSConfig(t, path)
	checkClusterNode(t, opts)
	if opts.ServerName != "nats-1" {
		t.Errorf("server_name = %q with POD_NAME=nats-1, want the pod's name", opts.ServerName)
	}
	want := []string{"nats-0.nats", "nats-1.nats", "nats-2.nats"}
	if got := routeHosts(opts); !slices.Equal(got, want) {
		t.Errorf("routes go to %v, want the StatefulSet's pods %v", got, want)
	}
}

// literalBlock returns the text of the YAML literal block scalar under key
// ("key: |"), without its indentation. It is as much YAML as the test needs:
// enough to pull a config file out of a ConfigMap.
func literalBlock(doc, key string) (string, error) {
	lines := strings.Split(doc, "\n")
	found := -1
	for i, l := range lines {
		if s := strings.TrimSpace(l); s == key+": |" || s == key+": |-" {
			if found >= 0 {
				return "", fmt.Errorf("YAML key %s appears twice", key)
			}
			found = i
		}
	}
	if found < 0 {
		return "", fmt.Errorf("no literal block %q in the YAML", key+": |")
	}
	keyIndent := indentOf(lines[found])
	var block []string
	blockIndent := -1
	for _, l := range lines[found+1:] {
		if strings.TrimSpace(l) == "" {
			block = append(block, "")
			continue
		}
		in := indentOf(l)
		if in <= keyIndent {
			break
		}
		if blockIndent < 0 {
			blockIndent = in
		}
		if in < blockIndent {
			return "", fmt.Errorf("YAML key %s: a line is indented less than the first", key)
		}
		block = append(block, l[blockIndent:])
	}
	text := strings.TrimRight(strings.Join(block, "\n"), "\n")
	if text == "" {
		return "", fmt.Errorf("YAML key %s: empty block", key)
	}
	return text + "\n", nil
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

func TestLiteralBlock(t *testing.T) {
	tests := []struct {
		name, doc, want string
		wantErr         bool
	}{
		{
			name: "nested block ends at the next key",
			doc:  "data:\n  a.conf: |\n    x: 1\n\n    y {\n      z: 2\n    }\n  b: c\n",
			want: "x: 1\n\ny {\n  z: 2\n}\n",
		},
		{
			name: "block runs to the end of the document",
			doc:  "data:\n  a.conf: |\n    x: 1\n",
			want: "x: 1\n",
		},
		{name: "missing", doc: "data:\n  b: c\n", wantErr: true},
		{name: "twice", doc: "a.conf: |\n  x\n---\na.conf: |\n  y\n", wantErr: true},
		{name: "empty", doc: "data:\n  a.conf: |\n  b: c\n", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := literalBlock(tt.doc, "a.conf")
			if tt.wantErr {
				if err == nil {
					t.Fatalf("got %q, want an error", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// writeUnits writes units (file name → content) into a new directory.
func writeUnits(t *testing.T, units map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range units {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestServiceCommands(t *testing.T) {
	tests := []struct {
		name string
		unit string
		want []string
	}{
		{
			name: "plain",
			unit: "[Service]\nExecStart=/usr/bin/prog run --flag value\n",
			want: []string{"/usr/bin/prog", "run", "--flag", "value"},
		},
		{
			name: "continuation lines with a comment between them",
			unit: "[Service]\nExecStart=/usr/bin/prog run \\\n\t--a 1 \\\n# about b\n\t--b 2\nRestart=on-failure\n",
			want: []string{"/usr/bin/prog", "run", "--a", "1", "--b", "2"},
		},
		{
			name: "quoting",
			unit: "[Service]\nExecStart=/usr/bin/prog 'single quoted $X' \"double \\\"quoted\\\"\" --name=\"a b\" back\\ slash \"\"\n",
			want: []string{"/usr/bin/prog", "single quoted $X", `double "quoted"`, "--name=a b", "back slash", ""},
		},
		{
			name: "prefixes are not part of the command",
			unit: "[Service]\nExecStart=-!/usr/bin/prog arg\n",
			want: []string{"/usr/bin/prog", "arg"},
		},
		{
			name: "@ sets argv[0], the file stays first",
			unit: "[Service]\nExecStart=@/usr/bin/prog shown-name arg\n",
			want: []string{"/usr/bin/prog", "arg"},
		},
		{
			name: "an empty ExecStart clears the ones before, as in a drop-in",
			unit: "[Service]\nExecStart=/usr/bin/old\nExecStart=\nExecStart = /usr/bin/new --x\n",
			want: []string{"/usr/bin/new", "--x"},
		},
		{
			name: "ExecStart outside [Service] is not the command",
			unit: "[Unit]\nExecStart=/usr/bin/wrong\n[Service]\n; a comment\nExecStartPre=/usr/bin/pre\nExecStart=/usr/bin/right\n",
			want: []string{"/usr/bin/right"},
		},
		{
			name: "specifiers and variables are left as written",
			unit: "[Service]\nExecStart=/usr/bin/prog --unit %n --home ${HOME} $X\n",
			want: []string{"/usr/bin/prog", "--unit", "%n", "--home", "${HOME}", "$X"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeUnits(t, map[string]string{"x.service": tt.unit})
			cmds, err := ServiceCommands(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(cmds) != 1 || cmds[0].Unit != "x.service" {
				t.Fatalf("got %+v, want one command for x.service", cmds)
			}
			if !slices.Equal(cmds[0].Args, tt.want) {
				t.Errorf("args %q, want %q", cmds[0].Args, tt.want)
			}
		})
	}
}

func TestServiceCommandsOrderAndSkips(t *testing.T) {
	dir := writeUnits(t, map[string]string{
		"b.service": "[Service]\nExecStart=/bin/b\n",
		"a.service": "[Service]\nExecStart=/bin/a\n",
		"a.timer":   "[Timer]\nOnCalendar=daily\n",
		"README":    "not a unit",
	})
	if err := os.Mkdir(filepath.Join(dir, "c.service.d"), 0o700); err != nil {
		t.Fatal(err)
	}
	cmds, err := ServiceCommands(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cmds {
		got = append(got, c.Unit+"="+strings.Join(c.Args, " "))
	}
	if want := []string{"a.service=/bin/a", "b.service=/bin/b"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestServiceCommandsErrors(t *testing.T) {
	tests := []struct {
		name  string
		units map[string]string
		want  string // part of the error message
	}{
		{"no units", map[string]string{"a.timer": "[Timer]\n"}, "no *.service files"},
		{"no ExecStart", map[string]string{"a.service": "[Service]\nType=exec\n"}, "no ExecStart"},
		{"two ExecStart", map[string]string{"a.service": "[Service]\nExecStart=/bin/a\nExecStart=/bin/b\n"}, "more than one ExecStart"},
		{"unterminated quote", map[string]string{"a.service": "[Service]\nExecStart=/bin/a 'oops\n"}, "unterminated single quote"},
		{"unterminated double quote", map[string]string{"a.service": "[Service]\nExecStart=/bin/a \"oops\n"}, "unterminated double quote"},
		{"not key=value", map[string]string{"a.service": "[Service]\nExecStart /bin/a\n"}, "line 2"},
		{"outside a section", map[string]string{"a.service": "ExecStart=/bin/a\n"}, "outside any [Section]"},
		{"several commands", map[string]string{"a.service": "[Service]\nExecStart=/bin/a ; /bin/b\n"}, "several commands"},
		{"prefixes only", map[string]string{"a.service": "[Service]\nExecStart=-\n"}, "no command"},
		{"error names the file", map[string]string{"good.service": "[Service]\nExecStart=/bin/a\n", "bad.service": "[Service]\n"}, "bad.service"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ServiceCommands(writeUnits(t, tt.units))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one mentioning %q", err, tt.want)
			}
		})
	}
	if _, err := ServiceCommands(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("no error for a directory that does not exist")
	}
}

// flagValues returns the values given to --name in args, in either of the
// forms "--name value" and "--name=value".
func flagValues(args []string, name string) []string {
	var vals []string
	for i := 0; i < len(args); i++ {
		if v, ok := strings.CutPrefix(args[i], "--"+name+"="); ok {
			vals = append(vals, v)
		} else if args[i] == "--"+name && i+1 < len(args) {
			vals = append(vals, args[i+1])
			i++
		}
	}
	return vals
}

// unitSettings returns the values of key in section of the unit at path.
func unitSettings(t *testing.T, path, section, key string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := parseUnit(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var vals []string
	for _, d := range ds {
		if d.Section == section && d.Key == key {
			vals = append(vals, d.Value)
		}
	}
	return vals
}

func TestDefwatchUnits(t *testing.T) {
	cmds, err := ServiceCommands("systemd")
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, c := range cmds {
		stage, ok := strings.CutPrefix(strings.TrimSuffix(c.Unit, ".service"), "defwatch-")
		if !ok {
			continue
		}
		found = append(found, stage)
		t.Run(c.Unit, func(t *testing.T) {
			unit := filepath.Join("systemd", c.Unit)
			if len(c.Args) < 2 || c.Args[0] != "/usr/local/bin/defwatch" || c.Args[1] != "run" {
				t.Fatalf("ExecStart runs %q, want /usr/local/bin/defwatch run ...", c.Args)
			}
			args := c.Args[2:]
			if got := flagValues(args, "stages"); len(got) != 1 || got[0] != stage {
				t.Errorf("--stages %q, want exactly %q: the unit is named after the one stage it runs", got, stage)
			}
			// The sandbox lets the process write only its state directory.
			state := unitSettings(t, unit, "Service", "StateDirectory")
			if got := flagValues(args, "data"); len(state) != 1 || len(got) != 1 || got[0] != "/var/lib/"+state[0] {
				t.Errorf("--data %q with StateDirectory=%q; want --data to be /var/lib/ + the state directory", got, state)
			}
			switch stage {
			case "serve":
				// Public exposure is a decision for a drop-in, behind a proxy.
				listen := flagValues(args, "listen")
				if len(listen) != 1 {
					t.Fatalf("--listen %q, want one loopback address on the command line", listen)
				}
				if host, _, err := net.SplitHostPort(listen[0]); err != nil || !net.ParseIP(host).IsLoopback() {
					t.Errorf("--listen %s, want a loopback address (a reverse proxy goes in front)", listen[0])
				}
			case "index":
				// With the default name, every index host would share one
				// durable consumer, and each index would get only a part of
				// the articles.
				named := len(flagValues(args, "index-name")) > 0
				for _, env := range unitSettings(t, unit, "Service", "Environment") {
					named = named || strings.HasPrefix(env, "DEFWATCH_INDEX_NAME=")
				}
				if !named {
					t.Error("the index unit does not name its replica (--index-name or DEFWATCH_INDEX_NAME)")
				}
			}
		})
	}
	slices.Sort(found)
	want := slices.Sorted(slices.Values(stages))
	if !slices.Equal(found, want) {
		t.Errorf("defwatch units for stages %v, want one for each of %v", found, want)
	}
}

func TestUnitsHardened(t *testing.T) {
	paths, err := filepath.Glob("systemd/*.service")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"NoNewPrivileges":       "yes",
		"ProtectSystem":         "strict",
		"ProtectHome":           "yes",
		"PrivateTmp":            "yes",
		"PrivateDevices":        "yes",
		"CapabilityBoundingSet": "",
		"Restart":               "on-failure",
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			for key, val := range want {
				if got := unitSettings(t, path, "Service", key); len(got) != 1 || got[0] != val {
					t.Errorf("%s=%q, want %s=%s", key, got, key, val)
				}
			}
			if len(unitSettings(t, path, "Service", "StateDirectory")) != 1 {
				t.Error("no StateDirectory=; with ProtectSystem=strict the process could write nowhere")
			}
			if len(unitSettings(t, path, "Service", "TimeoutStopSec")) != 1 {
				t.Error("no TimeoutStopSec=; say how long the graceful shutdown may take")
			}
		})
	}
}

func TestNATSUnit(t *testing.T) {
	cmds, err := ServiceCommands("systemd")
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(cmds, func(c Command) bool { return c.Unit == "nats-server.service" })
	if i < 0 {
		t.Fatal("no nats-server.service")
	}
	args := cmds[i].Args
	if filepath.Base(args[0]) != "nats-server" || !slices.Equal(args[1:], []string{"-c", "/etc/nats/nats.conf"}) {
		t.Errorf("ExecStart runs %q, want nats-server -c /etc/nats/nats.conf", args)
	}

	// Stopping must go through lame duck mode and leave it time to finish,
	// or every stop drops all of the node's clients at once.
	unit := filepath.Join("systemd", "nats-server.service")
	if got := unitSettings(t, unit, "Service", "KillSignal"); !slices.Equal(got, []string{"SIGUSR2"}) {
		t.Errorf("KillSignal=%q, want SIGUSR2 (lame duck mode; the server stops at once on SIGTERM)", got)
	}
	stop := unitSettings(t, unit, "Service", "TimeoutStopSec")
	if len(stop) != 1 {
		t.Fatalf("TimeoutStopSec=%q, want one", stop)
	}
	timeout, err := systemdSpan(stop[0])
	if err != nil {
		t.Fatalf("TimeoutStopSec=%s: %v", stop[0], err)
	}
	paths, err := filepath.Glob("nats/nats-*.conf")
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range paths {
		opts := loadNATSConfig(t, path)
		if drain := opts.LameDuckGracePeriod + opts.LameDuckDuration; timeout <= drain {
			t.Errorf("TimeoutStopSec=%s, but %s's lame duck mode takes %v: systemd would kill it midway", stop[0], path, drain)
		}
	}
}

// systemdSpan parses the time spans the units use: a bare number of seconds,
// or units such as "90s", "2min", "1min 30s".
func systemdSpan(s string) (time.Duration, error) {
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	return time.ParseDuration(strings.ReplaceAll(strings.ReplaceAll(s, " ", ""), "min", "m"))
}

// TestClientURLsMatchCluster checks that the stages are pointed at the nodes
// the cluster configuration actually runs, on their client port.
func TestClientURLsMatchCluster(t *testing.T) {
	tests := []struct {
		file, key string
		want      []string
	}{
		{"defwatch.env.example", "DEFWATCH_NATS=", clusterHosts},
		{"k8s/defwatch-config.yaml", "DEFWATCH_NATS:", []string{"nats-0.nats", "nats-1.nats", "nats-2.nats"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			val := settingLine(t, tt.file, tt.key)
			var hosts []string
			for _, u := range strings.Split(strings.Trim(val, `"`), ",") {
				rest, ok := strings.CutPrefix(strings.TrimSpace(u), "nats://")
				host, port, err := net.SplitHostPort(rest)
				if !ok || err != nil || port != "4222" {
					t.Errorf("%s: %q is not nats://host:4222", tt.file, u)
					continue
				}
				hosts = append(hosts, host)
			}
			slices.Sort(hosts)
			if !slices.Equal(hosts, tt.want) {
				t.Errorf("%s: %s names %v, want every node %v", tt.file, tt.key, hosts, tt.want)
			}
		})
	}
}

// settingLine returns what follows prefix on the one uncommented line of file
// that starts with it, ignoring indentation.
func settingLine(t *testing.T, file, prefix string) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var vals []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), prefix); ok {
			vals = append(vals, strings.TrimSpace(v))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(vals) != 1 {
		t.Fatalf("%s: %d lines start with %q, want one", file, len(vals), prefix)
	}
	return vals[0]
}

// TestEnvExampleSharesOnlyWhatIsShared keeps per-unit settings out of the
// environment file every unit on a host reads.
func TestEnvExampleSharesOnlyWhatIsShared(t *testing.T) {
	f, err := os.Open("defwatch.env.example")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(sc.Text()), "#"))
		for _, key := range []string{"DEFWATCH_STAGES=", "DEFWATCH_DATA="} {
			if strings.HasPrefix(line, key) {
				t.Errorf("defwatch.env.example:%d sets %s; it differs per unit and belongs on the unit's command line", n, strings.TrimSuffix(key, "="))
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
