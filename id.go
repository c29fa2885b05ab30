package defwatch

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"sort"
	"strings"
)

// ArticleID is the stable id of the article at rawURL: 16 hex digits of the
// SHA-256 of its normalised URL. Every stage and the index use it, and it is
// the Nats-Msg-Id of every message about the article, so a redelivery or a
// second feed carrying the same story overwrites instead of duplicating.
func ArticleID(rawURL string) string {
	sum := sha256.Sum256([]byte(NormalizeURL(rawURL)))
	return hex.EncodeToString(sum[:8])
}

// trackingParams are query parameters that say how a reader arrived, not
// which page they read.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "mc_cid": true,
	"mc_eid": true, "igshid": true, "ref": true, "ref_src": true, "cmpid": true,
	"ocid": true, "smid": true, "taid": true,
}

// NormalizeURL brings the forms one page is linked by to one spelling: lower
// case scheme and host, no default port, no fragment, no tracking parameters,
// the remaining parameters sorted. A string that is not an absolute URL comes
// back trimmed but otherwise unchanged.
func NormalizeURL(rawURL string) string {
	rawURL = strings.TrimSpace(rawURL)
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return rawURL
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if h, p, ok := strings.Cut(u.Host, ":"); ok && (p == "80" && u.Scheme == "http" || p == "443" && u.Scheme == "https") {
		u.Host = h
	}
	u.Fragment = ""
	u.RawFragment = ""
	if u.Path == "" {
		u.Path = "/"
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if trackingParams[strings.ToLower(k)] || strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
			}
		}
		keys := make([]string, 0, len(q))
		for k := range q {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			for _, v := range q[k] {
				if b.Len() > 0 {
					b.WriteByte('&')
				}
				b.WriteString(url.QueryEscape(k))
				b.WriteByte('=')
				b.WriteString(url.QueryEscape(v))
			}
		}
		u.RawQuery = b.String()
	}
	return u.String()
}

// SourceOf is the outlet an article URL belongs to: its host without "www.".
func SourceOf(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}
