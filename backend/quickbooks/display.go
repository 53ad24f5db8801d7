package quickbooks

import (
	"strings"
	"unicode"

	"qbsettings/backend/locale"
	"qbsettings/serviceapi"
)

// Limits on the text a service sends that the app shows a person.
const (
	maxMessageRunes = 400 // a userFacingMessage, a refresh's message
	maxNameRunes    = 260 // a company file's path, an edition's name
	// MaxFullNameRunes is QuickBooks' own limit on an item's full name
	// (31 characters a level, colons between): a longer one did not come
	// from QuickBooks.
	MaxFullNameRunes = 159
	maxListIDRunes   = 64
)

// displayText makes text from the service fit to show: control and
// invisible format characters (which could reorder what the user reads)
// become spaces, runs of spaces one, and it is cut at limit characters.
// A service is not trusted to word the screen as it likes.
func displayText(s string, limit int) string {
	s = strings.Map(func(r rune) rune {
		if r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > limit {
		s = string(r[:limit-1]) + "…"
	}
	return s
}

// plausibleItem tells whether it could have come from QuickBooks: a ListID
// and a full name, within QuickBooks' limits, without control characters.
func plausibleItem(it serviceapi.Item) bool {
	name, id := []rune(it.FullName), []rune(it.ListID)
	return len(id) > 0 && len(id) <= maxListIDRunes && len(name) > 0 && len(name) <= MaxFullNameRunes &&
		!strings.ContainsFunc(it.FullName+it.ListID, unicode.IsControl)
}

// ItemNameProblem says, in the bookkeeper's words, why QuickBooks would
// refuse name for a new item (serviceapi.ItemNameProblem); the zero Said
// when it would not.
func ItemNameProblem(name string) locale.Said {
	switch serviceapi.ItemNameProblem(name) {
	case serviceapi.NameEmpty:
		return saidNameEmpty.With()
	case serviceapi.NameTooLong:
		return saidNameTooLong.With(serviceapi.MaxItemNameRunes, len([]rune(name)))
	case serviceapi.NameHasColon:
		return saidNameColon.With()
	case serviceapi.NameHidden:
		return saidNameHidden.With()
	case serviceapi.NameFits:
	}
	return locale.Said{}
}
