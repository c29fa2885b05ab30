package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/nats-io/nats.go"
)

// natsAuthFlags are the credentials and TLS settings for a NATS server
// that is not the embedded one: an operator's cluster with users and
// permissions (see deploy/nats).
type natsAuthFlags struct {
	User     string
	Password string
	Creds    string // a .creds file: user JWT and nkey seed
	NKey     string // a file holding an nkey seed
	TLSCA    string
	TLSCert  string
	TLSKey   string
}

func (a *natsAuthFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&a.User, "nats-user", "", "NATS user name (with --nats-password)")
	fs.StringVar(&a.Password, "nats-password", "", "NATS password (better in DEFWATCH_NATS_PASSWORD than on the command line)")
	fs.StringVar(&a.Creds, "nats-creds", "", "NATS credentials file (user JWT and nkey seed), for a server with decentralised auth")
	fs.StringVar(&a.NKey, "nats-nkey", "", "file holding a NATS user nkey seed (SU...)")
	fs.StringVar(&a.TLSCA, "nats-tls-ca", "", "CA certificate(s) to trust for the NATS server's TLS (PEM)")
	fs.StringVar(&a.TLSCert, "nats-tls-cert", "", "client certificate for NATS TLS (PEM); needs --nats-tls-key")
	fs.StringVar(&a.TLSKey, "nats-tls-key", "", "private key of --nats-tls-cert (PEM)")
}

func (a *natsAuthFlags) validate() []error {
	var errs []error
	if (a.User == "") != (a.Password == "") {
		errs = append(errs, errors.New("--nats-user and --nats-password go together"))
	}
	n := 0
	for _, set := range []bool{a.User != "", a.Creds != "", a.NKey != ""} {
		if set {
			n++
		}
	}
	if n > 1 {
		errs = append(errs, errors.New("--nats-user, --nats-creds and --nats-nkey are three ways to say who you are: give one"))
	}
	if (a.TLSCert == "") != (a.TLSKey == "") {
		errs = append(errs, errors.New("--nats-tls-cert and --nats-tls-key go together"))
	}
	return errs
}

// given says whether any credential was given.
func (a *natsAuthFlags) given() bool { return a.User != "" || a.Creds != "" || a.NKey != "" }

// options turns the flags into connection options.
func (a *natsAuthFlags) options() ([]nats.Option, error) {
	var opts []nats.Option
	switch {
	case a.User != "":
		opts = append(opts, nats.UserInfo(a.User, a.Password))
	case a.Creds != "":
		opts = append(opts, nats.UserCredentials(a.Creds))
	case a.NKey != "":
		o, err := nats.NkeyOptionFromSeed(a.NKey)
		if err != nil {
			return nil, fmt.Errorf("--nats-nkey %s: %w", a.NKey, err)
		}
		opts = append(opts, o)
	}
	if a.TLSCA != "" {
		opts = append(opts, nats.RootCAs(a.TLSCA))
	}
	if a.TLSCert != "" {
		opts = append(opts, nats.ClientCert(a.TLSCert, a.TLSKey))
	}
	return opts, nil
}

// natsClientFlags are how a command finds and talks to the NATS server of
// a running defwatch: its address, and who to be there. Every command that
// talks to NATS registers them, so they all take the same flags and
// DEFWATCH_* variables.
type natsClientFlags struct {
	URL  string
	Data string
	Auth natsAuthFlags
}

// register adds --nats, --data and the credential flags to fs.
func (c *natsClientFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.URL, "nats", "nats://127.0.0.1:4222", "NATS server(s) of the running pipeline, comma-separated")
	fs.StringVar(&c.Data, "data", "./defwatch-data", "data directory of a defwatch run on this machine, whose NATS credentials to use when no --nats-user, --nats-creds or --nats-nkey is given")
	c.Auth.register(fs)
}

// connect connects as user (natsUserAdmin, natsUserAnalyst): with the
// credentials given, or else, when every server named is on this machine,
// with that user's password from the data directory of the defwatch run
// that embeds the server. It does not keep retrying a server that is not
// there; pass nats.MaxReconnects to change how a lost connection is handled.
func (c *natsClientFlags) connect(ctx context.Context, user, name string, log *slog.Logger, extra ...nats.Option) (*nats.Conn, error) {
	if errs := c.Auth.validate(); len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	opts, err := c.Auth.options()
	if err != nil {
		return nil, err
	}
	urls := natsURLs(c.URL)
	// Answers come to the user's own inbox, which only it may read.
	opts = append(opts, nats.CustomInboxPrefix(inboxOf(user)))
	if !c.Auth.given() && allLoopback(urls) {
		u, err := loadNATSUsers(c.Data)
		switch {
		case err == nil:
			opts = append(opts, nats.UserInfo(user, u[user]))
		case !errors.Is(err, fs.ErrNotExist):
			return nil, err
		}
	}
	nc, err := connect(ctx, urls, name, log, append(opts, extra...)...)
	if errors.Is(err, nats.ErrAuthorization) {
		return nil, fmt.Errorf("NATS at %s refused the credentials (%w): give --nats-user and --nats-password (the %s user), "+
			"or --data pointing at the data directory of the defwatch run whose server it is (now %s)", urls, err, user, filepath.Clean(c.Data))
	}
	return nc, err
}

// allLoopback says every server of a comma-separated URL list is on this
// machine, where the data directory's passwords may be sent.
func allLoopback(urls string) bool {
	for _, s := range strings.Split(urls, ",") {
		u, err := url.Parse(strings.TrimSpace(s))
		if err != nil {
			return false
		}
		host := u.Hostname()
		if strings.EqualFold(host, "localhost") {
			continue
		}
		if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
			return false
		}
	}
	return true
}
