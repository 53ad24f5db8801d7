// Package locale is the bookkeeper's own English: which of the English
// locales the app speaks (en-US, en-GB, en-AU, en-CA), found from the
// operating system or chosen, and how dates and times are written in it.
// The words themselves are in the message catalogs (catalog.go).
package locale

import (
	"strings"

	"golang.org/x/text/language"
)

// Locale is one of the English locales the app speaks, as a BCP 47 tag.
type Locale string

const (
	US         Locale = "en-US" // the default: Procore's and QuickBooks' US words
	Britain    Locale = "en-GB"
	Australia  Locale = "en-AU"
	Canada     Locale = "en-CA"
	defaultTag        = US
)

// All lists the locales in the order a choice shows them.
func All() []Locale { return []Locale{US, Britain, Australia, Canada} }

// Tag is the locale's language tag.
func (l Locale) Tag() language.Tag { return language.MustParse(string(l)) }

// Parse reads a locale as people and systems write it: "en-GB",
// "en_GB.UTF-8", "en_gb@euro". ok is false for anything that is not one
// of the app's locales; "en" alone is US English.
func Parse(s string) (Locale, bool) {
	s, _, _ = strings.Cut(s, ".") // en_GB.UTF-8
	s, _, _ = strings.Cut(s, "@") // en_GB@euro
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if strings.EqualFold(s, "en") {
		return US, true
	}
	for _, l := range All() {
		if strings.EqualFold(s, string(l)) {
			return l, true
		}
	}
	return "", false
}

// FromSystem is the operating system's locale for this user (the Windows
// user locale; LC_ALL, LC_MESSAGES or LANG elsewhere), or US English when
// it is not one of the app's.
func FromSystem() Locale {
	for _, s := range systemLocales() {
		if l, ok := Parse(s); ok {
			return l
		}
		if s != "" {
			// The first one set decides, as the C library does: a French
			// system is not made British by a later variable.
			break
		}
	}
	return defaultTag
}

// Name is the locale's name, in the words of the locale in use.
func (l Locale) Name() string {
	switch l {
	case Britain:
		return T("English (United Kingdom)")
	case Australia:
		return T("English (Australia)")
	case Canada:
		return T("English (Canada)")
	default:
		return T("English (United States)")
	}
}
