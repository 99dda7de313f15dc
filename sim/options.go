package sim

import (
	"sync"

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

// Carried is the form a season inherits from the season before (package
// model).
type Carried = model.Carried

// CarryFrom fits the season before, prev, as the model sees it (cars
// where the projection races cars), and returns the form it carries; nil
// if there is no season before or nothing is carried (Options.Carry and
// DNFCarry 0).
func CarryFrom(prev *points.Season, cars bool, o Options) *Carried {
	if !carries(prev, o) {
		return nil
	}
	if cars {
		prev = carSeason(prev)
	}
	return model.CarryOver(prev, o)
}

// carries reports whether anything is carried from prev: there is a
// season before, and form or retirement rates are carried.
func carries(prev *points.Season, o Options) bool {
	return prev != nil && (o.Carry > 0 || o.DNFCarry > 0)
}

// carryMemo fits each season before once for the many projections of a
// backtest or a timeline, which all carry the same form.
type carryMemo struct {
	mu sync.Mutex
	m  map[carryKey]*Carried
}

type carryKey struct {
	prev *points.Season
	cars bool
}

// get is CarryFrom, remembered.
func (c *carryMemo) get(prev *points.Season, cars bool, o Options) *Carried {
	if !carries(prev, o) {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k := carryKey{prev, cars}
	if f, ok := c.m[k]; ok {
		return f
	}
	if c.m == nil {
		c.m = map[carryKey]*Carried{}
	}
	f := CarryFrom(prev, cars, o)
	c.m[k] = f
	return f
}
