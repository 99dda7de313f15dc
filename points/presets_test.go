package points

import (
	"strings"
	"testing"
)

// weekend is a real race weekend: its sessions' results (only the drivers
// whose official points are known), and those points.
type weekend struct {
	name   string
	system string
	// round is the weekend's calendar row; a scheduled round follows it
	// where it must not be the season's last (a final-round multiplier).
	round  Round
	last   bool
	rows   []string // "session driver car position [flags]", flags pole, led, most, fl
	points map[string]float64
	// champ and want check another championship's points at the weekend.
	champ string
	want  map[string]float64
}

// parseRows turns "race rossi 98 1 led" lines into results of round 1.
func parseRows(t *testing.T, rows []string) []Result {
	t.Helper()
	var out []Result
	for _, l := range rows {
		f := strings.Fields(l)
		kind, err := ParseSession(f[0])
		if err != nil {
			t.Fatal(err)
		}
		r := Result{Round: 1, Session: kind, Driver: f[1], Car: f[2], Team: "team-" + f[2], Make: "make-" + f[2]}
		if st, ok := ParseStatus(f[3]); ok {
			r.Status = st
		} else {
			var n int
			for _, c := range f[3] {
				n = 10*n + int(c-'0')
			}
			r.Position = n
		}
		for _, flag := range f[4:] {
			switch flag {
			case "pole":
				r.Pole = true
			case "led":
				r.LedLap = true
			case "most":
				r.MostLapsLed = true
			case "fl":
				r.FastestLap = true
			default:
				t.Fatalf("flag %q", flag)
			}
		}
		out = append(out, r)
	}
	return out
}

