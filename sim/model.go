package sim

import (
	"fmt"
	"math/bits"
	"strings"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim/internal/race"
	"github.com/champ-dev/champ/sim/model"
)

// Model draws finishing orders for a field of drivers.
type Model interface {
	Name() string
	// NewSampler returns a sampler for one goroutine.
	NewSampler() Sampler
}

// Sampler draws the sessions of simulated seasons. It is used by one
// goroutine at a time.
type Sampler interface {
	// Begin starts a simulated season: it draws the season's parameters.
	Begin(g *Gen)
	// Order writes a session's finishing order into out (a permutation of
	// the field's indices 0..len(out)-1) and returns how many of them are
	// classified: out[:n] finished in that order, out[n:] retired.
	Order(g *Gen, out []int) int
	// FastestLap returns the field index of the driver who sets the
	// fastest lap of the session last ordered, one of its classified
	// drivers. It depends on the draw and on who was classified, not on
	// their order, so the fast and the full path agree.
	FastestLap(g *Gen) int
}

// Model names.
const (
	ModelPlackettLuce = "plackett-luce"
	ModelEmpirical    = "empirical"
	ModelUniform      = "uniform"
)

// ModelNames lists the models NewModel knows.
var ModelNames = []string{ModelPlackettLuce, ModelEmpirical, ModelUniform}

// NewModel fits the named model to rounds 1..after of the season for the
// given field of driver ids.
func NewModel(name string, s *points.Season, after int, field []string, o Options) (Model, error) {
	return newModel(name, s, after, field, o, nil)
}

// newModel is NewModel with the form carried from the season before.
func newModel(name string, s *points.Season, after int, field []string, o Options, from *Carried) (Model, error) {
	switch strings.ToLower(name) {
	case "", ModelPlackettLuce, "pl":
		return NewPlackettLuce(model.FitSeasonFrom(s, after, o, from), field), nil
	case ModelEmpirical:
		return NewEmpirical(s, after, field), nil
	case ModelUniform:
		return Uniform{N: len(field)}, nil
	}
	return nil, fmt.Errorf("unknown model %q: use %s", name, strings.Join(ModelNames, ", "))
}

// Uniform makes every order of the field equally likely, with no
// retirements.
type Uniform struct{ N int }

func (Uniform) Name() string { return ModelUniform }

func (u Uniform) NewSampler() Sampler {
	return &uniformSampler{n: u.N, perm: make([]int, u.N)}
}

type uniformSampler struct {
	n      int
	perm   []int
	buf    [race.MaxField]uint64 // fields of up to 64: the session's keys
	absent uint64                // drivers who do not race
}

func (*uniformSampler) Begin(*Gen) {}

// shuffle is a Fisher–Yates shuffle of the field into perm.
func (u *uniformSampler) shuffle(g *Gen) {
	for i := range u.perm {
		u.perm[i] = i
	}
	for i := len(u.perm) - 1; i > 0; i-- {
		j := g.IntN(i + 1)
		u.perm[i], u.perm[j] = u.perm[j], u.perm[i]
	}
}

// draw writes the shuffled order as keys: place in the high bits, the
// driver below; a driver who does not race is retired.
func (u *uniformSampler) draw(g *Gen) uint64 {
	u.shuffle(g)
	for p, d := range u.perm {
		u.buf[d&(race.MaxField-1)] = uint64(p)<<8 | uint64(d)
	}
	for x := u.absent; x != 0; x &= x - 1 {
		d := bits.TrailingZeros64(x)
		u.buf[d] = race.RetiredKey | uint64(d)
	}
	return u.absent
}

func (u *uniformSampler) keyBuf() *[race.MaxField]uint64 { return &u.buf }

func (u *uniformSampler) setAbsent(mask uint64) bool {
	if u.n > race.MaxField {
		return false
	}
	u.absent = mask
	return true
}

// Order is a Fisher–Yates shuffle (for fields of up to 64, its keys
// sorted: the same order).
func (u *uniformSampler) Order(g *Gen, out []int) int {
	if u.n > race.MaxField {
		u.shuffle(g)
		copy(out, u.perm)
		return len(out)
	}
	mask := u.draw(g)
	sortAll(&u.buf, u.n)
	for i := range out {
		out[i] = int(u.buf[i&(race.MaxField-1)] & 0xff)
	}
	return u.n - bits.OnesCount64(mask)
}

// FastestLap picks any driver of the field who races: all are classified.
func (u *uniformSampler) FastestLap(g *Gen) int {
	for {
		d := g.IntN(u.n)
		if u.absent>>(d&63)&1 == 0 || u.n > race.MaxField {
			return d
		}
	}
}

