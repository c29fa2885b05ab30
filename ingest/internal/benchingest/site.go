package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// site is the loopback web of the benchmark: hosts on addresses of their
// own in 127.0.0.0/8, each serving its feeds and their article pages after
// a fixed latency, and counting every request it receives.
type site struct {
	feeds, items, hosts int
	latency             time.Duration
	pages               [][]byte
	canon               [][2]int // where each page's <link rel=canonical> is, or -1
	utf8                []bool
	hostAddr            []string // host index → "ip:port"

	mu      sync.Mutex
	starts  [][]time.Time // per host, request start times
	busy    []int         // per host, requests in flight
	maxBusy []int
	pageHit map[string]int // page path → completed fetches
	polled  []int          // per feed, polls since the mark
	n304    []int
	// Feeds polled and answered 304 since the mark, kept as they change:
	// the benchmark asks often, and must not hold up the hosts to count.
	nPolled, nNotModified int
	marked                time.Time
	reqs                  int
}

var canonicalRE = regexp.MustCompile(`(?i)<link[^>]+rel=["']?canonical["']?[^>]*>`)

// siteInfo is what the site tells the benchmark when it is up.
type siteInfo struct {
	Control string   `json:"control"`
	Hosts   []string `json:"hosts"`
	Pages   int      `json:"pages"`
}

func runSite(feeds, items, hosts int, latency time.Duration, pageFiles []string) error {
	s := &site{feeds: feeds, items: items, hosts: hosts, latency: latency,
		starts: make([][]time.Time, hosts), busy: make([]int, hosts), maxBusy: make([]int, hosts),
		pageHit: map[string]int{}, polled: make([]int, feeds), n304: make([]int, feeds)}
	for _, f := range pageFiles {
		data, err := readMaybeGz(f)
		if err != nil {
			return err
		}
		s.pages = append(s.pages, data)
		s.utf8 = append(s.utf8, utf8.Valid(data))
		loc := [2]int{-1, -1}
		if m := canonicalRE.FindIndex(data); m != nil {
			loc = [2]int{m[0], m[1]}
		}
		s.canon = append(s.canon, loc)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 30 * time.Second}
	for h := range hosts {
		ip := fmt.Sprintf("127.77.%d.%d", h/250, h%250+1)
		ln, err := net.Listen("tcp", ip+":0")
		if err != nil {
			return fmt.Errorf("listen on %s: %w (the benchmark needs the loopback range 127.0.0.0/8)", ip, err)
		}
		s.hostAddr = append(s.hostAddr, ln.Addr().String())
		go srv.Serve(ln)
	}
	ctl, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/stats", s.stats)
	mux.HandleFunc("/progress", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		st := siteStats{Requests: s.reqs, Polled: s.nPolled, NotModified: s.nNotModified, Pages: len(s.pageHit)}
		s.mu.Unlock()
		_ = json.NewEncoder(w).Encode(st)
	})
	mux.HandleFunc("/mark", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		clear(s.polled)
		clear(s.n304)
		s.nPolled, s.nNotModified = 0, 0
		s.marked = time.Now()
		s.mu.Unlock()
	})
	go http.Serve(ctl, mux)
	return json.NewEncoder(os.Stdout).Encode(siteInfo{Control: ctl.Addr().String(), Hosts: s.hostAddr, Pages: len(s.pages)})
}

