// Command champ projects motorsport championships: standings under every
// era's rules, Monte Carlo title odds, and the exact maths of who can still
// win. Run `champ help` for the commands.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args, os.Stdout, os.Stderr))
}
