package data

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/champ-dev/champ/points"
)

func TestParseFix(t *testing.T) {
	got, err := ParseFix("10:race:charles-leclerc=1,max-verstappen=DNF, lando-norris=P3+FL,a=11-,b=4-6,c>d", "--fix 1")
	if err != nil {
		t.Fatal(err)
	}
	f := func(d string, k points.FixKind) points.Fix {
		return points.Fix{Round: 10, Session: points.Race, Driver: d, Kind: k, Source: "--fix 1"}
	}
	want := []points.Fix{f("charles-leclerc", points.FixPosition), f("max-verstappen", points.FixDNF), f("lando-norris", points.FixPosition),
		f("a", points.FixRange), f("b", points.FixRange), f("c", points.FixAhead)}
	want[0].Position = 1
	want[2].Position, want[2].FastestLap = 3, true
	want[3].From = 11
	want[4].From, want[4].To = 4, 6
	want[5].Other = "d"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if s, _ := ParseFix("11:sprint:x=2", "f"); s[0].Session != points.Sprint || s[0].String() != "11:sprint:x=2" {
		t.Errorf("sprint: %+v", s)
	}
	if s, _ := ParseFix("11:x=2", "f"); s[0].Session != points.Race {
		t.Errorf("session defaults to race: %+v", s)
	}
	for _, bad := range []string{"", "x:race:a=1", "10", "10:race:a", "10:race:a=0", "10:race:a=first", "10:qualy:a=1", "10:race:=1", "10:race:a=DNF+FL", "10:race:a=6-4", "10:race:>b"} {
		if _, err := ParseFix(bad, "--fix 1"); err == nil || !strings.Contains(err.Error(), "--fix 1") {
			t.Errorf("%q: err %v", bad, err)
		}
	}
}

func TestReadScenario(t *testing.T) {
	p := filepath.Join(t.TempDir(), "scenario.csv")
	os.WriteFile(p, []byte("round,session,driver,name,position,fastest_lap\n10,race,a,A,1,yes\n10,race,b,B,DNF,\n11,sprint,c,C,11-,\n"), 0o644)
	fs, err := ReadScenario(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 3 || !fs[0].FastestLap || fs[1].Kind != points.FixDNF || fs[2].Kind != points.FixRange || fs[2].Session != points.Sprint || fs[1].Source != p+":3" {
		t.Errorf("%+v", fs)
	}
	os.WriteFile(p, []byte("round,driver,position,fastest_lap\n10,a,DNF,yes\n"), 0o644)
	if _, err := ReadScenario(p); err == nil || !strings.Contains(err.Error(), "scenario.csv:2:") {
		t.Errorf("fastest lap with a DNF: %v", err)
	}
}
