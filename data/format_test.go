package data

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateDocs = flag.Bool("update", false, "rewrite the copies of the season format in doc.go and README.md")

// The season format is written once, in Format; doc.go and the README
// carry generated copies between fixed lines. -update rewrites them.
func TestFormatCopies(t *testing.T) {
	var doc strings.Builder
	doc.WriteString("// # The season format\n//\n// This is what champ format prints.\n//\n")
	for _, l := range strings.Split(strings.TrimRight(Format, "\n"), "\n") {
		if l == "" {
			doc.WriteString("//\n")
		} else {
			doc.WriteString("//\t" + l + "\n")
		}
	}
	doc.WriteString("//\n")
	readme := "<!-- generated from data.Format: go test ./data -run TestFormatCopies -update -->\n\n```text\n" + Format + "```\n"
	for _, c := range []struct{ path, begin, end, want string }{
		{"doc.go", "// # The season format\n", "// # Custom points systems\n", doc.String()},
		{"../README.md", "<!-- generated from data.Format", "<!-- end of data.Format -->", readme},
	} {
		b, err := os.ReadFile(c.path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		i, j := strings.Index(s, c.begin), strings.Index(s, c.end)
		if i < 0 || j < i {
			t.Fatalf("%s: no %q ... %q around the season format", c.path, c.begin, c.end)
		}
		if s[i:j] == c.want {
			continue
		}
		if !*updateDocs {
			t.Errorf("%s: the season format differs from data.Format; run go test ./data -run TestFormatCopies -update", c.path)
			continue
		}
		if err := os.WriteFile(c.path, []byte(s[:i]+c.want+s[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
