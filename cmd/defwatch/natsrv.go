package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/ingest"
	"github.com/defwatch/defwatch/ingest/jsconfig"
)

// maxPayload is the largest message the embedded server takes: article pages
// run to a few megabytes.
const maxPayload = 8 << 20

// startNATS starts the embedded NATS server with JetStream, storing under
// storeDir and accepting clients at listen who log in as one of users.
func startNATS(ctx context.Context, listen, storeDir string, users []*server.User, log *slog.Logger) (*server.Server, error) {
	host, portStr, err := net.SplitHostPort(listen)
	if err != nil {
		return nil, fmt.Errorf("--nats-listen %q: want HOST:PORT", listen)
	}
	port, err := strconv.Atoi(portStr)
	if err != nil || port < 0 || port > 65535 {
		return nil, fmt.Errorf("--nats-listen %q: bad port", listen)
	}
	if port == 0 {
		port = server.RANDOM_PORT // to nats-server, 0 means its default, 4222
	} else {
		// nats-server only logs a taken port; find out first so the user
		// gets an error that names the flag.
		ln, err := net.Listen("tcp", listen)
		if err != nil {
			return nil, fmt.Errorf("--nats-listen %s: %w (is another defwatch or NATS server running? stop it or pick another address)", listen, err)
		}
		ln.Close()
	}
	opts := &server.Options{
		ServerName:            "defwatch",
		Host:                  host,
		Port:                  port,
		JetStream:             true,
		StoreDir:              storeDir,
		MaxPayload:            maxPayload,
		NoSigs:                true,
		DisableShortFirstPing: true,
		Users:                 users,
	}
	s, err := server.NewServer(opts)
	if err != nil {
		return nil, fmt.Errorf("nats: %w", err)
	}
	s.SetLoggerV2(natsLogger{log.With("component", "nats")}, false, false, false)
	// Starting JetStream reads the whole store, which takes a while for a
	// big one. Ctrl-C meanwhile stops the server as soon as its start
	// ends, and waits for it: returning earlier would release the data
	// dir's lock while the server still writes its store, and a defwatch
	// started next on the same dir would meet it there.
	ready := make(chan bool, 1)
	go func() {
		s.Start()
		ready <- s.ReadyForConnections(time.Minute)
	}()
	select {
	case ok := <-ready:
		if !ok {
			s.Shutdown()
			return nil, fmt.Errorf("nats: embedded server at %s did not become ready within a minute (see the log above)", listen)
		}
		return s, nil
	case <-ctx.Done():
		log.Info("stopping: the embedded NATS server is still starting; it stops when its start ends")
		<-ready
		s.Shutdown()
		s.WaitForShutdown()
		return nil, fmt.Errorf("nats: start: %w", ctx.Err())
	}
}

// natsLogger sends the embedded server's log to slog. Its notices are
// mostly start-up chatter, so they go to debug.
type natsLogger struct{ log *slog.Logger }

func (l natsLogger) Noticef(f string, v ...any) { l.log.Debug(fmt.Sprintf(f, v...)) }
func (l natsLogger) Warnf(f string, v ...any) {
	msg := fmt.Sprintf(f, v...)
	if strings.HasPrefix(msg, "Plaintext passwords detected") {
		// The embedded server's passwords are random and kept in a file
		// of the owner's that commands read to connect: hashing them in
		// the server's memory would protect nothing, and a warning the
		// user can do nothing about teaches them to skip warnings.
		l.log.Debug(msg)
		return
	}
	l.log.Warn(msg)
}
func (l natsLogger) Fatalf(f string, v ...any) { l.log.Error(fmt.Sprintf(f, v...)) }
func (l natsLogger) Errorf(f string, v ...any) { l.log.Error(fmt.Sprintf(f, v...)) }
func (l natsLogger) Debugf(f string, v ...any) { l.log.Debug(fmt.Sprintf(f, v...)) }
func (l natsLogger) Tracef(f string, v ...any) {}

// stagesNATS starts the embedded NATS server, unless --nats names another,
// and returns where the stages connect and how. The embedded server's users
// are made at its first start, printed once, and kept in the data directory.
func stagesNATS(ctx context.Context, cfg *runConfig, log *slog.Logger, stderr io.Writer) (*server.Server, string, []nats.Option, error) {
	opts := []nats.Option{nats.CustomInboxPrefix(stagesInbox)}
	if cfg.NATS != "" {
		auth, err := cfg.NATSAuth.options()
		if err != nil {
			return nil, "", nil, err
		}
		return nil, natsURLs(cfg.NATS), append(opts, auth...), nil
	}
	if cfg.NATSAuth.given() {
		log.Info("--nats-user, --nats-creds and --nats-nkey are for an external server (--nats); the embedded server's users are in the data directory",
			"file", filepath.Join(cfg.Data, natsUsersFile))
	}
	users, created, err := natsUsersFor(cfg.Data)
	if err != nil {
		return nil, "", nil, err
	}
	ns, err := startNATS(ctx, cfg.NATSListen, cfg.natsStore(), users.serverUsers(), log)
	if err != nil {
		return nil, "", nil, err
	}
	url := ns.ClientURL()
	log.Info("embedded NATS server started", "url", url, "store", cfg.natsStore(), "users", filepath.Join(cfg.Data, natsUsersFile))
	if !loopbackOnly(cfg.NATSListen) {
		log.Warn("NATS on " + cfg.NATSListen + " can be reached from other machines: its users need passwords, but what they send travels in clear")
	}
	if created {
		printNATSUsers(stderr, users, cfg.Data, url)
	}
	return ns, url, append(opts, nats.InProcessServer(ns), nats.UserInfo(natsUserStages, users[natsUserStages])), nil
}

