package sim

import "github.com/champ-dev/champ/sim/internal/race"

// The places past the standings keys: where the keys can leave entries
// level (backmarkers on no points), each race keeps its places past the
// keys in the first pass, as tails per field index, and the season logs
// the places of the entries the tally marks, so that it settles without
// a second pass.

// planTails sizes each logged championship's tails (kernel.tail) and
// sets the races' tail increments for the vector code.
func (k *kernel) planTails(c *compiled) {
	f := k.fast
	n := len(f.key)
	k.tail, k.tail0, k.tailFull = make([][]uint64, n), make([][]uint64, n), make([]bool, n)
	k.tailW, k.tailFrom, k.tailTo = make([]int, n), make([]int, n), make([]int, n)
	for ch := range n {
		if !f.logs[ch] {
			continue
		}
		w, from := int(countBits(c.rounds, f.cars[ch])), f.keyPlaces[ch]
		fields := 64 / w
		k.tailW[ch], k.tailFrom[ch], k.tailTo[ch] = w, from, from+fields
		k.tailFull[ch] = from+fields >= c.places
		st := c.champs[ch].st
		k.tail[ch], k.tail0[ch] = make([]uint64, len(st)+1), make([]uint64, len(st)+1)
		for e, s := range st {
			for p := from; p < from+fields && p < len(s.Places); p++ {
				k.tail0[ch][e] += uint64(s.Places[p]) << (64 - w*(p-from+1))
			}
		}
		for i := range k.sessions {
			if ks := &k.sessions[i]; ks.place != nil && ks.scores[ch] {
				// The vector code's; addKept and keepSorted add the others'.
				k.vsess[i].TC[ch] = uint64(64 + w*(from-1))
				k.vsess[i].TW[ch] = uint64(w)
			}
		}
	}
	// The scalar races' tail increments by place, per championship
	// scored (a table for each pattern of the two).
	tables := map[[2]bool]*tailIncs{}
	for i := range k.sessions {
		ks := &k.sessions[i]
		if ks.sorted == nil {
			continue
		}
		var on [2]bool
		for ch := range min(n, 2) {
			on[ch] = k.tail[ch] != nil && ks.scores[ch]
		}
		if tables[on] == nil {
			ti := new(tailIncs)
			ti.lo, ti.hi = k.n, 0
			for ch := range min(n, 2) {
				if !on[ch] {
					continue
				}
				w, from, to := k.tailW[ch], k.tailFrom[ch], min(k.tailTo[ch], k.n)
				for p := from; p < to; p++ {
					ti.inc[ch][p] = 1 << (64 - w*(p-from+1))
				}
				ti.lo, ti.hi = min(ti.lo, from), max(ti.hi, to)
			}
			tables[on] = ti
		}
		ks.tails = tables[on]
	}
}

// tailIncs are a scalar race's tail increments by place, per
// championship, and the places [lo, hi) that have any.
type tailIncs struct {
	inc    [2][race.MaxField]uint64
	lo, hi int
}

// addKept adds the places a race the first pass ran outside the vector
// code kept (ks.place, 0xff for a driver not classified) to the tails, as
// the vector code does.
func (k *kernel) addKept(ks *kernSession) {
	if k.tail == nil {
		return
	}
	for d, p8 := range ks.place[:k.n] {
		if p8 == 0xff {
			continue
		}
		p := int(p8)
		for c, t := range k.tail {
			if t == nil || !ks.scores[c] {
				continue
			}
			w, from := k.tailW[c], k.tailFrom[c]
			if p < from || p >= k.tailTo[c] {
				continue
			}
			e := int(ks.r.drv[d])
			if c == 1 {
				e = int(ks.r.tm[d])
			}
			t[e] += 1 << (64 - w*(p-from+1))
		}
	}
}

