package index

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/defwatch/defwatch"
	"github.com/defwatch/defwatch/index/internal/fixture"
)

// crashChildEnv makes the test binary a child that creates shard after
// shard in the index named by the variable, until it is killed.
const crashChildEnv = "DEFWATCH_TEST_SHARD_CHILD"

// monthArticle is a small article filed in the i-th month after 2001-01.
func monthArticle(i int) *defwatch.Article {
	pub := time.Date(2001, 1, 15, 12, 0, 0, 0, time.UTC).AddDate(0, i, 0)
	return &defwatch.Article{ID: fmt.Sprintf("m%04d", i), Source: "example.com", Lang: "en",
		Title: "Month " + pub.Format("2006-01"), Text: "Troops gathered near the border in " + pub.Format("January 2006") + ".",
		Published: pub}
}

// TestShardCreationSurvivesKill kills a process with SIGKILL, again and
// again, while it creates month shards; every time the index opens again,
// holds every article whose Put had returned, and keeps no half-made shard.
func TestShardCreationSurvivesKill(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		shardChild(dir)
		return
	}
	dir := filepath.Join(t.TempDir(), "idx")
	rng := rand.New(rand.NewPCG(1, 2))
	var done []string // ids whose Put returned, over all runs
	leftovers := 0
	const kills = 8
	for k := range kills {
		cmd := exec.Command(os.Args[0], "-test.run=^TestShardCreationSurvivesKill$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+dir, fmt.Sprintf("DEFWATCH_TEST_SHARD_START=%d", len(done)))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a few shards, at a random moment.
		lines := make(chan string)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		want := 2 + rng.IntN(3)
		var got []string
		for line := range lines {
			if id, ok := strings.CutPrefix(line, "put "); ok {
				got = append(got, id)
				if len(got) == want {
					time.Sleep(time.Duration(rng.IntN(30)) * time.Millisecond)
					_ = cmd.Process.Signal(syscall.SIGKILL)
				}
			}
		}
		_ = cmd.Wait()
		if len(got) < want {
			t.Fatalf("run %d: the child stopped after %d puts before it was killed", k, len(got))
		}
		done = append(done, got...)

		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), newShardPrefix) {
				leftovers++
			}
		}
		idx, err := Open(dir)
		if err != nil {
			t.Fatalf("after kill %d the index does not open: %v", k+1, err)
		}
		for _, id := range done {
			if _, err := idx.Article(context.Background(), id); err != nil {
				t.Errorf("after kill %d: article %s, whose Put returned, is gone: %v", k+1, id, err)
			}
		}
		names := shardNames(t, dir)
		if err := idx.Close(); err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			if strings.HasPrefix(n, newShardPrefix) || strings.Contains(n, ".broken-") {
				t.Errorf("after kill %d and a start: %s is left in the index", k+1, n)
			}
		}
	}
	t.Logf("%d kills, %d articles put, %d times a shard was left half-made (and removed on start)", kills, len(done), leftovers)
}

// shardChild puts one article a month, each in a new shard, printing the
// id of each whose Put returned, until it is killed.
func shardChild(dir string) {
	idx, err := Open(dir, WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(1)
	}
	var start int
	fmt.Sscan(os.Getenv("DEFWATCH_TEST_SHARD_START"), &start)
	for i := start; ; i++ {
		if _, err := idx.Put([]*defwatch.Article{monthArticle(i)}); err != nil {
			fmt.Println("put:", err)
			os.Exit(1)
		}
		fmt.Println("put", monthArticle(i).ID)
	}
}

func shardNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out
}

// TestBrokenShardIsSetAside: a shard whose files are damaged (as a crash
// in an older version could leave them) no longer stops the index from
// opening; it is kept under another name, and the index asks for a rebuild.
func TestBrokenShardIsSetAside(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	idx := openTest(t, dir)
	if _, err := idx.Put(fixture.Articles()); err != nil {
		t.Fatal(err)
	}
	if err := idx.setReplay(replayNone); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	if err := os.WriteFile(filepath.Join(dir, "2025-03", "index_meta.json"), []byte(`{"storage":`), 0o644); err != nil {
		t.Fatal(err)
	}
	// A half-made shard an older version left behind.
	if err := os.MkdirAll(filepath.Join(dir, newShardPrefix+"2025-05-123", "2025-05"), 0o755); err != nil {
		t.Fatal(err)
	}

	idx, err := Open(dir)
	if err != nil {
		t.Fatalf("open with a broken shard: %v", err)
	}
	defer idx.Close()
	if idx.replayState() != replayPending {
		t.Error("the index does not ask to be rebuilt")
	}
	names := shardNames(t, dir)
	var aside bool
	for _, n := range names {
		if strings.HasPrefix(n, "2025-03.broken-") {
			aside = true
		}
		if n == "2025-03" || strings.HasPrefix(n, newShardPrefix) {
			t.Errorf("%s still in the index: %v", n, names)
		}
	}
	if !aside {
		t.Errorf("the broken shard was not kept aside: %v", names)
	}
	// The other shards still answer, and the month comes back on the next Put.
	if _, err := idx.Article(context.Background(), "seed"); err != nil {
		t.Errorf("an intact shard's article: %v", err)
	}
	if _, err := idx.Put(fixture.Articles()); err != nil {
		t.Fatal(err)
	}
	if _, err := idx.Article(context.Background(), "march"); err != nil {
		t.Errorf("the rebuilt month's article: %v", err)
	}
}
