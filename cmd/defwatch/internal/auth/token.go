// Package auth decides who may use defwatch's HTTP server: API tokens with
// roles, kept hashed in a file, and a guard that checks them on every request
// (bearer header, basic auth, or the cookie of the login form).
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// Role is what a token may do.
type Role string

const (
	// RoleNone is what public paths need: nothing.
	RoleNone Role = ""
	// RoleRead may search and read articles, over the API and the web page.
	RoleRead Role = "read"
	// RoleAdmin may also change what defwatch does: saved searches, feeds,
	// anything that is not a read.
	RoleAdmin Role = "admin"
)

// ParseRole reads a role's name.
func ParseRole(s string) (Role, error) {
	switch r := Role(strings.ToLower(strings.TrimSpace(s))); r {
	case RoleRead, RoleAdmin:
		return r, nil
	}
	return RoleNone, fmt.Errorf("role %q: use read or admin", s)
}

// Allows says a token of role r may do what need asks.
func (r Role) Allows(need Role) bool {
	switch need {
	case RoleNone:
		return true
	case RoleRead:
		return r == RoleRead || r == RoleAdmin
	case RoleAdmin:
		return r == RoleAdmin
	}
	return false
}

// Token is one entry of a tokens file. The secret itself is never stored,
// only its SHA-256: the secret is 256 random bits, so a fast hash is enough
// to make the file useless to whoever reads it.
type Token struct {
	Name    string    `json:"name"`
	Role    Role      `json:"role"`
	SHA256  string    `json:"sha256"` // hex
	Created time.Time `json:"created"`
}

// secretPrefix starts every secret, so one pasted in the wrong place (a
// log, a chat) is easy to recognise and grep for.
const secretPrefix = "dw_"

// maxSecret bounds what is hashed from a request: real secrets are 46 bytes.
const maxSecret = 256

// ErrNoToken: no token has that name.
var ErrNoToken = errors.New("auth: no such token")

// Tokens is a tokens file, read again when it changes on disk, so `defwatch
// token add` and `token rm` apply to a running server within a second.
type Tokens struct {
	path string

	mu      sync.Mutex
	tokens  []Token
	hashes  [][sha256.Size]byte
	info    fs.FileInfo // of the file last read; nil when there was none
	checked time.Time
	err     error // of the last reload, kept until the file reads again
}

// reloadEvery bounds how often a request looks at the file's modification
// time; a stat per request would be cheap, but not free under load.
const reloadEvery = time.Second

// OpenTokens reads the tokens file at path. A file that does not exist is
// an empty set of tokens; one that cannot be read or parsed is an error.
func OpenTokens(path string) (*Tokens, error) {
	t := &Tokens{path: path}
	if err := t.reload(time.Now()); err != nil {
		return nil, err
	}
	return t, nil
}

// Path is the file's path.
func (t *Tokens) Path() string { return t.path }

func (t *Tokens) reload(now time.Time) error {
	t.checked = now
	st, err := os.Stat(t.path)
	if errors.Is(err, fs.ErrNotExist) {
		t.set(nil, nil)
		return nil
	}
	if err != nil {
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	// The file is replaced by a rename, so a new inode says it changed even
	// when two writes fall within one tick of the clock.
	if t.info != nil && os.SameFile(t.info, st) && st.ModTime().Equal(t.info.ModTime()) && st.Size() == t.info.Size() && t.err == nil {
		return nil
	}
	list, err := readTokens(t.path)
	if err != nil {
		return err
	}
	t.set(list, st)
	return nil
}

func (t *Tokens) set(list []Token, info fs.FileInfo) {
	t.tokens, t.info = list, info
	t.hashes = make([][sha256.Size]byte, len(list))
	for i, tok := range list {
		// readTokens checked every hash decodes to 32 bytes.
		b, _ := hex.DecodeString(tok.SHA256)
		copy(t.hashes[i][:], b)
	}
}

// fresh reloads the file when it may have changed. A file that turned
// unreadable keeps the tokens last read, and the error is reported by Err.
func (t *Tokens) fresh(now time.Time) {
	if now.Sub(t.checked) < reloadEvery {
		return
	}
	t.err = t.reload(now)
}

// Err is the error of the last reload, if the file stopped being readable.
func (t *Tokens) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

func readTokens(path string) ([]Token, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("auth: tokens file: %w", err)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, nil
	}
	var list []Token
	if err := json.Unmarshal(data, &list); err != nil {
		return nil, fmt.Errorf("auth: tokens file %s: %w (it is written by `defwatch token add`; restore or remove it)", path, err)
	}
	for _, tok := range list {
		if b, err := hex.DecodeString(tok.SHA256); err != nil || len(b) != sha256.Size {
			return nil, fmt.Errorf("auth: tokens file %s: token %q has no valid sha256", path, tok.Name)
		}
		if _, err := ParseRole(string(tok.Role)); err != nil {
			return nil, fmt.Errorf("auth: tokens file %s: token %q: %w", path, tok.Name, err)
		}
	}
	return list, nil
}

