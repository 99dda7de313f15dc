package sim

import (
	"math/bits"

	"github.com/champ-dev/champ/points"
)

// The kernel is the fast path's session loop specialised to the
// Plackett–Luce model on a field small enough for a sorting network, with
// nothing fixed: the common case, and the one the speed targets are about.
// Per session it draws the keys (Order's draws, in the same sequence), sorts
// only the places that score with a pruned network, and adds each scoring
// place's precomputed driver and team increments; no finishing order is
// written out. The draws are the full path's, so a season the keys cannot
// settle replays exactly as before.

// kernel is one worker's compiled session loop.
type kernel struct {
	s        *plSampler
	two      bool               // the season has a second championship (t)
	spare    [1]uint64          // the second championship's keys when it has none
	order    []int              // scratch: a session's order, for the by-place bonuses
	pre      [maxNetwork]uint64 // scratch: a session's keys before the sort
	bonus    bonusState         // and what they gave
	bonuses  *bonusModel
	sessions []kernSession
	raceTop  func(*[maxNetwork]uint64) // the network of the sessions that score the most places
	raceInc  *[32]uint64               // and their vector scoring's tables
	drv      [maxNetwork]uint8         // field index -> driver entry
	tm       [maxNetwork]uint8         // field index -> team entry (the spare slot without a team)
	vec      bool                      // sessions are scored by the vector code
	acc      vecAcc
	vs       vecSeason     // the vector code's season
	vsess    []vecSession  // and sessions
	vrace    [1]vecSession // and the races' session, without a fastest lap
}

// vecSeason is a season as seasonAVX512 reads it; vecSession is one of
// its sessions. vec_amd64.s knows their fields by offset
// (TestVectorLayout checks them).
type vecSeason struct {
	state uint64 // the generator's state, in and out
	n     int    // the field
	total float64
	dnf   *uint64 // the sampler's
	inv   *float64
	cum   *float64
	buf   *uint64
	acc   *vecAcc
	sess  *vecSession
	nsess int
	mask  uint64 // out: the last session's retirements
}

type vecSession struct {
	inc   *[32]uint64 // drivers' then teams' increments by place
	fl    uint64      // 1: a fastest-lap bonus is drawn
	flLim uint64      // it scores for places below flLim
	flD   uint64      // the bonus as driver and team key increments
	flT   uint64
}

// vecAcc is the vector scoring's state in a season, per field index: the
// drivers' and the teams' key increments so far, and the places in the
// session last scored.
type vecAcc struct {
	d, t, rank [vecMax]uint64
}

// vecMax is the largest field the vector scoring takes.
const vecMax = 24

type kernSession struct {
	ss       *session
	top      func(*[maxNetwork]uint64) // sorts the first places (every place for by-place bonuses)
	byPlace  bool                      // pole, led a lap or most laps led are drawn
	reassign bool                      // a fastest lap outside the top is drawn again
	bD, bT   [nBonus]uint64            // each bonus as driver and team key increments
	inc      []kernInc                 // per scoring place
	fl       bool                      // a fastest-lap bonus is drawn
	flTop    int                       // it counts for places 1..flTop; 0: for any classified driver
	flD      uint64                    // the bonus as driver and team key increments
	flT      uint64
	vinc     *[32]uint64 // the vector scoring's tables: drivers' then teams' increments by place
}

type kernInc struct{ d, t uint64 }