func readMaybeGz(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil || !strings.HasSuffix(path, ".gz") {
		return data, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return io.ReadAll(zr)
}

func (s *site) hostOf(r *http.Request) int {
	addr := r.Context().Value(http.LocalAddrContextKey).(net.Addr).String()
	return slices.Index(s.hostAddr, addr)
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := s.hostOf(r)
	if h < 0 {
		http.NotFound(w, r)
		return
	}
	now := time.Now()
	s.mu.Lock()
	s.reqs++
	s.starts[h] = append(s.starts[h], now)
	s.busy[h]++
	s.maxBusy[h] = max(s.maxBusy[h], s.busy[h])
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.busy[h]--
		s.mu.Unlock()
	}()
	time.Sleep(s.latency)
	path := r.URL.Path
	switch {
	case strings.HasPrefix(path, "/feed/"):
		f, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(path, "/feed/"), ".xml"))
		if err != nil || f < 0 || f >= s.feeds || f%s.hosts != h {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"feed-%d-v1"`, f)
		s.mu.Lock()
		if s.polled[f]++; s.polled[f] == 1 {
			s.nPolled++
		}
		if r.Header.Get("If-None-Match") == etag {
			if s.n304[f]++; s.n304[f] == 1 {
				s.nNotModified++
			}
		}
		s.mu.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write(s.feed(f, s.hostAddr[h]))
	case strings.HasPrefix(path, "/a/"):
		p := s.pageFor(path)
		if s.utf8[p] {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		} else {
			w.Header().Set("Content-Type", "text/html")
		}
		// Every page names itself as canonical, as a real site's pages do;
		// the corpus pages' own canonical links would make copies of one
		// article of them all.
		body := s.pages[p]
		if c := s.canon[p]; c[0] >= 0 {
			self := fmt.Sprintf(`<link rel="canonical" href="http://%s%s">`, s.hostAddr[h], path)
			body = slices.Concat(body[:c[0]], []byte(self), body[c[1]:])
		}
		if _, err := w.Write(body); err == nil {
			s.mu.Lock()
			s.pageHit[path]++
			s.mu.Unlock()
		}
	default:
		http.NotFound(w, r) // robots.txt among them: no restrictions
	}
}

// feed is feed f: items one an hour, newest first, linking to pages on
// the feed's own host.
func (s *site) feed(f int, host string) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>`)
	fmt.Fprintf(&b, "<title>Feed %d</title><link>http://%s/</link><description>benchmark feed</description>", f, host)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(f%97) * time.Minute)
	for i := range s.items {
		fmt.Fprintf(&b, "<item><title>Story %d of feed %d</title><link>http://%s/a/%d/%d.html</link>"+
			"<description>Summary of story %d of feed %d, as the feed tells it.</description><pubDate>%s</pubDate></item>",
			i, f, host, f, i, i, f, base.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z))
	}
	b.WriteString("</channel></rss>")
	return b.Bytes()
}

func (s *site) pageFor(path string) int {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32() % uint32(len(s.pages)))
}

// siteStats is what the site measured.
type siteStats struct {
	Requests     int     `json:"requests"`
	MaxPerSecond int     `json:"max_per_second"` // most requests to one host in any 1 s window
	MinGapMS     float64 `json:"min_gap_ms"`     // shortest time between two requests to one host
	MaxBusy      int     `json:"max_busy"`       // most requests to one host in flight at once
	Pages        int     `json:"pages"`          // distinct pages fetched
	PagesTwice   int     `json:"pages_twice"`    // pages fetched more than once
	Polled       int     `json:"polled"`         // feeds polled since the mark
	NotModified  int     `json:"not_modified"`   // feeds answered 304 since the mark
	BusySeconds  float64 `json:"busy_seconds"`   // sum over hosts of first-to-last request span
}

func (s *site) stats(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := siteStats{Requests: s.reqs, MinGapMS: -1}
	for h, ts := range s.starts {
		st.MaxBusy = max(st.MaxBusy, s.maxBusy[h])
		j := 0
		for i := range ts {
			for ts[i].Sub(ts[j]) >= time.Second {
				j++
			}
			st.MaxPerSecond = max(st.MaxPerSecond, i-j+1)
			if i > 0 {
				gap := float64(ts[i].Sub(ts[i-1])) / float64(time.Millisecond)
				if st.MinGapMS < 0 || gap < st.MinGapMS {
					st.MinGapMS = gap
				}
			}
		}
		if len(ts) > 1 {
			st.BusySeconds += ts[len(ts)-1].Sub(ts[0]).Seconds()
		}
	}
	st.Pages = len(s.pageHit)
	for _, n := range s.pageHit {
		if n > 1 {
			st.PagesTwice++
		}
	}
	for f := range s.polled {
		if s.polled[f] > 0 {
			st.Polled++
		}
		if s.n304[f] > 0 {
			st.NotModified++
		}
	}
	_ = json.NewEncoder(w).Encode(st)
}

// pageFiles lists the benchmark's article pages and splits them once, by
// a fixed seed, into a dev part and a held-out part.
func pageFiles(dirs []string, part string, seed uint64) ([]string, error) {
	var all []string
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := e.Name()
			if !e.IsDir() && (strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".html.gz")) &&
				!strings.HasPrefix(name, "expected") {
				all = append(all, p)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("pages: %w", err)
		}
	}
	slices.Sort(all)
	var out []string
	for _, p := range all {
		h := fnv.New64a()
		fmt.Fprintf(h, "%d:%s", seed, filepath.Base(filepath.Dir(p))+"/"+filepath.Base(p))
		held := h.Sum64()%2 == 0
		if part == "all" || part == "held-out" && held || part == "dev" && !held {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no pages under %v", dirs)
	}
	return out, nil
}
