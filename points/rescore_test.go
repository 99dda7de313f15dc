package points

import "testing"

// Rescoring under another system drops the season's multipliers; the
// leader is "" when the top two are level on everything.
func TestRescoreAndLeader(t *testing.T) {
	s := &Season{Name: "S", System: f1(t, 2014)}
	s.Rounds = []Round{{Number: 1, Completed: true, Multiplier: 1, Distance: 1}, {Number: 2, Completed: true, Multiplier: 2, Distance: 1}}
	s.Results = []Result{{Round: 1, Driver: "a", Position: 1}, {Round: 1, Driver: "b", Position: 2},
		{Round: 2, Driver: "b", Position: 1}, {Round: 2, Driver: "a", Position: 2}}
	r, err := Rescore(s, f1(t, 2003), DriversChampionship)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Multipliers || r.Season.Rounds[1].Multiplier != 1 || s.Rounds[1].Multiplier != 2 {
		t.Errorf("multipliers: %v, rescored %v, official %v", r.Multipliers, r.Season.Rounds[1].Multiplier, s.Rounds[1].Multiplier)
	}
	if got := Leader(Standings(s, DriversChampionship, 2)); got != "b" {
		t.Errorf("official leader %q, want b (a 25+36, b 18+50: b won the double round)", got)
	}
	if got := Leader(Standings(r.Season, DriversChampionship, 2)); got != "" {
		t.Errorf("rescored leader %q, want none: 10+8 each, one win each", got)
	}
	if _, err := Rescore(s, f1(t, 2003), "makes"); err == nil {
		t.Error("an unknown championship: no error")
	}
}
