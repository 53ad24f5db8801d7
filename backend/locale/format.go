package locale

import (
	"strings"
	"time"
)

// DateTime writes t as the locale writes a date and time (CLDR's medium
// date and short time, as the web view's Intl writes them): "Nov 25, 2026,
// 3:04 PM" in the US, "25 Nov 2026, 15:04" in Britain.
func (l Locale) DateTime(t time.Time) string {
	switch l {
	case Britain:
		return sept(t.Format("2 Jan 2006, 15:04"))
	case Australia:
		return sept(t.Format("2 Jan 2006, 3:04 pm"))
	case Canada:
		s := t.Format("Jan 2, 2006, 3:04 PM")
		return strings.NewReplacer(" AM", " a.m.", " PM", " p.m.").Replace(s)
	default: // the US, and a locale the app does not speak
		return t.Format("Jan 2, 2006, 3:04 PM")
	}
}

// sept is September's abbreviation in British and Australian English.
func sept(s string) string { return strings.Replace(s, " Sep ", " Sept ", 1) }
