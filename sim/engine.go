package sim

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim/model"
)

// BlockSize is the number of seasons in a block: the unit of work whose
// random stream is fixed by (seed, block number).
const BlockSize = 4096

// DefaultSeed is the seed used when none is given (the date of the 2024
// Canadian GP).
const DefaultSeed uint64 = 20240609

// fullPathOnly turns the fast path off (for tests that compare the two).
var fullPathOnly = false

// noTails turns the kernel's tails off, for tests of the logs they
// spare.
var noTails = false

// DefaultSims is the default number of simulated seasons: enough for a
// standard error of at most 0.1 percentage point on any probability.
const DefaultSims = 250_000

// Config says how to run a projection.
type Config struct {
	Model   string  // a name from ModelNames; "" is plackett-luce
	Options Options // the model's hyperparameters
	Sims    int     // seasons to simulate; with Precision, the most to simulate
	Seed    uint64
	Workers int // goroutines; 0: GOMAXPROCS
	// Precision > 0 runs until every title probability's standard error is
	// below it (or Sims seasons have run).
	Precision float64
	// Fixes condition every simulated season on results of sessions
	// still to run (see conditions).
	Fixes []points.Fix
	// Entries change who drives from a round on (see entries.go).
	Entries []points.Entry
	// Previous is the season before, whose form the model carries into
	// this one by Options.Carry (nil: none).
	Previous *points.Season
	carry    *carryMemo // set by RunBacktest and Timeline: one fit of Previous for all their projections
	// champBands, set by RunBacktest, also tallies the champion's final
	// points, for Table.ChampionInside.
	champBands bool
	// Progress, if set, is called from one goroutine about every 200 ms
	// with the seasons done and the most that will run, and once at the end.
	Progress func(done, total int)
}

// Projection is the result of a projection.
type Projection struct {
	Season  *points.Season
	After   int
	Model   string
	Sims    int
	Seed    uint64
	Races   int     // races left
	Sprints int     // sprints left
	Step    float64 // the points between two entries of Entry.Gains
	// Tables holds one table per championship of the season's system, in
	// its order: the drivers' first.
	Tables []Table
	// Drivers is the drivers' table's entries (Tables[0].Entries).
	Drivers []Entry
}

// Table is one championship's projection.
type Table struct {
	Championship *points.Championship
	// Entries by title probability, then current standing.
	Entries []Entry
	// Left is the most one entry can still add.
	Left float64
	// Ties counts the simulated seasons whose title the countback could
	// not break.
	Ties int
	// ChampionInside is, in a backtest, the model's own probability that
	// the season's champion ends inside his P5–P95 band: what a calibrated
	// model expects of the count Bands.HalfWay.Champions. The champion is
	// chosen by how the season ended, so he tends to sit high in his band
	// and this is well below 0.9.
	ChampionInside float64
}

// Table returns the table of the championship with the given id, or nil.
func (p *Projection) Table(id string) *Table {
	for i := range p.Tables {
		if p.Tables[i].Championship.ID == id {
			return &p.Tables[i]
		}
	}
	return nil
}

// Entry is one driver's or team's projection.
type Entry struct {
	ID   string
	Team string // a driver's team (latest round raced)
	// Crew, in a season raced by cars, lists the drivers whose results so
	// far and whose crews left are the same as this driver's, this one
	// included, first the one the table shows them under; Car is their
	// car. They end level in every season: one line of a table.
	Crew      []string
	Car       string
	Active    bool // still racing
	Points    float64
	MaxPoints float64 // an upper bound on final points
	Titles    int
	Ties      int // seasons tied for the title on points and countback
	TitleProb float64
	TitleSE   float64
	Mean      float64
	P5        float64
	P50       float64
	P95       float64
	// Positions[i] is the probability of finishing the season (i+1)th.
	Positions []float64
	// Gains[i] is the probability of finishing with Points + i·Step
	// points (counted points, under dropped scores).
	Gains []float64
}

// Follows reports whether the entry is a crew-mate shown under another
// driver of its crew (Crew[0]): one line of a table for them all.
func (e Entry) Follows() bool { return len(e.Crew) > 1 && e.Crew[0] != e.ID }

// Eliminated reports whether the entry cannot reach the leader's points.
func (e *Entry) Eliminated(leader float64) bool { return e.MaxPoints < leader-1e-9 }