// keepSorted keeps the places of a race whose keys the scalar code sorted
// whole: it keeps the sorted keys (placeKept turns them into places when
// a season needs them) and gathers the places the tails count per field
// index, as the points are gathered (flush adds them to the entries').
func (k *kernel) keepSorted(ks *kernSession) {
	buf := k.buf
	copy(ks.sorted[:k.n], buf[:k.n])
	ti := ks.tails
	if ti == nil {
		return
	}
	for p := ti.lo; p < ti.hi; p++ {
		key := buf[p&(race.MaxField-1)]
		if key >= race.RetiredKey {
			break
		}
		d := key & (race.MaxField - 1)
		k.accXD[d] += ti.inc[0][p&(race.MaxField-1)]
		k.accXT[d] += ti.inc[1][p&(race.MaxField-1)]
	}
}

// placeKept writes the places of a race whose sorted keys the first pass
// kept into ks.place.
func (k *kernel) placeKept(ks *kernSession) {
	for p, key := range ks.sorted[:k.n] {
		d := key & (race.MaxField - 1)
		ks.place[d] = uint8(p)
		if key >= race.RetiredKey {
			ks.place[d] = 0xff
		}
	}
}

// addTails adds tails gathered per field index (a vector span's, or the
// sorted races' since the last flush), xd the drivers' championship's and
// xt the second's, to the entries' under the routes r.
func (k *kernel) addTails(r *route, xd, xt []uint64) {
	if td := k.tail[0]; td != nil {
		for f, x := range xd[:k.n] {
			td[r.drv[f]] += x
		}
	}
	if k.two {
		if tt := k.tail[1]; tt != nil {
			for f, x := range xt[:k.n] {
				tt[r.tm[f]] += x
			}
		}
	}
}

// planLogs makes room for the marks of the entries level in their keys,
// one per entry of each championship.
func (k *kernel) planLogs() {
	n := len(k.fast.key)
	k.want, k.anyWant = make([][]bool, n), make([]bool, n)
	k.wanted, k.wantedOf = make([][][2]int32, n), make([]*int, n)
	for c, key := range k.fast.key {
		k.want[c] = make([]bool, len(key))
	}
}

// logKept logs the race places past the keys' of the entries
// tally.markLevel marked, from the places the first pass kept.
func (k *kernel) logKept() {
	log := k.fast.log
	for c := range log {
		log[c] = log[c][:0]
	}
	clear(k.wantedOf) // markLevel has marked afresh
	for i := range k.sessions {
		if ks := &k.sessions[i]; ks.place != nil {
			if ks.sorted != nil {
				k.placeKept(ks)
			}
			k.logPlaces(ks)
		}
	}
}

// markWanted lists the field drivers who score for an entry of
// championship c that tally.markLevel marked, under route (a session's
// routes[c]; sessions share them, so this runs once or so a season).
func (k *kernel) markWanted(c int, route []int) {
	want := k.want[c]
	k.wanted[c] = k.wanted[c][:0]
	for d := range k.n {
		if e := route[d]; e >= 0 && want[e] {
			k.wanted[c] = append(k.wanted[c], [2]int32{int32(d), int32(e)}) // grown once, then reused
		}
	}
	k.wantedOf[c] = &route[0]
}

// logPlaces logs a race's places past each championship's keys for the
// entries tally.markLevel marked, from the places the first pass kept.
func (k *kernel) logPlaces(ks *kernSession) {
	f := k.fast
	for c := range f.logs {
		kp := f.keyPlaces[c]
		for _, de := range k.wantedIn(c, ks) {
			if p := int(ks.place[de[0]]); p != 0xff && p >= kp {
				f.log[c] = append(f.log[c], [2]int32{de[1], int32(p)}) // grown once, then reused
			}
		}
	}
}

// wantedIn is the marked entries' (field driver, entry) of championship c
// under session ks's routes, or nil where its places cannot matter there.
func (k *kernel) wantedIn(c int, ks *kernSession) [][2]int32 {
	if !ks.ss.race || !k.fast.logs[c] || !ks.scores[c] || !k.anyWant[c] {
		return nil
	}
	if route := ks.routes[c]; k.wantedOf[c] != &route[0] {
		k.markWanted(c, route)
	}
	return k.wanted[c]
}
