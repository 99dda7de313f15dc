package main

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
	"github.com/urfave/cli/v2"
)

// Output formats.
const (
	formatTable = "table"
	formatCSV   = "csv"
	formatJSON  = "json"
	formatHTML  = "html"
)

func formatFlag() cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: formatTable,
		Usage: "output `FORMAT`: table (for people), csv or json (for machines), html (a page to share); default: from --out's extension, else table"}
}

func outFlag() cli.Flag {
	return &cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the output to `FILE` (atomically) instead of standard output; .csv, .json and .html choose the format"}
}

// outputOptionsOf reads --format or, without it, the format --out's
// extension names, and checks --out before any work is done.
func outputOptionsOf(c *cli.Context) (outputOptions, error) {
	out := c.String("out")
	if out != "" {
		if err := checkOutPath(out); err != nil {
			return outputOptions{}, err
		}
	}
	f := strings.ToLower(c.String("format"))
	if !c.IsSet("format") && out != "" {
		f = formatOfPath(out)
	}
	switch f {
	case formatTable, "text":
		return outputOptions{format: formatTable, out: out}, nil
	case formatCSV, formatJSON, formatHTML:
		return outputOptions{format: f, out: out}, nil
	}
	return outputOptions{}, usagef("--format %q: use table, csv, json or html", c.String("format"))
}

// formatOfPath is the format a file name's extension asks for.
func formatOfPath(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return formatCSV
	case ".json":
		return formatJSON
	case ".html", ".htm":
		return formatHTML
	}
	return formatTable
}

// checkOutPath fails, before the work starts, where --out could not be
// written: its folder missing or not writable, or the path something
// other than a regular file.
func checkOutPath(path string) error { return checkWritable("--out", path) }

// checkWritable is checkOutPath for any flag naming a file to write.
func checkWritable(flag, path string) error {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		return usagef("%s %s: not a regular file; name a file to create or replace", flag, path)
	}
	dir := filepath.Dir(path)
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return usagef("%s %s: no folder %s; create it first", flag, path, dir)
	}
	f, err := os.CreateTemp(dir, ".champ-check*")
	if err != nil {
		return usagef("%s %s: cannot write in %s (%v)", flag, path, dir, errors.Unwrap(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

func writeCSV(w io.Writer, rows any) error {
	text, err := gocsv.MarshalString(rows)
	if err != nil {
		return err
	}
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		return err
	}
	return writeRecords(w, recs)
}

// writeRecords writes rows whose columns are only known at run time.
// A cell a spreadsheet would run as a formula (=, +, -, @ first, and not
// a number) is written with a leading apostrophe, so that it stays text.
func writeRecords(w io.Writer, rows [][]string) error {
	cw := csv.NewWriter(w)
	for _, r := range rows {
		for i, cell := range r {
			r[i] = safeCell(cell)
		}
	}
	if err := cw.WriteAll(rows); err != nil {
		return err
	}
	return cw.Error()
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// safeCell keeps a CSV cell from running as a spreadsheet formula.
func safeCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s // a negative number
	}
	return "'" + s
}

// safeText shows control characters (and the bidirectional overrides)
// as escapes, so that a name in a file cannot move the terminal's cursor,
// clear its screen or reverse its text.
func safeText(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
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

func (t *table) add(cells ...string) {
	for i, c := range cells {
		cells[i] = safeText(c)
	}
	t.rows = append(t.rows, cells)
}

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
