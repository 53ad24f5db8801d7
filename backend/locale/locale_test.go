package locale

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for in, want := range map[string]Locale{
		"en-GB": Britain, "en_GB.UTF-8": Britain, "en_gb@euro": Britain, "EN-AU": Australia,
		"en_CA.utf8": Canada, "en": US, "en_US.UTF-8": US, " en-US ": US,
	} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "fr_FR.UTF-8", "C", "POSIX", "en-NZ", "de"} {
		if got, ok := Parse(in); ok {
			t.Errorf("Parse(%q) = %q, want not one of the app's", in, got)
		}
	}
}

// As the web view's Intl writes them (Chromium, CLDR), so the window and
// the command line agree.
func TestDateTimeAsIntlWritesIt(t *testing.T) {
	afternoon := time.Date(2026, 11, 25, 15, 4, 0, 0, time.UTC)
	morning := time.Date(2026, 9, 5, 9, 4, 0, 0, time.UTC)
	for _, tc := range []struct {
		l                  Locale
		afternoon, morning string
	}{
		{US, "Nov 25, 2026, 3:04 PM", "Sep 5, 2026, 9:04 AM"},
		{Britain, "25 Nov 2026, 15:04", "5 Sept 2026, 09:04"},
		{Australia, "25 Nov 2026, 3:04 pm", "5 Sept 2026, 9:04 am"},
		{Canada, "Nov 25, 2026, 3:04 p.m.", "Sep 5, 2026, 9:04 a.m."},
	} {
		if got := tc.l.DateTime(afternoon); got != tc.afternoon {
			t.Errorf("%s: %q, want %q", tc.l, got, tc.afternoon)
		}
		if got := tc.l.DateTime(morning); got != tc.morning {
			t.Errorf("%s: %q, want %q", tc.l, got, tc.morning)
		}
	}
}
