package ingest

import (
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFetcher(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "defwatch/") {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Thu, 10 Apr 2025 09:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte("hello"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip expected", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte("compressed body"))
		zw.Close()
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		chunk := []byte(strings.Repeat("x", 1024))
		for range 100 { // 100 KB without a Content-Length
			w.Write(chunk)
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// A timeout generous enough for a busy machine, but for the subtest
	// that waits for it.
	f := NewFetcher(FetcherConfig{AllowPrivate: true, Timeout: 30 * time.Second, MaxBody: 64 << 10})
	ctx := context.Background()

	t.Run("body, validators and user agent", func(t *testing.T) {
		r, err := f.Get(ctx, srv.URL+"/ok", "", "")
		if err != nil || string(r.Body) != "hello" || r.ETag != `"v1"` || r.LastModified == "" {
			t.Fatalf("got %+v, %v", r, err)
		}
	})
	t.Run("conditional GET", func(t *testing.T) {
		r, err := f.Get(ctx, srv.URL+"/ok", `"v1"`, "")
		if err != nil || !r.NotModified() || r.Body != nil {
			t.Fatalf("got %+v, %v; want 304", r, err)
		}
	})
	t.Run("gzip", func(t *testing.T) {
		r, err := f.Get(ctx, srv.URL+"/gzip", "", "")
		if err != nil || string(r.Body) != "compressed body" {
			t.Fatalf("got %+v, %v", r, err)
		}
	})
	t.Run("size limit", func(t *testing.T) {
		_, err := f.Get(ctx, srv.URL+"/huge", "", "")
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("got %v, want ErrTooLarge", err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		short := NewFetcher(FetcherConfig{AllowPrivate: true, Timeout: 300 * time.Millisecond, MaxBody: 64 << 10})
		start := time.Now()
		_, err := short.Get(ctx, srv.URL+"/slow", "", "")
		// The server would answer after 30 s: an error well before that
		// is the fetcher's timeout.
		if err == nil || time.Since(start) > 20*time.Second {
			t.Fatalf("got %v after %s, want a timeout", err, time.Since(start))
		}
	})
	t.Run("redirect loop", func(t *testing.T) {
		_, err := f.Get(ctx, srv.URL+"/loop", "", "")
		if err == nil || !strings.Contains(err.Error(), "redirects") {
			t.Fatalf("got %v, want a redirect error", err)
		}
	})
	t.Run("redirect followed", func(t *testing.T) {
		r, err := f.Get(ctx, srv.URL+"/moved", "", "")
		if err != nil || r.URL != srv.URL+"/ok" {
			t.Fatalf("got %+v, %v", r, err)
		}
	})
	t.Run("error status", func(t *testing.T) {
		_, err := f.Get(ctx, srv.URL+"/gone", "", "")
		if !errors.Is(err, ErrStatus) || !strings.Contains(err.Error(), "410") {
			t.Fatalf("got %v, want ErrStatus 410", err)
		}
	})
	t.Run("scheme", func(t *testing.T) {
		if _, err := f.Get(ctx, "file:///etc/passwd", "", ""); err == nil {
			t.Fatal("file URL fetched")
		}
	})
}

func TestFetcherRefusesPrivateAddresses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("secret")) }))
	defer srv.Close()
	f := NewFetcher(FetcherConfig{Timeout: 2 * time.Second})
	// The check runs in the dialer before connect, so none of these
	// addresses receives a packet.
	for _, u := range []string{
		srv.URL, // loopback
		strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), // a name for loopback
		"http://10.0.0.1:9/", "http://192.168.1.1:9/", "http://172.16.0.1:9/",
		"http://169.254.169.254/latest/meta-data/", // cloud metadata, link-local
		"http://[::1]:9/", "http://[fd00::1]:9/", "http://100.64.0.1:9/", "http://0.0.0.0:9/",
	} {
		t.Run(u, func(t *testing.T) {
			_, err := f.Get(context.Background(), u, "", "")
			if !errors.Is(err, ErrPrivateAddress) {
				t.Errorf("got %v, want ErrPrivateAddress", err)
			}
		})
	}
}
