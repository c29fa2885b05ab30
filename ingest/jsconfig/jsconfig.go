// Package jsconfig creates defwatch's JetStream streams and key-value
// buckets, or brings them to the configuration asked for, and leaves one
// that already has it untouched.
//
// Every defwatch process sets the streams and buckets up as it starts. An
// update that changes nothing still rewrites the stream's configuration on
// the server, and nats-server (2.15) reads that configuration unlocked
// while it creates a consumer: two replicas starting at once, one updating
// a stream while the other makes its consumer on it, race inside the
// server. So each configuration carries a digest of itself in its
// metadata, and a stream or bucket whose digest matches is not updated.
package jsconfig

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"

	"github.com/nats-io/nats.go/jetstream"
)

// DigestKey is the metadata key of a configuration's digest.
const DigestKey = "defwatch_config"

// Stream creates the stream cfg names or updates it to cfg, unless it is
// already configured so.
func Stream(ctx context.Context, js jetstream.JetStream, cfg jetstream.StreamConfig) error {
	sum, err := digest(cfg)
	if err != nil {
		return err
	}
	if s, err := js.Stream(ctx, cfg.Name); err == nil && s.CachedInfo().Config.Metadata[DigestKey] == sum {
		return nil
	}
	cfg.Metadata = withDigest(cfg.Metadata, sum)
	_, err = js.CreateOrUpdateStream(ctx, cfg)
	return err
}

// KeyValue creates the bucket cfg names or updates it to cfg, unless it is
// already configured so.
func KeyValue(ctx context.Context, js jetstream.JetStream, cfg jetstream.KeyValueConfig) error {
	sum, err := digest(cfg)
	if err != nil {
		return err
	}
	if kv, err := js.KeyValue(ctx, cfg.Bucket); err == nil {
		if st, err := kv.Status(ctx); err == nil && st.Metadata()[DigestKey] == sum {
			return nil
		}
	}
	cfg.Metadata = withDigest(cfg.Metadata, sum)
	_, err = js.CreateOrUpdateKeyValue(ctx, cfg)
	return err
}

// digest is the SHA-256 of a configuration as JSON, before its digest is
// added to it.
func digest(cfg any) (string, error) {
	data, err := json.Marshal(cfg)
	if err != nil {
		return "", fmt.Errorf("jetstream config: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:16]), nil
}

// withDigest is md, copied, with the digest added.
func withDigest(md map[string]string, sum string) map[string]string {
	out := maps.Clone(md)
	if out == nil {
		out = map[string]string{}
	}
	out[DigestKey] = sum
	return out
}
