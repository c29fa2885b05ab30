//go:build unix

package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// lockFile is the file in the data directory a running defwatch holds an
// exclusive lock on.
const lockFile = "LOCK"

// errDataInUse: another process holds the data directory.
var errDataInUse = errors.New("data directory in use")

// lockData takes an exclusive lock on dir, so that a second `defwatch run`
// on the same data stops at once instead of fighting the first over the
// NATS store and the index. The lock goes with the process, however it
// ends; unlock releases it sooner.
func lockData(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, lockFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("--data %s: %w", dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := "another process"
			if pid, err := strconv.Atoi(strings.TrimSpace(string(holder))); err == nil && pid > 0 {
				who = fmt.Sprintf("another defwatch (pid %d)", pid)
			}
			return nil, fmt.Errorf("--data %s: %w by %s: stop it first, or give this one another --data", dir, errDataInUse, who)
		}
		return nil, fmt.Errorf("--data %s: lock %s: %w", dir, path, err)
	}
	// The pid is for the error above; the lock itself is what counts.
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
