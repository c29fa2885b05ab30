package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// publicAddr is an address on every interface, nothing listening on it:
// one other machines could reach.
func publicAddr(t *testing.T) string {
	t.Helper()
	_, port, err := net.SplitHostPort(freeAddr(t))
	if err != nil {
		t.Fatal(err)
	}
	return "0.0.0.0:" + port
}

// addToken runs `defwatch token add` and returns the secret it prints.
func addToken(t *testing.T, data, name, role string) string {
	t.Helper()
	var out, errs bytes.Buffer
	if err := Run(t.Context(), []string{"token", "add", name, "--role", role, "--data", data}, nil, &out, &errs); err != nil {
		t.Fatalf("token add %s: %v %s", name, err, errs.String())
	}
	return strings.TrimSpace(out.String())
}

func request(t *testing.T, client *http.Client, method, u, token, body string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" && !strings.HasPrefix(body, "{") {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestPublicListenerNeedsTokens(t *testing.T) {
	t.Run("refused without tokens", func(t *testing.T) {
		data := t.TempDir()
		listen := publicAddr(t)
		err := Run(t.Context(), []string{"run", "--data", data, "--nats-listen", freeAddr(t), "--listen", listen}, nil, &bytes.Buffer{}, t.Output())
		if err == nil || !strings.Contains(err.Error(), "defwatch token add") || !strings.Contains(err.Error(), "--insecure-public") {
			t.Fatalf("got %v, want a refusal that says how to add a token or insist", err)
		}
		if c, err := net.Dial("tcp", strings.Replace(listen, "0.0.0.0", "127.0.0.1", 1)); err == nil {
			c.Close()
			t.Error("the refused run left its HTTP port open")
		}
	})
	t.Run("open with --insecure-public", func(t *testing.T) {
		var logs syncBuffer
		r := startRunOut(t, &logs, "--data", t.TempDir(), "--nats-listen", freeAddr(t), "--listen", publicAddr(t), "--insecure-public")
		if got := request(t, http.DefaultClient, "GET", r.api+"/api/search?q=*", "", ""); got != 200 {
			t.Errorf("search: %d, want 200", got)
		}
		if !strings.Contains(logs.String(), "INSECURE") {
			t.Errorf("no loud warning in the log:\n%s", logs.String())
		}
	})

	data := t.TempDir()
	reader := addToken(t, data, "analyst", "read")
	admin := addToken(t, data, "ops", "admin")
	var logs syncBuffer
	r := startRunOut(t, &logs, "--data", data, "--nats-listen", freeAddr(t), "--listen", publicAddr(t), "--log-level", "info")
	api := r.api
	c := http.DefaultClient
	for _, tc := range []struct {
		name, method, path, token, body string
		want                            int
	}{
		{"search without a token", "GET", "/api/search?q=*", "", "", 401},
		{"search with a read token", "GET", "/api/search?q=*", reader, "", 200},
		{"article with a read token", "GET", "/api/articles/nosuchid", reader, "", 404},
		{"web page without a token", "GET", "/", "", "", 401},
		{"web page with a read token", "GET", "/", reader, "", 200},
		{"health without a token", "GET", "/healthz", "", "", 200},
		{"readiness without a token", "GET", "/readyz", "", "", 200},
		{"saved searches with a read token", "GET", "/api/alerts", reader, "", 403},
		{"add a saved search with a read token", "POST", "/api/alerts", reader, `{"name": "ua", "query": "nation:UA"}`, 403},
		{"add a saved search with an admin token", "POST", "/api/alerts", admin, `{"name": "ua", "query": "nation:UA"}`, 201},
		{"a bad saved search", "POST", "/api/alerts", admin, `{"name": "ua", "query": "troops:>=lots"}`, 400},
		{"the alerts page with a read token", "GET", "/alerts", reader, "", 403},
		{"the alerts page with an admin token", "GET", "/alerts", admin, "", 200},
		{"saved searches with an admin token", "GET", "/api/alerts", admin, "", 200},
		{"remove a saved search with a read token", "DELETE", "/api/alerts/ua", reader, "", 403},
		{"remove a saved search with an admin token", "DELETE", "/api/alerts/ua", admin, "", 204},
		{"remove it again", "DELETE", "/api/alerts/ua", admin, "", 404},
		{"feeds with a read token", "GET", "/api/feeds", reader, "", 403},
		{"CSV export without a token", "GET", "/api/search?q=*&format=csv", "", "", 401},
		{"CSV export with a read token", "GET", "/api/search?q=*&format=csv", reader, "", 200},
		{"JSON Lines export with a read token", "GET", "/api/search?q=*&format=jsonl", reader, "", 200},
		{"Atom feed without a token", "GET", "/feed?q=*", "", "", 401},
		{"Atom feed with a read token", "GET", "/feed?q=*", reader, "", 200},
		{"troop timeline without a token", "GET", "/api/troops?nation=UA", "", "", 401},
		{"troop timeline with a read token", "GET", "/api/troops?nation=UA", reader, "", 200},
		{"version without a token", "GET", "/api/version", "", "", 401},
		{"version with a read token", "GET", "/api/version", reader, "", 200},
		{"troops page without a token", "GET", "/troops", "", "", 401},
		{"troops page with a read token", "GET", "/troops", reader, "", 200},
		{"an article page with a read token", "GET", "/article/nosuchid", reader, "", 404},
		{"a search by HEAD without a token", "HEAD", "/api/search?q=*", "", "", 401},
		{"a search by HEAD with a read token", "HEAD", "/api/search?q=*", reader, "", 200},
		{"feeds changed with a read token", "POST", "/api/feeds", reader, `{"url": "https://example.com/feed"}`, 403},
		{"feeds removed with a read token", "DELETE", "/api/feeds?url=https%3A%2F%2Fexample.com%2Ffeed", reader, "", 403},
		{"feeds with an admin token", "GET", "/api/feeds", admin, "", 200},
		{"the Sources page without a token", "GET", "/sources", "", "", 401},
		{"the Sources page with a read token", "GET", "/sources", reader, "", 403},
		{"the Sources page with an admin token", "GET", "/sources", admin, "", 200},
		{"a feed added on the Sources page with a read token", "POST", "/sources", reader, "action=add&url=https%3A%2F%2Fexample.com%2Ffeed", 403},
		{"metrics without a token", "GET", "/metrics", "", "", 401},
		{"metrics with a read token", "GET", "/metrics", reader, "", 200},
		{"meetings page without a token", "GET", "/meetings", "", "", 401},
		{"meetings page with a read token", "GET", "/meetings", reader, "", 200},
		{"an article page without a token", "GET", "/article/nosuchid", "", "", 401},
		{"static files without a token", "GET", "/static/style.css", "", "", 200},
		{"add a saved search on the page with a read token", "POST", "/alerts", reader, "name=ru&query=nation%3ARU", 403},
		{"remove a saved search on the page with a read token", "POST", "/alerts/ua/delete", reader, "", 403},
		// The page answers with a redirect to itself, which the client follows.
		{"add a saved search on the page with an admin token", "POST", "/alerts", admin, "name=ru&query=nation%3ARU", 200},
		{"remove it on the page with an admin token", "POST", "/alerts/ru/delete", admin, "", 200},
		{"an unknown API path without a token", "GET", "/api/nosuch", "", "", 401},
		{"an unknown method with a read token", "PUT", "/api/search", reader, "", 403},
		{"a forged token", "GET", "/api/search?q=*", "dw_" + strings.Repeat("A", 43), "", 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := request(t, c, tc.method, api+tc.path, tc.token, tc.body); got != tc.want {
				t.Errorf("%s %s: %d, want %d", tc.method, tc.path, got, tc.want)
			}
		})
	}

	t.Run("defwatch search sends the token", func(t *testing.T) {
		if _, err := runCmd(t, "", "search", "--server", api, "*"); err == nil || !strings.Contains(err.Error(), "--token") {
			t.Errorf("without a token: %v, want an error that names --token", err)
		}
		t.Setenv("DEFWATCH_TOKEN", reader)
		if out, err := runCmd(t, "", "search", "--server", api, "*"); err != nil || !strings.Contains(out, "0 articles") {
			t.Errorf("with DEFWATCH_TOKEN: %v %q", err, out)
		}
	})
	t.Run("revoked at once", func(t *testing.T) {
		if out, err := runCmd(t, "", "token", "rm", "--data", data, "analyst"); err != nil || !strings.Contains(out, "removed analyst") {
			t.Fatalf("token rm: %v %q", err, out)
		}
		waitFor(t, 10*time.Second, "the revoked token to be refused", func() bool {
			return request(t, c, "GET", api+"/api/search?q=*", reader, "") == 401
		})
	})
	t.Run("token list shows names, never secrets", func(t *testing.T) {
		out, err := runCmd(t, "", "token", "list", "--data", data)
		if err != nil || !strings.Contains(out, "ops") || !strings.Contains(out, "admin") || strings.Contains(out, "analyst") || strings.Contains(out, admin) {
			t.Errorf("token list: %v\n%s", err, out)
		}
	})
	t.Run("no secret in the log", func(t *testing.T) {
		if strings.Contains(logs.String(), reader) || strings.Contains(logs.String(), admin) {
			t.Error("the log holds a token")
		}
	})
}

