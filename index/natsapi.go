package index

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"

	"github.com/defwatch/defwatch"
	dwquery "github.com/defwatch/defwatch/index/query"
)

// QueueGroup is the queue group index replicas answer searches in, so each
// request is answered by one of them.
const QueueGroup = "defwatch-index"

// reply is the envelope of every answer on defwatch.search and
// defwatch.article.
type reply struct {
	Result  *Result           `json:"result,omitempty"`
	Article *defwatch.Article `json:"article,omitempty"`
	Error   string            `json:"error,omitempty"`
	Kind    string            `json:"kind,omitempty"` // "bad_query", "not_found", "internal"
}

// MaxRequestBytes is the largest search or article request answered on
// NATS. A query is bounded far below it (query.MaxBytes); a bigger message
// is refused before it is decoded.
const MaxRequestBytes = 64 << 10

// natsInFlight bounds the requests handled at once on NATS. The index's
// own search limits decide how many run; this only keeps a flood of
// requests from becoming a flood of goroutines.
const natsInFlight = 64

// ServeNATS answers search and article requests over NATS with s until the
// returned stop is called. Programs can then search without HTTP, and serve
// stages on other machines reach the index through it. Requests are
// answered concurrently, so a quick search does not wait behind a slow one.
func ServeNATS(nc *nats.Conn, s Searcher, log *slog.Logger) (stop func(), err error) {
	log = log.With("stage", "index")
	inFlight := make(chan struct{}, natsInFlight)
	var wg sync.WaitGroup
	respond := func(m *nats.Msg, rep reply) {
		data, err := json.Marshal(rep)
		if err == nil {
			err = m.Respond(data)
		}
		if err != nil {
			log.Warn("search reply failed", "subject", m.Subject, "err", err)
		}
	}
	handle := func(m *nats.Msg, do func(ctx context.Context) reply) {
		if len(m.Data) > MaxRequestBytes {
			respond(m, reply{Error: fmt.Sprintf("the request is %d bytes; the limit is %d (shorten the query)", len(m.Data), MaxRequestBytes), Kind: "bad_query"})
			return
		}
		select {
		case inFlight <- struct{}{}:
		default:
			respond(m, reply{Error: ErrBusy.Error(), Kind: "busy"})
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-inFlight }()
			ctx, cancel := context.WithTimeout(context.Background(), SearchTimeout)
			defer cancel()
			respond(m, do(ctx))
		}()
	}
	search, err := nc.QueueSubscribe(defwatch.SubjectSearch, QueueGroup, func(m *nats.Msg) {
		handle(m, func(ctx context.Context) reply {
			req, err := DecodeRequest(m.Data)
			if err != nil {
				return errorReply(err)
			}
			res, err := s.Search(ctx, req)
			if err != nil {
				return errorReply(err)
			}
			return reply{Result: res}
		})
	})
	if err != nil {
		return nil, fmt.Errorf("index: subscribe %s: %w", defwatch.SubjectSearch, err)
	}
	article, err := nc.QueueSubscribe(defwatch.SubjectArticleGet, QueueGroup, func(m *nats.Msg) {
		handle(m, func(ctx context.Context) reply {
			a, err := s.Article(ctx, string(m.Data))
			if err != nil {
				return errorReply(err)
			}
			return reply{Article: a}
		})
	})
	if err != nil {
		_ = search.Unsubscribe()
		return nil, fmt.Errorf("index: subscribe %s: %w", defwatch.SubjectArticleGet, err)
	}
	return func() {
		_ = search.Drain()
		_ = article.Drain()
		waitDrained(search)
		waitDrained(article)
		wg.Wait() // the answers in hand still go out
	}, nil
}

// waitDrained waits, a while at most, until a draining subscription has
// handed over every message it held.
func waitDrained(sub *nats.Subscription) {
	for deadline := time.Now().Add(SearchTimeout); sub.IsValid() && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
}

