package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/champ-dev/champ/sim"
)

// The flags of the commands that simulate (project, timeline, backtest)
// and of their charts and reports, read and checked in one place.

// simFlags are --sims (with the command's default and meaning), --seed,
// --model, --workers and the model's hyperparameters.
func simFlags(sims int, simsUsage, modelUsage, workersUsage string) []cli.Flag {
	return append([]cli.Flag{
		&cli.IntFlag{Name: "sims", Aliases: []string{"n"}, Value: sims, Usage: simsUsage},
		&cli.Uint64Flag{Name: "seed", Value: sim.DefaultSeed, Usage: "random `SEED`: the same seed gives the same report"},
		&cli.StringFlag{Name: "model", Aliases: []string{"m"}, Value: sim.ModelPlackettLuce, Usage: modelUsage},
		&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: workersUsage + " (at most 1024)", DefaultText: "all cores"},
	}, modelFlags()...)
}

// modelFlags set the Plackett–Luce model's hyperparameters.
func modelFlags() []cli.Flag {
	d := sim.DefaultOptions()
	return []cli.Flag{
		&cli.Float64Flag{Name: "half-life", Value: d.HalfLife, Usage: "model: a result `N` rounds old counts half (0: all rounds alike)"},
		&cli.Float64Flag{Name: "prior", Value: d.Prior, Usage: "model: weight of the prior pulling strengths to the field, in `RACES` of each driver's own results"},
		&cli.Float64Flag{Name: "dnf-prior", Value: d.DNFPrior, Usage: "model: weight of the prior retirement rate (the field's, or the team's carried), in `STARTS`"},
		&cli.Float64Flag{Name: "dnf-team", Value: d.DNFTeam, Usage: "model: weight `F` of a driver's team-mates' starts in his retirement rate (0: his own only, 1: the car's, the team's)"},
		&cli.Float64Flag{Name: "dnf-carry", Value: d.DNFCarry, Usage: "model: centre the retirement prior `F` of the way from the field's rate to the team's of the season before (0: the field's; needs the season before)"},
		&cli.Float64Flag{Name: "uncertainty", Value: d.Uncertainty, Usage: "model: scale of the strength uncertainty drawn per season (`X`, 0: none)"},
		&cli.Float64Flag{Name: "sharpness", Value: d.Sharpness, Usage: "model: scale the simulated log-strengths by `S` (1: as fitted; above 1 the strongest win more often; below 1 toward the field, 0: all equal)"},
		&cli.Float64Flag{Name: "drift", Value: d.Drift, Usage: "model: form's random walk per round left, `SD` of log-strength (0: none)"},
		&cli.Float64Flag{Name: "incident", Value: d.Incident, Usage: "model: prior `P`robability that a classified result is an incident, not form (0: take every result at face value)"},
		&cli.Float64Flag{Name: "absence", Value: d.Absence, Usage: "model: a driver misses each session left (scored as a retirement) at `F` times the rate the front half of a race missed the next, this season and the season before (0: every driver starts every session)"},
		&cli.Float64Flag{Name: "carry", Value: d.Carry, Usage: "model: carry `F` of the season before's form into each driver's prior: his team's, with his edge over his team-mates then (0: every season starts level; needs the season before)"},
		&cli.Float64Flag{Name: "rule-carry", Value: d.RuleCarry, Usage: "model: scale --carry by `F` into a season of new technical regulations (F1 2014, 2022)"},
		&cli.Float64Flag{Name: "team-share", Value: d.TeamShare, Usage: "model: share `F` of each season's strength draw (uncertainty and drift) that team-mates share, the car's (0: every driver alone)"},
		&cli.Float64Flag{Name: "team-pool", Value: d.TeamPool, Usage: "model: shrink drivers toward their team-mates by `F` (0 to 0.9) instead of the field (0: the field)"},
	}
}

// optionField is one of the model's hyperparameters, by its flag's name.
type optionField struct {
	name  string
	field func(*sim.Options) *float64
}

// optionFields are the model's hyperparameters, read from their flags
// and searched by --grid.
var optionFields = []optionField{
	{"half-life", func(o *sim.Options) *float64 { return &o.HalfLife }},
	{"prior", func(o *sim.Options) *float64 { return &o.Prior }},
	{"dnf-prior", func(o *sim.Options) *float64 { return &o.DNFPrior }},
	{"dnf-team", func(o *sim.Options) *float64 { return &o.DNFTeam }},
	{"dnf-carry", func(o *sim.Options) *float64 { return &o.DNFCarry }},
	{"uncertainty", func(o *sim.Options) *float64 { return &o.Uncertainty }},
	{"sharpness", func(o *sim.Options) *float64 { return &o.Sharpness }},
	{"drift", func(o *sim.Options) *float64 { return &o.Drift }},
	{"incident", func(o *sim.Options) *float64 { return &o.Incident }},
	{"team-pool", func(o *sim.Options) *float64 { return &o.TeamPool }},
	{"absence", func(o *sim.Options) *float64 { return &o.Absence }},
	{"carry", func(o *sim.Options) *float64 { return &o.Carry }},
	{"rule-carry", func(o *sim.Options) *float64 { return &o.RuleCarry }},
	{"team-share", func(o *sim.Options) *float64 { return &o.TeamShare }},
}