// planKernel builds the kernel for a sampler, or returns nil when the
// sampler is not the plain Plackett–Luce one on the network path or the
// season has more than two championships.
func planKernel(c *compiled, f *fastPlan, s Sampler) *kernel {
	pl, ok := s.(*plSampler)
	if !ok || !pl.net || len(c.champs) > 2 || len(c.champs[0].st) > 255 || len(c.champs) > 1 && len(c.champs[1].st) > 254 {
		return nil
	}
	n := pl.n
	k := &kernel{s: pl, vec: pl.vec && n <= vecMax, two: len(c.champs) > 1, order: make([]int, n), bonuses: c.bonuses, bonus: newBonusState(n)}
	spare := 0
	if k.two {
		spare = len(c.champs[1].st)
	}
	for d := range n {
		k.drv[d] = uint8(c.routes0[0][d])
		k.tm[d] = uint8(spare)
		if k.two {
			if tm := c.routes0[1][d]; tm >= 0 {
				k.tm[d] = uint8(tm)
			}
		}
	}
	inc := func(s, kind, champ int) uint64 {
		if champ >= len(c.champs) {
			return 0
		}
		return f.bonus[s][kind][champ]
	}
	most := 0
	for i := range c.sessions {
		ss := &c.sessions[i]
		fl := &ss.bonus[points.FastestLap]
		ks := kernSession{fl: fl.on, flTop: fl.top, reassign: fl.reassign && fl.top > 0, flD: inc(i, int(points.FastestLap), 0), flT: inc(i, int(points.FastestLap), 1),
			byPlace: ss.byPlace(), ss: ss}
		for b := range ks.bD {
			ks.bD[b], ks.bT[b] = inc(i, b, 0), inc(i, b, 1)
		}
		if ks.flTop >= n {
			ks.flTop = 0 // every classified driver is in the top places
		}
		dInc := f.inc[i][0]
		var tInc []uint64
		if k.two {
			tInc = f.inc[i][1]
		}
		places := min(max(len(dInc), len(tInc)), n)
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
		if places > 16 || ks.byPlace || ks.reassign {
			k.vec = false
		}
		ks.vinc = new([32]uint64)
		for p, in := range ks.inc {
			if p < 16 {
				ks.vinc[p], ks.vinc[16+p] = in.d, in.t
			}
		}
		depth := max(places, ks.flTop)
		if ks.byPlace {
			depth = n // the bonuses go by place: the whole order
		}
		ks.top = topNetwork(n, depth)
		if k.raceTop == nil || places > most {
			k.raceTop, k.raceInc, most = ks.top, ks.vinc, places
		}
		k.sessions = append(k.sessions, ks)
	}
	if k.raceTop == nil { // no session left
		k.raceTop, k.raceInc = topNetwork(n, n), new([32]uint64)
	}
	if k.vec {
		for _, ks := range k.sessions {
			v := vecSession{inc: ks.vinc, flLim: uint64(ks.flTop), flD: ks.flD, flT: ks.flT}
			if ks.fl {
				v.fl = 1
			}
			if ks.flTop == 0 {
				v.flLim = vecMax // every classified driver
			}
			k.vsess = append(k.vsess, v)
		}
		k.vrace[0] = vecSession{inc: k.raceInc}
		k.vs = vecSeason{n: n, dnf: &pl.dnf[0], inv: &pl.inv[0], cum: &pl.cum[0], buf: &pl.buf[0], acc: &k.acc}
	}
	return k
}

