// Package data reads and writes champ's season format, imports published
// results (F1DB's YAML tree, Ergast-format CSV dumps, IndyCar and WEC
// fact tables) and holds the built-in seasons: every Formula 1 season
// 1950-2026, IndyCar 2024 and WEC 2024 (Hypercar), embedded in the binary.
//
// # The season format
//
// A season is a folder of CSV files that a spreadsheet can write. Column
// names are matched without regard to case; a UTF-8 byte-order mark and
// CRLF line endings are accepted; lines starting with # are comments.
//
//	season.csv      name,system,new_rules  one line: the season's name and points system
//	calendar.csv    round,name,date,sprint,status,multiplier,distance,table,qualifying,counts
//	results.csv     round,session,driver,name,code,team,team_name,make,make_name,car,
//	                position,fastest_lap,pole,led_lap,most_laps_led,counts,privateer
//	exclusions.csv  championship,id,points,reason,round    (optional)
//	penalties.csv   championship,id,round,points,reason    (optional)
//	crews.csv       round,car,driver,name                  (optional)
//
// Only results.csv is required, and of it only round, driver and position:
//
//	round,driver,position
//	1,alice,1
//	1,bob,2
//	1,carol,DNF
//
// # Defaults
//
// Without season.csv the season is named after its folder and scored with
// the current Formula 1 rules ("f1"). Without calendar.csv every round that
// has results is a completed round, and a round with sprint results has a
// sprint. An empty session is a race; an empty status is "completed" when
// the round has results and "scheduled" otherwise; an empty multiplier and
// distance mean 1; empty flags mean no; empty counts mean both
// championships. Without a team column there is no teams' championship to
// speak of.
//
// # calendar.csv
//
//   - round: 1, 2, 3, ... in calendar order.
//   - name, date: for display (Canada, 2024-06-09).
//   - sprint: yes when the round has a sprint.
//   - status: completed or scheduled.
//   - multiplier: scales the round's position points (2 for double points,
//     0 for none); bonuses are not scaled.
//   - distance: the share of the race distance run when a race was stopped
//     and not resumed, as 0.55 or 55%; the points system turns it into half
//     or tiered points.
//   - table: an alternative race table of the system (WEC "8h", "le-mans").
//   - qualifying: a qualifying table of the system (IndyCar "indy500"): the
//     round's qualifying session scores with it (and, under IndyCar's
//     rules, the round gives no pole point).
//   - counts: both, driver or team: which championships the round counts
//     for (the Indianapolis 500 counted for drivers only in the 1950s);
//     team stands for every championship but the drivers'.
//
// # results.csv
//
//   - round: a round of the calendar; session: race, sprint or qualifying
//     (the qualifying order, allowed only at a round whose calendar names a
//     qualifying table).
//   - driver: an id (max-verstappen); name (Max Verstappen) and code (VER)
//     are for display and need appear on one line only.
//   - team: a team id (red-bull); team_name for display.
//   - make: a manufacturer id (honda) for manufacturers' championships;
//     make_name for display.
//   - car: the car number. Two lines of one session with the same position
//     and the same car are a shared drive; a driver may have two lines in a
//     session only for two different cars.
//   - position: 1, 2, 3, ... or a status: DNF, DNS, DSQ, NC, DNQ (RET, DQ,
//     EX, DNPQ and DNP are read as their equivalents).
//   - fastest_lap, pole, led_lap, most_laps_led: yes for the bonus earned,
//     on the driver's race (or sprint) row, even a DSQ (a pole stands); the
//     points system says what each is worth, and flags it does not award
//     are facts kept for rescoring. One car takes the pole and the most
//     laps led, and under a top-N rule the fastest lap.
//   - counts: both, driver, team, none (cannot score but keeps its place)
//     or other (another class, such as a Formula 2 car in a Formula 1 race:
//     scores nothing and the cars behind move up to the scoring places;
//     also a Le Mans guest entry).
//   - privateer: yes for a privateer car (WEC's World Cup for Hypercar
//     Teams): it scores no manufacturers' points and gives way to the
//     works cars there, and only such cars rank in the World Cup.
//   - crews: one line per driver of the car, each with the car's number and
//     position; under an endurance system every driver scores the car's
//     points and its pole.
//
// # Errors
//
// Every problem is a [*SyntaxError] naming file, line and column, with
// what was expected: results.csv:14:9: position "P3" is not an integer or a
// status (DNF, DNS, DSQ, NC, DNQ). Duplicate positions, a driver in two
// teams in one session, results for a round the calendar lacks or marks
// scheduled, unknown statuses, points systems, tables and championships,
// qualifying rows at a round without a qualifying table, bonuses on
// qualifying rows, two poles or two most-laps-led in a session, empty
// files and missing headers are all reported this way.
//
// # exclusions.csv and penalties.csv
//
// championship names one of the system's championships (drivers, teams,
// entrants, ...; driver, team and constructors are read as drivers and
// teams); id the driver, team, make or car. An exclusion's points column
// says keep or remove, and its round is the round after which it was
// decided: the standings after that round and later show it, those
// before do not (empty: from the start); a penalty deducts points from
// its round on.
//
// # crews.csv
//
// Endurance crews: one line per driver of a car at a round, rounds still
// to run included. A round still to run takes a car's crew from here, or
// else from the car's latest race; a driver is in one crew per round.
// Where drivers share their car's points in full (WEC), the simulator
// races the cars and credits each round's crew.
//
// # Custom points systems
//
// season.csv's system column names a built-in system (champ systems lists
// them) or a CSV file in the season folder; see [ReadSystem]. Its optional
// new_rules column is yes for a season of new technical regulations
// (points.Season.NewRules; F1's are [F1NewRules]).
package data
