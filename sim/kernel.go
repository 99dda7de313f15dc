package sim

import (
	"github.com/champ-dev/champ/sim/internal/race"
	"math/bits"

	"github.com/champ-dev/champ/points"
)

// The kernel is the fast path's session loop for any model whose sampler
// draws its sessions as sort keys (keyed) on a field small enough for a
// sorting network. Per session it draws the keys (Order's draws, in the
// same sequence), sorts only the places that score with a pruned network
// (the whole order in a race whose places past the standings keys can
// settle entries level in them, which it keeps), and adds each scoring
// place's precomputed driver and team increments. Drivers who do not race
// a session (entries) are retired by the draw itself, and who scores for
// whom comes from the session's routes, so driver changes stay on the
// kernel. A
// session with fixed results is sorted whole and conditioned by the same
// code the full path runs (conditions.apply and conditions.fastestLap).
// The draws are the full path's, so a season the keys cannot settle
// replays exactly on it.
//
// For the Plackett–Luce sampler on a field of up to 24 with at most 16
// places scoring, runs of sessions with the same routes and nothing fixed
// go to the vector code (seasonAVX512) in one call each.

// keyed is a sampler that draws a session as sort keys: draw writes each
// field driver's key into keyBuf() in field order (race.RetiredKey|d for a driver
// not classified) and returns the mask of the drivers not classified; its
// Order is those keys sorted, and FastestLap picks among the classified of
// the session last drawn.
type keyed interface {
	Sampler
	absentSetter
	draw(g *Gen) uint64
	keyBuf() *[race.MaxField]uint64
}

// kernel is one worker's compiled session loop.
type kernel struct {
	s       keyed
	pl      *plSampler // s, when it is the Plackett–Luce sampler: direct calls and the vector code
	buf     *[race.MaxField]uint64
	n       int
	two     bool                  // the season has a second championship (t)
	entries bool                  // some session has drivers who do not race
	spare   [1]uint64             // the second championship's keys when it has none
	pre     [race.MaxField]uint64 // scratch: a session's keys before the sort
	// count: sessions whose bonuses go by place count each driver's place
	// with the vector code instead of sorting; place and counted are its
	// scratch.
	count   bool
	place   [race.PlacesMax]uint64
	counted race.Counted // its session
	// accD and accT gather the scalar sessions' increments per field
	// index until the routes change (then flush adds them to the keys).
	accD, accT   [race.MaxField]uint64
	accXD, accXT [race.MaxField]uint64 // and the sorted races' tails
	accRoute     *route
	out          []int        // scratch: a fixed session's order
	sc           applyScratch // and its room
	cd           *conditions  // nil: nothing fixed
	fl           condFL
	bonus        bonusState
	bonuses      *bonusModel
	sessions     []kernSession
	spans        []kernSpan
	raceTop      func(*[race.MaxField]uint64) // the network of the sessions that score the most places
	raceInc      *[32]uint64                  // and their vector scoring's tables
	vec          bool                         // some sessions run in the vector code
	acc          race.Acc
	vs           race.Season     // the vector code's season
	vsess        []race.Session  // and sessions
	vrace        [1]race.Session // and the races' session, without a fastest lap
	fast         *fastPlan       // its keyPlaces, logs and log
	// want[c][e]: entry e of championship c is level in its key with
	// another, and his places are logged (the others' cannot matter;
	// tally.markLevel)
	want    [][]bool
	anyWant []bool // per championship: some entry is marked
	// wanted[c]: the marked entries' (field driver, entry) under the
	// routes wantedOf[c] (a session's routes[c]), for logPlaces.
	wanted   [][][2]int32
	wantedOf []*int
	// Every race whose places past the keys can matter keeps its places
	// in the first pass (kernSession.place, or its sorted keys), for
	// logKept. Those races also count each entry's places past its keys
	// into its tail, per championship (nil where the places cannot
	// matter): fields of tailW bits from the top, starting with the
	// standing's counts now (tail0), by which board.settle orders keys
	// left level without any log where they differ. tailFull: the tail
	// holds every place of the countback.
	tail, tail0     [][]uint64
	tailFull        []bool
	tailW, tailFrom []int // per championship: a field's width, and the first place counted
	tailTo          []int // and the place past the last counted
}

