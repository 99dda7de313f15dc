package sim

import (
	"math"
	"sort"

	"github.com/champ-dev/champ/points"
)

func (c *compiled) report(t totals, n int, model string, seed uint64) *Projection {
	p := &Projection{Season: c.season, After: c.after, Model: model, Sims: n, Seed: seed, Races: c.races, Sprints: c.sprints, Step: float64(int64(1)<<c.binShift()) / c.scale}
	for k := range c.champs {
		ch := &c.champs[k]
		tb := Table{Championship: ch.def, Entries: entries(t.boards[k], n, ch.maxAdd, c.scale, ch.active), Ties: int(t.boards[k].tied)}
		tb.ChampionInside = championInside(t.boards[k], n)
		// The exact maths' best case is the tighter bound under dropped
		// scores; the simulator's own knows who races.
		best := points.BestCases(c.season, c.after, ch.st, ch.def.ID)
		for i := range tb.Entries {
			e := &tb.Entries[i]
			for j, st := range ch.st {
				if st.ID == e.ID && !st.Excluded && len(st.RoundPoints) > 0 {
					e.MaxPoints = math.Min(e.MaxPoints, best[j].Points)
				}
			}
		}
		for _, m := range ch.maxAdd {
			tb.Left = math.Max(tb.Left, float64(m)/c.scale)
		}
		if c.fold != nil && k == c.fold.champ {
			c.fold.crews(tb.Entries, ch.st, func(id string) string {
				car, round := "", 0
				for _, r := range c.season.Results {
					if r.Driver == id && r.Round <= c.after && r.Round >= round && r.Car != "" {
						car, round = r.Car, r.Round
					}
				}
				return car
			})
		}
		p.Tables = append(p.Tables, tb)
	}
	p.Drivers = p.Tables[0].Entries
	teams := c.season.DriverTeams(c.after)
	for i := range p.Drivers {
		p.Drivers[i].Team = teams[p.Drivers[i].ID]
		if t, ok := c.newTeam[p.Drivers[i].ID]; ok {
			p.Drivers[i].Team = t
		}
	}
	return p
}

func entries(b *board, n int, maxAdd []int64, scale float64, active []bool) []Entry {
	out := make([]Entry, len(b.cur))
	ne := len(b.cur)
	for e, st := range b.cur {
		en := Entry{
			ID: st.ID, Active: active[e], Points: st.Points,
			MaxPoints: st.Points + float64(maxAdd[e])/scale,
			Titles:    int(b.titles[e]), Ties: int(b.ties[e]),
		}
		if st.Excluded {
			en.MaxPoints = math.Inf(-1)
		}
		pr := float64(en.Titles) / float64(n)
		en.TitleProb = pr
		en.TitleSE = math.Sqrt(pr * (1 - pr) / float64(n))
		en.Mean = st.Points + float64(b.sum[e])/float64(n)/scale
		bins := b.bins[e*b.hist : (e+1)*b.hist]
		w := float64(int64(1)<<b.wshift) / scale
		en.P5 = st.Points + quantile(bins, n, 0.05)*w
		en.P50 = st.Points + quantile(bins, n, 0.50)*w
		en.P95 = st.Points + quantile(bins, n, 0.95)*w
		en.Gains = make([]float64, len(bins))
		for i, k := range bins {
			en.Gains[i] = float64(k) / float64(n)
		}
		en.Positions = make([]float64, ne)
		for r := range ne {
			en.Positions[r] = float64(b.pos[e*ne+r]) / float64(n)
		}
		out[e] = en
	}
	// By title probability, then by the current table.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Titles > out[j].Titles })
	return out
}

// championInside is the share of the seasons whose champion (the first
// of the final table) ended inside his own P5–P95 band, judged by the
// bins as a backtest judges them; 0 where the board did not tally it.
func championInside(b *board, n int) float64 {
	if b.champ == nil || n == 0 {
		return 0
	}
	var in int64
	for e := range b.cur {
		bins := b.bins[e*b.hist : (e+1)*b.hist]
		lo, hi := int(quantile(bins, n, 0.05)), int(quantile(bins, n, 0.95))
		for _, c := range b.champ[e*b.hist+lo : e*b.hist+hi+1] {
			in += c
		}
	}
	return float64(in) / float64(n)
}

// quantile returns the smallest bin whose cumulative count reaches q·n.
func quantile(bins []int64, n int, q float64) float64 {
	need := int64(math.Ceil(q * float64(n)))
	var acc int64
	for i, c := range bins {
		acc += c
		if acc >= need && acc > 0 {
			return float64(i)
		}
	}
	return float64(len(bins) - 1)
}