func TestLoopbackStaysOpen(t *testing.T) {
	var out syncBuffer
	data := t.TempDir()
	r := startRunOut(t, &out, "--data", data, "--nats-listen", freeAddr(t), "--listen", freeAddr(t))
	if got := request(t, http.DefaultClient, "POST", r.api+"/api/alerts", "", `{"name": "ua", "query": "nation:UA"}`); got != 201 {
		t.Errorf("saved search over loopback without tokens: %d, want 201", got)
	}
	if !strings.Contains(out.String(), "defwatch token add NAME --role") {
		t.Errorf("the start does not say how to add a token:\n%s", out.String())
	}
	// nats-server links net/http/pprof, which puts profiling handlers on
	// http.DefaultServeMux; the API must never be served from that mux.
	if got := request(t, http.DefaultClient, "GET", r.api+"/debug/pprof/", "", ""); got != 404 {
		t.Errorf("GET /debug/pprof/: %d, want 404 (profiling is not served)", got)
	}
	// Once a token exists, loopback asks for it too.
	admin := addToken(t, data, "ops", "admin")
	waitFor(t, 10*time.Second, "tokens to be asked for", func() bool {
		return request(t, http.DefaultClient, "GET", r.api+"/api/search?q=*", "", "") == 401
	})
	if got := request(t, http.DefaultClient, "GET", r.api+"/api/search?q=*", admin, ""); got != 200 {
		t.Errorf("with the token: %d, want 200", got)
	}
}