// connect opens a client connection that keeps reconnecting, so a NATS
// restart or failover does not stop the stages.
func connect(ctx context.Context, urls, name string, log *slog.Logger, extra ...nats.Option) (*nats.Conn, error) {
	opts := append([]nats.Option{
		nats.Name(name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(time.Second),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("nats disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(c *nats.Conn) { log.Info("nats reconnected", "url", c.ConnectedUrl()) }),
	}, extra...)
	nc, err := nats.Connect(urls, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to NATS at %s: %w (is `defwatch run` or a NATS server running there?)", urls, err)
	}
	return nc, nil
}

// setupStreams creates or updates defwatch's streams and KV buckets, so any
// process may start first; one already as configured is left alone (see
// jsconfig).
func setupStreams(ctx context.Context, js jetstream.JetStream, replicas int) error {
	streams := []jetstream.StreamConfig{{
		Name:        defwatch.StreamPages,
		Description: "fetched pages on their way to extract",
		Subjects:    []string{defwatch.SubjectPages, defwatch.SubjectImport},
		// Pages are big and read once: gone when extract acknowledges them.
		Retention:  jetstream.WorkQueuePolicy,
		Storage:    jetstream.FileStorage,
		Replicas:   replicas,
		Duplicates: 10 * time.Minute,
		MaxAge:     7 * 24 * time.Hour,
	}, {
		Name:        defwatch.StreamArticles,
		Description: "tagged articles; every index replica reads all of them, and a new one rebuilds from here",
		Subjects:    []string{defwatch.SubjectArticles + ".>"},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    replicas,
		Duplicates:  10 * time.Minute,
	}, {
		Name:        defwatch.StreamAlerts,
		Description: "alerts of saved searches, one subject per rule",
		Subjects:    []string{defwatch.SubjectAlerts + ".>"},
		Retention:   jetstream.LimitsPolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    replicas,
		MaxAge:      30 * 24 * time.Hour,
		Duplicates:  10 * time.Minute,
	}, {
		Name:        defwatch.StreamDigest,
		Description: "matches of digest rules waiting for their period's digest",
		Subjects:    []string{defwatch.SubjectDigest + ".>"},
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		Replicas:    replicas,
		MaxAge:      30 * 24 * time.Hour,
		Duplicates:  10 * time.Minute,
	}}
	for _, cfg := range streams {
		if err := jsconfig.Stream(ctx, js, cfg); err != nil {
			return fmt.Errorf("stream %s: %w", cfg.Name, err)
		}
	}
	// The feed set, the memory of items, the leases and the pages waiting
	// to be fetched.
	if err := ingest.Setup(ctx, js, ingest.SetupConfig{Replicas: replicas}); err != nil {
		return err
	}
	buckets := []jetstream.KeyValueConfig{{
		Bucket:      defwatch.KVRules,
		Description: "saved searches (defwatch alerts add)",
		Replicas:    replicas,
		Storage:     jetstream.FileStorage,
		History:     5,
	}, {
		Bucket:      defwatch.KVAlerted,
		Description: "stories each saved search has alerted",
		Replicas:    replicas,
		Storage:     jetstream.FileStorage,
		// A copy of a story that comes later than this alerts again.
		TTL: 30 * 24 * time.Hour,
	}, {
		Bucket:      defwatch.KVAlerter,
		Description: "how far through the articles stream alerts were sent",
		Replicas:    replicas,
		Storage:     jetstream.FileStorage,
	}}
	for _, cfg := range buckets {
		if err := jsconfig.KeyValue(ctx, js, cfg); err != nil {
			return fmt.Errorf("kv %s: %w", cfg.Bucket, err)
		}
	}
	return nil
}

// natsURLs trims the spaces a comma-separated --nats list may carry.
func natsURLs(s string) string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, ",")
}

var errNotConnected = errors.New("not connected to NATS")

// streamWait is how long a command waits for a stream or bucket that a
// `defwatch run` starting at the same moment has yet to create.
const streamWait = 15 * time.Second

// waitForStream waits until the stream name (a bucket is KV_<bucket>)
// exists: a command run right after `defwatch run` would otherwise race
// its creation.
func waitForStream(ctx context.Context, js jetstream.JetStream, name string) error {
	ctx, cancel := context.WithTimeout(ctx, streamWait)
	defer cancel()
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		_, err := js.Stream(ctx, name)
		if err == nil || !errors.Is(err, jetstream.ErrStreamNotFound) {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s not there after %s: %w", name, streamWait, err)
		case <-t.C:
		}
	}
}
