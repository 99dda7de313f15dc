// Package sim projects the rest of a season by Monte Carlo.
//
// It is the engine: it compiles a season's points plan for simulation,
// runs the seasons (a kernel with vector code, a full path) and reports
// them. The fits live in sim/model, the racing primitives (key draws,
// sorting networks, the AVX-512 code and its Go fallbacks) in
// sim/internal/race, the generator in sim/rng; sim is the package to
// import.
//
// # The model
//
// A driver's finishing order is Plackett–Luce: each driver d has a strength
// w_d, and the winner of a session is d with probability w_d / Σ w; the
// second is drawn the same way from those left, and so on. Equivalently,
// each driver's "time" is an exponential variate with rate w_d and the
// order is the order of the times, which is how sessions are simulated.
// The exponential variate is -log2 of a uniform from 32 random bits, the
// logarithm from a 16-entry table and a polynomial, to a relative error
// below 5e-12 with no rejection step, so eight drivers' times are computed
// alike in vector code.
//
// Strengths are fitted by maximum a posteriori from the season's completed
// sessions with Hunter's MM algorithm (Hunter 2004, "MM algorithms for
// generalized Bradley–Terry models"; Caron and Doucet 2012 for the gamma
// prior). Every classified finish is a stage of the ranking. Retired
// drivers take no part in it: the simulation draws retirements first and
// orders the rest by strength, so the fit does the same and a retirement
// informs only the retirement rate (counting it as a defeat by every
// finisher as well penalised it twice). Recent rounds weigh more: a
// session n rounds before the last counts 2^(-n/HalfLife). A gamma prior
// shrinks every strength toward the field (strength 1), or toward the form
// carried from the season before (a driver who changes teams brings his
// edge over his team-mates then on his new team's form at the end of it,
// followed through a renaming by points.Season.Formerly), so a driver
// with one start or a perfect record gets a finite, sensible strength.
// The prior is a unit-information one: it is worth Prior races of each
// driver's own results (a first fit measures each driver's information
// per session, Σ p(1-p) over the stages he takes part in; the second
// gives his prior Prior times that).
// A flat prior, the same pseudo-observations for everyone, pulled the
// front-runners back hardest, because a winner takes part in one stage of
// each race and a race says little of how much faster he is.
//
// Retirements are modelled separately: each driver's probability of not
// being classified is beta-binomial, a prior worth DNFPrior starts updated
// by his team's (recency-weighted) starts and retirements, all its cars
// pooled (DNFTeam 1: the car's reliability). The prior is centred half-way
// (DNFCarry 0.5) between the field's rate this season and his team's at
// the end of the season before. In a simulated session each driver
// retires with his probability; the others are ordered by Plackett–Luce.
// On 1950–2012, predicting each later race's retirements from the rounds
// before, the team's record with the rate carried beats the field's rate
// (Bernoulli log loss 0.657 against 0.682), and a driver's own record (the
// previous model) predicted little beyond the field's.
//
// Absences. A driver of the field may miss a session left (an injury, a
// seat lost, a race skipped), which scores as a retirement: with Absence
// (3) times the rate at which the front half of a race (its starters of
// the race before) did not start the next one, in the season so far and
// the season before when anything is carried from it, shrunk toward none
// by a prior worth 50 front-runners' starts, at most a half. The rate was
// 15% in the 1950s and about 1% since 2000; the factor stands for
// absences coming in runs, whose spread independent misses at the
// measured rate understate. It is folded into the retirement quantiles,
// so the kernel does not see it; so each session is missed on its own,
// a sprint apart from its race, where a real absence takes the weekend
// (since 2000 about one front-runner's race in a hundred).
//
// Plackett–Luce fitted to whole finishing orders is flatter at the front
// than racing is (fitted to a whole season, each season's most frequent
// winner of 2013–2025 is expected to win 115 of the 147 races he won), so
// the simulated races use the fitted log-strengths, and their spread,
// times Sharpness.
//
// Incidents. A classified result far below a driver's form (a late
// failure classified 19th, a first-lap collision) is taken, by hard EM of
// a mixture, for an incident that says nothing of form, like a
// retirement, where that is likelier (prior probability Incident, its
// place uniform) than his form producing it. Results are judged under the
// race the simulation runs, at the strengths to the power Sharpness: under
// the prior the fitted order is flat, and in it such a result looks like
// form. The first marks are made at the fitted strengths themselves, so
// that a fast driver whom one disaster has dragged down does not have his
// wins taken for the incidents.
//
// Drift widens the strength draw with the rounds left, as a random walk of
// form would (Drift²·H/3 of extra log-strength variance, H rounds left), so
// that a car developed during the season stays inside the points bands.
// TeamShare of each season's draw (its uncertainty and drift) is the
// team's, shared by team-mates: a car drawn faster or slower moves both
// its drivers, and the faster of the two stays ahead of the other. The
// team's quantile comes from bits of its first driver's draw that the
// strength and the retirement rate leave unused, so the random stream is
// the same with or without it.
// TeamPool, off by default, shrinks a driver toward his team-mates instead
// of the field.
//
// The defaults (HalfLife 16, Prior 8, DNFPrior 35, DNFTeam 1, DNFCarry
// 0.5, Uncertainty 1, Sharpness 4, Incident 0.03, Carry 1, RuleCarry 0.125,
// Drift 0.05, TeamShare 0.75, Absence 3) were
// chosen by backtest (see RunBacktest) on the seasons 1950–2012 only, so
// 2013 onwards is an out-of-sample test; the README gives the grids and
// the scores.
//
// # Parameter uncertainty
//
// Each simulated season first draws its parameters from the fit's
// uncertainty, so that odds after 3 rounds are less confident than after
// 20: log-strengths from a normal Laplace approximation of the posterior
// (mean the MAP estimate, variance the inverse of the observed information,
// diagonal: the correlations between drivers are small next to the
// variances once every driver has met every other, and the diagonal keeps
// the draw to one normal variate per driver), scaled by Uncertainty; and
// retirement rates from their beta posteriors. A bootstrap over rounds was
// the alternative; it needs a refit per simulated season, and with few
// rounds it cannot produce an order the rounds did not show.
//
// Both draws are by inverse transform from per-driver tables of 4096
// equally likely quantiles built once per projection: the exact normal
// quantiles for the log-strength (so the draw is truncated at ±3.5
// standard deviations), and the sorted values of 4096 beta variates for the
// retirement rate. One 64-bit random number per driver per season picks
// both, and for the first driver of each team the team's share too: the
// strength is the product of the driver's table at his quantile and his
// team's share's table at the team's.
//
// # Sessions
//
// Every remaining session of the season's points plan (points.NewPlan) is
// simulated: races, sprints (the same strengths with the sprint table) and
// qualifying sessions that a round's qualifying table scores (the
// Indianapolis 500's 12..1; drawn like a race). Each championship of the
// system is tallied from the same simulated results, under its own
// rules: whom it ranks, its best-N cars, its bonuses, its dropped scores.
//
// Bonuses. Where the rules award a fastest-lap bonus it goes to a
// classified driver chosen with probability proportional to his strength
// before the sharpening, w^(1/Sharpness) (a one-stage Plackett–Luce draw:
// the count of the season's cumulative such strengths below a uniform
// point; the race winner set it in 46 of 151 races of 2019–2025, fewer
// than the sharpened order would give him), and scores only if the rules allow it
// from that position (F1 2019-24: top 10); where the rules reassign it
// (Formula E) a driver outside the top draws again. Pole, leading a lap
// and leading the most laps are drawn by finishing place, so they follow
// the simulated order: pole to place p with probability proportional to
// exp(-λp), a lap led by each place with probability logistic(a - b
// log(1+p)) (the winner if no one), the most laps led to one of those who
// led, proportionally to exp(-μp); λ, a, b and μ are fitted to the
// completed sessions that flag those bonuses (see bonus.go).
// A round's multiplier and the final-round multiplier apply as in
// [points.System.Table].
//
// # Who races
//
// Each team's drivers of the latest completed round race every remaining
// session (but for the absences the model draws); when that round's field
// was more than 1.2 times the season's usual (the Indianapolis 500), its
// one-off entries do not. A driver who raced earlier and not in the
// latest round keeps their points, for themselves and their team, and
// scores no more.
// [Config.Entries] change that from a round on (a substitute, a move, a new
// team-mate): a driver an entry brings in races only its rounds, the driver
// he replaces sits them out, and a newcomer's strength is the prior's or a
// stated share of his team's. A driver who sits a session out is retired in
// its draw (every model retires him itself), so the kernel and the vector
// code run entries too.
//
// # Crews
//
// Where every driver of a car scores its points (endurance racing) and
// cars have crews ([points.Season.RacedByCrews]), the field is the cars:
// the model is fitted to one result per car and session, and a car's
// points reach its make and team as a driver's would. The drivers'
// championship goes through segments, runs of sessions in which a car
// keeps its crew ([points.Season.CrewAt]: the results, else the crews
// list, else the car's latest race), folded into each driver's points and
// places at the end of a simulated season. A car not eligible in a
// championship (a privateer among the manufacturers) gives way there: the
// cars behind take its place. Crew-mates ([points.Season.CrewMates])
// level at the top on points and the whole countback are co-champions,
// each counting the title; crew-mates with the same results and the same
// cars left are one line of a table ([Entry.Crew]).
//
// # Models
//
// [PlackettLuce] is the default; [Empirical] resamples each driver's own
// finishes (a retirement included); [Uniform] makes every order of the
// field equally likely and has no retirements. Each draws a session as
// sort keys, so every model runs on the kernel.
//
// # Simulation
//
// Work is split into blocks of [BlockSize] seasons. Block b's random stream
// is a wyrand generator seeded from (seed, b) through SplitMix64 ([Gen]),
// never from the worker that runs it, and tallies are integers merged by
// addition, so a seed gives byte-identical results for any number of
// workers. Memory does not grow with the number of seasons: only title
// counts, final-position counts and histograms of final points are kept,
// and not with the points at stake either: a histogram is exact to the
// points system's resolution up to 8,192 bins per entry, and its bins
// double in width beyond (Projection.Step).
//
// Most seasons run on a fast path: each entry's standing is one integer
// (points, then counts of 1st, 2nd, ... places, then the entry number), a
// session adds precomputed increments for its scoring places and bonuses,
// and a kernel draws each session's keys and orders only the scoring
// places with a sorting network pruned to them (the whole order where
// bonuses go by place or results are fixed; a fixed session is then
// conditioned by the full path's own code). A season whose
// final table those integers cannot settle (a tie that the countback must
// look further down to break) is replayed from its saved generator state on
// the full path, so results are exact and the same with the fast path off.
// Keys level on the places they hold (backmarkers on no points) are first
// settled by the places past them: every race where those can matter
// keeps its places (the vector code counts them, the scalar code sorts
// the whole order), counts them into a second integer per entry, and
// where those are level too, logs them for the entries level.
// Best-N rules and cars that give way run on the fast path's own session
// loop (not the kernel); in a season of crews it also logs the race places
// past the keys' and settles level keys from them, replaying only a tie
// for the title.
//
// On amd64 machines with AVX-512 (F and DQ), the engine runs vector code:
// it draws eight drivers' keys at once (fields of up to 40), and for fields
// of up to 24 places it runs each run of sessions with the same routes and
// nothing fixed or drawn by place in one call: the
// draw, the fastest lap (counting the cumulative strengths in three
// compares), and each driver's place by counting the keys below his, with
// his increments looked up by that place (and, in a race, his count of the
// places past the keys shifted into place). The final tables are ranked the
// same way, by counting. The vector code computes the scalar code's
// numbers bit for bit, so a seed gives the same results with and without
// it; [Vector] reports which code runs. The environment variable
// CHAMP_NOVEC=1, or building with the purego tag, selects the scalar code.
package sim