// Every preset scores a real weekend as the official results did. The
// points come from published standings before and after the weekend (or
// the official event points); the sources are cited per case.
func TestPresetsOnRealWeekends(t *testing.T) {
	cases := []weekend{
		{
			// 2016 Indianapolis 500: double points, qualifying 42-40-...; NBC's
			// standings before and after (Rossi 79 -> 203, Muñoz 84 -> 199,
			// Newgarden 100 -> 211, Montoya 160 -> 187, Hunter-Reay 109 -> 162).
			name: "indycar-2016 Indianapolis 500", system: "indycar-2016",
			round: Round{Name: "Indianapolis 500", Multiplier: 2, Qualifying: "indy500"},
			rows: []string{
				"race rossi 98 1 led", "qualifying rossi 98 11",
				"race munoz 26 2 led", "qualifying munoz 26 5",
				"race newgarden 21 3 led", "qualifying newgarden 21 2",
				"race montoya 2 33", "qualifying montoya 2 17",
				"race hunter-reay 28 24 led most", "qualifying hunter-reay 28 3",
			},
			points: map[string]float64{"rossi": 124, "munoz": 115, "newgarden": 111, "montoya": 27, "hunter-reay": 53},
			champ:  "entrants", want: map[string]float64{"98": 124, "28": 53},
		},
		{
			// 2017 Sonoma finale, double points: Newgarden 560 -> 642 (pole,
			// 2nd, led), Pagenaud 526 -> 629 (won, led the most), Dixon
			// 557 -> 621 (4th) (NBC, indycar.com).
			name: "indycar-2017 Sonoma", system: "indycar-2017", round: Round{Name: "Sonoma"}, last: true,
			rows:   []string{"race newgarden 2 2 pole led", "race pagenaud 1 1 led most", "race dixon 9 4"},
			points: map[string]float64{"newgarden": 82, "pagenaud": 103, "dixon": 64},
		},
		{
			// 2018 Sonoma finale: Hunter-Reay 462 -> 566 from pole, leading
			// 80 of 85 laps; Dixon 598 -> 678 (2nd); Rossi 569 -> 621 (7th).
			name: "indycar-2018 Sonoma", system: "indycar-2018", round: Round{Name: "Sonoma"}, last: true,
			rows:   []string{"race hunter-reay 28 1 pole led most", "race dixon 9 2", "race rossi 27 7"},
			points: map[string]float64{"hunter-reay": 104, "dixon": 80, "rossi": 52},
		},
		{
			// 2019 Laguna Seca finale: Newgarden 593 -> 641 (8th), Rossi
			// 552 -> 608 (6th), Dixon 508 -> 578 (3rd, led no lap).
			name: "indycar-2019 Laguna Seca", system: "indycar-2019", round: Round{Name: "Laguna Seca"}, last: true,
			rows:   []string{"race newgarden 2 8", "race rossi 27 6", "race dixon 9 3", "race herta 88 1 pole led most"},
			points: map[string]float64{"newgarden": 48, "rossi": 56, "dixon": 70},
		},
		{
			// 2022 Indianapolis 500: double points and qualifying 12..1; the
			// race report's published points (Ericsson 109, O'Ward 87,
			// Kanaan 78, Rosenqvist 69, Rossi 60, Palou 56).
			name: "indycar-2022 Indianapolis 500", system: "indycar-2022",
			round: Round{Name: "Indianapolis 500", Multiplier: 2, Qualifying: "indy500"},
			rows: []string{
				"race ericsson 8 1 led", "qualifying ericsson 8 5",
				"race oward 5 2 led", "qualifying oward 5 7",
				"race kanaan 1 3 led", "qualifying kanaan 1 6",
				"race rosenqvist 6 4", "qualifying rosenqvist 6 8",
				"race rossi 27 5", "qualifying rossi 27 20",
				"race palou 10 9 led", "qualifying palou 10 2",
				"race dixon 9 21 led most", "qualifying dixon 9 1",
			},
			points: map[string]float64{"ericsson": 109, "oward": 87, "kanaan": 78, "rosenqvist": 69, "rossi": 60, "palou": 56},
		},
		{
			// 2023 Indianapolis 500, single points: Palou 174 -> 219 from
			// pole without a pole point, O'Ward 168 -> 185 (24th, most laps
			// led), Rossi 108 -> 145, Kanaan 0 -> 18 (crash.net, team release).
			name: "indycar-2023 Indianapolis 500", system: "indycar-2023", round: Round{Name: "Indianapolis 500", Qualifying: "indy500"},
			rows: []string{
				"race palou 10 4 led", "qualifying palou 10 1",
				"race oward 5 24 led most", "qualifying oward 5 5",
				"race rossi 7 5 led", "qualifying rossi 7 7",
				"race kanaan 66 16", "qualifying kanaan 66 9",
			},
			points: map[string]float64{"palou": 45, "oward": 17, "rossi": 37, "kanaan": 18},
		},
		{
			// 2024 St. Petersburg: O'Ward won after Newgarden's
			// disqualification; Newgarden kept his pole point (the official
			// sheet: 50 and 1). The whole 2024 season is checked in data.
			name: "indycar-2024 St. Petersburg", system: "indycar-2024", round: Round{Name: "St. Petersburg"},
			rows:   []string{"race oward 5 1", "race herta 26 3 led", "race newgarden 2 DSQ pole", "race mclaughlin 3 DSQ"},
			points: map[string]float64{"oward": 50, "herta": 36, "newgarden": 1, "mclaughlin": 0},
		},
		{
			// 2024 London E-Prix, race 1: Wehrlein won (155 -> 180), Evans
			// took pole and the fastest lap in 2nd (155 -> 177), Cassidy 7th
			// (167 -> 173).
			name: "formula-e London 2024 race 1", system: "formula-e", round: Round{Name: "London 1"},
			rows:   []string{"race wehrlein 94 1", "race evans 9 2 pole fl", "race cassidy 37 7"},
			points: map[string]float64{"wehrlein": 25, "evans": 22, "cassidy": 6},
		},
		{
			// London race 2: Rowland won, Wehrlein 2nd (180 -> 199, the
			// fastest lap's point included), Evans 3rd (177 -> 192),
			// Cassidy on pole and out (173 -> 176).
			name: "formula-e London 2024 race 2", system: "formula-e", round: Round{Name: "London 2"},
			rows:   []string{"race rowland 22 1", "race wehrlein 94 2 fl", "race evans 9 3", "race cassidy 37 DNF pole"},
			points: map[string]float64{"rowland": 25, "wehrlein": 19, "evans": 15, "cassidy": 3},
		},
		{
			// 2024 Solidarity GP (Barcelona): Bagnaia won the sprint and the
			// race (461 -> 498), Martin 3rd in both (485 -> 508, champion);
			// Ducati bikes both times, so Ducati's best bike scored 12 + 25.
			name: "motogp Barcelona 2024", system: "motogp", round: Round{Name: "Barcelona", Sprint: true}, last: true,
			rows:   []string{"sprint bagnaia 1 1", "sprint martin 89 3", "race bagnaia 1 1", "race martin 89 3"},
			points: map[string]float64{"bagnaia": 37, "martin": 23},
		},
		{
			// 2024 24 Hours of Le Mans, Hypercar: #50 Ferrari won (Fuoco,
			// Molina, Nielsen: 50 each), #7 Toyota 2nd (López, Kobayashi,
			// de Vries: 36 each), #6 Porsche on pole and 4th (24 + 1).
			name: "wec-hypercar Le Mans 2024", system: "wec-hypercar", round: Round{Name: "Le Mans", Table: "le-mans"},
			rows: []string{"race fuoco 50 1", "race molina 50 1", "race nielsen 50 1", "race lopez 7 2", "race kobayashi 7 2", "race de-vries 7 2",
				"race estre 6 4 pole", "race lotterer 6 4 pole", "race vanthoor 6 4 pole"},
			points: map[string]float64{"fuoco": 50, "molina": 50, "nielsen": 50, "kobayashi": 36, "estre": 25, "vanthoor": 25},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sys, err := Lookup(c.system)
			if err != nil {
				t.Fatal(err)
			}
			rounds := []Round{c.round}
			if !c.last {
				rounds = append(rounds, Round{Name: "later"})
			}
			s := season(sys, rounds, parseRows(t, c.rows))
			if !c.last {
				s.Rounds[1].Completed = false
			}
			got := map[string]float64{}
			for _, st := range Drivers(s, 1) {
				got[st.ID] = st.Points
			}
			for id, want := range c.points {
				if got[id] != want {
					t.Errorf("%s: %v points, officially %v", id, got[id], want)
				}
			}
			if c.champ != "" {
				got := map[string]float64{}
				for _, st := range Standings(s, c.champ, 1) {
					got[st.ID] = st.Points
				}
				for id, want := range c.want {
					if got[id] != want {
						t.Errorf("%s %s: %v points, want %v", c.champ, id, got[id], want)
					}
				}
			}
		})
	}
}

