package data

// Format describes the season format: what `champ format` prints, and the
// one source of the copies in this package's documentation and the README
// (go test ./data -run TestFormatCopies -update rewrites them).
const Format = `champ's season format

A season is a folder of CSV files that a spreadsheet can write:

  season.csv    name,system,new_rules  the season's name and points system
  calendar.csv  one line per round     round,name,date,sprint,status,multiplier,distance,table,
                                       qualifying,counts
  results.csv   one line per driver    round,session,driver,name,code,team,team_name,make,make_name,
                per session            car,position,fastest_lap,pole,led_lap,most_laps_led,counts,
                                       privateer
  exclusions.csv (optional)            championship,id,points,reason,round
  penalties.csv  (optional)            championship,id,round,points,reason
  crews.csv      (optional)            round,car,driver,name
  teams.csv      (optional)            team,formerly

Only results.csv is needed, and of it only round,driver,position:

  round,driver,position
  1,alice,1
  1,bob,2
  1,carol,DNF

Column names are matched without regard to case, in any order; a UTF-8
byte-order mark and CRLF line endings are accepted; lines starting with #
are comments.

Defaults: session race; every round with results completed; system "f1"
(the current Formula 1 rules); no teams unless a team column is given.

calendar.csv
  round       1, 2, 3, ... in order
  name, date  e.g. Canada, 2024-06-09
  sprint      yes or no: the round has a sprint
  status      completed or scheduled (default: completed if it has results)
  multiplier  scales position points (2 for a double-points round, 0 for none); default 1
  distance    share of the race distance run when a race was stopped and not
              resumed (0.55 or 55%); the system decides half or tiered points
  table       an alternative race table of the system (WEC: 8h, le-mans)
  qualifying  a qualifying table of the system (IndyCar: indy500): the round's
              qualifying session scores with it; empty: qualifying scores nothing
  counts      both (default), driver or team: which championships the round counts for
              (driver: the drivers' only; team: every other championship)

results.csv
  session     race (default), sprint or qualifying (the qualifying order, at a round
              whose calendar names a qualifying table)
  driver      an id such as max-verstappen; name and code (VER) are for display
  team        a team id such as red-bull; team_name for display
  make        a manufacturer id such as honda (manufacturers' championships); make_name
  car         the car number; drivers with the same position and car shared it (a
              crew), and a car-numbered championship (IndyCar's entrants) ranks it
  position    1, 2, 3, ... or DNF, DNS, DSQ, NC, DNQ (RET, DQ, EX, DNPQ and DNP are
              read as their equivalents); a driver has two lines in a session only
              for two different cars
  fastest_lap, pole, led_lap, most_laps_led   yes for the driver who earned the bonus
              (on his race row, even a DSQ: a pole stands); one pole, one most laps
              led and, under a top-N rule, one fastest lap per session; the points
              system says what each is worth
  counts      both (default), driver, team, none (cannot score, keeps the place) or
              other (another class, or a Le Mans guest: scores nothing, the cars
              behind move up)
  privateer   yes for a privateer car (WEC: no manufacturers' points, it gives way to
              the works cars there; only privateers rank in the World Cup for
              Hypercar Teams)

exclusions.csv and penalties.csv
  championship  drivers, teams or another of the system's championships (champ systems)
  id            the driver, team, make or car excluded or penalised
  points        exclusions: keep or remove; penalties: the points deducted
  round         penalties: the round from which the deduction counts; exclusions: the
                round after which it was decided (standings after it and later show it,
                earlier ones do not: no hindsight); empty: from the start

crews.csv (endurance racing: who is down to drive each car at each round)
  round, car  a round of the calendar, run or still to run, and a car number
  driver      a driver id (name for display); one line per driver of the crew
  A round still to run takes a car's crew from here, else from its latest race;
  a run round's results say who drove. champ import wec and import alkamel
  write it.

teams.csv (a team that raced the season before under other ids)
  team        a team id of this season, such as alphatauri
  formerly    its id in the season before, such as toro-rosso; one line per id (a
              constructor entered once per engine had several). The model carries
              the team's form and reliability from them. champ import f1db writes it.

season.csv
  system      a built-in system (champ systems) or a custom system file in the
              folder, e.g. points.csv
  new_rules   yes where the season began new technical regulations (F1 2014,
              2022): the model carries less form from the season before
              (--rule-carry). Optional.

A custom points system (season.csv's system naming a file) is a CSV of
position,points[,sprint], with bonus rows such as fastest_lap,1 (champ systems
FILE shows how champ reads one).

Every column must be one champ knows, named once; a column of your own
may start with x_ and is ignored. A row may not have more fields than the
header. Limits, checked as files are read: a file is a regular file of at
most 8 MiB, a field at most 4096 bytes; rounds 1 to 500; at most 1000
drivers in a session (projections simulate at most 255 drivers, or cars,
in the field); positions 1 to 1000; points for a place or a bonus 0 to 1000 and multipliers 0 to 10,
both in steps of 0.001; a penalty -100000 to 100000 points, in steps of 0.001.

Errors name the file, line and column: results.csv:14:9: position "P3" is not
an integer or a status (DNF, DNS, DSQ, NC, DNQ). A qualifying row where the
round names no qualifying table, a bonus on a qualifying row, two poles or two
most-laps-led in one session, an unknown table or championship: each is one
such line.
`
