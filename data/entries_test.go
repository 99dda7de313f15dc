package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/champ-dev/champ/points"
)

func TestReadEntries(t *testing.T) {
	p := filepath.Join(t.TempDir(), "entries.csv")
	os.WriteFile(p, []byte("round,driver,team,replaces,until,share,name\n"+
		"12,oliver-bearman,haas,kevin-magnussen,12,,Oliver Bearman\n"+
		"14,franco-colapinto,williams,logan-sargeant,,0.9,\n"), 0o644)
	es, err := ReadEntries(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []points.Entry{
		{Round: 12, Until: 12, Driver: "oliver-bearman", Name: "Oliver Bearman", Team: "haas", Replaces: "kevin-magnussen", Source: p + ":2"},
		{Round: 14, Driver: "franco-colapinto", Team: "williams", Replaces: "logan-sargeant", Share: 0.9, Source: p + ":3"},
	}
	if len(es) != 2 || es[0] != want[0] || es[1] != want[1] {
		t.Errorf("got %+v", es)
	}
	for _, tc := range []struct{ body, want string }{
		{"round,driver\n12,a\n", "team"},
		{"round,driver,team\nR12,a,haas\n", `entries.csv:2:1: round "R12" is not an integer`},
		{"round,driver,team\n12,,haas\n", "entries.csv:2:4: driver is empty"},
		{"round,driver,team,share\n12,a,haas,fast\n", `entries.csv:2:11: share "fast" is not a number`},
		{"round,driver,team,until\n12,a,haas,x\n", "entries.csv:2:11: until: round"},
	} {
		os.WriteFile(p, []byte(tc.body), 0o644)
		if _, err := ReadEntries(p); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.body, err, tc.want)
		}
	}
}
