package data

import (
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/champ-dev/champ/points"
)

// seasons holds every F1 season 1950-2026, generated from F1DB by
// `champ import f1db`, and IndyCar 2024, generated from fact tables
// compiled from INDYCAR's official classifications by `champ import
// indycar` (see README.md in this folder for the sources).
//
//go:embed seasons
var seasons embed.FS

// Default season and round: F1 2024 after the Canadian GP.
const (
	DefaultSeason = "f1-2024"
	DefaultAfter  = 9
)

var embeddedName = regexp.MustCompile(`^[a-z0-9]+-\d{4}$`)

// Embedded lists the names of the seasons built into champ, oldest first.
func Embedded() []string {
	ents, _ := fs.ReadDir(seasons, "seasons")
	var names []string
	for _, e := range ents {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names
}

// Open returns a season by name: an embedded season such as "f1-2024", a
// season folder, or a bare results.csv file.
func Open(spec string) (*points.Season, error) {
	if spec == "" {
		spec = DefaultSeason
	}
	name := strings.ToLower(spec)
	if embeddedName.MatchString(name) {
		if s, ok, err := openEmbedded(name); ok {
			return s, err
		}
	}
	if _, err := os.Stat(spec); err != nil && !strings.ContainsAny(spec, `/\`) {
		list := Embedded()
		hint := points.Suggest(name, list)
		if hint == "" {
			hint = "run 'champ seasons' for the list"
		}
		return nil, fmt.Errorf("season %q: no such built-in season (champ has %s to %s; %s) and no folder of that name", spec, list[0], list[len(list)-1], hint)
	}
	return LoadDir(spec)
}

// PreviousName returns the name of the season before a built-in-style
// name (f1-2022 for f1-2023), or "" where spec is not one.
func PreviousName(spec string) string {
	name := strings.ToLower(spec)
	if !embeddedName.MatchString(name) {
		return ""
	}
	i := strings.LastIndexByte(name, '-')
	year, err := strconv.Atoi(name[i+1:])
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s-%d", name[:i], year-1)
}

// Previous returns the built-in season before the one spec names (f1-2022
// for f1-2023), or nil where spec is not a built-in season or champ has
// no season before it.
func Previous(spec string) *points.Season {
	name := PreviousName(spec)
	if name == "" {
		return nil
	}
	s, _, err := openEmbedded(name)
	if err != nil {
		return nil
	}
	return s
}

// openEmbedded loads the built-in season of that name; ok is false where
// champ has none.
func openEmbedded(name string) (s *points.Season, ok bool, err error) {
	dir := path.Join("seasons", name)
	if _, err := fs.Stat(seasons, dir); err != nil {
		return nil, false, nil
	}
	s, err = Load(seasons, dir, name)
	return s, true, err
}
