package data

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/champ-dev/champ/points"
)

// Every published standings figure of WEC 2024 in the fact tables'
// standings_check.csv (drivers, manufacturers, the privateers' World Cup
// after rounds 2 and 4 to 8) is what champ computes from the results, and
// so are the oracles of the Hypercar rules after Le Mans and at the end.
func TestWEC2024Standings(t *testing.T) {
	dir := sharedData(t, filepath.Join("wec", "2024"))
	s, err := ReadWEC(dir)
	if err != nil {
		t.Fatal(err)
	}
	table := map[string]map[string]float64{} // "championship/after" -> id -> points
	get := func(champ string, n int) map[string]float64 {
		k := champ + "/" + strconv.Itoa(n)
		if table[k] == nil {
			table[k] = map[string]float64{}
			for _, st := range points.Standings(s, champ, n) {
				table[k][st.ID] = st.Points
			}
		}
		return table[k]
	}
	crewOf := func(car string, n int, surname string) []string {
		var ids []string
		for _, r := range s.Results {
			if (car == "" || r.Car == car) && r.Round <= n && nameIs(s.DriverName(r.Driver), surname) && !contains(ids, r.Driver) {
				ids = append(ids, r.Driver)
			}
		}
		return ids
	}
	crew := regexp.MustCompile(`^car (\d+) \((.*)\)$`)
	checked := 0
	for _, row := range readCSV(t, filepath.Join(dir, "standings_check.csv")) {
		if row["computed_points"] == "" {
			continue // provisional, before a later disqualification
		}
		n, _ := strconv.Atoi(row["after_round"])
		want, _ := strconv.ParseFloat(row["official_points"], 64)
		switch row["championship"] {
		case "drivers":
			m := crew.FindStringSubmatch(row["entity"])
			if m == nil { // names only: "Kobayashi/de Vries", "Mike Conway"
				m = []string{"", "", row["entity"]}
			}
			for _, surname := range strings.Split(m[2], "/") {
				ids := crewOf(m[1], n, surname)
				if len(ids) != 1 {
					t.Errorf("after %d: %q of car %s matches drivers %v", n, surname, m[1], ids)
					continue
				}
				checked++
				if got := get(points.DriversChampionship, n)[ids[0]]; got != want {
					t.Errorf("drivers after round %d: %s %v, published %v", n, ids[0], got, want)
				}
			}
		case "manufacturers":
			checked++
			if got := get("manufacturers", n)[Slug(row["entity"])]; got != want {
				t.Errorf("manufacturers after round %d: %s %v, published %v", n, row["entity"], got, want)
			}
		case "hwc":
			checked++
			if got := get(points.TeamsChampionship, n)[row["entity"]]; got != want {
				t.Errorf("World Cup after round %d: car %s %v, published %v", n, row["entity"], got, want)
			}
		default:
			t.Errorf("unknown championship %q", row["championship"])
		}
	}
	if checked < 100 {
		t.Errorf("checked %d figures; the table has more", checked)
	}
	for _, c := range []struct {
		champ string
		after int
		want  map[string]float64
	}{
		{"drivers", 4, map[string]float64{"kevin-estre": 99, "andre-lotterer": 99, "laurens-vanthoor": 99, "antonio-fuoco": 90, "miguel-molina": 90, "nicklas-nielsen": 90, "kamui-kobayashi": 82, "nyck-de-vries": 82}},
		{"manufacturers", 4, map[string]float64{"porsche": 108, "ferrari": 99, "toyota": 96}},
		{"drivers", 8, map[string]float64{"kevin-estre": 152, "antonio-fuoco": 115, "kamui-kobayashi": 113, "mike-conway": 77, "sebastien-buemi": 109}},
		{"manufacturers", 8, map[string]float64{"toyota": 190, "porsche": 188, "ferrari": 137}},
	} {
		for id, want := range c.want {
			if got := get(c.champ, c.after)[id]; got != want {
				t.Errorf("%s after round %d: %s %v, want %v", c.champ, c.after, id, got, want)
			}
		}
	}
}

// nameIs reports whether name is x or ends with the surname x.
func nameIs(name, x string) bool {
	name, x = strings.ToLower(name), strings.ToLower(x)
	return name == x || strings.HasSuffix(name, " "+x)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// The built-in WEC 2024 is what `champ import wec` makes of the fact
// tables.
func TestWEC2024Embedded(t *testing.T) {
	dir := sharedData(t, filepath.Join("wec", "2024"))
	fresh, err := ReadWEC(dir)
	if err != nil {
		t.Fatal(err)
	}
	checkEmbedded(t, "wec-2024", fresh, "champ import wec", SeasonFile, CalendarFile, ResultsFile, CrewsFile)
}

func TestTimingName(t *testing.T) {
	for in, want := range map[string]string{
		"Kévin ESTRE": "Kévin Estre", "Nyck DE VRIES": "Nyck de Vries", "Kelvin VAN DER LINDE": "Kelvin van der Linde",
		"Jose Maria LOPEZ": "Jose Maria Lopez", "Jean-Eric VERGNE": "Jean-Eric Vergne", "Pato O'WARD": "Pato O'Ward",
		"Antonio Giovinazzi": "Antonio Giovinazzi", "Ye YIFEI": "Ye Yifei",
	} {
		if got := TimingName(in); got != want {
			t.Errorf("TimingName(%q) = %q, want %q", in, got, want)
		}
	}
}
