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
)

// BlockSize is the number of seasons in a block: the unit of work whose
// random stream is fixed by (seed, block number).
const BlockSize = 4096

// DefaultSeed is the seed used when none is given (the date of the 2024
// Canadian GP).
const DefaultSeed uint64 = 20240609

// fullPathOnly turns the fast path off (for tests that compare the two).
var fullPathOnly = false

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
	// Progress, if set, is called from one goroutine about every 200 ms
	// with the seasons done and the most that will run, and once at the end.
	Progress func(done, total int)
}

// Projection is the result of a projection.
type Projection struct {
	Season     *points.Season
	After      int
	Model      string
	Sims       int
	Seed       uint64
	Races      int     // races left
	Sprints    int     // sprints left
	PointsLeft float64 // the most a driver can still add
	TeamLeft   float64 // the most a team can still add
	Step       float64 // the points between two entries of Entry.Gains
	Drivers    []Entry // by title probability, then current standing
	Teams      []Entry // nil without a teams' championship
	// DriverTies and TeamTies count the simulated seasons whose title
	// the countback could not break.
	DriverTies, TeamTies int
}

// Entry is one driver's or team's projection.
type Entry struct {
	ID        string
	Team      string // a driver's team (latest round raced)
	Active    bool   // still racing
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
		workers[i] = c.newTally(cd.sampler(model))
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
	model, err := NewModel(cfg.Model, s, after, c.field, cfg.Options)
	if err != nil {
		return nil, nil, err
	}
	if pl, ok := model.(*PlackettLuce); ok {
		c.shareStrengths(pl, cfg.Entries)
	}
	return c, model, nil
}

// session is a remaining session, compiled.
type session struct {
	race      bool
	round     int // index into per-round arrays
	table     []int64
	teamTable []int64
	flBonus   int64
	flTop     int
	flTeam    bool
	drivers   bool // counts for the drivers' championship
	teams     bool
}

// compiled is a season prepared for simulation.
type compiled struct {
	season     *points.Season
	after      int
	scale      float64 // points are counted in 1/scale units
	drivers    []points.Standing
	teams      []points.Standing
	field      []string // active driver ids
	fieldRound int      // the round the field is taken from
	fieldDrv   []int    // field index -> driver entry
	fieldTm    []int    // field index -> team entry, -1 without a team
	// Per session: field index -> team entry (fieldTm unless entries
	// change it), and the field indices not racing.
	sessTm   [][]int
	absent   [][]int
	entries  bool              // entries change the field
	joined   int               // field indices from here on joined by an entry
	newTeam  map[string]string // driver -> the team of his latest entry
	sessions []session
	places   int // countback width
	rounds   int
	drop     points.Drop
	teamDrop points.Drop
	bestCar  bool
	maxAdd   []int64 // per driver entry, in units
	maxTeam  []int64
	cars     []int  // per team entry: its cars in the field
	activeD  []bool // per driver entry: in the field
	activeT  []bool // per team entry: it has a car in the field
	fast     bool   // the fast path applies
	races    int
	sprints  int
}

