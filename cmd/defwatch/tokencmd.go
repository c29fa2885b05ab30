package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/defwatch/defwatch/cmd/defwatch/internal/auth"
)

const tokenUsage = `Usage:
  defwatch token add [flags] NAME --role read|admin   make a token and print it (once)
  defwatch token list [flags]                         list tokens: name, role, created
  defwatch token rm [flags] NAME                      revoke a token

Tokens let people and programs use the HTTP API and the web page: read
searches and reads articles, admin also manages saved searches and feeds
and anything else that changes state. They are kept hashed in
DATA/tokens.json (--data, --tokens); a running defwatch picks up changes
within a second. Send one as
  curl -H "Authorization: Bearer TOKEN" http://HOST:8080/api/search?q=...
  defwatch search --server http://HOST:8080 --token TOKEN QUERY
or sign in with it on the web page.
`

func tokenCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, tokenUsage)
		return errUsage
	}
	fs := flag.NewFlagSet("defwatch token "+args[0], flag.ContinueOnError)
	fs.Usage = func() { fmt.Fprint(fs.Output(), tokenUsage+"\nFlags:\n"); fs.PrintDefaults() }
	data := fs.String("data", "./defwatch-data", "data directory of the defwatch run the tokens are for")
	file := fs.String("tokens", "", "tokens file (default DATA/tokens.json)")
	switch args[0] {
	case "add":
		role := fs.String("role", "", "what the token may do: read (search, articles, web page) or admin (also saved searches, feeds, anything that changes state)")
		if err := parseFlags(fs, args[1:], stderr); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			fs.Usage()
			return errUsage
		}
		// NAME --role admin reads as naturally as --role admin NAME.
		name := fs.Arg(0)
		if rest := fs.Args()[1:]; len(rest) > 0 {
			if err := fs.Parse(rest); err != nil || fs.NArg() > 0 {
				fs.Usage()
				return errUsage
			}
		}
		if *role == "" {
			return errors.New("--role: give read or admin")
		}
		r, err := auth.ParseRole(*role)
		if err != nil {
			return fmt.Errorf("--role: %w", err)
		}
		tokens, err := auth.OpenTokens(tokensPath(*data, *file))
		if err != nil {
			return err
		}
		secret, err := tokens.Add(name, r, time.Now())
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "token %s (%s) added to %s; it is shown this once, keep it somewhere safe:\n", name, r, tokens.Path())
		fmt.Fprintln(stdout, secret)
		return nil
	case "list", "ls":
		if err := parseFlags(fs, args[1:], stderr); err != nil {
			return err
		}
		tokens, err := auth.OpenTokens(tokensPath(*data, *file))
		if err != nil {
			return err
		}
		list := tokens.List()
		if len(list) == 0 {
			fmt.Fprintf(stdout, "no tokens in %s (add one with: defwatch token add NAME --role read)\n", tokens.Path())
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "NAME\tROLE\tCREATED")
		for _, t := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", t.Name, t.Role, t.Created.Format(time.DateTime))
		}
		return tw.Flush()
	case "rm", "remove", "revoke":
		if err := parseFlags(fs, args[1:], stderr); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			fs.Usage()
			return errUsage
		}
		tokens, err := auth.OpenTokens(tokensPath(*data, *file))
		if err != nil {
			return err
		}
		if err := tokens.Remove(fs.Arg(0)); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed %s: requests with it are refused from now on\n", fs.Arg(0))
		return nil
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, tokenUsage)
		return nil
	}
	fmt.Fprintf(stderr, "defwatch token: unknown subcommand %q\n\n%s", args[0], tokenUsage)
	return errUsage
}
