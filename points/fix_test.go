package points

import (
	"strconv"
	"strings"
	"testing"
)

func TestCheckFixes(t *testing.T) {
	s := &Season{Name: "S", System: f1(t, 2024), Drivers: []Driver{{ID: "a"}, {ID: "b"}}}
	for i := 1; i <= 4; i++ {
		s.Rounds = append(s.Rounds, Round{Number: i, Name: "R" + string(rune('0'+i)), Completed: i <= 2, Sprint: i == 4, Multiplier: 1, Distance: 1})
	}
	pos := func(r int, k SessionKind, d string, p int) Fix {
		return Fix{Round: r, Session: k, Driver: d, Kind: FixPosition, Position: p, Source: "src"}
	}
	for _, c := range []struct {
		fixes []Fix
		want  string
	}{
		{[]Fix{pos(3, Race, "a", 1), pos(4, Sprint, "b", 1), pos(4, Race, "b", 2)}, ""},
		{[]Fix{pos(2, Race, "a", 1)}, "round 2 (R2) has already been run; fix rounds still to run only"},
		{[]Fix{pos(9, Race, "a", 1)}, "round 9 is not in the calendar"},
		{[]Fix{pos(3, Sprint, "a", 1)}, "round 3 (R3) has no sprint"},
		{[]Fix{pos(3, Race, "z", 1)}, `no driver "z" in S`},
		{[]Fix{pos(3, Race, "a", 1), pos(3, Race, "b", 1)}, "a is already fixed to P1"},
		{[]Fix{pos(3, Race, "a", 1), {Round: 3, Driver: "a", Kind: FixDNF, Source: "src"}}, "a is fixed twice"},
		{[]Fix{{Round: 3, Driver: "a", Kind: FixAhead, Other: "a", Source: "src"}}, "ahead of himself"},
		{[]Fix{{Round: 3, Driver: "a", Kind: FixPosition, Position: 1, FastestLap: true, Source: "src"}, {Round: 3, Driver: "b", Kind: FixPosition, Position: 2, FastestLap: true, Source: "src"}},
			"a already has the fastest lap in that session"},
		{[]Fix{{Round: 3, Driver: "a", Kind: FixBonus, Pole: true, Source: "src"}}, "points system f1-2024 awards no pole in round 3's race"},
		{[]Fix{{Round: 4, Session: Sprint, Driver: "a", Kind: FixPosition, Position: 1, FastestLap: true, Source: "src"}}, "awards no fastest lap in round 4's sprint"},
		{[]Fix{{Round: 3, Session: Qualifying, Driver: "a", Kind: FixPosition, Position: 1, Source: "src"}}, "round 3 (R3) has no qualifying session that scores"},
	} {
		err := CheckFixes(s, 2, c.fixes)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "src: ")) {
			t.Errorf("%v: err %v, want %q", c.fixes, err, c.want)
		}
	}
}

func TestCheckBonusFixes(t *testing.T) {
	sys, _ := Lookup("indycar-2024")
	s := &Season{Name: "S", System: sys, Drivers: []Driver{{ID: "a"}, {ID: "b"}}}
	for i := 1; i <= 3; i++ {
		s.Rounds = append(s.Rounds, Round{Number: i, Name: "R" + string(rune('0'+i)), Completed: i == 1, Multiplier: 1, Distance: 1})
	}
	s.Rounds[2].Qualifying = "indy500"
	bonus := func(r int, d string, pole, led, most bool) Fix {
		return Fix{Round: r, Driver: d, Kind: FixBonus, Pole: pole, LedLap: led, MostLapsLed: most, Source: "src"}
	}
	for _, c := range []struct {
		fixes []Fix
		want  string
	}{
		{[]Fix{bonus(2, "a", true, true, false), bonus(2, "b", false, true, true)}, ""},
		{[]Fix{bonus(2, "a", true, false, false), bonus(2, "b", true, false, false)}, "a already has the pole in that session"},
		{[]Fix{bonus(2, "a", false, false, true), bonus(2, "b", false, false, true)}, "a already has the most laps led"},
		{[]Fix{bonus(3, "a", true, false, false)}, "awards no pole in round 3's race"}, // the Indianapolis 500: qualifying points instead
		{[]Fix{{Round: 3, Session: Qualifying, Driver: "a", Kind: FixPosition, Position: 1, Source: "src"}}, ""},
	} {
		err := CheckFixes(s, 1, c.fixes)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%v: err %v, want %q", c.fixes, err, c.want)
		}
	}
}

// Fixes that no finishing order meets are errors naming them; those one
// order meets are not.
func TestFixesSatisfiable(t *testing.T) {
	f := func(spec ...string) []Fix {
		var out []Fix
		for _, x := range spec {
			id, rest, _ := strings.Cut(x, "=")
			fx := Fix{Round: 3, Session: Race, Driver: id, Source: "--fix"}
			switch {
			case strings.Contains(x, ">"):
				a, b, _ := strings.Cut(x, ">")
				fx = Fix{Round: 3, Session: Race, Driver: a, Kind: FixAhead, Other: b, Source: "--fix"}
			case rest == "DNF":
				fx.Kind = FixDNF
			case strings.Contains(rest, "-"):
				lo, hi, _ := strings.Cut(rest, "-")
				fx.Kind, fx.From, fx.To = FixRange, atoi(lo), atoi(hi)
			default:
				fx.Kind, fx.Position = FixPosition, atoi(rest)
			}
			out = append(out, fx)
		}
		return out
	}
	for _, c := range []struct {
		fixes []string
		want  string // "" for satisfiable
	}{
		{[]string{"a=1", "b=2"}, ""},
		{[]string{"a>b", "b>c"}, ""},
		{[]string{"a=2", "b>a"}, ""},
		{[]string{"a>b", "b=DNF"}, ""},
		{[]string{"a=1-2", "b=1-2"}, ""},
		{[]string{"a>b", "b>a"}, "in a circle"},
		{[]string{"a>b", "b>c", "c>a"}, "in a circle"},
		{[]string{"a=1", "b>a"}, "leave a no place"},
		{[]string{"a=1-2", "b=1-2", "c=1-2"}, "more drivers than places 1 to 2"},
		{[]string{"a=DNF", "a>b"}, "cannot both retire and be classified"},
		{[]string{"a=3", "b=3-"}, ""},
		{[]string{"a=4-", "b=4-"}, ""},
	} {
		err := satisfiable(f(c.fixes...), 0)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("%v: %v, want %q", c.fixes, err, c.want)
		}
	}
	// In a field of four, what an open range leaves.
	for _, c := range []struct {
		fixes []string
		want  string
	}{
		{[]string{"a=4-", "b=4-"}, "more drivers than places 4 to 4"},
		{[]string{"a=3-", "b=3-"}, ""},
		{[]string{"a=1-2", "b=1-2", "c=3-", "d=3-"}, ""},
	} {
		err := CheckSessionFixes(f(c.fixes...), 4)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("in four places, %v: %v, want %q", c.fixes, err, c.want)
		}
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
