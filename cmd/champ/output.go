package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/data"
)

// Output formats.
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
)

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable, Usage: "output `FORMAT`: table (for people), csv or json (for machines)"}
}

func outFlag() cli.Flag {
	return &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the output to `FILE` (atomically) instead of standard output"}
}

func outputFormat(c *cli.Context) (string, error) {
	f := strings.ToLower(c.String("format"))
	switch f {
	case formatTable, "text":
		return formatTable, nil
	case formatCSV, formatJSON:
		return f, nil
	}
	return "", usagef("--format %q: use table, csv or json", c.String("format"))
}

// writeOutput sends what write produces to --out (through a temporary file
// renamed into place) or to standard output.
func writeOutput(c *cli.Context, write func(io.Writer) error) error {
	if out := c.String("out"); out != "" {
		if err := data.WriteFileAtomic(out, write); err != nil {
			return fmt.Errorf("writing %s: %w", out, err)
		}
		return nil
	}
	return write(c.App.Writer)
}

func writeCSV(w io.Writer, rows any) error { return gocsv.Marshal(rows, w) }

// writeRecords writes rows whose columns are only known at run time.
func writeRecords(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// table lays out columns for people: text columns left-aligned, numbers
// right-aligned, widths measured in characters so accented names line up.
type table struct {
	header []string
	right  []bool
	rows   [][]string
}

func newTable(cols ...string) *table {
	t := &table{}
	for _, c := range cols {
		right := strings.HasPrefix(c, ">")
		t.header = append(t.header, strings.TrimPrefix(c, ">"))
		t.right = append(t.right, right)
	}
	return t
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) error {
	widths := make([]int, len(t.header))
	for i, h := range t.header {
		widths[i] = utf8.RuneCountInString(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	line := func(cells []string) string {
		var b strings.Builder
		for i, c := range cells {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.right[i] {
				b.WriteString(pad + c)
			} else if i < len(cells)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		return strings.TrimRight(b.String(), " ") + "\n"
	}
	var b strings.Builder
	b.WriteString(line(t.header))
	for _, r := range t.rows {
		b.WriteString(line(r))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
