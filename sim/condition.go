package sim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/champ-dev/champ/points"
)

// Conditioned projections. Fixed results (points.Fix) apply inside every
// simulated season: the model draws the session as usual, then the fixed
// drivers are taken out of the order and put where the fixes say, and the
// other drivers keep the order the model drew among themselves. Under
// Plackett–Luce that is the model's own law for the others: the relative
// order of any subset of an exponential race is a Plackett–Luce draw over
// that subset. In order:
//
//   - DNF: the driver retires.
//   - A range (4-6, 11-): the driver keeps his drawn place, moved into the
//     range if it falls outside (a drawn retirement counts as last).
//   - A position: the driver finishes exactly there; if fewer drivers were
//     classified, drivers the draw had retired are classified, in the drawn
//     order, to fill the places above.
//   - Ahead of: when the draw has them the wrong way round, the two swap
//     places.
//
// A fastest lap fixed to a driver is his; otherwise the model draws it
// again until it falls to a classified driver. A pole, a led lap or the
// most laps led fixed to a driver are his (the most laps led implies a led
// lap); the others are drawn by place as ever.
//
// Drivers who do not race a session (entries) are taken out before all
// that and put last, never classified; a sampler that can (every model
// on fields of up to 64) retires them in the draw itself, so that the
// kernel and the full path draw the same numbers.

// rule is a compiled fix on one session.
type rule struct {
	kind     points.FixKind
	d, other int // field indices
	pos      int // 0-based
	from, to int // 0-based, inclusive
}

// conditions are the fixes of a projection, per remaining session.
type conditions struct {
	rules  [][]rule
	fl     []int       // per session: the field index fixed to the fastest lap, or -1
	bonus  []*bonusFix // per session: the by-place bonuses fixed, or nil
	at     [][]int     // per session and place: the driver fixed there, or -1
	exact  []int       // per session: how many drivers have a fixed place
	need   []int       // per session: the lowest fixed place, plus one
	absent [][]int     // per session: the drivers not racing
	field  int         // the field's size
}

// fixed reports whether session s has fixes of its own (not only
// drivers who do not race).
func (cd *conditions) fixed(s int) bool {
	return cd != nil && (len(cd.rules[s]) > 0 || cd.fl[s] >= 0 || cd.bonus[s] != nil)
}

// carFixes turns fixes of a season raced by cars into fixes of its cars:
// a fix may name the car (6 or #6) or a driver of its crew at that round.
func (c *compiled) carFixes(fixes []points.Fix) ([]points.Fix, error) {
	out := slices.Clone(fixes)
	for i := range out {
		f := &out[i]
		for _, id := range []*string{&f.Driver, &f.Other} {
			if *id == "" {
				continue
			}
			v := strings.TrimPrefix(*id, "#")
			if slices.Contains(c.field, v) {
				*id = v
				continue
			}
			car := ""
			for _, x := range c.field {
				if slices.Contains(c.season.CrewAt(f.Round, x, c.after), *id) {
					car = x
				}
			}
			if car == "" {
				return nil, fmt.Errorf("%s: %s: %s is neither a car of the field (%s) nor in a car's crew at round %d", f.Source, fixes[i], *id, strings.Join(c.field, ", "), f.Round)
			}
			*id = car
		}
	}
	return out, nil
}

