# defwatch: build, run, test.
GO      ?= go
BIN     := bin/defwatch
# Flags for `make run`, e.g. make run ARGS="--feed https://www.af.mil/DesktopModules/ArticleCS/RSS.ashx"
ARGS    ?=

.PHONY: build run test test-faults bench bench-ingest bench-alerts bench-search bench-pipeline bench-startup bench-abuse bench-analyze bench-extract bench-extract-compare eval-entities eval-written eval-census-troops eval-census-meetings eval-recall lint vet fmt clean

# The commit and build time for `defwatch version` and /api/version; the Go
# toolchain stamps the commit itself only outside git worktrees.
LDFLAGS := -X github.com/defwatch/defwatch/index.commit=$(shell git rev-parse HEAD 2>/dev/null) \
	-X github.com/defwatch/defwatch/index.buildTime=$(shell date -u +%Y-%m-%dT%H:%M:%SZ)

# Built without cgo, as deploy/Dockerfile builds it: a static binary starts
# without the dynamic loader and the C library, and its pure-Go DNS
# resolver and user lookup need nothing of the host.
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/defwatch

run: build
	./$(BIN) run $(ARGS)

# The web page's browser test drives Chromium; it is installed when missing
# and apt can (root, Debian), else that one test skips and says what to install.
# The index package's tests take about five minutes under -race on two busy
# cores: the timeout leaves room above go test's default of ten.
test:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1 || \
		{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
		  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ; } || \
		echo "make test: no Chromium, so the browser test will skip (install Debian's chromium package)"
	$(GO) test -race -count=1 -timeout 25m ./...

# The fault tests at full size: 10,000 articles each through stages killed
# with SIGKILL, stopped with SIGTERM, and a three-node NATS cluster losing a
# node; each prints its figures (FAULTS lines: articles, kills, lost,
# duplicated, announcements, alerts sent/expected, time to recover).
# DEFWATCH_FAULT_SEED=N repeats a run's random kill points.
test-faults:
	DEFWATCH_FAULTS=long $(GO) test -count=1 -v -timeout 4h -run '^(TestKillStages|TestTermUnderLoad|TestClusterNodeLoss)$$' ./cmd/defwatch/

# Throughput of the whole pipeline and of the index stage alone, and the
# cost of the taggers; medians of several runs.
bench:
	$(GO) test -run '^$$' -bench 'PipelineImport' -benchtime 3x -count 3 ./cmd/defwatch/
	$(GO) test -run '^$$' -bench . -count 3 ./index/... ./extract/entity/

# Ingest at scale: 10,000 feeds × 20 items over 500 loopback hosts, real
# article pages, 100 ms latency, 1 request/s and one at a time per host.
# A full run takes over ten minutes; FEEDS, ITEMS and HOSTS make it
# smaller (make bench-ingest FEEDS=1000 HOSTS=50). PART=dev serves the
# pages tuned on, held-out (the default) the others. STAGES=real hands the
# pages to the real extract and index stages (a `defwatch run` process
# each) instead of a sink, and reports the whole cycle: the time until
# every page is indexed, and CPU per page and peak memory of each process
# (make bench-ingest STAGES=real FEEDS=2000). NATS_MEMORY_LIMIT sets the
# NATS server's memory limit (default: what defwatch run gives it).
bench-ingest: $(if $(filter real,$(STAGES)),build)
	$(GO) build -o bin/benchingest ./ingest/internal/benchingest
	./bin/benchingest -feeds $(or $(FEEDS),10000) -items $(or $(ITEMS),20) -hosts $(or $(HOSTS),500) \
		-part $(or $(PART),held-out) -shared $(or $(SHARED),../shared) -stages $(or $(STAGES),sink) -bin $(BIN) \
		$(if $(NATS_MEMORY_LIMIT),-natsmemlimit $(NATS_MEMORY_LIMIT))

# Saved searches: what 1,000 of them cost the index stage (with and without,
# side by side, medians), matching alone, and alert latency p50/p99.
bench-alerts:
	$(GO) test -run '^$$' -bench 'IndexStageRules' -benchtime 5x ./index/alert/
	$(GO) test -run '^$$' -bench 'Percolate' -benchtime 10x -count 3 ./index/alert/
	$(GO) test -run '^$$' -bench 'AlertLatency' -benchtime 1x -count 3 ./cmd/defwatch/

# Index stage and search at scale: Index.Put throughput, query wall and CPU
# time beside Bleve alone, and size on disk for copies of the shared news
# corpus over three years (ARTICLES=20000 for a quicker run).
# BENCH_INDEX=dir keeps the built index there and searches it again on the
# next run with the same articles, without building; BENCH_ASIS=1 searches
# the index there as it is (a build stopped part way). RUNS=N timed runs.
bench-search:
	$(GO) run ./index/internal/benchsearch -n $(or $(ARTICLES),100000) $(if $(BENCH_INDEX),-index $(BENCH_INDEX)) $(if $(BENCH_ASIS),-asis) \
		$(if $(RUNS),-runs $(RUNS)) $(if $(CORPUS),-corpus $(CORPUS)) $(if $(DAYS),-days $(DAYS)) $(if $(SKIP),-skip '$(SKIP)')