// Project simulates the rest of the season after round `after`.
func Project(s *points.Season, after int, cfg Config) (*Projection, error) {
	if cfg.Sims <= 0 {
		cfg.Sims = DefaultSims
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	c, model, err := prepare(s, after, cfg)
	if err != nil {
		return nil, err
	}
	blocks := (cfg.Sims + BlockSize - 1) / BlockSize
	// Only --precision needs to stop and look between batches; progress
	// is read from a counter without holding the workers up.
	batch := blocks
	if cfg.Precision > 0 {
		batch = 8
	}
	cd, err := c.conditions(cfg)
	if err != nil {
		return nil, err
	}
	workers := make([]*tally, cfg.Workers)
	for i := range workers {
		workers[i] = c.newTally(model, cd)
	}
	var seasons atomic.Int64
	stop := make(chan struct{})
	reported := make(chan struct{})
	go func() {
		defer close(reported)
		if cfg.Progress == nil {
			return
		}
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				cfg.Progress(int(seasons.Load()), cfg.Sims)
			}
		}
	}()
	done := 0
	for start := 0; start < blocks; start += batch {
		end := min(start+batch, blocks)
		var next atomic.Int64
		next.Store(int64(start))
		var wg sync.WaitGroup
		for _, t := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					b := int(next.Add(1) - 1)
					if b >= end {
						return
					}
					n := min(BlockSize, cfg.Sims-b*BlockSize)
					t.runBlock(cfg.Seed, b, n)
					seasons.Add(int64(n))
				}
			}()
		}
		wg.Wait()
		done = min(end*BlockSize, cfg.Sims)
		if cfg.Precision > 0 && merge(c, workers).maxSE(done) < cfg.Precision {
			break
		}
	}
	close(stop)
	<-reported
	if cfg.Progress != nil {
		cfg.Progress(done, done)
	}
	total := merge(c, workers)
	return c.report(total, done, model.Name(), cfg.Seed), nil
}

// prepare compiles the season and fits the configured model to it.
func prepare(s *points.Season, after int, cfg Config) (*compiled, Model, error) {
	if cfg.Options == (Options{}) {
		cfg.Options = DefaultOptions()
	}
	if len(cfg.Entries) > 0 {
		if err := points.CheckEntries(s, after, cfg.Entries); err != nil {
			return nil, nil, err
		}
		s = points.WithEntries(s, cfg.Entries)
	}
	c, err := compile(s, after, cfg.Entries)
	if err != nil {
		return nil, nil, err
	}
	c.champBands = cfg.champBands
	ms := s
	if c.fold != nil {
		ms = carSeason(s) // the model races cars
	}
	var from *Carried
	if cfg.carry != nil {
		from = cfg.carry.get(cfg.Previous, c.fold != nil, cfg.Options)
	} else {
		from = CarryFrom(cfg.Previous, c.fold != nil, cfg.Options)
	}
	model, err := newModel(cfg.Model, ms, after, c.field, cfg.Options, from)
	if err != nil {
		return nil, nil, err
	}
	if pl, ok := model.(*PlackettLuce); ok {
		c.shareStrengths(pl, cfg.Entries)
	}
	return c, model, nil
}

// The bonuses a simulated session can draw, in the order they are drawn.
const nBonus = 4 // points.FastestLap, Pole, LedLap, MostLapsLed

// bonusDraw is one bonus of a remaining session as the simulator scores
// it.
type bonusDraw struct {
	on  bool // some championship scores it: the session draws it
	top int  // it scores only for places 0..top-1 (0: any classified driver; the fastest lap)
	// reassign: a driver outside the top draws again, until one inside it
	// takes the bonus (Formula E's fastest lap).
	reassign bool
	pts      []int64 // per championship, in units (0: none)
}

// session is a remaining session, compiled.
type session struct {
	race  bool // its places count in the countback
	round int  // index into per-round arrays
	kind  points.SessionKind
	// tables holds, per championship, what places 1, 2, ... score in
	// units; nil where the session does not count for it.
	tables [][]int64
	best   []int // per championship: its best-N rule (0: every car)
	bonus  [nBonus]bonusDraw
}

// byPlace reports whether the session draws bonuses by finishing place
// (pole, led a lap, most laps led), which needs the whole order.
func (ss *session) byPlace() bool {
	return ss.bonus[points.Pole].on || ss.bonus[points.LedLap].on || ss.bonus[points.MostLapsLed].on
}

