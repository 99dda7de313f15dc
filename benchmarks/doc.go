// Package benchmarks holds champ's performance benchmarks; it has no code
// of its own. See README.md for how to run and compare them.
package benchmarks
