package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/gocarina/gocsv"

	"github.com/champ-dev/champ/points"
)

// SyntaxError is a problem at a place in an input file. Line and Column
// are 1-based; 0 means the whole line or file.
type SyntaxError struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *SyntaxError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// table is a CSV file read with the position of every field, so that
// errors found after gocsv has filled the row structs can point at the
// line and column they came from.
type table struct {
	file   string
	header []string       // normalized column names
	index  map[string]int // column name -> field index
	pos    [][][2]int32   // pos[record][field] = line, column (int32: half the memory of a large file's positions)
}

// decoder feeds gocsv and records the field positions on the way. With
// known columns it is strict: an unknown or a repeated column, a row
// with more fields than the header and an oversized field are errors.
type decoder struct {
	t     *table
	r     *csv.Reader
	known []string // nil: any columns (a foreign file, read by an importer)
}

// OwnColumnPrefix starts the name of a column of the user's own, which
// champ's files may carry and champ ignores.
const OwnColumnPrefix = "x_"

func (d decoder) GetCSVRows() ([][]string, error) {
	var rows [][]string
	for {
		rec, err := d.r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &SyntaxError{File: d.t.file, Line: pe.Line, Column: pe.Column, Msg: pe.Err.Error()}
			}
			return nil, &SyntaxError{File: d.t.file, Msg: err.Error()}
		}
		ps := make([][2]int32, len(rec))
		for i := range rec {
			line, col := d.r.FieldPos(i)
			ps[i] = [2]int32{int32(line), int32(col)} // files are at most MaxFileSize bytes
			if len(rec[i]) > MaxField {
				return nil, &SyntaxError{File: d.t.file, Line: int(ps[i][0]), Column: int(ps[i][1]), Msg: fmt.Sprintf("a field of %d bytes, more than the limit of %d", len(rec[i]), MaxField)}
			}
		}
		if len(rows) == 0 {
			for i := range rec {
				rec[i] = normalizeHeader(rec[i])
			}
			if err := d.checkHeader(rec, ps); err != nil {
				return nil, err
			}
		} else if d.known != nil && len(rec) > len(rows[0]) {
			i := len(rows[0])
			return nil, &SyntaxError{File: d.t.file, Line: int(ps[i][0]), Column: int(ps[i][1]), Msg: fmt.Sprintf("%d fields, but the header names %d columns; quote a field that holds a comma", len(rec), len(rows[0]))}
		}
		rows = append(rows, rec)
		d.t.pos = append(d.t.pos, ps)
	}
	if len(rows) > 0 {
		d.t.header = rows[0]
		d.t.index = map[string]int{}
		for i, h := range rows[0] {
			if _, dup := d.t.index[h]; !dup {
				d.t.index[h] = i
			}
		}
	}
	return rows, nil
}

// checkHeader rejects, in a strict read, a column champ does not know
// (naming the nearest it does) and a column named twice.
func (d decoder) checkHeader(h []string, ps [][2]int32) error {
	if d.known == nil || looksLikeData(h) {
		return nil // a missing header is reported as such
	}
	seen := map[string]int{}
	for i, c := range h {
		fail := func(format string, args ...any) error {
			return &SyntaxError{File: d.t.file, Line: int(ps[i][0]), Column: int(ps[i][1]), Msg: fmt.Sprintf(format, args...)}
		}
		if c == "" || strings.HasPrefix(c, OwnColumnPrefix) {
			continue
		}
		if j, dup := seen[c]; dup {
			return fail("column %q is named twice (columns %d and %d); keep one", c, j+1, i+1)
		}
		seen[c] = i
		if !slices.Contains(d.known, c) {
			hint := points.Suggest(c, d.known)
			if hint == "" {
				hint = "the columns are " + strings.Join(d.known, ",")
			}
			return fail("unknown column %q: %s (a column of your own may start with %s)", c, hint, OwnColumnPrefix)
		}
	}
	return nil
}

// csvColumns are the csv tags of the struct that out (a pointer to a
// slice of structs) holds.
func csvColumns(out any) []string {
	t := reflect.TypeOf(out).Elem().Elem()
	var cols []string
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("csv"), ","); tag != "" && tag != "-" {
			cols = append(cols, tag)
		}
	}
	return cols
}

