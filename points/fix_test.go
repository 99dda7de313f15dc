package points

import (
	"strings"
	"testing"
)

func TestCheckFixes(t *testing.T) {
	s := &Season{Name: "S", Drivers: []Driver{{ID: "a"}, {ID: "b"}}}
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
		{[]Fix{pos(2, Race, "a", 1)}, "round 2 (R2) has already been run; fix rounds after 2 only"},
		{[]Fix{pos(9, Race, "a", 1)}, "round 9 is not in the calendar"},
		{[]Fix{pos(3, Sprint, "a", 1)}, "round 3 (R3) has no sprint"},
		{[]Fix{pos(3, Race, "z", 1)}, `no driver "z" in S`},
		{[]Fix{pos(3, Race, "a", 1), pos(3, Race, "b", 1)}, "a is already fixed to P1"},
		{[]Fix{pos(3, Race, "a", 1), {Round: 3, Driver: "a", Kind: FixDNF, Source: "src"}}, "a is fixed twice"},
		{[]Fix{{Round: 3, Driver: "a", Kind: FixAhead, Other: "a", Source: "src"}}, "ahead of himself"},
	} {
		err := CheckFixes(s, 2, c.fixes)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "src: ")) {
			t.Errorf("%v: err %v, want %q", c.fixes, err, c.want)
		}
	}
}