// route is who a field driver scores for: his entry in the drivers'
// championship, and in the second (the spare slot without one).
type route struct {
	drv, tm [race.MaxField]uint8
}

// kernSpan is a run of sessions [from, to) with the same routes and the
// same absent drivers, in the vector code or one by one.
type kernSpan struct {
	from, to int
	vector   bool
}

type kernSession struct {
	ss       *session
	index    int     // in the compiled sessions
	r        *route  // who scores for whom
	routes   [][]int // and the compiled routes (-1: scores for no entry), for the log
	scores   []bool  // per championship: the session scores for it
	absent   uint64  // the drivers who do not race
	starters int     // the field less them
	fixed    bool    // results fixed: sorted whole and conditioned
	top      func(*[race.MaxField]uint64)
	byPlace  bool           // pole, led a lap or most laps led are drawn
	reassign bool           // a fastest lap outside the top is drawn again
	bD, bT   [nBonus]uint64 // each bonus as driver and team key increments
	inc      []kernInc      // per scoring place
	incP     *placeIncs     // inc padded with zeros, for counted sessions
	fl       bool           // a fastest-lap bonus is drawn
	flTop    int            // it counts for places 1..flTop; 0: for any classified driver
	flD      uint64         // the bonus as driver and team key increments
	flT      uint64
	vinc     *[32]uint64 // the vector scoring's tables: drivers' then teams' increments by place
	// place: a race whose places past the keys can settle level keys
	// keeps every field index's place here (0xff: not classified), for
	// logKept.
	place *[race.MaxField]uint8
	// sorted: a race the scalar code sorted whole keeps its keys here
	// instead, for placeKept, and adds its places past the keys to the
	// tails by tails' increments (nil: no tails).
	sorted *[race.MaxField]uint64
	tails  *tailIncs
}

type kernInc struct{ d, t uint64 }

// placeIncs are a session's increments by place for race.ScoreCounted.
type placeIncs struct{ d, t [race.PlacesMax]uint64 }

// condFL draws a fixed session's fastest lap as the full path's
// conditioned sampler does.
type condFL struct {
	cd    *conditions
	inner fastestLapper
	s     int
	out   []int
	n     int
}

func (c *condFL) FastestLap(g *Gen) int { return c.cd.fastestLap(g, c.inner, c.s, c.out, c.n) }

