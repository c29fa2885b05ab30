package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/defwatch/defwatch/index"
)

func searchCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("defwatch search", flag.ContinueOnError)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), `Usage: defwatch search [flags] QUERY

Searches a running defwatch. Words and fields are ANDed; OR, -, NOT and
parentheses say otherwise; * matches all. Fields: nation:UA (or
nation:Ukraine), troops:>=10000 (also <N, N-M, *), meeting:ministerial (or
*), meeting_after:DATE, meeting_before:DATE, org:NATO, source:apnews.com,
lang:uk, after:2025-04-01, before:2025-04-30, last:7d (h, d, w, y),
title:, text:, byline:, id:. Words are read in every language the index
knows (Ukrainian "переговори" finds "переговорів"); stop words ("the",
"of") are left out, with a note. Examples:

  defwatch search 'nation:UA troops:>=10000 last:30d'
  defwatch search '"peacekeeping force" (nation:GB OR nation:FR) -source:example.com'

`)
		fs.PrintDefaults()
	}
	server := fs.String("server", "http://127.0.0.1:8080", "defwatch HTTP server")
	size := fs.Int("size", 20, "hits to show")
	from := fs.Int("from", 0, "hits to skip")
	sortBy := fs.String("sort", "relevance", "relevance (blended with recency), newest or oldest")
	after := fs.String("after", "", "page on after the last search (its \"next\" token)")
	asJSON := fs.Bool("json", false, "print the API's JSON response")
	token := fs.String("token", "", "HTTP access token, when the server asks for one (better in DEFWATCH_TOKEN than on the command line)")
	caFile := fs.String("tls-ca", "", "CA certificate(s) to trust for an https --server (PEM), when its certificate is not publicly trusted")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	q := url.Values{"q": {strings.Join(fs.Args(), " ")}, "size": {strconv.Itoa(*size)}, "from": {strconv.Itoa(*from)},
		"sort": {*sortBy}, "after": {*after}}
	u := strings.TrimRight(*server, "/") + "/api/search?" + q.Encode()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("--server %q: %w", *server, err)
	}
	if *token != "" {
		req.Header.Set("Authorization", "Bearer "+strings.TrimSpace(*token))
	}
	client, err := httpClient(*caFile)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("search %s: %w (is `defwatch run` up? point --server at it)", *server, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return fmt.Errorf("search: read response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			if resp.StatusCode == http.StatusUnauthorized {
				return fmt.Errorf("%s: %s (give it with --token or DEFWATCH_TOKEN)", *server, e.Error)
			}
			return errors.New(e.Error)
		}
		return fmt.Errorf("search: %s", resp.Status)
	}
	if *asJSON {
		_, err := stdout.Write(body)
		return err
	}
	var res index.Result
	if err := json.Unmarshal(body, &res); err != nil {
		return fmt.Errorf("search: response is not a search result: %w", err)
	}
	return printResult(stdout, &res, *from)
}

// httpClient is the client of commands that talk to defwatch over HTTP,
// trusting caFile's certificates besides the system's when it is given.
func httpClient(caFile string) (*http.Client, error) {
	if caFile == "" {
		return http.DefaultClient, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("--tls-ca: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("--tls-ca %s: no PEM certificate in it", caFile)
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: t}, nil
}

// printResult writes hits as a table a person can scan: when, who, which
// nations and troop figures, what.
func printResult(w io.Writer, res *index.Result, from int) error {
	for _, n := range res.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	fmt.Fprintf(w, "%d articles (%d ms)\n", res.Total, res.TookMs)
	if res.Partial {
		fmt.Fprintf(w, "PARTIAL: the months %s did not answer in time; their articles are not counted or listed (search again, or narrow the dates)\n",
			strings.Join(res.MissedShards, ", "))
	}
	if f := res.Facets; f != nil && len(f.Nations) > 0 {
		// The nations most named, as the web page's first filter lists
		// them; past some tens of thousands of matches the counts are
		// estimates, and say so.
		about := ""
		if f.Approximate {
			about = "about "
		}
		var top []string
		for _, b := range f.Nations[:min(8, len(f.Nations))] {
			top = append(top, fmt.Sprintf("%s %s%d", b.Value, about, b.Count))
		}
		fmt.Fprintf(w, "nations: %s\n", strings.Join(top, ", "))
	}
	if len(res.Hits) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tPUBLISHED\tSOURCE\tNATIONS\tTROOPS\tTITLE\tALSO\tID")
	for i, h := range res.Hits {
		published := "-"
		if !h.Published.IsZero() {
			published = h.Published.Format("2006-01-02")
		}
		var nations []string
		for _, n := range h.Nations {
			nations = append(nations, n.Code)
		}
		var troops []string
		for _, t := range h.Troops {
			troops = append(troops, troopRange(t.Min, t.Max, t.Approx))
		}
		also := "-"
		if len(h.Also) > 0 {
			also = fmt.Sprintf("+%d", len(h.Also))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", from+i+1, published, clip(h.Source, 24),
			clip(strings.Join(nations, " "), 24), clip(strings.Join(troops, " "), 28), clip(h.Title, 70), also, h.ID)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if res.Next != "" {
		fmt.Fprintf(w, "more: --after %s\n", res.Next)
	}
	return nil
}

func troopRange(lo, hi int64, approx bool) string {
	s := strconv.FormatInt(lo, 10)
	if hi != lo {
		s += "-" + strconv.FormatInt(hi, 10)
	}
	if approx {
		s = "~" + s
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
