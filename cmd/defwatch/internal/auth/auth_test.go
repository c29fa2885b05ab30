package auth

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTokensFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tokens.json")
	tokens, err := OpenTokens(path)
	if err != nil {
		t.Fatal(err)
	}
	if tokens.Len() != 0 {
		t.Fatalf("a missing file holds %d tokens, want 0", tokens.Len())
	}
	now := time.Date(2025, 4, 10, 9, 0, 0, 0, time.UTC)
	alice, err := tokens.Add("alice", RoleRead, now)
	if err != nil {
		t.Fatal(err)
	}
	ops, err := tokens.Add("ops@example.org", RoleAdmin, now)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(alice, "dw_") || len(alice) < 40 || alice == ops {
		t.Errorf("secrets %q, %q: want distinct dw_ secrets of 256 bits", alice, ops)
	}

	t.Run("stored hashed and private", func(t *testing.T) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(data, []byte(alice)) || bytes.Contains(data, []byte(ops)) {
			t.Error("the file holds a secret in clear")
		}
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o600 {
			t.Errorf("file mode %v, want 0600", st.Mode().Perm())
		}
	})
	t.Run("check", func(t *testing.T) {
		for _, tc := range []struct {
			secret string
			name   string
			role   Role
		}{
			{alice, "alice", RoleRead},
			{ops, "ops@example.org", RoleAdmin},
			{alice + "x", "", ""},
			{alice[:len(alice)-1], "", ""},
			{"", "", ""},
			{strings.Repeat("a", 100000), "", ""},
		} {
			tok, ok := tokens.Check(tc.secret)
			if ok != (tc.name != "") || tok.Name != tc.name || tok.Role != tc.role {
				t.Errorf("Check(%.20q…) = %+v, %v; want %q %q", tc.secret, tok, ok, tc.name, tc.role)
			}
		}
	})
	t.Run("refused names", func(t *testing.T) {
		for _, name := range []string{"alice", "", "two words", "a/b", strings.Repeat("x", 65)} {
			if _, err := tokens.Add(name, RoleRead, now); err == nil {
				t.Errorf("Add(%q): no error", name)
			}
		}
		if _, err := tokens.Add("bob", Role("root"), now); err == nil {
			t.Error("Add with role root: no error")
		}
	})
	t.Run("another process sees adds and removals", func(t *testing.T) {
		server, err := OpenTokens(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := server.Check(alice); !ok {
			t.Fatal("a second reader does not know alice")
		}
		if err := tokens.Remove("alice"); err != nil {
			t.Fatal(err)
		}
		carol, err := tokens.Add("carol", RoleRead, now)
		if err != nil {
			t.Fatal(err)
		}
		server.mu.Lock()
		server.checked = time.Time{} // as if a second had passed
		server.mu.Unlock()
		if _, ok := server.Check(alice); ok {
			t.Error("a removed token is still accepted after a reload")
		}
		if _, ok := server.Check(carol); !ok {
			t.Error("a token added by another process is not accepted after a reload")
		}
		if err := tokens.Remove("alice"); err == nil {
			t.Error("removing a missing token: no error")
		}
	})
	t.Run("a broken file is an error that says what to do", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "tokens.json")
		if err := os.WriteFile(bad, []byte(`[{"name":"x","role":"read","sha256":"zz"}]`), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := OpenTokens(bad); err == nil || !strings.Contains(err.Error(), "sha256") {
			t.Errorf("got %v, want an error about the hash", err)
		}
	})
}

// guarded is a server behind a guard: /api/search and / need read, /api/alerts
// and anything but GET need admin, /healthz nothing.
func guarded(t *testing.T, always bool, log *bytes.Buffer) (*httptest.Server, *Tokens) {
	t.Helper()
	tokens, err := OpenTokens(filepath.Join(t.TempDir(), "tokens.json"))
	if err != nil {
		t.Fatal(err)
	}
	need := func(r *http.Request) Role {
		switch {
		case r.URL.Path == "/healthz":
			return RoleNone
		case strings.HasPrefix(r.URL.Path, "/api/alerts") || r.Method != http.MethodGet:
			return RoleAdmin
		}
		return RoleRead
	}
	var w = &bytes.Buffer{}
	if log != nil {
		w = log
	}
	g := NewGuard(tokens, GuardConfig{Need: need, Always: always, Log: slog.New(slog.NewTextHandler(w, nil))})
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Token", TokenName(r.Context()))
		w.WriteHeader(http.StatusOK)
	})
	srv := httptest.NewServer(g.Wrap(inner))
	t.Cleanup(srv.Close)
	return srv, tokens
}