// DecodeRequest reads a search request sent as JSON, checked as the HTTP
// API checks its parameters: an unknown field, or a size given as 0, is
// an error saying what is allowed.
func DecodeRequest(data []byte) (Request, error) {
	var wire struct {
		Query     string `json:"q"`
		Size      *int   `json:"size"`
		From      int    `json:"from"`
		Sort      string `json:"sort"`
		After     string `json:"after"`
		Before    string `json:"before"`
		Numbered  bool   `json:"numbered"`
		NoFacets  bool   `json:"no_facets"`
		AllCopies bool   `json:"all_copies"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&wire); err != nil {
		return Request{}, dwquery.BadQuery("request is not JSON of the form {\"q\": \"…\", \"size\": 20, \"from\": 0, \"sort\": \"newest\", \"after\": \"…\", \"no_facets\": true, \"all_copies\": true, \"numbered\": true, \"before\": \"…\"}: %v", err)
	}
	req := Request{Query: wire.Query, From: wire.From, Sort: wire.Sort, After: wire.After, Before: wire.Before,
		Numbered: wire.Numbered, NoFacets: wire.NoFacets, AllCopies: wire.AllCopies}
	if wire.Size != nil {
		if *wire.Size < 1 || *wire.Size > MaxSize {
			return req, dwquery.BadQuery("size must be a whole number from 1 to %d, not %d", MaxSize, *wire.Size)
		}
		req.Size = *wire.Size
	}
	return req, nil
}

func errorReply(err error) reply {
	// The asking side wraps the message in the same sentinel again, so the
	// sentinel's own words are left out here.
	switch {
	case errors.Is(err, defwatch.ErrBadQuery):
		return reply{Error: strings.TrimPrefix(err.Error(), defwatch.ErrBadQuery.Error()+": "), Kind: "bad_query"}
	case errors.Is(err, defwatch.ErrNotFound):
		return reply{Error: strings.TrimSuffix(err.Error(), ": "+defwatch.ErrNotFound.Error()), Kind: "not_found"}
	case errors.Is(err, ErrBusy):
		return reply{Error: err.Error(), Kind: "busy"}
	case errors.Is(err, context.DeadlineExceeded):
		return reply{Error: err.Error(), Kind: "timeout"}
	default:
		return reply{Error: err.Error(), Kind: "internal"}
	}
}

// Remote searches the index replicas over NATS.
type Remote struct {
	nc *nats.Conn
}

var _ Searcher = (*Remote)(nil)

// NewRemote returns a Searcher that asks the index replicas over nc.
func NewRemote(nc *nats.Conn) *Remote { return &Remote{nc: nc} }

// ErrNoIndex: no index stage answers on NATS.
var ErrNoIndex = errors.New("no index stage is answering on NATS (start one with --stages index)")

func (r *Remote) ask(ctx context.Context, subject string, data []byte) (*reply, error) {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, SearchTimeout)
		defer cancel()
	}
	m, err := r.nc.RequestWithContext(ctx, subject, data)
	if errors.Is(err, nats.ErrNoResponders) {
		return nil, ErrNoIndex
	}
	if err != nil {
		return nil, fmt.Errorf("index: request %s: %w", subject, err)
	}
	var rep reply
	if err := json.Unmarshal(m.Data, &rep); err != nil {
		return nil, fmt.Errorf("index: reply on %s: %w", subject, err)
	}
	switch rep.Kind {
	case "":
		return &rep, nil
	case "bad_query":
		return nil, fmt.Errorf("%w: %s", defwatch.ErrBadQuery, rep.Error)
	case "not_found":
		return nil, fmt.Errorf("%w: %s", defwatch.ErrNotFound, rep.Error)
	case "busy":
		return nil, ErrBusy
	case "timeout":
		return nil, fmt.Errorf("index: %s: %w", rep.Error, context.DeadlineExceeded)
	default:
		return nil, fmt.Errorf("index: %s", rep.Error)
	}
}

// Search implements Searcher.
func (r *Remote) Search(ctx context.Context, req Request) (*Result, error) {
	data, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	rep, err := r.ask(ctx, defwatch.SubjectSearch, data)
	if err != nil {
		return nil, err
	}
	if rep.Result == nil {
		return nil, errors.New("index: empty search reply")
	}
	return rep.Result, nil
}

// Article implements Searcher.
func (r *Remote) Article(ctx context.Context, id string) (*defwatch.Article, error) {
	rep, err := r.ask(ctx, defwatch.SubjectArticleGet, []byte(id))
	if err != nil {
		return nil, err
	}
	if rep.Article == nil {
		return nil, errors.New("index: empty article reply")
	}
	return rep.Article, nil
}