// MotoGP's constructors' championship scores each manufacturer's best
// bike only, in sprints and races.
func TestMotoGPConstructors(t *testing.T) {
	sys, _ := Lookup("motogp")
	res := parseRows(t, []string{"sprint a 1 1", "sprint b 2 2", "sprint c 3 3", "race a 1 2", "race b 2 1", "race c 3 5"})
	res[1].Make, res[4].Make = res[0].Make, res[0].Make // a and b ride the same make
	s := season(sys, []Round{{Sprint: true}}, res)
	got := map[string]float64{}
	for _, st := range Standings(s, "constructors", 1) {
		got[st.ID] = st.Points
	}
	// make-1: the sprint's winner (12) and the race's (25); make-3: 7 + 11.
	if got["make-1"] != 37 || got["make-3"] != 18 {
		t.Errorf("constructors %v, want make-1 37 and make-3 18", got)
	}
}

// Every id Lookup lists resolves, and the aliases are the latest rules.
func TestLookupPresets(t *testing.T) {
	for _, id := range []string{"f1", "f1-1950", "indycar", "indycar-2016", "indycar-2022", "motogp", "formula-e", "wec-hypercar"} {
		if _, err := Lookup(id); err != nil {
			t.Errorf("%s: %v", id, err)
		}
	}
	if s, _ := Lookup("indycar"); s.ID != "indycar-2024" {
		t.Errorf("indycar is %s", s.ID)
	}
	for _, id := range []string{"indycar-2020", "indycar-2015", "f1-1949"} {
		if _, err := Lookup(id); err == nil {
			t.Errorf("%s: no error", id)
		}
	}
}