// noRedirects is a client that shows redirects instead of following them.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

func do(t *testing.T, method, u string, header map[string]string, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := noRedirects.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

func TestGuard(t *testing.T) {
	var logs bytes.Buffer
	srv, tokens := guarded(t, true, &logs)
	now := time.Now()
	read, err := tokens.Add("reader", RoleRead, now)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := tokens.Add("admin", RoleAdmin, now)
	if err != nil {
		t.Fatal(err)
	}
	bearer := func(s string) map[string]string { return map[string]string{"Authorization": "Bearer " + s} }
	for _, tc := range []struct {
		name, method, path string
		header             map[string]string
		want               int
	}{
		{"public path", "GET", "/healthz", nil, 200},
		{"no token", "GET", "/api/search?q=x", nil, 401},
		{"read token", "GET", "/api/search?q=x", bearer(read), 200},
		{"admin token reads", "GET", "/api/search?q=x", bearer(admin), 200},
		{"unknown token", "GET", "/api/search?q=x", bearer("dw_nope"), 401},
		{"admin path, read token", "GET", "/api/alerts", bearer(read), 403},
		{"admin path, admin token", "GET", "/api/alerts", bearer(admin), 200},
		{"change, read token", "DELETE", "/api/alerts/x", bearer(read), 403},
		{"change, admin token", "DELETE", "/api/alerts/x", bearer(admin), 200},
		{"basic auth", "GET", "/api/search", map[string]string{"Authorization": "Basic " + basic("", read)}, 200},
		{"basic auth, wrong", "GET", "/api/search", map[string]string{"Authorization": "Basic " + basic("reader", "x")}, 401},
		{"other scheme", "GET", "/api/search", map[string]string{"Authorization": "Digest " + read}, 401},
		{"cookie", "GET", "/", map[string]string{"Cookie": CookieName + "=" + read}, 200},
		{"cross-site change with the cookie", "POST", "/api/alerts", map[string]string{"Cookie": CookieName + "=" + admin, "Sec-Fetch-Site": "cross-site"}, 403},
		{"cross-origin change with the bearer", "PUT", "/api/alerts/x", map[string]string{"Authorization": "Bearer " + admin, "Origin": "https://evil.example"}, 403},
		{"same-origin change with the cookie", "POST", "/api/alerts", map[string]string{"Cookie": CookieName + "=" + admin, "Sec-Fetch-Site": "same-origin"}, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := do(t, tc.method, srv.URL+tc.path, tc.header, "")
			if resp.StatusCode != tc.want {
				t.Fatalf("%s %s: %d, want %d", tc.method, tc.path, resp.StatusCode, tc.want)
			}
			if resp.StatusCode == 401 && !strings.Contains(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("401 without a Bearer challenge")
			}
		})
	}
	t.Run("the handler learns the token's name", func(t *testing.T) {
		if got := do(t, "GET", srv.URL+"/", bearer(admin), "").Header.Get("X-Token"); got != "admin" {
			t.Errorf("TokenName = %q, want admin", got)
		}
	})
	t.Run("a browser without a token goes to the login form", func(t *testing.T) {
		resp := do(t, "GET", srv.URL+"/article/abc?x=1", map[string]string{"Accept": "text/html"}, "")
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape("/article/abc?x=1") {
			t.Errorf("%d to %q, want 303 to the login form with next", resp.StatusCode, loc)
		}
	})
	t.Run("revoked", func(t *testing.T) {
		if err := tokens.Remove("reader"); err != nil {
			t.Fatal(err)
		}
		if got := do(t, "GET", srv.URL+"/api/search", bearer(read), "").StatusCode; got != 401 {
			t.Errorf("revoked token: %d, want 401", got)
		}
	})
	t.Run("no secret in the log", func(t *testing.T) {
		if strings.Contains(logs.String(), read) || strings.Contains(logs.String(), admin) {
			t.Errorf("the log holds a secret:\n%s", logs.String())
		}
		if !strings.Contains(logs.String(), "unknown token") {
			t.Errorf("refusals are not logged:\n%s", logs.String())
		}
	})
}

func basic(user, pw string) string {
	r, _ := http.NewRequest("GET", "/", nil)
	r.SetBasicAuth(user, pw)
	return strings.TrimPrefix(r.Header.Get("Authorization"), "Basic ")
}

