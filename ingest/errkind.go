package ingest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
)

// errorKind sorts a failed request into a few kinds, for the metrics and
// for deciding whether asking again can help.
func errorKind(resp *Response, err error) string {
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	var recErr tls.RecordHeaderError
	switch {
	case err == nil:
		return ""
	case errors.Is(err, errRobots):
		return "robots"
	case errors.Is(err, errNotHTML):
		return "not_html"
	case errors.Is(err, errHTMLPage):
		return "html_page"
	case errors.Is(err, errParse):
		return "parse"
	case errors.Is(err, ErrPrivateAddress):
		return "blocked_address"
	case errors.Is(err, ErrTooLarge):
		return "too_large"
	case errors.Is(err, ErrStatus) && resp != nil:
		switch s := resp.Status; {
		case s == http.StatusNotFound, s == http.StatusGone, s == http.StatusTooManyRequests,
			s == http.StatusForbidden, s == http.StatusUnauthorized:
			return "http_" + strconv.Itoa(s)
		case s >= 500:
			return "http_5xx"
		default:
			return "http_4xx"
		}
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded), isTimeout(err):
		return "timeout"
	case errors.As(err, &dnsErr):
		return "dns"
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr), errors.As(err, &recErr):
		return "tls"
	case strings.Contains(err.Error(), "redirects"):
		return "redirects"
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return "connection"
	}
	return "other"
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}
