package qbwcemu

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// QuickBooks' limits on list names.
const (
	MaxNameRunes     = 31
	MaxFullNameRunes = 159
)

// companyFileProblem says why QuickBooks could not hold items as a
// company file: a name longer than 31 characters or holding a colon, a
// full name that is not its parent's and its own joined by a colon, or is
// longer than 159, a parent missing or of another kind, or two siblings of
// one name (QuickBooks compares names ignoring case, across item kinds).
// "" when it could.
func companyFileProblem(items []Item) string {
	byFullName := map[string]Item{}
	for _, it := range items {
		key := strings.ToLower(it.FullName)
		if _, dup := byFullName[key]; dup {
			return fmt.Sprintf("two items are named %q", it.FullName)
		}
		byFullName[key] = it
	}
	for _, it := range items {
		parent, name, sub := cutLast(it.FullName)
		switch {
		case name != it.Name:
			return fmt.Sprintf("%q: its name is %q", it.FullName, it.Name)
		case it.Name == "" || utf8.RuneCountInString(it.Name) > MaxNameRunes || strings.Contains(it.Name, ":"):
			return fmt.Sprintf("%q: a name of 1 to %d characters without a colon", it.Name, MaxNameRunes)
		case utf8.RuneCountInString(it.FullName) > MaxFullNameRunes:
			return fmt.Sprintf("%q: a full name longer than %d characters", it.FullName, MaxFullNameRunes)
		case sub && byFullName[strings.ToLower(parent)].Kind != it.Kind:
			return fmt.Sprintf("%q: no %s item %q above it", it.FullName, it.Kind, parent)
		}
	}
	return ""
}

// cutLast splits a full name into its parent's and its own name.
func cutLast(fullName string) (parent, name string, sub bool) {
	i := strings.LastIndex(fullName, ":")
	if i < 0 {
		return "", fullName, false
	}
	return fullName[:i], fullName[i+1:], true
}
