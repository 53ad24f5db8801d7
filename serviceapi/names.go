package serviceapi

import (
	"strings"
	"unicode"
)

// NameProblem is why QuickBooks would refuse a name for a new item; each
// side words it at its edge (the app to the bookkeeper, the service in
// its error code).
type NameProblem int

// The problems a new item's name can have.
const (
	NameFits     NameProblem = iota // QuickBooks would take it
	NameEmpty                       // nothing but spaces
	NameTooLong                     // over MaxItemNameRunes characters
	NameHasColon                    // a colon joins a sub-item to its parent
	NameHidden                      // a control or invisible format character
)

// ItemNameProblem says why QuickBooks would refuse name for a new item: a
// name is 1 to MaxItemNameRunes characters, without a colon or control
// characters. It does not check that name is UTF-8; a caller reading
// bytes from outside does.
func ItemNameProblem(name string) NameProblem {
	switch {
	case strings.TrimSpace(name) == "":
		return NameEmpty
	case len([]rune(name)) > MaxItemNameRunes:
		return NameTooLong
	case strings.ContainsRune(name, ':'):
		return NameHasColon
	case strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || unicode.In(r, unicode.Cf) }):
		return NameHidden
	}
	return NameFits
}
