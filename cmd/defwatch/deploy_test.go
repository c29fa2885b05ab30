package main

import (
	"bufio"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
