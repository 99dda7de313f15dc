package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"
)

// progress draws a bar on a terminal for runs longer than a second.
type progress struct {
	w       io.Writer
	unit    string
	on      bool
	start   time.Time
	printed bool
}

// newProgress draws on the env's standard error when on (progressOn);
// unit names what is counted.
func newProgress(e env, on bool, unit string) *progress {
	return &progress{w: e.stderr, unit: unit, on: on, start: time.Now()}
}

func progressFlag() cli.Flag {
	return &cli.BoolFlag{Name: "progress", Usage: "show a progress bar on standard error", DefaultText: "when standard error is a terminal"}
}

func (p *progress) update(done, total int) {
	if !p.on || time.Since(p.start) < time.Second && done < total {
		return
	}
	const width = 30
	filled := width * done / max(total, 1)
	fmt.Fprintf(p.w, "\r[%s%s] %3d%% %d/%d %s", strings.Repeat("#", filled), strings.Repeat(".", width-filled), 100*done/max(total, 1), done, total, p.unit)
	p.printed = true
}

// done ends the bar's line; calling it again does nothing.
func (p *progress) done() {
	if p.printed {
		fmt.Fprintln(p.w)
		p.printed = false
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