// planKernel builds the kernel for a sampler (before any condSampler
// wraps it) under the conditions cd, or returns nil when the sampler does
// not draw keys on the network path or the season has more than two
// championships.
func planKernel(c *compiled, f *fastPlan, s Sampler, cd *conditions) *kernel {
	ks, ok := s.(keyed)
	if !ok || len(c.field) > race.Unrolled || len(c.champs) > 2 || len(c.champs[0].st) > 255 || len(c.champs) > 1 && len(c.champs[1].st) > 254 {
		return nil
	}
	pl, _ := s.(*plSampler)
	if pl != nil && !pl.net || c.fold != nil || c.giveWay != nil {
		return nil // crews, and cars that give way: the fast path's own loop
	}
	for _, ss := range c.sessions {
		for _, b := range ss.best {
			if b > 0 {
				return nil // best-N rules: likewise
			}
		}
	}
	n := len(c.field)
	k := &kernel{s: ks, pl: pl, buf: ks.keyBuf(), n: n, two: len(c.champs) > 1, bonuses: c.bonuses, cd: cd, out: make([]int, n), sc: newApplyScratch(n),
		fast: f}
	spare := 0
	if k.two {
		spare = len(c.champs[1].st)
	}
	// By what they hold: sessions with the same routes share one, and so
	// a span (driver changes give each session routes of its own).
	routes := map[route]*route{}
	routeOf := func(i int) *route {
		rs := c.routes[i]
		var r route
		for d := range n {
			r.drv[d] = uint8(max(rs[0][d], 0))
			r.tm[d] = uint8(spare)
			if k.two && rs[1][d] >= 0 {
				r.tm[d] = uint8(rs[1][d])
			}
		}
		if p, ok := routes[r]; ok {
			return p
		}
		routes[r] = &r
		return &r
	}
	inc := func(s, kind, champ int) uint64 {
		if champ >= len(c.champs) {
			return 0
		}
		return f.bonus[s][kind][champ]
	}
	vecOK := pl != nil && pl.vec && n <= race.VecMax
	k.count = race.UseVec && n <= race.PlacesMax
	most := 0
	for i := range c.sessions {
		ss := &c.sessions[i]
		fl := &ss.bonus[points.FastestLap]
		ks := kernSession{ss: ss, index: i, r: routeOf(i), routes: c.routes[i], fl: fl.on, flTop: fl.top, reassign: fl.reassign && fl.top > 0,
			flD: inc(i, int(points.FastestLap), 0), flT: inc(i, int(points.FastestLap), 1), byPlace: ss.byPlace(), fixed: cd.fixed(i)}
		for _, d := range c.absent[i] {
			ks.absent |= 1 << d
		}
		for _, in := range f.inc[i] {
			ks.scores = append(ks.scores, in != nil)
		}
		ks.starters = n - len(c.absent[i])
		k.entries = k.entries || ks.absent != 0
		for b := range ks.bD {
			ks.bD[b], ks.bT[b] = inc(i, b, 0), inc(i, b, 1)
		}
		if ks.flTop >= n {
			ks.flTop = 0 // every classified driver is in the top places
		}
		var tInc []uint64
		if k.two {
			tInc = f.inc[i][1]
		}
		places := ks.planIncs(f.inc[i][0], tInc, n)
		vector := k.planRun(&ks, places, vecOK)
		if k.raceTop == nil || places > most {
			k.raceTop, k.raceInc, most = ks.top, ks.vinc, places
		}
		k.sessions = append(k.sessions, ks)
		v := race.Session{Inc: ks.vinc, FLLim: uint64(ks.flTop), FLD: ks.flD, FLT: ks.flT, TC: [2]uint64{64, 64}}
		if ks.place != nil && vector {
			v.Place = (*[race.VecMax]uint8)(ks.place[:race.VecMax])
		}
		if ks.fl {
			v.FL = 1
		}
		if ks.flTop == 0 {
			v.FLLim = race.VecMax // every classified driver
		}
		k.vsess = append(k.vsess, v)
		// Spans: a session joins the last one if it runs the same way
		// with the same routes and absences.
		last := len(k.spans) - 1
		if last >= 0 && vector && k.spans[last].vector && k.sessions[i-1].r == ks.r && k.sessions[i-1].absent == ks.absent {
			k.spans[last].to++
		} else {
			k.spans = append(k.spans, kernSpan{from: i, to: i + 1, vector: vector})
		}
		k.vec = k.vec || vector
	}
	if k.raceTop == nil { // no session left
		k.raceTop, k.raceInc = race.Top(n, n), new([32]uint64)
	}
	k.vrace[0] = race.Session{Inc: k.raceInc}
	if vecOK {
		k.vs = race.Season{N: n, DNF: &pl.dnf[0], Inv: &pl.inv[0], Cum: &pl.cum[0], Buf: &pl.buf[0], Acc: &k.acc}
	}
	k.planLogs()
	if !noTails {
		k.planTails(c)
	}
	return k
}