// compileFixes checks the fixes against the season and the field and
// arranges them by session.
func (c *compiled) compileFixes(fixes []points.Fix) (*conditions, error) {
	check := c.season
	if c.fold != nil {
		var err error
		if fixes, err = c.carFixes(fixes); err != nil {
			return nil, err
		}
		check = carSeason(c.season)
	}
	if err := points.CheckFixes(check, c.after, fixes); err != nil {
		return nil, err
	}
	idx := map[string]int{}
	for i, id := range c.field {
		idx[id] = i
	}
	ns := len(c.sessions)
	cd := &conditions{rules: make([][]rule, ns), fl: make([]int, ns), bonus: make([]*bonusFix, ns), at: make([][]int, ns), exact: make([]int, ns),
		need: make([]int, ns), absent: c.absent, field: len(c.field)}
	for i := range cd.fl {
		cd.fl[i] = -1
		cd.at[i] = slices.Repeat([]int{-1}, len(c.field))
	}
	for _, f := range fixes {
		s := slices.IndexFunc(c.sessions, func(ss session) bool {
			return ss.round == f.Round-1 && ss.kind == f.Session
		})
		if s < 0 {
			return nil, fmt.Errorf("%s: %s: no such session to run", f.Source, f)
		}
		r := rule{kind: f.Kind, pos: f.Position - 1, from: f.From - 1, to: f.To - 1}
		if f.To == 0 {
			r.to = len(c.field) - 1
		}
		var ok bool
		if r.d, ok = idx[f.Driver]; !ok {
			return nil, fmt.Errorf("%s: %s: %s is not in the field (the drivers of round %d, who race every remaining session)", f.Source, f, f.Driver, c.fieldRound)
		}
		if f.Kind == points.FixAhead {
			if r.other, ok = idx[f.Other]; !ok {
				return nil, fmt.Errorf("%s: %s: %s is not in the field (the drivers of round %d)", f.Source, f, f.Other, c.fieldRound)
			}
		}
		if !c.racing(s, r.d) {
			return nil, fmt.Errorf("%s: %s: %s does not race in round %d (see the entries)", f.Source, f, f.Driver, f.Round)
		}
		if f.Kind == points.FixAhead && !c.racing(s, r.other) {
			return nil, fmt.Errorf("%s: %s: %s does not race in round %d (see the entries)", f.Source, f, f.Other, f.Round)
		}
		if f.Kind == points.FixPosition && r.pos >= len(c.field)-len(c.absent[s]) {
			return nil, fmt.Errorf("%s: %s: the field has %d drivers", f.Source, f, len(c.field)-len(c.absent[s]))
		}
		if f.FastestLap {
			cd.fl[s] = r.d
		}
		if f.Pole || f.LedLap || f.MostLapsLed {
			if cd.bonus[s] == nil {
				cd.bonus[s] = &bonusFix{pole: -1, most: -1}
			}
			b := cd.bonus[s]
			if f.Pole {
				b.pole = r.d
			}
			if f.MostLapsLed {
				b.most = r.d
			}
			if f.LedLap {
				b.led = append(b.led, r.d)
			}
		}
		if f.Kind == points.FixBonus {
			continue // a bonus only: the place is the model's
		}
		if f.Kind == points.FixPosition {
			cd.at[s][r.pos] = r.d
			cd.exact[s]++
			cd.need[s] = max(cd.need[s], r.pos+1)
		}
		cd.rules[s] = append(cd.rules[s], r)
	}
	return cd, nil
}

// condSampler applies conditions to another sampler's sessions.
type condSampler struct {
	inner   Sampler
	absent  absentSetter // inner, where it retires absent drivers itself
	cd      *conditions
	session int // the next session of the season
	cur     int // the session last ordered
	out     []int
	n       int
	sc      applyScratch
}

// applyScratch is the room apply works in, each slice at most the field.
type applyScratch struct {
	in, ret, order, dnf []int
	ranged              []placed
	fixed               []bool
}

func newApplyScratch(n int) applyScratch {
	return applyScratch{in: make([]int, 0, n), ret: make([]int, 0, n), order: make([]int, 0, n),
		dnf: make([]int, 0, n), ranged: make([]placed, 0, n), fixed: make([]bool, n)}
}

// absentSetter is a sampler that retires the drivers who do not race in
// the draw itself.
type absentSetter interface {
	setAbsent(mask uint64) bool
}

// fastestLapper draws a session's fastest lap.
type fastestLapper interface {
	FastestLap(g *Gen) int
}

// placed is a driver and a place (0-based).
type placed struct{ d, pos int }

// conditions compiles the projection's fixes and entries, or returns nil
// when there are none.
func (c *compiled) conditions(cfg Config) (*conditions, error) {
	if len(cfg.Fixes) == 0 && !c.entries {
		return nil, nil
	}
	return c.compileFixes(cfg.Fixes)
}

func (cd *conditions) wrap(s Sampler, n int) Sampler {
	c := &condSampler{inner: s, cd: cd, sc: newApplyScratch(n)}
	c.absent, _ = s.(absentSetter)
	return c
}

func (c *condSampler) Begin(g *Gen) {
	c.session = 0
	c.inner.Begin(g)
}

