package data

import (
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
)

// Limits on what a season's files may hold, checked as they are read so
// that memory and time stay bounded whatever the values: generous for
// every real series (a Formula 1 season has 24 rounds, 20-odd cars and
// 25 points for a win), and listed by champ format.
const (
	MaxFileSize   = 8 << 20 // bytes in one input file: 140 times the largest real season's results.csv, 5 times the whole Ergast results table
	MaxField      = 4096    // bytes in one CSV field
	MaxRound      = 500     // rounds in a season
	MaxPosition   = 1000    // a finishing position
	MaxEntries    = 1000    // drivers in one session
	MaxPoints     = 1000    // points for one place or one bonus
	MaxMultiplier = 10      // a round's points multiplier
	MaxPenalty    = 100000  // points deducted by one penalty
	// Resolution is the finest fraction of a point a system or a
	// multiplier may give: points and multipliers are multiples of it.
	Resolution = 0.001
)

// readRegular reads a regular file of at most MaxFileSize bytes: a FIFO,
// a device such as /dev/zero or a folder is an error naming the path.
func readRegular(fsys fs.FS, name, shown string) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	return readChecked(fi, shown, func() (io.ReadCloser, error) { return fsys.Open(name) })
}

// ReadFile is readRegular for a path of the operating system.
func ReadFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	return readChecked(fi, path, func() (io.ReadCloser, error) { return os.Open(path) })
}

func readChecked(fi fs.FileInfo, shown string, open func() (io.ReadCloser, error)) ([]byte, error) {
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%v); give a CSV file", shown, fi.Mode().Type())
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes, more than the %d MiB champ reads from one file", shown, fi.Size(), MaxFileSize>>20)
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("%s: more than the %d MiB champ reads from one file", shown, MaxFileSize>>20)
	}
	return b, nil
}

// onGrid reports whether v is a multiple of Resolution.
func onGrid(v float64) bool {
	return math.Abs(v/Resolution-math.Round(v/Resolution)) < 1e-6
}
