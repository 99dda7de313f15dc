package sim

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/champ-dev/champ/points"
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
	// FastestLap returns the index into classified of the driver who sets
	// the session's fastest lap.
	FastestLap(g *Gen, classified []int) int
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
	switch strings.ToLower(name) {
	case "", ModelPlackettLuce, "pl":
		return NewPlackettLuce(FitSeason(s, after, o), field), nil
	case ModelEmpirical:
		return NewEmpirical(s, after, field), nil
	case ModelUniform:
		return Uniform{N: len(field)}, nil
	}
	return nil, fmt.Errorf("unknown model %q: use %s", name, strings.Join(ModelNames, ", "))
}

// PlackettLuce is the fitted Plackett–Luce model with retirements.
type PlackettLuce struct {
	Fit        *Fit
	logW, sd   []float64
	alpha, bet []float64
}

// NewPlackettLuce prepares a fitted model for a field. A driver of the
// field the fit has not seen gets the field's average strength and
// retirement rate with the prior's uncertainty.
func NewPlackettLuce(f *Fit, field []string) *PlackettLuce {
	m := &PlackettLuce{Fit: f}
	var meanA, meanB float64
	for i := range f.DNFAlpha {
		meanA += f.DNFAlpha[i] - 0
		meanB += f.DNFBeta[i]
	}
	if n := float64(len(f.DNFAlpha)); n > 0 {
		meanA, meanB = meanA/n, meanB/n
	} else {
		meanA, meanB = 1, 9
	}
	for _, id := range field {
		i := f.Index(id)
		if i < 0 {
			m.logW = append(m.logW, 0)
			m.sd = append(m.sd, 1)
			m.alpha = append(m.alpha, meanA)
			m.bet = append(m.bet, meanB)
			continue
		}
		m.logW = append(m.logW, math.Log(f.Strength[i]))
		m.sd = append(m.sd, f.LogSD[i])
		m.alpha = append(m.alpha, f.DNFAlpha[i])
		m.bet = append(m.bet, f.DNFBeta[i])
	}
	return m
}

func (m *PlackettLuce) Name() string { return ModelPlackettLuce }

func (m *PlackettLuce) NewSampler() Sampler {
	n := len(m.logW)
	s := &plSampler{m: m, rate: make([]float64, n), inv: make([]float64, n), dnf: make([]uint32, n), keys: make([]uint64, n), by: make([]int, n)}
	for i := range s.by {
		s.by[i] = i
	}
	return s
}

type plSampler struct {
	m    *PlackettLuce
	rate []float64 // the season's strengths
	inv  []float64 // 1/rate
	dnf  []uint32  // the season's retirement probabilities, as thresholds on 32 random bits
	keys []uint64
	by   []int // drivers by decreasing strength: keys come out nearly sorted
}

func (s *plSampler) Begin(g *Gen) {
	for d := range s.rate {
		s.rate[d] = math.Exp(s.m.logW[d] + s.m.sd[d]*g.Norm())
		s.inv[d] = 1 / s.rate[d]
		p := distuv.Beta{Alpha: s.m.alpha[d], Beta: s.m.bet[d], Src: g}.Rand()
		s.dnf[d] = uint32(math.Min(math.Ldexp(p, 32), math.MaxUint32))
	}
	// Insertion-sort the field by strength (it changes little between seasons).
	for i := 1; i < len(s.by); i++ {
		d := s.by[i]
		j := i
		for ; j > 0 && s.rate[s.by[j-1]] < s.rate[d]; j-- {
			s.by[j] = s.by[j-1]
		}
		s.by[j] = d
	}
}

// Order runs an exponential race: driver d's time is Exp(1)/w_d, and the
// order of the times is a Plackett–Luce draw. Retired drivers go last, in
// field order. One 64-bit draw per driver: the high 32 bits decide the
// retirement, the low 32 bits feed the exponential ziggurat. Times are
// sorted as packed keys: the bits of a positive float64 order like the
// float, and the low byte carries the driver.
func (s *plSampler) Order(g *Gen, out []int) int {
	n, k := 0, len(out)
	for _, d := range s.by {
		u := g.Uint64()
		if uint32(u>>32) < s.dnf[d] {
			k--
			out[k] = d
			continue
		}
		s.keys[n] = math.Float64bits(g.expFrom(uint32(u))*s.inv[d])&^0xff | uint64(d)
		n++
	}
	sortKeys(s.keys[:n])
	for i, key := range s.keys[:n] {
		out[i] = int(key & 0xff)
	}
	// Retirements in field order.
	slices.Sort(out[n:])
	return n
}

func (s *plSampler) FastestLap(g *Gen, classified []int) int {
	total := 0.0
	for _, d := range classified {
		total += s.rate[d]
	}
	u := g.Float64() * total
	for i, d := range classified {
		u -= s.rate[d]
		if u < 0 {
			return i
		}
	}
	return len(classified) - 1
}

// sortKeys sorts packed keys ascending (insertion sort: fields are small).
func sortKeys(keys []uint64) {
	for i := 1; i < len(keys); i++ {
		k := keys[i]
		j := i
		for ; j > 0 && keys[j-1] > k; j-- {
			keys[j] = keys[j-1]
		}
		keys[j] = k
	}
}

// Uniform makes every order of the field equally likely, with no
// retirements.
type Uniform struct{ N int }

func (Uniform) Name() string { return ModelUniform }

func (u Uniform) NewSampler() Sampler { return uniformSampler{} }

type uniformSampler struct{}

func (uniformSampler) Begin(*Gen) {}

// Order is a Fisher–Yates shuffle.
func (uniformSampler) Order(g *Gen, out []int) int {
	for i := range out {
		out[i] = i
	}
	for i := len(out) - 1; i > 0; i-- {
		j := g.IntN(i + 1)
		out[i], out[j] = out[j], out[i]
	}
	return len(out)
}

func (uniformSampler) FastestLap(g *Gen, classified []int) int {
	return g.IntN(len(classified))
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
	return &empSampler{e: e, keys: make([]uint64, len(e.history))}
}

type empSampler struct {
	e    *Empirical
	keys []uint64
}

func (*empSampler) Begin(*Gen) {}

func (s *empSampler) Order(g *Gen, out []int) int {
	n, k := 0, len(out)
	for d := len(s.e.history) - 1; d >= 0; d-- {
		h := s.e.history[d]
		p := h[g.IntN(len(h))]
		if p == 0 {
			k--
			out[k] = d
			continue
		}
		// Position in the high bits, a random tie-break, the driver below.
		s.keys[n] = uint64(p)<<40 | (g.Uint64()>>40)<<8 | uint64(d)
		n++
	}
	sortKeys(s.keys[:n])
	for i, key := range s.keys[:n] {
		out[i] = int(key & 0xff)
	}
	return n
}

func (s *empSampler) FastestLap(g *Gen, classified []int) int {
	return g.IntN(len(classified))
}