// maxWorkers bounds --workers: every worker keeps its own tallies, so
// memory grows with them, and past the machine's cores they only wait.
const maxWorkers = 1024

// simConfig reads and checks simFlags.
func simConfig(c *cli.Context) (sim.Config, error) {
	var o sim.Options
	for _, f := range optionFields {
		*f.field(&o) = c.Float64(f.name)
	}
	if err := checkOptions(o); err != nil {
		return sim.Config{}, err
	}
	cfg := sim.Config{Model: strings.ToLower(c.String("model")), Options: o, Sims: c.Int("sims"), Seed: c.Uint64("seed"), Workers: c.Int("workers")}
	if err := checkModel("model", cfg.Model); err != nil {
		return cfg, err
	}
	if cfg.Sims < 1 {
		return cfg, usagef("--sims %d: simulate at least one season", cfg.Sims)
	}
	if cfg.Workers < 0 || cfg.Workers > maxWorkers {
		return cfg, usagef("--workers %d: give from 1 to %d workers (each holds its own tallies; more than the cores buys nothing)", cfg.Workers, maxWorkers)
	}
	return cfg, nil
}

func checkModel(flag, m string) error {
	for _, n := range sim.ModelNames {
		if strings.EqualFold(m, n) {
			return nil
		}
	}
	return usagef("--%s %q: %suse %s", flag, m, hintPrefix(m, sim.ModelNames), strings.Join(sim.ModelNames, ", "))
}

func plotFlag(what string) cli.Flag {
	return &cli.StringFlag{Name: "plot", Usage: "draw " + what + " to `FILE` (.png or .svg)"}
}

// simOptions are what the simulating commands (project, timeline,
// backtest) share: the output, the simulation and --plot, checked, and
// whether --sims was given (a default run is held to a budget).
type simOptions struct {
	output   outputOptions
	cfg      sim.Config
	plot     string // "": none
	progress bool
	simsSet  bool
}

// simOptionsOf reads them after checking for stray arguments (hint names
// the flag likely meant).
func simOptionsOf(c *cli.Context, hint string) (o simOptions, err error) {
	if err = noArgs(c, hint); err != nil {
		return
	}
	if o.output, err = outputOptionsOf(c); err != nil {
		return
	}
	if o.cfg, err = simConfig(c); err != nil {
		return
	}
	o.simsSet, o.progress = c.IsSet("sims"), progressOn(c)
	o.plot, err = plotPath(c)
	return
}

// plotPath returns --plot, checked, or "".
func plotPath(c *cli.Context) (string, error) {
	p := c.String("plot")
	if p == "" {
		return "", nil
	}
	return p, checkPlotFile(p)
}

// checkOptions checks the model's hyperparameters, each named by its flag.
func checkOptions(o sim.Options) error {
	for _, f := range []struct {
		name string
		v    float64
		ok   bool // false for NaN too
		want string
	}{
		{"half-life", o.HalfLife, o.HalfLife >= 0, "0 or more"},
		{"prior", o.Prior, o.Prior > 0, "more than 0"},
		{"dnf-prior", o.DNFPrior, o.DNFPrior > 0, "more than 0"},
		{"dnf-team", o.DNFTeam, o.DNFTeam >= 0 && o.DNFTeam <= 1, "from 0 to 1"},
		{"dnf-carry", o.DNFCarry, o.DNFCarry >= 0 && o.DNFCarry <= 1, "from 0 to 1"},
		{"uncertainty", o.Uncertainty, o.Uncertainty >= 0 && o.Uncertainty <= 5, "from 0 to 5"},
		{"sharpness", o.Sharpness, o.Sharpness >= 0 && o.Sharpness <= 10, "from 0 to 10"},
		{"drift", o.Drift, o.Drift >= 0 && o.Drift <= 5, "from 0 to 5"},
		{"incident", o.Incident, o.Incident >= 0 && o.Incident < 0.5, "from 0 to under 0.5"},
		{"carry", o.Carry, o.Carry >= 0 && o.Carry <= 1, "from 0 to 1"},
		{"absence", o.Absence, o.Absence >= 0 && o.Absence <= 10, "from 0 to 10"},
		{"rule-carry", o.RuleCarry, o.RuleCarry >= 0 && o.RuleCarry <= 1, "from 0 to 1"},
		{"team-share", o.TeamShare, o.TeamShare >= 0 && o.TeamShare <= 1, "from 0 to 1"},
		{"team-pool", o.TeamPool, o.TeamPool >= 0 && o.TeamPool <= 0.9, "from 0 to 0.9 (at 1 nothing anchors a team's level and the fit crawls)"},
	} {
		if !f.ok {
			return usagef("--%s %g: give a number %s", f.name, f.v, f.want)
		}
	}
	return nil
}

// budgetSims returns the default of `want` seasons, or fewer (at least
// `least`) where each draws so many finishes that the run would go over
// budget, and says so on standard error.
func budgetSims(e env, season string, want int, draws, budget int64, least int) int {
	n := sim.BudgetSims(want, draws, budget, least)
	if n < want {
		fmt.Fprintf(e.stderr, "champ: %d seasons, not the default %d, to keep the run within %d finishes drawn (%s: %d a season); --sims N to choose\n",
			n, want, budget, season, draws)
	}
	return n
}
