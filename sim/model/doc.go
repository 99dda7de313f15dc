// Package model fits the engine's models to a season's completed rounds:
// Plackett–Luce strengths (fit.go) with incidents (incidents.go),
// retirement rates (dnf.go) and absences (absence.go), carried from the
// season before (carry.go) (FitSeason, FitSeasonFrom), and the
// propensities of the bonuses drawn by finishing place (FitBonuses). Fits
// are deterministic functions of the results and the options; the
// simulator (package sim) turns them into each simulated season's draws.
package model