func TestHTTPS(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile := selfSigned(t, dir)
	data := t.TempDir()
	reader := addToken(t, data, "analyst", "read")
	r := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", publicAddr(t), "--tls-cert", certFile, "--tls-key", keyFile)
	if !strings.HasPrefix(r.api, "https://") {
		t.Fatalf("api %s", r.api)
	}
	out, err := runCmd(t, "", "search", "--server", r.api, "--tls-ca", certFile, "--token", reader, "*")
	if err != nil || !strings.Contains(out, "0 articles") {
		t.Errorf("search over HTTPS: %v %q", err, out)
	}
	if _, err := runCmd(t, "", "search", "--server", r.api, "--token", reader, "*"); err == nil {
		t.Error("an untrusted certificate was accepted")
	}
	client, err := httpClient(certFile)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Get(r.api + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("Strict-Transport-Security") == "" {
		t.Error("no Strict-Transport-Security over HTTPS")
	}
	if err := Run(t.Context(), []string{"run", "--data", data, "--listen", freeAddr(t), "--tls-cert", certFile}, nil, &bytes.Buffer{}, t.Output()); err == nil || !strings.Contains(err.Error(), "--tls-key") {
		t.Errorf("--tls-cert alone: %v, want an error naming --tls-key", err)
	}
}

// selfSigned writes a certificate for 127.0.0.1 and its key.
func selfSigned(t *testing.T, dir string) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "defwatch test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv4zero}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	return certFile, keyFile
}

// syncBuffer collects what a run writes while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestSignInInBrowser signs in to a server that asks for tokens the way a
// person would, in headless Chromium: a page sends the browser to the form,
// the token brings it back, the cookie is out of scripts' reach, and
// signing out ends it.
func TestSignInInBrowser(t *testing.T) {
	browser := findBrowser()
	if browser == "" {
		t.Skip("no Chromium: install Debian's chromium package (apt-get install chromium), as make test does")
	}
	data := t.TempDir()
	secret := addToken(t, data, "analyst", "read")
	r := startRun(t, "--data", data, "--nats-listen", freeAddr(t), "--listen", publicAddr(t))
	b := newTab(t, browser, strings.Replace(r.api, "0.0.0.0", "127.0.0.1", 1))

	if code := b.open("/meetings"); code != http.StatusOK {
		t.Fatalf("GET /meetings without a token: %d after redirects, want the sign-in form", code)
	}
	if path := evalIn[string](b, "location.pathname"); path != "/login" {
		t.Fatalf("at %s, want /login", path)
	}
	b.screenshot("login")
	b.do(chromedp.SendKeys(chromedp.CSS("#token"), "dw_wrong"))
	if code := b.follow(chromedp.Click(chromedp.CSS(`button[type="submit"]`))); code != http.StatusUnauthorized {
		t.Errorf("a wrong token: %d, want 401", code)
	}
	if !strings.Contains(b.text(".error"), "not valid") {
		t.Errorf("a wrong token is not explained: %q", b.text(".error"))
	}
	b.do(chromedp.Clear(chromedp.CSS("#token")), chromedp.SendKeys(chromedp.CSS("#token"), secret))
	if code := b.follow(chromedp.Click(chromedp.CSS(`button[type="submit"]`))); code != http.StatusOK {
		t.Fatalf("signing in: %d", code)
	}
	if path := evalIn[string](b, "location.pathname"); path != "/meetings" {
		t.Errorf("after signing in at %s, want back at /meetings", path)
	}
	if c := evalIn[string](b, "document.cookie"); c != "" {
		t.Errorf("scripts can read the cookie %q; want it HttpOnly", c)
	}
	if code := b.open("/"); code != http.StatusOK || b.count("#q") != 1 {
		t.Errorf("the search page once signed in: %d", code)
	}
	b.open("/logout")
	if code := b.follow(chromedp.Click(chromedp.CSS(`button[type="submit"]`))); code != http.StatusOK {
		t.Errorf("signing out: %d", code)
	}
	b.open("/")
	if path := evalIn[string](b, "location.pathname"); path != "/login" {
		t.Errorf("after signing out, / shows %s, want the sign-in form", path)
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, p := range b.problems {
		t.Errorf("browser console: %s", p)
	}
}
