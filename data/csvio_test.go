package data

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// WriteFileAtomic replaces only regular files and leaves nothing behind
// when the write fails.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.csv")
	write := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	if err := WriteFileAtomic(p, write("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, write("two")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("got %q", b)
	}
	// A private file stays private when replaced.
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, write("two")); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(p); fi.Mode().Perm() != 0o600 {
		t.Errorf("replacing a 0600 file left it %v", fi.Mode().Perm())
	}
	if err := WriteFileAtomic(p, func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Error("a failed write reported no error")
	}
	if b, _ := os.ReadFile(p); string(b) != "two" {
		t.Errorf("a failed write changed the file: %q", b)
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(p, link); err != nil {
		t.Skip(err)
	}
	if err := WriteFileAtomic(link, write("three")); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("replacing a symlink: %v", err)
	}
	if err := WriteFileAtomic(dir, write("x")); err == nil {
		t.Error("replacing a folder: no error")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 2 {
		t.Errorf("left behind: %v", ents)
	}
}

// A signal mid-write (RemoveTemporary, as champ's handler calls it)
// leaves no temporary file behind.
func TestRemoveTemporary(t *testing.T) {
	dir := t.TempDir()
	err := WriteFileAtomic(filepath.Join(dir, "out.csv"), func(w io.Writer) error {
		io.WriteString(w, "half")
		RemoveTemporary()
		return nil
	})
	if err == nil {
		t.Error("the interrupted write reported success")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("left behind: %v", ents)
	}
}