# The whole pipeline (import, extract and index, each a process of its own,
# on a real JetStream server) on a 20,000-article archive made from the news
# corpus, its dates in random order and in date order: CPU ms per article
# by stage and wall time, beside the raw parts measured in the same run;
# medians of RUNS runs. PART=dev runs the half of the corpus tuned on;
# BASE=path runs an older build right before this one in every run, in a
# column beside it; CORPUS=path reads another corpus.
bench-pipeline: build
	$(GO) run ./index/internal/benchpipeline -bin $(BIN) -n $(or $(ARTICLES),20000) -runs $(or $(RUNS),3) -part $(or $(PART),held-out) \
		$(if $(BASE),-base $(BASE)) $(if $(CORPUS),-corpus $(CORPUS))

# Start-up: fresh runs of `defwatch extract` on a small page, median wall
# and CPU (the issue's bound: 40 ms wall), and the costliest package inits.
# BASE=path runs an older build in turn with this one, its columns beside
# this one's; RUNS=N runs of each.
bench-startup: build
	$(GO) run ./cmd/defwatch/internal/benchstartup -bin $(BIN) -runs $(or $(RUNS),25) -inits 12 $(if $(BASE),-base $(BASE))

# Abusive searches against a real `defwatch run` over HTTP and NATS (a fresh
# server per case, capped at 60 s and 4 GB): wall time, answer, peak memory;
# then 100 concurrent clients, counting complete, partial, shed and wrong
# answers. ARTICLES=100000 for the issue's scale; ABUSE_BIN=path measures another
# build (e.g. an older one) on the same index.
bench-abuse:
	$(GO) run ./index/internal/benchabuse -n $(or $(ARTICLES),20000) -corpus $(or $(CORPUS),../shared/corpus/news/articles.jsonl.gz) -clients 100 -requests 3 $(if $(ABUSE_BIN),-bin $(ABUSE_BIN))

# The cost of analysing text by its language (schema 3) beside the
# language-blind analysis of schema 1, side by side, per text.
bench-analyze:
	$(GO) test -run '^$$' -bench Analyze -count 6 ./index/schema/

# Extraction quality and ms/page on the shared extraction benchmarks:
# article-extraction, and extraction-dev in its dev part and its held-out
# part (split once by a fixed seed, extract/internal/benchset/split.go), by
# the path `defwatch extract` takes. SHARED=dir if the shared folder is not
# ../shared or ../../shared.
bench-extract:
	$(GO) run ./extract/internal/benchextract $(if $(SHARED),-shared $(abspath $(SHARED)))

# The same rows for go-trafilatura (with and without its fallback),
# go-readability and a naive baseline, measured in one run; its own module
# keeps their code out of our go.mod. NODE=1 adds Readability.js (minutes).
bench-extract-compare:
	$(if $(NODE),cd extract/internal/benchextract/compare/readability && { test -d node_modules || npm ci --no-audit --no-fund; })
	cd extract/internal/benchextract/compare && $(GO) run . $(if $(SHARED),-shared $(abspath $(SHARED))) $(if $(NODE),-node)

# Entity tagging against the hand-labelled articles, dev and test parts
# (SPLIT.tsv) apart: P/R/F1 per type and how many matched figures and
# meetings have owner, status, source, date, place and participants
# right, with 95% bootstrap intervals, overall and per language. The test
# part is only ever printed as a whole; go run ./extract/internal/evalentities -v
# lists the dev part's disagreements.
eval-entities:
	$(GO) run ./extract/internal/evalentities -labels extract/entity/testdata/labels

# The censuses: sentences of corpus articles nobody labelled or tuned on,
# labelled blind, scored as a tune half and a check half (totals only for
# the check half; V=1 lists the tune half's disagreements). Troop figures:
# 592 sentences (extract/entity/testdata/census/README.md); meetings: 200
# (extract/entity/testdata/census/meetings/README.md); each less the
# sentences of articles labelled since it was drawn.
eval-census-troops:
	$(GO) run ./extract/internal/evalentities -census-troops $(if $(V),-v)

eval-census-meetings:
	$(GO) run ./extract/internal/evalentities -census-meetings extract/entity/testdata/census/meetings/meetings.tsv $(if $(V),-v)

# The written sets: whole articles and troop sentences written for the
# project and labelled blind (extract/entity/testdata/written/README.md,
# extract/entity/testdata/census/written/README.md), each with a part
# tuned on and a part only ever scored as a whole.
eval-written:
	$(GO) run ./extract/internal/evalentities -labels extract/entity/testdata/written
	$(GO) run ./extract/internal/evalentities -census-troops -census-troops-file extract/entity/testdata/census/written/troops.tsv $(if $(V),-v)

# Search across languages: how far a Ukrainian query and its English
# translation find the same parallel addresses of the shared corpus, before
# and after language analysis, on dev and held-out word halves.
# SHARED=dir if the shared folder is not ../shared or ../../shared.
eval-recall:
	$(GO) run ./index/internal/evalrecall -corpus $(or $(SHARED),$(firstword $(wildcard ../shared ../../shared)))/corpus/news/articles.jsonl.gz

vet:
	$(GO) vet ./...

lint: vet
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
