package points

import (
	"reflect"
	"testing"
)

func TestNearest(t *testing.T) {
	ids := []string{"max-verstappen", "sergio-perez", "lando-norris", "charles-leclerc", "carlos-sainz", "oliver-bearman"}
	for _, c := range []struct {
		word string
		want []string
	}{
		{"verstappen", []string{"max-verstappen"}},
		{"max-verstapen", []string{"max-verstappen"}},
		{"perez", []string{"sergio-perez"}},
		{"leclerk", []string{"charles-leclerc"}},
		{"hamilton", nil},
		{"", nil},
		{"max-verstappen", nil}, // itself is no suggestion
	} {
		if got := Nearest(c.word, ids); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Nearest(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	if got := Nearest("sim", []string{"sims", "seed", "season", "system"}); !reflect.DeepEqual(got, []string{"sims"}) {
		t.Errorf("Nearest(sim) = %q", got)
	}
	if got := Suggest("f1-20244", []string{"f1-2024", "f1-2023", "wec-2024"}); got != "did you mean f1-2024 or f1-2023?" {
		t.Errorf("Suggest = %q", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"pérez", "perez", 1}, {"abc", "abc", 0}} {
		if got := editDistance(c.a, c.b); got != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
