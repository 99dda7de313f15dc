package points

import "testing"

func TestCanWin(t *testing.T) {
	drivers := func(s *Season, n int) []Standing { return Drivers(s, n) }
	// Countback at the edge: b, 25 behind with one race left, can draw
	// level with a race win; b then has 2 wins to a's 1.
	s := season(f1(t, 2025), make([]Round, 4), []Result{
		race(1, "a", "x", 1), race(1, "b", "y", 2),
		race(2, "b", "y", 1), race(2, "a", "x", 2),
		race(3, "a", "x", 2), race(3, "b", "y", 10), race(3, "c", "z", 1),
	})
	s.Rounds[3].Completed = false
	st := drivers(s, 3)
	// a: 25+18+18 = 61; b: 18+25+1 = 44; c: 25. b's best: 69 > 61.
	if !CanWin(s, 3, st, "b", DriversChampionship) {
		t.Error("b can still win")
	}
	// c: 25 + 25 = 50 < 61.
	if CanWin(s, 3, st, "c", DriversChampionship) {
		t.Error("c cannot reach a")
	}
}

// A tie on points that the countback settles in the challenger's favour.
func TestCanWinOnCountback(t *testing.T) {
	// a has 25 (one win). b has 0 and one race left: b's best is 25 with
	// one win, and then the countback looks at second places: a has none,
	// b has none; third places ... a full tie is not a title.
	s := season(f1(t, 2025), make([]Round, 2), []Result{race(1, "a", "x", 1), race(1, "b", "y", 3)})
	s.Rounds[1].Completed = false
	st := Drivers(s, 1)
	// b: 15 now, best 40 > 25.
	if !CanWin(s, 1, st, "b", DriversChampionship) {
		t.Error("b can win")
	}
	// Exactly level: a 25 (a win), e 0 with a win to come: 25 each, one win
	// each, and e's 15th place against a's nothing: e ahead on countback.
	s = season(f1(t, 2025), make([]Round, 2), []Result{race(1, "a", "x", 1), race(1, "e", "y", 15)})
	s.Rounds[1].Completed = false
	st = Drivers(s, 1)
	if !CanWin(s, 1, st, "e", DriversChampionship) {
		t.Error("e draws level with a and wins on countback (a 15th place)")
	}
	// The same with e unplaced in round 1: a full tie, which is no title.
	s = season(f1(t, 2025), make([]Round, 2), []Result{race(1, "a", "x", 1), {Round: 1, Driver: "e", Team: "y", Status: DNF}})
	s.Rounds[1].Completed = false
	st = Drivers(s, 1)
	if CanWin(s, 1, st, "e", DriversChampionship) {
		t.Error("e can only tie a completely")
	}
}

// Under a best-car-only rule (constructors 1958-78) a team's second car
// scores nothing, but its place counts in the countback, as the standings
// count it: a team level on points and wins after a one-two in the last
// race is ahead, so it can still win. Found by FuzzPipeline.
func TestCanWinBestCarCountback(t *testing.T) {
	s := season(f1(t, 1961), make([]Round, 2), []Result{
		race(1, "a", "x", 1), {Round: 1, Driver: "b", Team: "x", Status: DNF},
		{Round: 1, Driver: "c", Team: "y", Status: DNF}, {Round: 1, Driver: "d", Team: "y", Status: DNF},
	})
	s.Rounds[1].Completed = false
	st := Standings(s, TeamsChampionship, 1)
	// x: 8 and a win; y: 0, and at best a one-two: 8, a win and a second.
	if !CanWin(s, 1, st, "y", TeamsChampionship) {
		t.Error("y can still win: level with x on points and wins, ahead on second places")
	}
	if best := BestCase(s, 1, st[1], TeamsChampionship); best.Points != 8 || len(best.Places) < 2 || best.Places[1] != 1 {
		t.Errorf("y's best case %v points, places %v: want 8 with a win and a second", best.Points, best.Places)
	}
}

// Dropped scores: the leader's extra finishes no longer count, and a
// rival's future wins replace their worst results.
func TestCanWinDroppedScores(t *testing.T) {
	sys := f1(t, 1988) // best 11
	var rounds []Round
	var res []Result
	for r := 1; r <= 14; r++ {
		rounds = append(rounds, Round{})
		if r <= 12 {
			res = append(res, race(r, "p", "x", 1)) // 12 wins: counted 99
			res = append(res, race(r, "s", "y", 2)) // 12 seconds: counted 66
		}
	}
	s := season(sys, rounds, res)
	s.Rounds[12].Completed, s.Rounds[13].Completed = false, false
	st := Drivers(s, 12)
	b := BestCase(s, 12, st[1], DriversChampionship)
	// s's best: two wins replace two seconds: 66 - 12 + 18 = 72.
	if !near(b.Points, 72) || CanWin(s, 12, st, "s", DriversChampionship) {
		t.Errorf("s's best case %v counted; can win %v", b.Points, CanWin(s, 12, st, "s", DriversChampionship))
	}
}

