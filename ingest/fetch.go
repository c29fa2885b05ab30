package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"
)

// UserAgent names defwatch to the sites it reads, so their operators can tell
// who is polling them.
const UserAgent = "defwatch/0.1 (+https://github.com/defwatch/defwatch; news monitor)"

var (
	// ErrPrivateAddress: the URL resolves to loopback, private or link-local
	// space, which a feed list must not be able to reach unless the operator
	// said so with --allow-private.
	ErrPrivateAddress = errors.New("address is loopback, private or link-local (pass --allow-private to allow it)")
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
			if ip, err := netip.ParseAddr(host); err != nil || blockedAddr(ip) {
				return fmt.Errorf("%s: %w", host, ErrPrivateAddress)
			}
			return nil
		}
	}
	transport := &http.Transport{
		// No proxy from the environment: the dial check must see the real peer.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          64,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
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
				return nil
			},
		},
		maxBody: cfg.MaxBody,
		agent:   cfg.UserAgent,
	}
}

// Client is the Fetcher's HTTP client, with its address check, timeouts
// and redirect limit, for other outbound requests (webhooks).
func (f *Fetcher) Client() *http.Client { return f.client }

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

func blockedAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() || ip.IsUnspecified() || cgnat.Contains(ip)
}

// Response is a fetched body with what the server said about it.
type Response struct {
	URL          string // after redirects
	Status       int
	ContentType  string
	Language     string // Content-Language
	ETag         string
	LastModified string
	Body         []byte
}

// NotModified reports a 304 answer to a conditional request.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// Get fetches rawURL. etag and lastModified, when set, make the request
// conditional; a 304 comes back as a Response with no body and no error.
// Transport compression (gzip) is negotiated and undone by net/http.
func (f *Fetcher) Get(ctx context.Context, rawURL, etag, lastModified string) (*Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return nil, fmt.Errorf("%s: only http and https URLs can be fetched", rawURL)
	}
	req.Header.Set("User-Agent", f.agent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml, text/html;q=0.9, */*;q=0.8")
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastModified != "" {
		req.Header.Set("If-Modified-Since", lastModified)
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
	}
	if resp.StatusCode == http.StatusNotModified {
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		// Drain a little so the connection can be reused.
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return out, fmt.Errorf("%w %d %s", ErrStatus, resp.StatusCode, strings.TrimSpace(http.StatusText(resp.StatusCode)))
	}
	if resp.ContentLength > f.maxBody {
		return out, fmt.Errorf("%w (%d bytes announced, limit %d)", ErrTooLarge, resp.ContentLength, f.maxBody)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBody+1))
	if err != nil {
		return out, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > f.maxBody {
		return out, fmt.Errorf("%w (limit %d bytes)", ErrTooLarge, f.maxBody)
	}
	out.Body = body
	return out, nil
}
