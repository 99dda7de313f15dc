// Package points is champ's domain: seasons, the points systems of real
// championships, and standings with the official tie-break.
//
// A [Season] is a calendar of [Round]s, the [Result]s of the sessions run so
// far and the [System] that scores them. [Drivers] and [Teams] compute the
// standings after any round: points scored and counted (dropped scores),
// wins, the countback tie-break (most wins, then most second places, ...) and
// exclusions.
//
// The exact layer — [BestCase], [CanWin], [Decided], [BestPosition],
// [WorstPosition], [EarliestClinch], [NextRoundCondition] — says what is
// still mathematically possible, assuming any car may fail to score in
// any session.
//
// Points are float64 because real championships award half points and
// shares of a point (1954: seven drivers shared one fastest-lap point). Two
// totals within 1e-6 of each other are equal.
//
// The package uses the standard library only and does no I/O.
package points