func (c *condSampler) Order(g *Gen, out []int) int {
	s := c.session
	if c.absent != nil {
		c.absent.setAbsent(c.cd.absentMask(s))
	}
	n := c.inner.Order(g, out)
	if len(c.cd.rules[s]) > 0 || len(c.cd.absent[s]) > 0 {
		n = c.cd.apply(s, out, n, &c.sc)
	}
	c.out, c.n, c.cur = out, n, s
	c.session++
	return n
}

func (c *condSampler) FastestLap(g *Gen) int {
	return c.cd.fastestLap(g, c.inner, c.cur, c.out, c.n)
}

// bonusFix is session s's fixed by-place bonuses, or nil.
func (cd *conditions) bonusFix(s int) *bonusFix {
	if cd == nil {
		return nil
	}
	return cd.bonus[s]
}

// absentMask is session s's drivers who do not race, as bits.
func (cd *conditions) absentMask(s int) uint64 {
	var m uint64
	for _, d := range cd.absent[s] {
		m |= 1 << (d & 63)
	}
	return m
}

// fastestLap is session s's fastest lap, of a driver classified in out's
// first n: the one fixed, or inner's draw, again while it falls on a
// driver not classified (at most 64 times; then the winner's).
func (cd *conditions) fastestLap(g *Gen, inner fastestLapper, s int, out []int, n int) int {
	if d := cd.fl[s]; d >= 0 {
		return d
	}
	for range 64 {
		d := inner.FastestLap(g)
		if slices.Contains(out[:n], d) {
			return d
		}
	}
	return out[0]
}

// apply imposes session s's rules on a drawn order out, whose first n
// drivers are classified, and returns the new number classified.
func (cd *conditions) apply(s int, out []int, n int, c *applyScratch) int {
	rs, at, exact := cd.rules[s], cd.at[s], cd.exact[s]
	clear(c.fixed)
	for _, d := range cd.absent[s] {
		c.fixed[d] = true
	}
	in, ret, dnf, ranged := c.in[:0], c.ret[:0], c.dnf[:0], c.ranged[:0]
	for _, r := range rs {
		switch r.kind {
		case points.FixDNF:
			c.fixed[r.d] = true
			dnf = append(dnf, r.d)
		case points.FixPosition:
			c.fixed[r.d] = true
		case points.FixRange:
			c.fixed[r.d] = true
			drawn := slices.Index(out[:n], r.d) // a retirement counts as last
			if drawn < 0 {
				drawn = len(out)
			}
			ranged = append(ranged, placed{r.d, min(max(drawn, r.from), r.to)})
		}
	}
	for i, d := range out {
		if c.fixed[d] {
			continue
		}
		if i < n {
			in = append(in, d)
		} else {
			ret = append(ret, d)
		}
	}
	// Ranges first, at their clamped places among the others.
	for _, p := range ranged {
		in = slices.Insert(in, min(p.pos, len(in)), p.d)
	}
	// Exact places: fill from the drawn retirements if the field
	// classified falls short of the lowest fixed place.
	promoted := 0
	for len(in)+exact < cd.need[s] && promoted < len(ret) {
		in = append(in, ret[promoted])
		promoted++
	}
	order := c.order[:0]
	k := 0
	for slot := 0; slot < len(in)+exact; slot++ {
		d := at[slot]
		if d < 0 {
			if k == len(in) {
				continue
			}
			d = in[k]
			k++
		}
		order = append(order, d)
	}
	classified := len(order)
	order = append(order, ret[promoted:]...)
	order = append(order, dnf...)
	order = append(order, cd.absent[s]...)
	copy(out, order)
	// Ahead-of rules: swap until each holds (a few passes at most).
	for range len(rs) + 1 {
		swapped := false
		for _, r := range rs {
			if r.kind != points.FixAhead {
				continue
			}
			i, j := slices.Index(out, r.d), slices.Index(out, r.other)
			if i > j {
				out[i], out[j] = out[j], out[i]
				swapped = true
			}
		}
		if !swapped {
			break
		}
	}
	c.in, c.ret, c.order, c.dnf, c.ranged = in[:0], ret[:0], order[:0], dnf[:0], ranged[:0]
	return classified
}