func normalizeHeader(h string) string {
	h = strings.TrimPrefix(h, "\ufeff")
	h = strings.ToLower(strings.TrimSpace(h))
	return strings.ReplaceAll(strings.ReplaceAll(h, " ", "_"), "-", "_")
}

// readTable reads CSV bytes into out (a pointer to a slice of row structs
// with string fields and csv tags) and checks that the required columns
// are present. What describes the file in the empty-file message.
func readTable(file string, b []byte, out any, required []string, what string) (*table, error) {
	return readTableOf(file, b, out, required, what, csvColumns(out))
}

// readForeignTable is readTable for a file of another tool's format
// (Ergast, the fact tables), whose columns champ reads only in part.
func readForeignTable(file string, b []byte, out any, required []string, what string) (*table, error) {
	return readTableOf(file, b, out, required, what, nil)
}

func readTableOf(file string, b []byte, out any, required []string, what string, known []string) (*table, error) {
	t := &table{file: file}
	if len(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\ufeff")))) == 0 {
		return nil, &SyntaxError{File: file, Msg: fmt.Sprintf("empty file; expected a header line naming the columns (%s) and then %s", strings.Join(required, ","), what)}
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	r.Comment = '#'
	if err := gocsv.UnmarshalDecoder(decoder{t, r, known}, out); err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			return nil, se
		}
		return nil, &SyntaxError{File: file, Msg: err.Error()}
	}
	for _, c := range required {
		if _, ok := t.index[c]; !ok {
			msg := fmt.Sprintf("missing column %q: the first line must be a header naming the columns, at least %s", c, strings.Join(required, ","))
			if looksLikeData(t.header) {
				msg = fmt.Sprintf("the first line looks like data, not a header; add a header line such as %s", strings.Join(required, ","))
			}
			return nil, &SyntaxError{File: file, Line: 1, Msg: msg}
		}
	}
	return t, nil
}

func looksLikeData(header []string) bool {
	for _, h := range header {
		if h != "" && (h[0] >= '0' && h[0] <= '9') {
			return true
		}
	}
	return false
}

// at returns an error located at row i (0-based, after the header) and the
// named column, falling back to the row's first field when the column is
// absent.
func (t *table) at(i int, column string, format string, args ...any) error {
	rec := i + 1
	line, col := 0, 0
	if rec < len(t.pos) && len(t.pos[rec]) > 0 {
		line, col = int(t.pos[rec][0][0]), 0
		if c, ok := t.index[column]; ok && c < len(t.pos[rec]) {
			line, col = int(t.pos[rec][c][0]), int(t.pos[rec][c][1])
		}
	}
	return &SyntaxError{File: t.file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}

// line returns the line row i starts on.
func (t *table) line(i int) int {
	if i+1 < len(t.pos) && len(t.pos[i+1]) > 0 {
		return int(t.pos[i+1][0][0])
	}
	return 0
}

// writeCSV writes rows (a slice of row structs) with gocsv.
func writeCSV(w io.Writer, rows any) error {
	return gocsv.Marshal(rows, w)
}

// WriteFileAtomic writes a file through a temporary file in the same
// folder, synced to disk and renamed into place, so no reader ever sees
// half a file. It replaces only a regular file: a symbolic link, a device
// or a folder at path is an error. The temporary file is removed on an
// error, and by RemoveTemporary on a signal.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644) // a new file's; a replaced one keeps its own
	if fi, err := os.Lstat(path); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file (%s); champ replaces only regular files", path, fi.Mode().Type())
		}
		mode = fi.Mode().Perm()
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	temporary.Store(f.Name(), true)
	defer func() {
		temporary.Delete(f.Name())
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// temporary holds the temporary files WriteFileAtomic has open.
var temporary sync.Map

// RemoveTemporary removes the temporary files of writes still under way:
// what a command calls when a signal stops it.
func RemoveTemporary() {
	temporary.Range(func(k, _ any) bool {
		os.Remove(k.(string))
		return true
	})
}
