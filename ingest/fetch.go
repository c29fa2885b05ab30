package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// UserAgent names defwatch to the sites it reads, so their operators can tell
// who is polling them.
const UserAgent = "defwatch/0.1 (+https://github.com/defwatch/defwatch; news monitor)"

var (
	// ErrPrivateAddress: the URL resolves to loopback, private, link-local
	// or other special-purpose space, which a feed list must not be able to
	// reach unless the operator said so with --allow-private.
	ErrPrivateAddress = errors.New("address is loopback, private or other special-purpose space (pass --allow-private to allow it)")
	// ErrTooLarge: the body is over the configured limit.
	ErrTooLarge = errors.New("body exceeds the size limit")
	// ErrStatus: the server answered with a status that has no body to use.
	ErrStatus = errors.New("unexpected HTTP status")
)

// Fetcher does every outbound HTTP request of ingest.
type Fetcher struct {
	client  *http.Client
	maxBody int64
	agent   string
}

// FetcherConfig says how a Fetcher behaves.
type FetcherConfig struct {
	Timeout      time.Duration // whole request, body included
	MaxBody      int64         // bytes
	MaxRedirects int
	AllowPrivate bool
	UserAgent    string
}

// NewFetcher returns a Fetcher. The address check runs at dial time, on the
// address actually connected to, so a name that resolves to a public address
// for the check and a private one for the connection cannot slip through.
func NewFetcher(cfg FetcherConfig) *Fetcher {
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 8 << 20
	}
	if cfg.MaxRedirects <= 0 {
		cfg.MaxRedirects = 5
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = UserAgent
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			ip, err := netip.ParseAddr(host)
			if err != nil {
				return fmt.Errorf("%s: %w", host, ErrPrivateAddress)
			}
			if why := blockedAddr(ip); why != "" {
				return fmt.Errorf("%s (%s): %w", host, why, ErrPrivateAddress)
			}
			return nil
		}
	}
	transport := &http.Transport{
		// No proxy from the environment: the dial check must see the real peer.
		Proxy:             nil,
		DialContext:       dialer.DialContext,
		ForceAttemptHTTP2: true,
		// One idle connection for every host a busy ingest keeps talking
		// to (at one request a second each), so politeness does not cost a
		// TCP handshake per request.
		MaxIdleConns:        2048,
		MaxIdleConnsPerHost: 1, // a host gets one request at a time
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: 10 * time.Second,
		// Article pages run to hundreds of kilobytes: read them in few
		// system calls.
		ReadBufferSize:        16 << 10,
		ResponseHeaderTimeout: cfg.Timeout,
	}
	maxRedirects := cfg.MaxRedirects
	return &Fetcher{
		client: &http.Client{
			Transport: transport,
			Timeout:   cfg.Timeout,
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) > maxRedirects {
					return fmt.Errorf("stopped after %d redirects", maxRedirects)
				}
				return pace(req, via[len(via)-1])
			},
		},
		maxBody: cfg.MaxBody,
		agent:   cfg.UserAgent,
	}
}

// Client is the Fetcher's HTTP client, with its address check, timeouts
// and redirect limit, for other outbound requests (webhooks).
func (f *Fetcher) Client() *http.Client { return f.client }

// Response is a fetched body with what the server said about it.
type Response struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	Language     string // Content-Language
	ETag         string
	LastModified string
	// What the server said about when to ask again, unparsed.
	RetryAfter   string
	CacheControl string
	Expires      string
	Date         string
	Body         []byte

	buf *bytes.Buffer // Body's, for Release
}

// bodyPool keeps body buffers for Release, so fetching a page a second
// does not allocate (and zero) a few hundred kilobytes each time.
var bodyPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Release hands the body's memory back for the next fetch. Body must not
// be used after.
func (r *Response) Release() {
	if r == nil || r.buf == nil {
		return
	}
	if r.buf.Cap() <= 512<<10 {
		bodyPool.Put(r.buf)
	}
	r.buf, r.Body = nil, nil
}

// NotModified reports a 304 answer to a conditional request.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// Get fetches rawURL. etag and lastModified, when set, make the request
// conditional; a 304 comes back as a Response with no body and no error.
// Transport compression (gzip) is negotiated and undone by net/http.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (*Response, error) {
	return f.Do(ctx, Request{URL: rawURL, ETag: etag, LastModified: lastModified})
}

// Request is one GET: its URL, the validators that make it conditional,
// and, when they differ from the Fetcher's, the body limit and Accept.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	MaxBody      int64
	Accept       string
	// Pace, when set, is the least time between two requests to one host:
	// a redirect to the same host waits that long after the answer that
	// sent it, so following redirects never asks a host faster than the
	// lane would.
	Pace time.Duration
}

type paceKey struct{}

// pace waits before following a redirect to the host that just answered,
// for as long as the request's Pace says.
func pace(next, prev *http.Request) error {
	d, _ := next.Context().Value(paceKey{}).(time.Duration)
	host := func(u *url.URL) string { return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") }
	if d <= 0 || host(next.URL) != host(prev.URL) {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-next.Context().Done():
		return next.Context().Err()
	}
}

const acceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, text/html;q=0.9, */*;q=0.8"

// Do fetches r.URL as Get does.
func (f *Fetcher) Do(ctx context.Context, r Request) (*Response, error) {
	rawURL := r.URL
	if r.Pace > 0 {
		ctx = context.WithValue(ctx, paceKey{}, r.Pace)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("%s: only http and https URLs can be fetched", rawURL)
	}
	maxBody := f.maxBody
	if r.MaxBody > 0 {
		maxBody = r.MaxBody
	}
	accept := acceptFeeds
	if r.Accept != "" {
		accept = r.Accept
	}
	req.Header.Set("User-Agent", f.agent)
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		Language:     resp.Header.Get("Content-Language"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		RetryAfter:   resp.Header.Get("Retry-After"),
		CacheControl: resp.Header.Get("Cache-Control"),
		Expires:      resp.Header.Get("Expires"),
		Date:         resp.Header.Get("Date"),
	}
	if resp.StatusCode == http.StatusNotModified {
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Drain a little so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, fmt.Errorf("%w %d %s", ErrStatus, resp.StatusCode, strings.TrimSpace(http.StatusText(resp.StatusCode)))
	}
	if resp.ContentLength > maxBody {
		return out, fmt.Errorf("%w (%d bytes announced, limit %d)", ErrTooLarge, resp.ContentLength, maxBody)
	}
	// One allocation of the announced size where there is one, instead of
	// a slice doubled (and copied) a dozen times.
	size := int64(64 << 10)
	if resp.ContentLength > 0 {
		size = resp.ContentLength + 1
	}
	buf := bodyPool.Get().(*bytes.Buffer)
	buf.Reset()
	// ReadFrom wants bytes.MinRead of room even for the read that finds
	// the end; without it a body of the announced size is copied once more.
	buf.Grow(int(size) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		bodyPool.Put(buf)
		return out, fmt.Errorf("read body: %w", err)
	}
	out.buf = buf
	body := buf.Bytes()
	if int64(len(body)) > maxBody {
		return out, fmt.Errorf("%w (limit %d bytes)", ErrTooLarge, maxBody)
	}
	out.Body = body
	return out, nil
}
