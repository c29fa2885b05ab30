package index

import (
	"cmp"
	"fmt"
	"runtime/debug"

	"github.com/defwatch/defwatch/index/schema"
)

// BuildInfo says which defwatch is running: the module version, the
// commit it was built from and that commit's time (what the Go toolchain
// stamps into a binary), when it was built, and the version of the index
// schema it writes.
type BuildInfo struct {
	Version  string `json:"version"`
	Commit   string `json:"commit,omitempty"`
	Time     string `json:"commit_time,omitempty"` // RFC 3339
	Modified bool   `json:"modified,omitempty"`
	Built    string `json:"built,omitempty"` // RFC 3339
	Go       string `json:"go"`
	Schema   string `json:"schema"`
}

// Set by the linker (make build): the toolchain stamps the commit only
// when it finds the repository, which it does not in a git worktree or a
// source archive, and it never stamps the time of the build.
var (
	commit    string
	buildTime string
)

// Build reads the running binary's build information.
func Build() BuildInfo {
	b := BuildInfo{Version: "unknown", Schema: schema.Version, Commit: commit, Built: buildTime}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	b.Version, b.Go = info.Main.Version, info.GoVersion
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			b.Commit = cmp.Or(b.Commit, s.Value)
		case "vcs.time":
			b.Time = s.Value
		case "vcs.modified":
			b.Modified = s.Value == "true"
		}
	}
	return b
}

// String is one line for `defwatch version`.
func (b BuildInfo) String() string {
	s := "defwatch " + b.Version
	if b.Commit != "" {
		c := b.Commit
		if len(c) > 12 {
			c = c[:12]
		}
		if b.Modified {
			c += "+changes"
		}
		s += fmt.Sprintf(", commit %s", c)
	}
	if b.Time != "" {
		s += " of " + b.Time
	}
	if b.Built != "" {
		s += ", built " + b.Built
	}
	return s + fmt.Sprintf(", %s, index schema %s", b.Go, b.Schema)
}