// planIncs sets a session's increments by place from the drivers' and
// the second championship's (tInc, nil without one), as the scalar code,
// the counted sessions and the vector code read them, and returns how
// many places score.
func (ks *kernSession) planIncs(dInc, tInc []uint64, n int) (places int) {
	places = min(max(len(dInc), len(tInc)), n)
	for p := range places {
		var in kernInc
		if p < len(dInc) {
			in.d = dInc[p]
		}
		if p < len(tInc) {
			in.t = tInc[p]
		}
		ks.inc = append(ks.inc, in)
	}
	ks.incP = new(placeIncs)
	for p, in := range ks.inc[:min(len(ks.inc), race.PlacesMax)] {
		ks.incP.d[p], ks.incP.t[p] = in.d, in.t
	}
	ks.vinc = new([32]uint64)
	for p, in := range ks.inc {
		if p < 16 {
			ks.vinc[p], ks.vinc[16+p] = in.d, in.t
		}
	}
	return places
}

// planRun decides how the first pass runs a session with places scoring
// places: in the vector code (its result), or by a network sorting as
// deep as the session needs (ks.top), and whether it keeps the race's
// places for the entries its keys may leave level (ks.place, and
// ks.sorted where the scalar code sorts the whole order).
func (k *kernel) planRun(ks *kernSession, places int, vecOK bool) (vector bool) {
	n := k.n
	depth := max(places, ks.flTop)
	if ks.byPlace || ks.fixed {
		depth = n // the whole order
	}
	vector = vecOK && places <= 16 && !ks.byPlace && !ks.reassign && !ks.fixed
	logged := false // its places past the keys can settle level keys
	for c, logs := range k.fast.logs {
		logged = logged || ks.ss.race && logs && ks.scores[c]
	}
	if logged {
		// The first pass keeps every place: the vector code counts
		// them, the scalar code sorts the whole order.
		ks.place = new([race.MaxField]uint8)
		counted := k.count && ks.byPlace && ks.absent == 0
		if !vector {
			depth = n
		}
		if !vector && !ks.fixed && !counted {
			ks.sorted = new([race.MaxField]uint64)
		}
	}
	ks.top = race.Top(n, depth)
	return vector
}

// season runs one season's sessions into the fast path's keys: the
// drivers' (keys[0]) and, where the season has a second championship,
// its (keys[1]); each has a spare slot past its length for the cars that
// score for no entry.
func (k *kernel) season(g *Gen, keys [][]uint64) {
	keyD := keys[0][:len(keys[0])+1]
	keyT := k.spare[:]
	if k.two {
		keyT = keys[1][:len(keys[1])+1]
	}
	k.begin(g)
	for c, t := range k.tail {
		copy(t, k.tail0[c])
	}
	for _, sp := range k.spans {
		first := &k.sessions[sp.from]
		if first.absent != 0 || k.entries {
			k.s.setAbsent(first.absent)
		}
		if sp.vector {
			k.acc = race.Acc{}
			k.runVec(g, k.vsess[sp.from:sp.to])
			r := first.r
			for f := range k.n {
				keyD[r.drv[f]] += k.acc.D[f%race.VecMax]
				keyT[r.tm[f]] += k.acc.T[f%race.VecMax]
			}
			if k.tail != nil {
				k.addTails(r, k.acc.XD[:], k.acc.XT[:])
			}
			continue
		}
		for i := sp.from; i < sp.to; i++ {
			ks := &k.sessions[i]
			if k.entries {
				k.s.setAbsent(ks.absent)
			}
			if ks.fixed {
				k.fixedSession(g, ks, keyD, keyT)
			} else {
				k.session(g, ks, keyD, keyT)
			}
		}
	}
	k.flush(keyD, keyT)
}

// begin draws the season's parameters.
func (k *kernel) begin(g *Gen) {
	if k.pl != nil {
		k.pl.Begin(g) // a direct call: the common case
	} else {
		k.s.Begin(g)
	}
}

// draw draws a session's keys into k.buf.
func (k *kernel) draw(g *Gen) uint64 {
	if k.pl != nil {
		return k.pl.draw(g)
	}
	return k.s.draw(g)
}

