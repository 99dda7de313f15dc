package sim

import (
	"github.com/champ-dev/champ/points"
	"github.com/champ-dev/champ/sim/model"
)

// Options are the model's hyperparameters (package model).
type Options = model.Options

// Fit is a fitted Plackett–Luce model with retirement rates (package
// model).
type Fit = model.Fit

// DefaultOptions are the hyperparameters champ uses unless told otherwise
// (package model: chosen by backtest on 1950–2012 only).
func DefaultOptions() Options { return model.DefaultOptions() }

// FitSeason fits the model to the completed sessions of rounds 1..n.
func FitSeason(s *points.Season, n int, o Options) *Fit { return model.FitSeason(s, n, o) }
