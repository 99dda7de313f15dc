package sim

import "testing"

func TestBudgetSims(t *testing.T) {
	for _, c := range []struct {
		want        int
		draws, budg int64
		least, out  int
	}{
		{250_000, 600, DrawBudget, 1000, 250_000},  // Formula 1
		{250_000, 0, DrawBudget, 1000, 250_000},    // nothing to draw
		{250_000, 62_500, DrawBudget, 1000, 4800},  // 250 rounds of 250 cars
		{250_000, 500_000, DrawBudget, 1000, 1000}, // 500 rounds of 1000 cars
		{500, 500_000, DrawBudget, 1000, 500},      // never more than asked
		{250_000, 1 << 62, DrawBudget, 1000, 1000}, // no overflow
	} {
		if got := BudgetSims(c.want, c.draws, c.budg, c.least); got != c.out {
			t.Errorf("BudgetSims(%d, %d, %d, %d) = %d, want %d", c.want, c.draws, c.budg, c.least, got, c.out)
		}
	}
}
