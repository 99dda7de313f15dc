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
//     range if it falls outside (a drawn retirement counts as last). The
//     ranges of a session hold together: where they crowd each other
//     (1-2 and 1-2), a ranged driver takes a place before his drawn one
//     when otherwise the ranges left could not all be met.
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
	bySession := make([][]points.Fix, len(c.sessions))
	for _, f := range fixes {
		s := slices.IndexFunc(c.sessions, func(ss session) bool {
			return ss.round == f.Round-1 && ss.kind == f.Session
		})
		if s < 0 {
			return nil, fmt.Errorf("%s: %s: no such session to run", f.Source, f)
		}
		racing := len(c.field) - len(c.absent[s])
		r := rule{kind: f.Kind, pos: f.Position - 1, from: f.From - 1, to: min(f.To, racing) - 1}
		if f.To == 0 {
			r.to = racing - 1
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
		if (f.Kind == points.FixPosition && r.pos >= racing) || (f.Kind == points.FixRange && r.from >= racing) {
			return nil, fmt.Errorf("%s: %s: the field has %d drivers", f.Source, f, racing)
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
		bySession[s] = append(bySession[s], f)
	}
	// Together, in the field each session has (points.CheckFixes cannot
	// know it): 4- and 4- in a field of four leave one of them no place.
	for s, fs := range bySession {
		if err := points.CheckSessionFixes(fs, len(c.field)-len(c.absent[s])); err != nil {
			return nil, err
		}
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
	ranged              []rangeFix
	fixed               []bool
	done                []bool // feasible's room
}

func newApplyScratch(n int) applyScratch {
	return applyScratch{in: make([]int, 0, n), ret: make([]int, 0, n), order: make([]int, 0, n),
		dnf: make([]int, 0, n), ranged: make([]rangeFix, 0, n), fixed: make([]bool, n), done: make([]bool, 0, n)}
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

// rangeFix is a driver fixed into places from..to (0-based, inclusive),
// who would rather finish where the model drew him (want).
type rangeFix struct {
	d, want, from, to int
	done              bool
}

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
			ranged = append(ranged, rangeFix{d: r.d, want: min(max(drawn, r.from), r.to), from: r.from, to: r.to})
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
	// Exact places: fill from the drawn retirements if the field
	// classified falls short of the lowest fixed place or the first place
	// of a range.
	need := cd.need[s]
	for _, r := range ranged {
		need = max(need, r.from+1)
	}
	promoted := 0
	for len(in)+len(ranged)+exact < need && promoted < len(ret) {
		in = append(in, ret[promoted])
		promoted++
	}
	// Slot by slot: a fixed place's driver, else a ranged driver where he
	// wants to be or where the ranges left must start, else the next of
	// the others in the drawn order.
	order := c.order[:0]
	k, total, left := 0, len(in)+len(ranged)+exact, len(ranged)
	for slot := 0; slot < total; slot++ {
		if d := at[slot]; d >= 0 {
			order = append(order, d)
			continue
		}
		if left > 0 {
			if i := c.pickRanged(ranged, at, slot, total, k < len(in)); i >= 0 {
				order = append(order, ranged[i].d)
				ranged[i].done = true
				left--
				continue
			}
		}
		if k < len(in) {
			order = append(order, in[k])
			k++
		}
	}
	if left > 0 { // a range beyond the drivers classified: last of them
		for i := range ranged {
			if !ranged[i].done {
				order = append(order, ranged[i].d)
			}
		}
	}
	classified := len(order)
	order = append(order, ret[promoted:]...)
	order = append(order, dnf...)
	order = append(order, cd.absent[s]...)
	copy(out, order)
	holdAhead(rs, out)
	c.in, c.ret, c.order, c.dnf, c.ranged = in[:0], ret[:0], order[:0], dnf[:0], ranged[:0]
	return classified
}

// holdAhead makes the ahead-of rules hold in out: where the order has two
// the wrong way round they swap places, pass after pass until none does
// (a few passes at most).
func holdAhead(rs []rule, out []int) {
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
			return
		}
	}
}

// pickRanged returns the ranged driver to put in slot, or -1 to leave it
// to the others (others: some are left). One whose range has begun takes
// the slot if he wants it or if, without him, the ranges left could not
// all be met (earliest end first, the order that meets them whenever any
// does); otherwise the drawn order stands.
func (c *applyScratch) pickRanged(rs []rangeFix, at []int, slot, total int, others bool) int {
	edf, want := -1, -1
	for i := range rs {
		r := &rs[i]
		if r.done || r.from > slot {
			continue
		}
		if edf < 0 || r.to < rs[edf].to {
			edf = i
		}
		if r.want <= slot && (want < 0 || r.want < rs[want].want) {
			want = i
		}
	}
	switch {
	case edf < 0:
		return -1
	case !others || !c.feasible(rs, at, slot+1, total, -1):
		return edf
	case want >= 0 && c.feasible(rs, at, slot+1, total, want):
		return want
	case want >= 0:
		return edf
	}
	return -1
}

// feasible reports whether the ranged drivers not yet placed (and not
// skip) can all still be placed from slot from on, earliest end first.
func (c *applyScratch) feasible(rs []rangeFix, at []int, from, total, skip int) bool {
	done := c.done[:0]
	left := 0
	for i := range rs {
		done = append(done, rs[i].done || i == skip)
		if !done[i] {
			left++
		}
	}
	for slot := from; slot < total && left > 0; slot++ {
		if at[slot] >= 0 {
			continue
		}
		best := -1
		for i := range rs {
			if !done[i] && rs[i].from <= slot && (best < 0 || rs[i].to < rs[best].to) {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		if rs[best].to < slot {
			return false
		}
		done[best] = true
		left--
	}
	for i := range rs {
		if !done[i] && rs[i].to < total {
			return false
		}
	}
	return true
}