// Len is how many tokens there are.
func (t *Tokens) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fresh(time.Now())
	return len(t.tokens)
}

// List returns the tokens, without their secrets (which are not kept).
func (t *Tokens) List() []Token {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fresh(time.Now())
	return slices.Clone(t.tokens)
}

// Check returns the token whose secret this is. Every stored hash is
// compared, in constant time, whether or not one matched earlier, so the
// time taken says nothing about which token or how much of one matched.
func (t *Tokens) Check(secret string) (Token, bool) {
	if secret == "" || len(secret) > maxSecret {
		return Token{}, false
	}
	sum := sha256.Sum256([]byte(secret))
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fresh(time.Now())
	found := -1
	for i := range t.hashes {
		if subtle.ConstantTimeCompare(sum[:], t.hashes[i][:]) == 1 {
			found = i
		}
	}
	if found < 0 {
		return Token{}, false
	}
	return t.tokens[found], true
}

// ValidName says name can name a token: letters, digits, '-', '_', '.' and
// '@', at most 64, so it prints plainly in a table and a log.
func ValidName(name string) bool {
	if name == "" || len(name) > 64 {
		return false
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("-_.@", c)) {
			return false
		}
	}
	return true
}

// Add creates a token and returns its secret, which is shown this once and
// stored nowhere. A name already in use is refused: remove it first, so a
// token in use is never replaced by accident.
func (t *Tokens) Add(name string, role Role, now time.Time) (string, error) {
	if !ValidName(name) {
		return "", fmt.Errorf("token name %q: use letters, digits, -, _, . and @, at most 64", name)
	}
	if _, err := ParseRole(string(role)); err != nil {
		return "", err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.reload(now); err != nil {
		return "", err
	}
	for _, tok := range t.tokens {
		if tok.Name == name {
			return "", fmt.Errorf("a token named %q exists (remove it first with `defwatch token rm %s`)", name, name)
		}
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("auth: random: %w", err)
	}
	secret := secretPrefix + base64.RawURLEncoding.EncodeToString(raw)
	sum := sha256.Sum256([]byte(secret))
	list := append(slices.Clone(t.tokens), Token{Name: name, Role: role, SHA256: hex.EncodeToString(sum[:]), Created: now.UTC().Truncate(time.Second)})
	if err := t.write(list); err != nil {
		return "", err
	}
	return secret, nil
}

// Remove deletes the token named name; requests with its secret are refused
// from the next reload on.
func (t *Tokens) Remove(name string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err := t.reload(time.Now()); err != nil {
		return err
	}
	i := slices.IndexFunc(t.tokens, func(tok Token) bool { return tok.Name == name })
	if i < 0 {
		return fmt.Errorf("%w %q (see defwatch token list)", ErrNoToken, name)
	}
	return t.write(slices.Delete(slices.Clone(t.tokens), i, i+1))
}

// write replaces the file whole (a temporary file renamed over it), so a
// server reading it never sees half a file, and keeps it private to its
// owner.
func (t *Tokens) write(list []Token) error {
	if list == nil {
		list = []Token{}
	}
	data, err := json.MarshalIndent(list, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(t.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	f, err := os.CreateTemp(dir, ".tokens-*")
	if err != nil {
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	defer os.Remove(f.Name()) // after the rename there is nothing left to remove
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Close()
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	if err := os.Rename(f.Name(), t.path); err != nil {
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	// Read back at once, so this process sees the change without waiting
	// for the modification time to tick over.
	st, err := os.Stat(t.path)
	if err != nil {
		return fmt.Errorf("auth: tokens file: %w", err)
	}
	t.set(list, st)
	t.err = nil
	return nil
}
