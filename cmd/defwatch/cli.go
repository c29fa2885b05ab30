package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/defwatch/defwatch/index"
)

// errUsage: the command line was wrong and the usage was already printed.
var errUsage = errors.New("usage")

const usage = `defwatch: news monitoring for defense coverage

Usage:
  defwatch run [flags]                   run the pipeline (embedded NATS, all stages, HTTP)
  defwatch search [flags] QUERY          search a running defwatch
  defwatch extract [flags] FILE|-        extract and tag one page, print the Article as JSON
  defwatch import [flags] FILE.jsonl[.gz] publish archived articles into the pipeline
  defwatch feeds add|list|rm|enable|disable|import|export|check ...
                                         the feed set every ingest process polls
  defwatch alerts add|list|rm|tail ...   saved searches and their alerts on NATS
  defwatch token add|list|rm ...         HTTP access tokens for the API and the web page
  defwatch version                       print the version, commit and index schema

Run "defwatch COMMAND -h" for a command's flags. Every flag can also be set
with an environment variable: --nats-listen is DEFWATCH_NATS_LISTEN.
`

// Run runs the subcommand named by args[0].
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "run":
		return runCommand(ctx, rest, stderr)
	case "search":
		return searchCommand(ctx, rest, stdout, stderr)
	case "extract":
		return extractCommand(ctx, rest, stdin, stdout, stderr)
	case "import":
		return importCommand(ctx, rest, stdout, stderr)
	case "feeds":
		return feedsCommand(ctx, rest, stdout, stderr)
	case "alerts":
		return alertsCommand(ctx, rest, stdout, stderr)
	case "token":
		return tokenCommand(ctx, rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, index.Build())
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "defwatch: unknown command %q\n\n%s", cmd, usage)
		return errUsage
	}
}

// parseFlags parses args into fs, then fills every flag not given on the
// command line from its DEFWATCH_* environment variable. Flags win over the
// environment, which wins over defaults.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errUsage
		}
		return errUsage
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] || err != nil {
			return
		}
		name := envName(f.Name)
		v, ok := os.LookupEnv(name)
		if !ok {
			return
		}
		if e := fs.Set(f.Name, v); e != nil {
			err = fmt.Errorf("%s=%q: %w", name, v, e)
		}
	})
	return err
}

func envName(flagName string) string {
	return "DEFWATCH_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// logFlags are the logging flags every long-running command takes.
type logFlags struct {
	level  string
	format string
}

func (l *logFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.level, "log-level", "info", "log level: debug, info, warn or error")
	fs.StringVar(&l.format, "log-format", "text", "log format: text or json")
}

func (l *logFlags) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(l.level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: use debug, info, warn or error", l.level)
	}
	opts := &slog.HandlerOptions{Level: level}
	switch l.format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	default:
		return nil, fmt.Errorf("--log-format %q: use text or json", l.format)
	}
}

// listFlag is a repeatable flag; from the environment it takes a
// comma-separated list.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}