func compile(s *points.Season, after int, entries []points.Entry) (*compiled, error) {
	sys := s.System
	c := &compiled{season: s, after: after, drivers: points.Drivers(s, after), rounds: len(s.Rounds), drop: sys.Drop,
		teamDrop: sys.Teams.Drop, bestCar: sys.Teams.BestCarOnly}
	if sys.Teams.Enabled {
		c.teams = points.Teams(s, after)
	}
	if after < 1 {
		return nil, errors.New("no completed round: champ takes the field from the latest completed round")
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
	dIdx := map[string]int{}
	for i, st := range c.drivers {
		dIdx[st.ID] = i
	}
	tIdx := map[string]int{}
	for i, st := range c.teams {
		tIdx[st.ID] = i
	}
	seen := map[string]bool{}
	for _, r := range s.Results {
		if r.Round != fieldRound || seen[r.Driver] || r.Counts == points.CountsOther {
			continue
		}
		seen[r.Driver] = true
		if _, ok := dIdx[r.Driver]; ok { // a car that cannot score has no standing and no part in the title
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
		if _, ok := dIdx[e.Driver]; !ok {
			dIdx[e.Driver] = len(c.drivers)
			c.drivers = append(c.drivers, points.Standing{ID: e.Driver, Places: []int{}})
		}
	}
	for _, id := range c.field {
		c.fieldDrv = append(c.fieldDrv, dIdx[id])
		t, ok := tIdx[s.DriverTeam(id, after)]
		if !ok {
			t = -1
		}
		c.fieldTm = append(c.fieldTm, t)
	}
	if len(c.field) > 255 {
		return nil, fmt.Errorf("round %d has %d drivers; champ simulates at most 255", fieldRound, len(c.field))
	}
	if len(c.field) < 2 {
		return nil, fmt.Errorf("round %d has fewer than two drivers to simulate", fieldRound)
	}
	// Remaining sessions, with their tables.
	var values []float64
	type raw struct {
		s         session
		table, tt []float64
		fl        float64
	}
	var raws []raw
	for _, u := range s.Upcoming(after) {
		rd, k := u.Round, u.Kind
		fl, top := sys.FastestLapBonus(k, rd)
		r := raw{s: session{race: k == points.Race, round: rd.Number - 1, flTop: top, flTeam: sys.Teams.FastestLap,
			drivers: rd.Counts == points.CountsBoth || rd.Counts == points.CountsDriver,
			teams:   sys.Teams.Enabled && (rd.Counts == points.CountsBoth || rd.Counts == points.CountsTeam)},
			table: sys.Table(k, rd, u.Final), tt: sys.TeamTable(k, rd, u.Final), fl: fl}
		values = append(values, r.table...)
		values = append(values, r.tt...)
		values = append(values, fl)
		raws = append(raws, r)
		if k == points.Race {
			c.races++
		} else {
			c.sprints++
		}
	}
	c.scale = gridScale(values)
	for _, r := range raws {
		r.s.table = toUnits(r.table, c.scale)
		r.s.teamTable = toUnits(r.tt, c.scale)
		r.s.flBonus = int64(math.Round(r.fl * c.scale))
		c.sessions = append(c.sessions, r.s)
	}
	if err := c.applyEntries(entries, tIdx); err != nil {
		return nil, err
	}
	c.places = len(c.field)
	for _, st := range append(append([]points.Standing{}, c.drivers...), c.teams...) {
		c.places = max(c.places, len(st.Places))
	}
	// The most each entry can add.
	c.cars = make([]int, len(c.teams)) // the most cars a team runs in a session
	c.maxAdd = make([]int64, len(c.drivers))
	c.maxTeam = make([]int64, len(c.teams))
	c.activeD = make([]bool, len(c.drivers))
	if len(c.sessions) == 0 { // nothing left: the field is as it last raced
		for f, t := range c.fieldTm {
			c.activeD[c.fieldDrv[f]] = true
			if t >= 0 {
				c.cars[t]++
			}
		}
	}
	cars := make([]int, len(c.teams))
	for i, ss := range c.sessions {
		clear(cars)
		for f, t := range c.sessTm[i] {
			if !c.racing(i, f) {
				continue
			}
			c.activeD[c.fieldDrv[f]] = true
			if ss.drivers && len(ss.table) > 0 {
				c.maxAdd[c.fieldDrv[f]] += ss.table[0] + ss.flBonus
			}
			if t >= 0 {
				cars[t]++
				c.cars[t] = max(c.cars[t], cars[t])
			}
		}
		if !ss.teams {
			continue
		}
		for t, n := range cars {
			if n == 0 {
				continue
			}
			if c.bestCar {
				n = 1
			}
			for i := 0; i < n && i < len(ss.teamTable); i++ {
				c.maxTeam[t] += ss.teamTable[i]
			}
			if ss.flTeam {
				c.maxTeam[t] += ss.flBonus
			}
		}
	}
	c.activeT = make([]bool, len(c.teams))
	for t, n := range c.cars {
		c.activeT[t] = n > 0
	}
	c.fast = !fullPathOnly && planFast(c) != nil
	return c, nil
}

// carsPerTeam is the most cars any team runs.
func (c *compiled) carsPerTeam() int {
	most := 1
	for _, n := range c.cars {
		most = max(most, n)
	}
	return most
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