func TestGuardOpenWithoutTokens(t *testing.T) {
	srv, tokens := guarded(t, false, nil)
	if got := do(t, "DELETE", srv.URL+"/api/alerts/x", nil, "").StatusCode; got != 200 {
		t.Errorf("loopback server without tokens: %d, want 200 (open)", got)
	}
	if _, err := tokens.Add("first", RoleRead, time.Now()); err != nil {
		t.Fatal(err)
	}
	if got := do(t, "GET", srv.URL+"/api/search", nil, "").StatusCode; got != 401 {
		t.Errorf("once a token exists: %d, want 401", got)
	}
	srv2, _ := guarded(t, true, nil)
	if got := do(t, "GET", srv2.URL+"/api/search", nil, "").StatusCode; got != 401 {
		t.Errorf("public server without tokens: %d, want 401 (closed, not open)", got)
	}
}

func TestLoginForm(t *testing.T) {
	srv, tokens := guarded(t, true, nil)
	secret, err := tokens.Add("analyst", RoleRead, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	form := func(token, next string) string {
		return url.Values{"token": {token}, "next": {next}}.Encode()
	}
	formHeader := map[string]string{"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"}

	resp := do(t, "GET", srv.URL+"/login?next=/meetings", nil, "")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("login page: %d, CSP %q", resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	if got := do(t, "POST", srv.URL+"/login", formHeader, form("dw_wrong", "/")).StatusCode; got != 401 {
		t.Errorf("wrong token: %d, want 401", got)
	}
	resp = do(t, "POST", srv.URL+"/login", formHeader, form(secret, "/meetings"))
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/meetings" {
		t.Fatalf("sign-in: %d to %q, want 303 to /meetings", resp.StatusCode, resp.Header.Get("Location"))
	}
	var cookie *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == CookieName {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteStrictMode || cookie.Value != secret || cookie.Secure {
		t.Fatalf("cookie %+v: want the token, HttpOnly, SameSite=Strict, not Secure without TLS", cookie)
	}
	if got := do(t, "GET", srv.URL+"/", map[string]string{"Cookie": cookie.String()}, "").StatusCode; got != 200 {
		t.Errorf("with the cookie: %d, want 200", got)
	}
	if got := do(t, "POST", srv.URL+"/login", map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"Sec-Fetch-Site": "cross-site"}, form(secret, "/")).StatusCode; got != 403 {
		t.Errorf("sign-in posted from another site: %d, want 403", got)
	}
	resp = do(t, "POST", srv.URL+"/logout", map[string]string{"Sec-Fetch-Site": "same-origin"}, "")
	if c := resp.Cookies(); resp.StatusCode != http.StatusSeeOther || len(c) != 1 || c[0].MaxAge >= 0 {
		t.Errorf("sign-out: %d, cookies %v; want the cookie cleared", resp.StatusCode, c)
	}

	t.Run("secure under TLS", func(t *testing.T) {
		g := NewGuard(tokens, GuardConfig{Secure: true})
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/login", strings.NewReader(form(secret, "/")))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		g.Wrap(http.NotFoundHandler()).ServeHTTP(rec, req)
		if c := rec.Result().Cookies(); len(c) != 1 || !c[0].Secure {
			t.Errorf("cookies %v: want one Secure cookie", c)
		}
	})
	t.Run("oversized form", func(t *testing.T) {
		if got := do(t, "POST", srv.URL+"/login", formHeader, form(strings.Repeat("x", 20000), "/")).StatusCode; got != 400 {
			t.Errorf("20 kB form: %d, want 400", got)
		}
	})
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "/",
		"/":                         "/",
		"/article/abc?x=1":          "/article/abc?x=1",
		"//evil.example/":           "/",
		"/\\evil.example":           "/",
		"https://evil.example/":     "/",
		"javascript:alert(1)":       "/",
		"/login?next=/login":        "/",
		"/meetings#today":           "/meetings",
		"/search?q=nation%3AUA+x=1": "/search?q=nation%3AUA+x=1",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestErrorBodies(t *testing.T) {
	srv, _ := guarded(t, true, nil)
	resp, err := http.Get(srv.URL + "/api/search")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e struct{ Error string }
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || !strings.Contains(e.Error, "defwatch token add") {
		t.Errorf("401 body %+v (%v): want JSON that says how to get a token", e, err)
	}
}