// champ is one championship as the simulator keeps it.
type champ struct {
	def    *points.Championship
	st     []points.Standing // after the last completed round
	drop   points.Drop
	maxAdd []int64 // per entry, in units
	active []bool  // per entry: it has a car in the field
	cars   []int   // per entry: the most cars it runs in a session
}

// compiled is a season prepared for simulation.
type compiled struct {
	season     *points.Season
	plan       *points.Plan
	after      int
	scale      float64 // points are counted in 1/scale units
	champs     []champ
	field      []string // active driver ids
	fieldRound int      // the round the field is taken from
	// routes0[c][f] is the entry of championship c that field driver f
	// scores for, or -1; routes[s][c][f] the same in session s, where
	// entries change it (sessions share the slices where nothing
	// changes).
	routes0 [][]int
	routes  [][][]int
	// giveWay[c][f]: field car f is not eligible in championship c and
	// takes no place there (nil: every car is); fold: car mode's drivers'
	// championship by segments (nil: the field is drivers).
	giveWay  [][]bool
	fold     *crewFold
	absent   [][]int           // per session: the field indices not racing
	entries  bool              // entries change the field
	joined   int               // field indices from here on joined by an entry
	newTeam  map[string]string // driver -> the team of his latest entry
	sessions []session
	bonuses  *bonusModel
	places   int // countback width
	rounds   int
	fast     bool // the fast path applies
	races    int
	sprints  int
	// champBands: the boards tally each simulated champion's final points
	// too (Table.ChampionInside).
	champBands bool
}

func compile(s *points.Season, after int, entries []points.Entry) (*compiled, error) {
	if after < 1 {
		return nil, errors.New("no completed round: champ takes the field from the latest completed round")
	}
	plan := points.NewPlan(s)
	sys := plan.System
	cars := s.RacedByCrews(after)
	if cars && len(entries) > 0 {
		return nil, errors.New("driver changes (--entries) on a season with crews: list the crews of the rounds left in the season's crews.csv instead")
	}
	c := &compiled{season: s, plan: plan, after: after, rounds: len(s.Rounds)}
	for i := range sys.Championships {
		def := &sys.Championships[i]
		c.champs = append(c.champs, champ{def: def, st: plan.Standings(i, after), drop: def.Drop})
	}
	// The field: every driver of the latest completed round that counts
	// for both championships (so a one-off such as the Indianapolis 500 of
	// the 1950s, whose entrants raced nothing else, does not stand in for
	// the grand prix field), or of the latest completed round if none does.
	fieldRound := after
	for n := after; n >= 1; n-- {
		if r := s.Round(n); r != nil && r.Counts == points.CountsBoth {
			fieldRound = n
			break
		}
	}
	c.fieldRound = fieldRound
	idx := make([]map[string]int, len(c.champs))
	for k, ch := range c.champs {
		idx[k] = map[string]int{}
		for i, st := range ch.st {
			idx[k][st.ID] = i
		}
	}
	if cars {
		if err := c.compileCars(idx); err != nil {
			return nil, err
		}
	} else if err := c.compileDrivers(entries, idx); err != nil {
		return nil, err
	}
	// Remaining sessions, with their tables.
	var values []float64
	remaining := plan.Remaining(after)
	for _, ps := range remaining {
		for k := range c.champs {
			sc := &ps.Scores[k]
			values = append(values, sc.Table...)
			for _, a := range sc.Awards {
				values = append(values, a.Points)
			}
		}
	}
	c.scale = gridScale(values)
	for _, ps := range remaining {
		ss := session{race: ps.Kind == points.Race, round: ps.Round.Number - 1, kind: ps.Kind,
			tables: make([][]int64, len(c.champs)), best: make([]int, len(c.champs))}
		for b := range ss.bonus {
			ss.bonus[b].pts = make([]int64, len(c.champs))
		}
		for k := range c.champs {
			sc := &ps.Scores[k]
			if !sc.Counts {
				continue
			}
			ss.tables[k] = toUnits(sc.Table, c.scale)
			if ss.tables[k] == nil {
				ss.tables[k] = []int64{}
			}
			ss.best[k] = sc.Best
			for _, a := range sc.Awards {
				if int(a.Kind) >= nBonus {
					continue
				}
				b := &ss.bonus[a.Kind]
				b.on, b.top, b.reassign = true, a.Top, a.Reassign
				b.pts[k] = int64(math.Round(a.Points * c.scale))
			}
		}
		switch ps.Kind {
		case points.Race:
			c.races++
		case points.Sprint:
			c.sprints++
		}
		c.sessions = append(c.sessions, ss)
	}
	if cars {
		c.crewSegments(idx)
	} else if err := c.applyEntries(entries, idx); err != nil {
		return nil, err
	}
	c.places = len(c.field)
	for _, ch := range c.champs {
		for _, st := range ch.st {
			c.places = max(c.places, len(st.Places))
		}
	}
	c.bound()
	for i := range c.sessions {
		if c.sessions[i].byPlace() {
			bp := plan
			if cars {
				bp = points.NewPlan(carSeason(s)) // a car's pole once, not once per crew member
			}
			c.bonuses = newBonusModel(model.FitBonuses(bp, after), len(c.field))
			break
		}
	}
	c.fast = !fullPathOnly && planFast(c) != nil
	return c, nil
}