// sortAll sorts the first n keys ascending: a network up to race.Unrolled,
// insertion sort above.
func sortAll(buf *[race.MaxField]uint64, n int) {
	if n <= race.Unrolled {
		race.Sort(buf, n)
		return
	}
	race.SortKeys(buf[:n])
}

// Empirical resamples each driver's own results: in every simulated
// session each driver draws one of their completed sessions of the season
// at random, finishing where they finished there (or retiring); drivers are
// then ordered by the positions drawn, ties broken at random.
type Empirical struct {
	history [][]int // per field driver: past positions, 0 for a retirement
}

// NewEmpirical collects the field's results of rounds 1..after. A driver
// with no results draws from the whole field's.
func NewEmpirical(s *points.Season, after int, field []string) *Empirical {
	idx := map[string]int{}
	for i, id := range field {
		idx[id] = i
	}
	e := &Empirical{history: make([][]int, len(field))}
	var all []int
	for _, r := range s.Results {
		if r.Round > after || r.Status == points.DNS || r.Status == points.DNQ {
			continue
		}
		p := 0
		if r.Classified() {
			p = r.Position
		}
		all = append(all, p)
		if i, ok := idx[r.Driver]; ok {
			e.history[i] = append(e.history[i], p)
		}
	}
	if len(all) == 0 {
		all = []int{1}
	}
	for i := range e.history {
		if len(e.history[i]) == 0 {
			e.history[i] = all
		}
	}
	return e
}

func (*Empirical) Name() string { return ModelEmpirical }

func (e *Empirical) NewSampler() Sampler {
	return &empSampler{e: e, clsKeys: padded[uint64](len(e.history)), out: padded[bool](len(e.history))}
}

type empSampler struct {
	e       *Empirical
	clsKeys []uint64 // large fields: the classified drivers' keys
	out     []bool   // retired in the session last drawn (absent drivers not)
	buf     [race.MaxField]uint64
	absent  uint64
}

func (*empSampler) Begin(*Gen) {}

// draw draws each driver's finish, the last driver first: a past
// position (his key: the position in the high bits, a random tie-break,
// the driver below) or a retirement; a driver who does not race draws
// too, and is retired.
func (s *empSampler) draw(g *Gen) uint64 {
	var mask uint64
	for d := len(s.e.history) - 1; d >= 0; d-- {
		h := s.e.history[d]
		p := h[g.IntN(len(h))]
		s.out[d] = p == 0
		if p == 0 {
			s.buf[d&(race.MaxField-1)] = race.RetiredKey | uint64(d)
			mask |= 1 << (d & 63)
			continue
		}
		s.buf[d&(race.MaxField-1)] = uint64(p)<<40 | (g.Uint64()>>40)<<8 | uint64(d)
	}
	for x := s.absent; x != 0; x &= x - 1 {
		d := bits.TrailingZeros64(x)
		s.buf[d] = race.RetiredKey | uint64(d)
	}
	return mask | s.absent
}

func (s *empSampler) keyBuf() *[race.MaxField]uint64 { return &s.buf }

func (s *empSampler) setAbsent(mask uint64) bool {
	if len(s.e.history) > race.MaxField {
		return false
	}
	s.absent = mask
	return true
}

func (s *empSampler) Order(g *Gen, out []int) int {
	n := len(s.e.history)
	if n <= race.MaxField {
		mask := s.draw(g)
		sortAll(&s.buf, n)
		for i := range out {
			out[i] = int(s.buf[i&(race.MaxField-1)] & 0xff)
		}
		return n - bits.OnesCount64(mask)
	}
	cls, k := 0, len(out)
	for d := n - 1; d >= 0; d-- {
		h := s.e.history[d]
		p := h[g.IntN(len(h))]
		s.out[d] = p == 0
		if p == 0 {
			k--
			out[k] = d
			continue
		}
		// Position in the high bits, a random tie-break, the driver below.
		s.clsKeys[cls] = uint64(p)<<40 | (g.Uint64()>>40)<<8 | uint64(d)
		cls++
	}
	race.SortKeys(s.clsKeys[:cls])
	for i, key := range s.clsKeys[:cls] {
		out[i] = int(key & 0xff)
	}
	return cls
}

// FastestLap picks one of the classified drivers, each equally likely
// (again while it falls on a driver who does not race).
func (s *empSampler) FastestLap(g *Gen) int {
	n := 0
	for _, o := range s.out {
		if !o {
			n++
		}
	}
	for {
		i := g.IntN(n)
		d := 0
		for j, o := range s.out {
			if !o {
				if i == 0 {
					d = j
					break
				}
				i--
			}
		}
		if s.absent>>(d&63)&1 == 0 || len(s.out) > race.MaxField {
			return d
		}
	}
}
