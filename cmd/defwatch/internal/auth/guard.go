package auth

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// CookieName is the cookie the login form sets: the token itself, HttpOnly
// and SameSite=Strict, so page scripts cannot read it and other sites cannot
// send it.
const CookieName = "defwatch_token"

// cookieAge is how long a browser keeps a login.
const cookieAge = 7 * 24 * time.Hour

// GuardConfig says what the guard asks of requests.
type GuardConfig struct {
	// Need is the role a request needs; RoleNone lets it through unasked.
	Need func(*http.Request) Role
	// Always asks for a token even while no token exists: for a server
	// that others can reach. Without it a server with no tokens is open,
	// and one with tokens asks for them.
	Always bool
	// Secure marks the login cookie Secure: the server speaks TLS.
	Secure bool
	// Stylesheet is linked from the login page, if set.
	Stylesheet string
	Log        *slog.Logger
}

// Guard checks every request's token against the role its path needs.
type Guard struct {
	tokens *Tokens
	cfg    GuardConfig
	log    *slog.Logger
	csrf   *http.CrossOriginProtection
}

// NewGuard guards with the tokens of t.
func NewGuard(t *Tokens, cfg GuardConfig) *Guard {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Need == nil {
		cfg.Need = func(*http.Request) Role { return RoleRead }
	}
	return &Guard{tokens: t, cfg: cfg, log: cfg.Log, csrf: http.NewCrossOriginProtection()}
}

// Required says whether requests must carry a token now.
func (g *Guard) Required() bool { return g.cfg.Always || g.tokens.Len() > 0 }

type ctxKey struct{}

// TokenName is the name of the token a request came with, "" when it came
// with none (a public path, or a server open to all).
func TokenName(ctx context.Context) string {
	s, _ := ctx.Value(ctxKey{}).(string)
	return s
}

// Wrap guards next. Requests that change state and come from another site
// are refused whatever they carry (the browser's Sec-Fetch-Site and Origin
// headers say so), which keeps the login cookie from being used by a forged
// form elsewhere.
func (g *Guard) Wrap(next http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /login", g.loginPage)
	mux.HandleFunc("POST /login", g.login)
	mux.HandleFunc("GET /logout", g.logoutPage)
	mux.HandleFunc("POST /logout", g.logout)
	mux.Handle("/", g.check(next))
	return g.csrf.Handler(mux)
}

func (g *Guard) check(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		need := g.cfg.Need(r)
		if need == RoleNone || !g.Required() {
			next.ServeHTTP(w, r)
			return
		}
		secret, from := presented(r)
		tok, ok := g.tokens.Check(secret)
		if !ok {
			if secret != "" {
				// The name of the header or cookie, never what it held.
				g.log.Warn("request with an unknown token refused", "path", r.URL.Path, "from", from, "remote", r.RemoteAddr)
			}
			g.unauthorized(w, r, secret != "")
			return
		}
		if !tok.Role.Allows(need) {
			g.log.Warn("request refused: token lacks the role", "path", r.URL.Path, "method", r.Method, "token", tok.Name, "role", tok.Role, "need", need)
			writeError(w, r, http.StatusForbidden, "the token "+tok.Name+" has the role "+string(tok.Role)+"; this needs "+string(need))
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, tok.Name)))
	})
}

// presented returns the secret a request carries and where: the
// Authorization header (Bearer, or Basic with the secret as password, so
// `curl -u :SECRET` works), else the login cookie.
func presented(r *http.Request) (secret, from string) {
	if h := r.Header.Get("Authorization"); h != "" {
		scheme, rest, _ := strings.Cut(h, " ")
		switch strings.ToLower(scheme) {
		case "bearer":
			return strings.TrimSpace(rest), "bearer"
		case "basic":
			if _, pw, ok := r.BasicAuth(); ok {
				return pw, "basic"
			}
		}
		return "", "authorization"
	}
	if c, err := r.Cookie(CookieName); err == nil {
		return c.Value, "cookie"
	}
	return "", ""
}

// unauthorized answers a request without a valid token: a browser asking
// for a page goes to the login form, anything else gets 401.
func (g *Guard) unauthorized(w http.ResponseWriter, r *http.Request, bad bool) {
	if wantsPage(r) {
		q := url.Values{"next": {r.URL.RequestURI()}}
		if bad {
			q.Set("expired", "1")
		}
		http.Redirect(w, r, "/login?"+q.Encode(), http.StatusSeeOther)
		return
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="defwatch"`)
	msg := "this needs a token: send Authorization: Bearer TOKEN (an operator makes one with `defwatch token add NAME --role read`)"
	if bad {
		msg = "the token is not valid (revoked, or mistyped)"
	}
	writeError(w, r, http.StatusUnauthorized, msg)
}

// wantsPage says r is a browser navigating to a page, not a program
// calling the API.
func wantsPage(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) &&
		!strings.HasPrefix(r.URL.Path, "/api/") && strings.Contains(r.Header.Get("Accept"), "text/html")
}

func writeError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(r.URL.Path, "/api/") || !strings.Contains(r.Header.Get("Accept"), "text/html") {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": msg}) // the client may have gone
		return
	}
	http.Error(w, msg, status)
}