// season runs one season's sessions into the fast path's keys: the
// drivers' (keys[0]) and, where the season has a second championship,
// its (keys[1]); each has a spare slot past its length for the cars that
// score for no entry.
func (k *kernel) season(g *Gen, keys [][]uint64) {
	s := k.s
	keyD := keys[0][:len(keys[0])+1]
	keyT := k.spare[:]
	if k.two {
		keyT = keys[1][:len(keys[1])+1]
	}
	if k.vec {
		k.seasonVec(g, keyD, keyT)
		return
	}
	s.Begin(g)
	buf := &s.buf
	for i := range k.sessions {
		ks := &k.sessions[i]
		mask := s.draw(g)
		fl, flKey := -1, uint64(0)
		if ks.fl && bits.OnesCount64(mask) < s.n {
			// Drawn before the sort, as Order's caller draws it after
			// the order: the same numbers in the same sequence.
			fl = s.fastestLapMask(g)
			flKey = buf[fl&(maxNetwork-1)]
		}
		if ks.reassign {
			k.pre = *buf // the keys by field index, for a fastest lap drawn again
		}
		ks.top(buf)
		for p, inc := range ks.inc {
			key := buf[p&(maxNetwork-1)]
			if key >= retiredKey {
				break
			}
			keyD[k.drv[key&0xff]] += inc.d
			keyT[k.tm[key&0xff]] += inc.t
		}
		if fl >= 0 && ks.flTop > 0 && ks.reassign {
			// Outside the top: drawn again, as the full path does.
			limit := buf[(ks.flTop-1)&(maxNetwork-1)]
			for try := 0; flKey > limit; try++ {
				if try == reassignTries {
					fl, flKey = int(buf[0]&0xff), buf[0]
					break
				}
				fl = s.fastestLapMask(g)
				flKey = k.pre[fl&(maxNetwork-1)]
			}
		}
		if fl >= 0 && (ks.flTop == 0 || flKey <= buf[(ks.flTop-1)&(maxNetwork-1)]) {
			keyD[k.drv[fl&(maxNetwork-1)]] += ks.flD
			keyT[k.tm[fl&(maxNetwork-1)]] += ks.flT
		}
		if ks.byPlace && bits.OnesCount64(mask) < s.n {
			k.placeBonuses(g, ks, keyD, keyT, s.n-bits.OnesCount64(mask))
		}
	}
}

// placeBonuses draws a session's by-place bonuses from its sorted keys
// (the whole order), as the full path draws them from its order, and adds
// them to the keys.
func (k *kernel) placeBonuses(g *Gen, ks *kernSession, keyD, keyT []uint64, classified int) {
	buf := &k.s.buf
	for p := range k.order {
		k.order[p] = int(buf[p&(maxNetwork-1)] & 0xff)
	}
	bs := &k.bonus
	bs.draw(g, k.bonuses, ks.ss, k.order, classified, nil)
	add := func(kind points.BonusKind, d int) {
		keyD[k.drv[d&(maxNetwork-1)]] += ks.bD[kind]
		keyT[k.tm[d&(maxNetwork-1)]] += ks.bT[kind]
	}
	if bs.pole >= 0 {
		add(points.Pole, bs.pole)
	}
	for _, d := range bs.led {
		add(points.LedLap, d)
	}
	if bs.most >= 0 {
		add(points.MostLapsLed, bs.most)
	}
}

// seasonVec is season with the vector code, one call a season: each
// session's places come from counting the keys below each driver's, and
// the increments collect per field index until the season's end. The
// draws and sums are season's.
func (k *kernel) seasonVec(g *Gen, keyD, keyT []uint64) {
	s := k.s
	k.acc = vecAcc{}
	s.Begin(g)
	k.runVec(g, k.vsess)
	for f := range s.n {
		keyD[k.drv[f]] += k.acc.d[f%vecMax]
		keyT[k.tm[f]] += k.acc.t[f%vecMax]
	}
}

// runVec runs sessions with the vector code from g's state.
func (k *kernel) runVec(g *Gen, sessions []vecSession) {
	v := &k.vs
	v.state, v.total = g.state, k.s.cum[k.s.n-1]
	v.sess, v.nsess = nil, len(sessions)
	if len(sessions) > 0 {
		v.sess = &sessions[0]
	}
	seasonAVX512(v)
	g.state = v.state
	k.s.mask = v.mask
}

// race draws and places one session as the season's races (its sessions
// that score the most places) are drawn and placed, by the network or by
// the vector code, and returns how many drivers were classified.
func (k *kernel) race(g *Gen) int {
	if k.vec {
		k.runVec(g, k.vrace[:])
		return k.s.n - bits.OnesCount64(k.s.mask)
	}
	mask := k.s.draw(g)
	k.raceTop(&k.s.buf)
	return k.s.n - bits.OnesCount64(mask)
}