// fastestLap draws the fastest lap of the session last drawn.
func (k *kernel) fastestLap(g *Gen) int {
	if k.pl != nil {
		return k.pl.fastestLapMask(g)
	}
	return k.s.FastestLap(g)
}

// session runs one session with nothing fixed: the keys, the scoring
// places sorted by the pruned network, their increments, the fastest lap
// and the by-place bonuses.
func (k *kernel) session(g *Gen, ks *kernSession, keyD, keyT []uint64) {
	buf, r := k.buf, ks.r
	if r != k.accRoute {
		k.flush(keyD, keyT)
		k.accRoute = r
	}
	accD, accT := &k.accD, &k.accT
	mask := k.draw(g)
	fl, flKey := -1, uint64(0)
	if ks.fl && bits.OnesCount64(mask) < k.n {
		// Drawn before the sort, as Order's caller draws it after
		// the order: the same numbers in the same sequence.
		fl = k.fastestLap(g)
		flKey = buf[fl&(race.MaxField-1)]
	}
	if k.count && ks.byPlace && ks.absent == 0 {
		k.countedSession(g, ks, mask, fl)
		return
	}
	if ks.reassign {
		k.pre = *buf // the keys by field index, for a fastest lap drawn again
	}
	ks.top(buf)
	if ks.sorted != nil {
		k.keepSorted(ks)
	}
	if fl >= 0 && ks.flTop > 0 && ks.reassign {
		// Outside the top: drawn again, as the full path does, before the
		// by-place bonuses.
		limit := buf[(ks.flTop-1)&(race.MaxField-1)]
		for try := 0; flKey > limit; try++ {
			if try == reassignTries {
				fl, flKey = int(buf[0]&0xff), buf[0]
				break
			}
			fl = k.fastestLap(g)
			flKey = k.pre[fl&(race.MaxField-1)]
		}
	}
	if ks.byPlace && ks.absent == 0 && bits.OnesCount64(mask) < k.n {
		k.scoreWithBonuses(g, ks, keyD, keyT)
	} else {
		for p, inc := range ks.inc {
			key := buf[p&(race.MaxField-1)]
			if key >= race.RetiredKey {
				break
			}
			accD[key&(race.MaxField-1)] += inc.d
			accT[key&(race.MaxField-1)] += inc.t
		}
		if ks.byPlace && bits.OnesCount64(mask) < k.n {
			k.placeBonuses(g, ks, keyD, keyT)
		}
	}
	if fl >= 0 && (ks.flTop == 0 || flKey <= buf[(ks.flTop-1)&(race.MaxField-1)]) {
		accD[fl&(race.MaxField-1)] += ks.flD
		accT[fl&(race.MaxField-1)] += ks.flT
	}
}

// countedSession runs a session whose bonuses go by place from each
// driver's place, counted by the vector code, rather than from the keys
// sorted: the same places, so the same draws and sums. fl is the fastest
// lap drawn before (-1: none).
func (k *kernel) countedSession(g *Gen, ks *kernSession, mask uint64, fl int) {
	place := &k.place
	cls := k.n - bits.OnesCount64(mask)
	if fl >= 0 && ks.flTop > 0 && ks.reassign {
		// The fastest lap drawn again until it is in the top, before the
		// by-place bonuses, as the full path draws them.
		race.CountPlaces(k.buf, k.n, place)
		for try := 0; place[fl&(race.PlacesMax-1)] >= uint64(ks.flTop); try++ {
			if try == reassignTries {
				for d := range k.n { // the winner
					if place[d&(race.PlacesMax-1)] == 0 {
						fl = d
					}
				}
				break
			}
			fl = k.fastestLap(g)
		}
	}
	bs := &k.bonus
	bs.pole, bs.most, bs.led = -1, -1, 0
	if cls > 0 {
		// By place only: drawn before the places are counted, the same
		// numbers.
		bs.draw(g, k.bonuses, ks.ss, k.n, nil, nil)
	}
	c := &k.counted
	c.Key, c.N, c.IncD, c.IncT = k.buf, k.n, &ks.incP.d, &ks.incP.t
	c.Scoring, c.Led = uint64(min(cls, len(ks.inc))), bs.led
	c.Pole, c.Most = uint64(bs.pole)&(2*race.PlacesMax-1), uint64(bs.most)&(2*race.PlacesMax-1) // -1: PlacesMax and up, none
	c.Bonus = [6]uint64{ks.bD[points.LedLap], ks.bD[points.Pole], ks.bD[points.MostLapsLed],
		ks.bT[points.LedLap], ks.bT[points.Pole], ks.bT[points.MostLapsLed]}
	c.AccD, c.AccT, c.Place = &k.accD, &k.accT, place
	race.ScoreCounted(c, true)
	if ks.place != nil {
		for d := range k.n {
			ks.place[d] = uint8(place[d&(race.PlacesMax-1)])
			if k.buf[d&(race.MaxField-1)] >= race.RetiredKey {
				ks.place[d] = 0xff
			}
		}
		k.addKept(ks)
	}
	if fl >= 0 && (ks.flTop == 0 || place[fl&(race.PlacesMax-1)] < uint64(ks.flTop)) {
		k.accD[fl&(race.MaxField-1)] += ks.flD
		k.accT[fl&(race.MaxField-1)] += ks.flT
	}
}

