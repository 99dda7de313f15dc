// Package points is champ's domain: seasons, the points systems of real
// championships, and standings with the official tie-break.
//
// A [Season] is a calendar of [Round]s, the [Result]s of the sessions run so
// far and the [System] that scores them. A result belongs to a competitor:
// a car (its number) with a crew of one or more drivers, entered by a team,
// built by a manufacturer (make).
//
// A system is data: its tables (race, sprint, alternative race tables a
// round can name, qualifying tables a round can name), its [Bonus]es
// (fastest lap with its top-N rule, pole, led a lap, most laps led) and its
// [Championship]s. A championship says whom it ranks ([Holder]: drivers,
// teams, manufacturers, cars), how a shared car's points reach its drivers
// ([Share]), how many of a holder's cars score per session, which bonuses
// count, its own race table, its dropped scores; every championship breaks
// ties by countback (most wins, then most second places, ...).
//
// [NewPlan] compiles a season once: for every session of the calendar
// (each round's scoring qualifying, sprint and race) what each place and
// each bonus is worth in each championship. Everything that counts points
// reads the plan: [Standings] of completed sessions, the exact maths of
// the remaining ones, and the simulator (package sim). A rule is written
// once, in the plan; a preset is data plus a test ([Lookup]).
//
// The exact layer — [BestCase], [CanWin], [Decided], [BestPosition],
// [WorstPosition], [EarliestClinch], [NextRoundCondition] — says what is
// still mathematically possible, assuming any car may fail to score in
// any session, with every bonus a winner can take counted. The worst
// position's search shares a budget over the field, so that a field of
// hundreds stays within seconds; beyond it the answer is a range.
//
// [CheckFixes] rejects what-if fixes that no finishing order meets;
// [Rescore] scores a season's results under another system; [Nearest]
// suggests the id a mistyped one likely meant.
//
// Points are float64 because real championships award half points and
// shares of a point (1954: seven drivers shared one fastest-lap point). Two
// totals within 1e-6 of each other are equal.
//
// The package uses the standard library only and does no I/O.
package points
