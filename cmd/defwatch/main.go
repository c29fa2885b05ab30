// Command defwatch runs the defwatch news-monitoring pipeline and its tools.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// The first Ctrl-C asks for an orderly stop; a second one, while that
	// is under way, ends the process at once.
	go func() {
		<-ctx.Done()
		stop()
	}()
	err := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "defwatch:", err)
		os.Exit(1)
	}
}