// flush adds the scalar sessions' increments gathered per field index
// to the keys, by the routes they were gathered under.
func (k *kernel) flush(keyD, keyT []uint64) {
	r := k.accRoute
	if r == nil {
		return
	}
	for f := range k.n {
		keyD[r.drv[f]] += k.accD[f]
		keyT[r.tm[f]] += k.accT[f]
	}
	k.accD, k.accT = [race.MaxField]uint64{}, [race.MaxField]uint64{}
	if k.tail != nil {
		k.addTails(r, k.accXD[:], k.accXT[:])
		k.accXD, k.accXT = [race.MaxField]uint64{}, [race.MaxField]uint64{}
	}
	k.accRoute = nil
}

// scoreWithBonuses draws a session's by-place bonuses from its sorted
// keys and scores them with the places in one pass: each place's
// increment plus those of the bonuses its driver took (the draws are the
// full path's; only the additions are merged).
func (k *kernel) scoreWithBonuses(g *Gen, ks *kernSession, keyD, keyT []uint64) {
	buf, bs := k.buf, &k.bonus
	accD, accT := &k.accD, &k.accT
	bs.draw(g, k.bonuses, ks.ss, k.n, nil, nil)
	led, pole, most := bs.led, bs.pole, bs.most
	ledD, ledT := ks.bD[points.LedLap], ks.bT[points.LedLap]
	poleD, poleT := ks.bD[points.Pole], ks.bT[points.Pole]
	mostD, mostT := ks.bD[points.MostLapsLed], ks.bT[points.MostLapsLed]
	p := 0
	for ; p < len(ks.inc); p++ {
		key := buf[p&(race.MaxField-1)]
		if key >= race.RetiredKey {
			break
		}
		inc := ks.inc[p]
		b := -(led >> p & 1) // all ones where he led
		d, t := inc.d+ledD&b, inc.t+ledT&b
		if p == pole {
			d, t = d+poleD, t+poleT
		}
		if p == most {
			d, t = d+mostD, t+mostT
		}
		accD[key&(race.MaxField-1)] += d
		accT[key&(race.MaxField-1)] += t
	}
	// Bonuses past the places scored (a retired driver's pole, say).
	for x := led &^ (1<<p - 1); x != 0; x &= x - 1 {
		d := buf[bits.TrailingZeros64(x)&(race.MaxField-1)] & (race.MaxField - 1)
		accD[d] += ledD
		accT[d] += ledT
	}
	if pole >= p {
		d := buf[pole&(race.MaxField-1)] & (race.MaxField - 1)
		accD[d] += poleD
		accT[d] += poleT
	}
	if most >= p {
		d := buf[most&(race.MaxField-1)] & (race.MaxField - 1)
		accD[d] += mostD
		accT[d] += mostT
	}
}