func TestHalfPointsAndDecided(t *testing.T) {
	// A half-points round already run counts half; a round to come counts
	// in full, whatever the calendar will later say.
	s := season(f1(t, 2021), []Round{{Distance: 0.5}, {}, {}}, []Result{
		race(1, "a", "x", 1), race(1, "b", "y", 2), race(2, "a", "x", 1), race(2, "b", "y", 2), race(3, "a", "x", 1),
	})
	cut, err := s.After(2)
	if err != nil {
		t.Fatal(err)
	}
	if cut.Rounds[2].Distance != 1 {
		t.Errorf("a round to come keeps distance %v", cut.Rounds[2].Distance)
	}
	// a: 12.5+25 = 37.5; b: 9+18 = 27; b's best 27+26 = 53: open.
	if ok, _ := Decided(cut, 2, DriversChampionship); ok {
		t.Error("decided too early")
	}
	if ok, leader := Decided(s, 3, DriversChampionship); !ok || leader != "a" {
		t.Errorf("after the last round: decided %v leader %s", ok, leader)
	}
}

// Three rivals cannot all pass a driver when they would need the same
// wins: worst position counts the places they must share.
func TestWorstPositionSharedWins(t *testing.T) {
	// x has 50. a, b, c have 30 each and one race is left (25 to the
	// winner): each alone could pass x, but only the winner can.
	s := season(f1(t, 2025), make([]Round, 3), []Result{
		race(1, "x", "t1", 1), race(2, "x", "t1", 1),
		race(1, "a", "t2", 2), race(2, "a", "t2", 6),
		race(1, "b", "t3", 3), race(2, "b", "t3", 4),
		race(1, "c", "t4", 4), race(2, "c", "t4", 3),
	})
	s.Rounds[2].Completed = false
	st := Drivers(s, 2)
	// x 50; a 18+8 = 26; b 15+12 = 27; c 12+15 = 27.
	lo, hi := WorstPosition(s, 2, st, "x", DriversChampionship)
	if hi != 2 || lo != 2 {
		t.Errorf("worst position %d..%d, want exactly 2: only the winner can pass", lo, hi)
	}
	if p := BestPosition(s, 2, st, "c", DriversChampionship); p != 1 {
		t.Errorf("c's best position %d, want 1", p)
	}
	// With two races left all three can pass: a wins one and b the other,
	// and c's third and second (15 + 18) take it to 60.
	s.Rounds = append(s.Rounds, Round{Number: 4, Multiplier: 1, Distance: 1})
	st = Drivers(s, 2)
	lo, hi = WorstPosition(s, 2, st, "x", DriversChampionship)
	if lo != 4 || hi != 4 {
		t.Errorf("two races left: worst position %d..%d, want exactly 4", lo, hi)
	}
}

func TestEarliestClinch(t *testing.T) {
	// a leads b by 25 with three races left: a clinches at the earliest
	// after round 2 (two more wins: 75 against b's best 25 + 26).
	s := season(f1(t, 2025), make([]Round, 4), []Result{race(1, "a", "x", 1), race(1, "b", "y", 11)})
	for i := 1; i < 4; i++ {
		s.Rounds[i].Completed = false
	}
	// After round 1: a 25, b 0. If a wins round 2: 50 against b's best of
	// 50 with two wins each and b's 11th place: open. After round 3, 75
	// against at most 50: decided.
	st := Drivers(s, 1)
	if r := EarliestClinch(s, 1, st, "a", DriversChampionship); r != 3 {
		t.Errorf("a's earliest clinch: round %d, want 3", r)
	}
	// b wins rounds 2 and 3 (50 to 25): a's best is a tie at 50 with two
	// wins each, and b's 11th place settles the countback: round 3.
	if r := EarliestClinch(s, 1, st, "b", DriversChampionship); r != 3 {
		t.Errorf("b's earliest clinch: round %d, want 3", r)
	}
}

func TestNextRoundCondition(t *testing.T) {
	// a 60, b 40, two races left (26 each with no fastest lap in 2025:
	// 25). b stays alive after the next race if it outscores a by enough
	// that a's lead is at most 25 with a win still to come for b.
	s := season(f1(t, 2025), make([]Round, 4), []Result{
		race(1, "a", "x", 1), race(1, "b", "y", 2), race(2, "a", "x", 1), race(2, "b", "y", 3),
	})
	s.Rounds[2].Completed, s.Rounds[3].Completed = false, false
	// a 50, b 33: lead 17. After round 3 the lead must be < 25 for b to be
	// able to pass, or 25 with b ahead on countback.
	c := NextRoundCondition(s, 2, DriversChampionship)
	if !c.Possible || len(c.Rivals) != 1 || c.Rivals[0].ID != "b" {
		t.Fatalf("condition: %+v", c)
	}
	if got, want := c.Describe(func(id string) string { return id }), "a clinches in  unless b loses no more than 7 points to a there."; got != want {
		t.Errorf("Describe: %q, want %q", got, want)
	}
	// b is eliminated when the lead reaches 25 or more (b then has at most
	// 1 win to a's 2 or more): b must not lose more than 8 points to a... so
	// b stays alive iff b's gain - a's gain >= -7.
	if c.Rivals[0].Gap != -7 || !c.Rivals[0].Exact {
		t.Errorf("gap %v exact %v, want -7 exactly", c.Rivals[0].Gap, c.Rivals[0].Exact)
	}
}
