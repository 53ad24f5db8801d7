//go:build windows

package locale

import (
	"os"
	"testing"
)

// Windows says the user locale itself (Wine takes it from LANG): the app
// follows it. QBSETTINGS_WANT_LOCALE names the one the test run set.
func TestFromSystemIsTheWindowsUserLocale(t *testing.T) {
	names := systemLocales()
	if len(names) != 1 || names[0] == "" {
		t.Fatalf("the Windows user locale: %q", names)
	}
	want := Locale(os.Getenv("QBSETTINGS_WANT_LOCALE"))
	if want == "" {
		want = US
	}
	if got := FromSystem(); got != want {
		t.Fatalf("user locale %q: FromSystem() = %q, want %q", names[0], got, want)
	}
}