// compileDrivers sets up the field of drivers raced at round fieldRound
// (and those entries bring in) and who each scores for.
func (c *compiled) compileDrivers(entries []points.Entry, idx []map[string]int) error {
	s, after, fieldRound := c.season, c.after, c.fieldRound
	oneOff := oneOffs(s, fieldRound)
	seen := map[string]bool{}
	for _, r := range s.Results {
		if r.Round != fieldRound || seen[r.Driver] || r.Counts == points.CountsOther || r.Session == points.Qualifying || oneOff[r.Driver] {
			continue
		}
		seen[r.Driver] = true
		if _, ok := idx[0][r.Driver]; ok { // a car that cannot score has no standing and no part in the title
			c.field = append(c.field, r.Driver)
		}
	}
	sort.Strings(c.field)
	// Drivers entries bring in join the field after it, newcomers with an
	// empty standing.
	c.joined = len(c.field)
	for _, e := range entries {
		if !slices.Contains(c.field, e.Driver) {
			c.field = append(c.field, e.Driver)
		}
		if _, ok := idx[0][e.Driver]; !ok {
			idx[0][e.Driver] = len(c.champs[0].st)
			c.champs[0].st = append(c.champs[0].st, points.Standing{ID: e.Driver, Places: []int{}})
		}
	}
	if len(c.field) > 255 {
		return fmt.Errorf("round %d has %d drivers; champ simulates at most 255 (standings and clinch take up to 1000)", fieldRound, len(c.field))
	}
	if len(c.field) < 2 {
		return fmt.Errorf("round %d has fewer than two drivers: the rounds left are raced by the field of the latest completed round, so give that round every driver's result (DNF and DNS too)", fieldRound)
	}
	// Who each driver scores for: his latest result's team, make and car.
	c.routes0 = make([][]int, len(c.champs))
	for k, ch := range c.champs {
		route := make([]int, len(c.field))
		for f, id := range c.field {
			route[f] = -1
			h := id
			if ch.def.Of != points.HolderDriver {
				h = latestHolder(s, ch.def, id, after)
			}
			if e, ok := idx[k][h]; ok && h != "" {
				route[f] = e
			}
		}
		c.routes0[k] = route
	}
	return nil
}

// oneOffs returns the drivers of round n who raced no other round up to
// it, when round n's race had more than 1.2 times the season's usual
// (median) field: the extra entries of a round such as the Indianapolis
// 500, who do not race the rest of the season. Elsewhere it is empty: a
// newcomer in an ordinary field is a substitute or a new team-mate, and
// races on.
func oneOffs(s *points.Season, n int) map[string]bool {
	size := map[int]int{}
	rounds := map[string]map[int]bool{}
	for _, r := range s.Results {
		if r.Round > n || r.Session != points.Race || r.Counts == points.CountsOther {
			continue
		}
		if rounds[r.Driver] == nil {
			rounds[r.Driver] = map[int]bool{}
		}
		if !rounds[r.Driver][r.Round] {
			rounds[r.Driver][r.Round] = true
			size[r.Round]++
		}
	}
	if len(size) < 3 {
		return nil
	}
	var sizes []int
	for _, k := range size {
		sizes = append(sizes, k)
	}
	slices.Sort(sizes)
	if median := sizes[len(sizes)/2]; float64(size[n]) <= 1.2*float64(median) {
		return nil
	}
	out := map[string]bool{}
	for d, rs := range rounds {
		if len(rs) == 1 && rs[n] {
			out[d] = true
		}
	}
	return out
}

