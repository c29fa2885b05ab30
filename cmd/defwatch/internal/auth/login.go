package auth

import (
	"bytes"
	"html/template"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// loginTemplate is the sign-in form: one field for the token. It is plain
// HTML with no script, so its policy can forbid every script. It is
// parsed when first shown, not when a command that never serves starts.
var loginTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("login").Parse(loginHTML))
})

const loginHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · defwatch</title>
{{with .Stylesheet}}<link rel="stylesheet" href="{{.}}">{{end}}
</head>
<body>
<main class="login">
<h1>defwatch</h1>
{{if .Logout}}
<form method="post" action="/logout">
<p>Signed in on this browser.</p>
<button type="submit">Sign out</button>
</form>
{{else}}
<form method="post" action="/login">
<p>This server asks for an access token.</p>
{{with .Message}}<p class="error" role="alert">{{.}}</p>{{end}}
<label for="token">Token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus size="50">
<input type="hidden" name="next" value="{{.Next}}">
<button type="submit">Sign in</button>
<p class="hint">Ask the operator for a token (<code>defwatch token add NAME --role read</code>).</p>
</form>
{{end}}
</main>
</body>
</html>
`

type loginData struct {
	Title, Stylesheet, Message, Next string
	Logout                           bool
}

func (g *Guard) renderLogin(w http.ResponseWriter, status int, d loginData) {
	d.Stylesheet = g.cfg.Stylesheet
	var buf bytes.Buffer
	if err := loginTemplate().Execute(&buf, d); err != nil {
		g.log.Error("render login page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w) // the client may have gone
}

func (g *Guard) loginPage(w http.ResponseWriter, r *http.Request) {
	next := safeNext(r.URL.Query().Get("next"))
	if !g.Required() {
		http.Redirect(w, r, next, http.StatusSeeOther)
		return
	}
	d := loginData{Title: "Sign in", Next: next}
	if r.URL.Query().Get("expired") != "" {
		d.Message = "The token this browser had is no longer valid. Sign in again."
	}
	g.renderLogin(w, http.StatusOK, d)
}

// maxLoginForm bounds the login form's body: a token and a path.
const maxLoginForm = 8 << 10

func (g *Guard) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxLoginForm)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form is too large or malformed", http.StatusBadRequest)
		return
	}
	next := safeNext(r.PostForm.Get("next"))
	tok, ok := g.tokens.Check(strings.TrimSpace(r.PostForm.Get("token")))
	if !ok {
		g.log.Warn("sign-in with an unknown token refused", "remote", r.RemoteAddr)
		g.renderLogin(w, http.StatusUnauthorized, loginData{Title: "Sign in", Next: next,
			Message: "That token is not valid. Check it was copied whole, or ask for a new one."})
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name: CookieName, Value: strings.TrimSpace(r.PostForm.Get("token")), Path: "/",
		MaxAge: int(cookieAge.Seconds()), HttpOnly: true, Secure: g.cfg.Secure, SameSite: http.SameSiteStrictMode,
	})
	g.log.Info("signed in", "token", tok.Name, "remote", r.RemoteAddr)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (g *Guard) logoutPage(w http.ResponseWriter, r *http.Request) {
	g.renderLogin(w, http.StatusOK, loginData{Title: "Sign out", Logout: true})
}

func (g *Guard) logout(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: CookieName, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: g.cfg.Secure, SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// safeNext keeps a redirect after sign-in on this server: a path, never
// another host ("//evil.example", "https://…", "/\evil.example").
func safeNext(s string) string {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || strings.HasPrefix(s, "/\\") {
		return "/"
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/login") {
		return "/"
	}
	return u.RequestURI()
}