// fixedSession runs a session with fixed results as the full path does:
// the whole order sorted, the conditions applied, then the places, the
// fastest lap and the by-place bonuses from the conditioned order.
func (k *kernel) fixedSession(g *Gen, ks *kernSession, keyD, keyT []uint64) {
	buf, r, out := k.buf, ks.r, k.out
	mask := k.draw(g)
	race.Sort(buf, k.n)
	for i := range out {
		out[i] = int(buf[i&(race.MaxField-1)] & 0xff)
	}
	cls := k.cd.apply(ks.index, out, k.n-bits.OnesCount64(mask), &k.sc)
	if ks.place != nil {
		for d := range k.n {
			ks.place[d] = 0xff
		}
		for p, d := range out[:cls] {
			ks.place[d&(race.MaxField-1)] = uint8(p)
		}
		k.addKept(ks)
	}
	for p := 0; p < cls && p < len(ks.inc); p++ {
		d := out[p] & (race.MaxField - 1)
		keyD[r.drv[d]] += ks.inc[p].d
		keyT[r.tm[d]] += ks.inc[p].t
	}
	if cls == 0 {
		return
	}
	if ks.fl {
		k.fl = condFL{cd: k.cd, inner: k.s, s: ks.index, out: out, n: cls}
		if d, ok := fastestLap(g, &k.fl, &ks.ss.bonus[points.FastestLap], out[:cls]); ok {
			keyD[r.drv[d&(race.MaxField-1)]] += ks.flD
			keyT[r.tm[d&(race.MaxField-1)]] += ks.flT
		}
	}
	if ks.byPlace {
		bs := &k.bonus
		bs.draw(g, k.bonuses, ks.ss, ks.starters, out, k.cd.bonus[ks.index])
		k.addBonuses(ks, keyD, keyT, out)
	}
}

// placeBonuses draws a session's by-place bonuses from its sorted keys
// when drivers are absent: from the starters' order, as the full path
// has it (the absent drivers last).
func (k *kernel) placeBonuses(g *Gen, ks *kernSession, keyD, keyT []uint64) {
	buf := k.buf
	out := k.out[:0]
	for p := range k.n {
		if d := int(buf[p&(race.MaxField-1)] & 0xff); ks.absent>>d&1 == 0 {
			out = append(out, d)
		}
	}
	k.bonus.draw(g, k.bonuses, ks.ss, ks.starters, out, nil)
	k.addBonuses(ks, keyD, keyT, out)
}

// addBonuses adds the by-place bonuses last drawn, on the places of
// order.
func (k *kernel) addBonuses(ks *kernSession, keyD, keyT []uint64, order []int) {
	r := ks.r
	k.bonus.each(order, func(kind points.BonusKind, d int) {
		d &= race.MaxField - 1
		keyD[r.drv[d]] += ks.bD[kind]
		keyT[r.tm[d]] += ks.bT[kind]
	})
}

// runVec runs sessions with the vector code from g's state.
func (k *kernel) runVec(g *Gen, sessions []race.Session) {
	v := &k.vs
	v.State, v.Total = g.State(), k.pl.cum[k.pl.n-1]
	v.Sess, v.NSess = nil, len(sessions)
	if len(sessions) > 0 {
		v.Sess = &sessions[0]
	}
	race.RunSeason(v)
	g.SetState(v.State)
	k.pl.mask = v.Mask
}

// race draws and places one session as the season's races (its sessions
// that score the most places) are drawn and placed, by the network or by
// the vector code, and returns how many drivers were classified.
func (k *kernel) race(g *Gen) int {
	if k.vec {
		k.runVec(g, k.vrace[:])
		return k.n - bits.OnesCount64(k.pl.mask)
	}
	mask := k.draw(g)
	k.raceTop(k.buf)
	return k.n - bits.OnesCount64(mask)
}