// latestHolder is the team, make or car driver id raced for in his latest
// result up to round n: whom his points reach in championship def.
func latestHolder(s *points.Season, def *points.Championship, id string, n int) string {
	h, best := "", -1
	for i := range s.Results {
		r := &s.Results[i]
		if r.Driver == id && r.Round <= n && r.Round >= best {
			if v := points.HolderOf(def, r); v != "" {
				h, best = v, r.Round
			}
		}
	}
	return h
}

// bound works out the most each entry of each championship can add, how
// many cars each runs and which are still racing.
func (c *compiled) bound() {
	for k := range c.champs {
		if c.fold != nil && k == c.fold.champ {
			c.boundCrews()
			continue
		}
		ch := &c.champs[k]
		n := len(ch.st)
		ch.maxAdd, ch.active, ch.cars = make([]int64, n), make([]bool, n), make([]int, n)
		if len(c.sessions) == 0 { // nothing left: the field is as it last raced
			for _, e := range c.routes0[k] {
				if e >= 0 {
					ch.active[e] = true
					ch.cars[e]++
				}
			}
		}
		cars := make([]int, n)
		for i := range c.sessions {
			ss := &c.sessions[i]
			clear(cars)
			for f, e := range c.routes[i][k] {
				if e < 0 || !c.racing(i, f) {
					continue
				}
				ch.active[e] = true
				cars[e]++
				ch.cars[e] = max(ch.cars[e], cars[e])
			}
			t := ss.tables[k]
			if t == nil {
				continue
			}
			single, each := int64(0), int64(0)
			for b := range ss.bonus {
				if points.BonusKind(b).Single() {
					single += ss.bonus[b].pts[k]
				} else {
					each += ss.bonus[b].pts[k]
				}
			}
			for e, m := range cars {
				if m == 0 {
					continue
				}
				if ss.best[k] > 0 {
					m = min(m, ss.best[k])
				}
				for p := 0; p < m && p < len(t); p++ {
					ch.maxAdd[e] += t[p]
				}
				ch.maxAdd[e] += single + each*int64(cars[e])
			}
		}
	}
}

// gridScale returns the smallest of 1, 2, 4, 10, 20, 100, 1000 that makes
// every value a whole number of units.
func gridScale(values []float64) float64 {
	for _, s := range []float64{1, 2, 4, 10, 20, 100, 1000} {
		ok := true
		for _, v := range values {
			if math.Abs(v*s-math.Round(v*s)) > 1e-9 {
				ok = false
				break
			}
		}
		if ok {
			return s
		}
	}
	return 1000
}

func toUnits(t []float64, scale float64) []int64 {
	u := make([]int64, len(t))
	for i, v := range t {
		u[i] = int64(math.Round(v * scale))
	}
	return u
}

// padded allocates a slice of n elements with 64 unused elements on each
// side, so that two workers' hot slices never share a cache line.
func padded[T any](n int) []T {
	const pad = 64
	s := make([]T, n+2*pad)
	return s[pad : pad+n : pad+n]
}

// Quantile returns the q-quantile (0 < q < 1) of the entry's final points:
// the least total whose cumulative probability reaches q.
func (p *Projection) Quantile(e *Entry, q float64) float64 { return quantileOf(e, q, p.Step) }

// MeanPosition is the entry's expected final position (1 for the title).
func (e *Entry) MeanPosition() float64 {
	var m, tot float64
	for i, q := range e.Positions {
		m += float64(i+1) * q
		tot += q
	}
	if tot == 0 {
		return 0
	}
	return m / tot
}

// ClinchNeed is the "magic number" of entry i: the points it still needs
// to be sure of the title whatever its rivals score, that is to reach the
// most any rival can (a tie there goes to the countback). It is 0 when the
// title is already sure and ok is false when the entry cannot reach that
// many on its own.
func (t *Table) ClinchNeed(i int) (need float64, ok bool) {
	e := &t.Entries[i]
	if math.IsInf(e.MaxPoints, -1) {
		return 0, false
	}
	best := math.Inf(-1)
	for j := range t.Entries {
		if r := &t.Entries[j]; j != i && !contains(e.Crew, r.ID) { // a crew-mate is no rival
			best = max(best, r.MaxPoints)
		}
	}
	if math.IsInf(best, -1) {
		return 0, true
	}
	need = max(0, best-e.Points)
	return need, e.Points+need <= e.MaxPoints+1e-9
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
