package main

import (
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/defwatch/defwatch/cmd/defwatch/internal/auth"
)

// httpAuthFlags say who may use the serve stage's HTTP server, and over
// what.
type httpAuthFlags struct {
	Tokens         string // tokens file; "" is tokens.json in the data directory
	InsecurePublic bool
	TLSCert        string
	TLSKey         string
}

func (h *httpAuthFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&h.Tokens, "tokens", "", "file of HTTP access tokens, kept hashed (default DATA/tokens.json; `defwatch token add` writes it)")
	fs.BoolVar(&h.InsecurePublic, "insecure-public", false, "serve HTTP on an address other machines can reach without asking for a token (anyone there may search and change saved searches)")
	fs.StringVar(&h.TLSCert, "tls-cert", "", "serve HTTPS with this certificate chain (PEM file); needs --tls-key")
	fs.StringVar(&h.TLSKey, "tls-key", "", "the private key of --tls-cert (PEM file)")
}

func (h *httpAuthFlags) validate() []error {
	var errs []error
	if (h.TLSCert == "") != (h.TLSKey == "") {
		errs = append(errs, errors.New("--tls-cert and --tls-key go together: give both, or neither for plain HTTP"))
	}
	return errs
}

// tokensPath is the tokens file a command uses.
func tokensPath(data, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	return filepath.Join(data, "tokens.json")
}

// loopbackOnly says listen (HOST:PORT) is reachable from this machine
// only. An empty host, 0.0.0.0, a LAN address or a host name other than
// localhost is reachable from elsewhere.
func loopbackOnly(listen string) bool {
	host, _, err := net.SplitHostPort(listen)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// adminPaths need an admin token whatever the method: they show and manage
// what defwatch looks for (saved searches, feeds), over the API and on the
// web page (the alerts and Sources pages).
var adminPaths = []string{"/api/alerts", "/api/feeds", "/alerts", "/sources"}

// needRole is the role a request to the serve stage needs. Health probes
// and the page's static files are public; anything that changes state, and
// the admin paths, need admin; the rest (search, articles, the web page,
// metrics) needs read.
func needRole(r *http.Request) auth.Role {
	p := r.URL.Path
	switch {
	case p == "/healthz" || p == "/readyz" || p == "/favicon.ico" || strings.HasPrefix(p, "/static/"):
		return auth.RoleNone
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		return auth.RoleAdmin
	}
	for _, a := range adminPaths {
		if p == a || strings.HasPrefix(p, a+"/") {
			return auth.RoleAdmin
		}
	}
	return auth.RoleRead
}

// httpAccess is what the serve stage needs to guard its HTTP server: the
// guard, and the TLS configuration when it serves HTTPS.
type httpAccess struct {
	guard *auth.Guard
	tls   *tls.Config
}

// newHTTPAccess reads the tokens and the certificate, and refuses to serve
// an address other machines can reach with nothing to ask them for, unless
// told to with --insecure-public. It says on stderr what the user can do
// about the state it finds.
func newHTTPAccess(cfg *runConfig, log *slog.Logger, stderr io.Writer) (*httpAccess, error) {
	h := cfg.HTTPAuth
	tokens, err := auth.OpenTokens(tokensPath(cfg.Data, h.Tokens))
	if err != nil {
		return nil, fmt.Errorf("--tokens: %w", err)
	}
	public := !loopbackOnly(cfg.Listen)
	a := &httpAccess{}
	if h.TLSCert != "" {
		c, err := newCertFile(h.TLSCert, h.TLSKey)
		if err != nil {
			return nil, err
		}
		a.tls = &tls.Config{MinVersion: tls.VersionTLS12, GetCertificate: c.get}
	}
	n := tokens.Len()
	switch {
	case public && n == 0 && !h.InsecurePublic:
		return nil, fmt.Errorf("--listen %s can be reached from other machines, and no HTTP token exists to ask them for: "+
			"add one with `defwatch token add NAME --role admin --data %s` (and give it to whoever needs it), "+
			"or listen on 127.0.0.1, or pass --insecure-public to serve everyone without a token", cfg.Listen, cfg.Data)
	case public && n == 0:
		log.Warn("INSECURE: HTTP is open to anyone who can reach "+cfg.Listen+" (--insecure-public): "+
			"they can search, read every article, and change saved searches and feeds without a token. "+
			"Add a token with `defwatch token add NAME --role admin` and drop --insecure-public.", "listen", cfg.Listen)
	case public && a.tls == nil:
		log.Warn("HTTP tokens travel in clear over "+cfg.Listen+": serve HTTPS with --tls-cert and --tls-key, or put a TLS proxy in front",
			"listen", cfg.Listen)
	case n == 0:
		fmt.Fprintf(stderr, "HTTP on %s asks for no token: only this machine can reach it. To require tokens, add one:\n"+
			"  defwatch token add NAME --role read|admin --data %s\n", cfg.Listen, cfg.Data)
	}
	if n > 0 {
		log.Info("HTTP asks for tokens", "tokens", n, "file", tokens.Path())
	}
	a.guard = auth.NewGuard(tokens, auth.GuardConfig{
		Need:       needRole,
		Always:     public && !h.InsecurePublic,
		Secure:     a.tls != nil,
		Stylesheet: "/static/style.css",
		Log:        log.With("stage", "serve", "part", "auth"),
	})
	return a, nil
}

// handler guards next, and under TLS tells browsers to keep to HTTPS.
func (a *httpAccess) handler(next http.Handler) http.Handler {
	h := a.guard.Wrap(next)
	if a.tls == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", "max-age=31536000")
		h.ServeHTTP(w, r)
	})
}

// certFile serves a certificate from files that a renewal may replace: they
// are read again when they change, at most once a minute.
type certFile struct {
	certPath, keyPath string

	mu      sync.Mutex
	cert    *tls.Certificate
	mod     time.Time
	checked time.Time
}

func newCertFile(certPath, keyPath string) (*certFile, error) {
	c := &certFile{certPath: certPath, keyPath: keyPath}
	if err := c.load(time.Now()); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *certFile) load(now time.Time) error {
	c.checked = now
	st, err := os.Stat(c.certPath)
	if err != nil {
		return fmt.Errorf("--tls-cert: %w", err)
	}
	if c.cert != nil && st.ModTime().Equal(c.mod) {
		return nil
	}
	cert, err := tls.LoadX509KeyPair(c.certPath, c.keyPath)
	if err != nil {
		return fmt.Errorf("--tls-cert %s, --tls-key %s: %w", c.certPath, c.keyPath, err)
	}
	c.cert, c.mod = &cert, st.ModTime()
	return nil
}

func (c *certFile) get(*tls.ClientHelloInfo) (*tls.Certificate, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.checked) > time.Minute {
		// A renewal caught halfway (new certificate, old key) fails to
		// load; the old pair serves until the next look.
		_ = c.load(time.Now())
	}
	return c.cert, nil
}
