// Command champ projects motorsport championships: standings under every
// era's rules, Monte Carlo title odds, and the exact maths of who can still
// win. Run `champ help` for the commands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/champ-dev/champ/data"
)

func main() {
	// Ctrl-C or a kill leaves no temporary file behind.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		s := <-sigs
		data.RemoveTemporary()
		fmt.Fprintf(os.Stderr, "champ: stopped (%v)\n", s)
		os.Exit(130)
	}()
	os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
}
