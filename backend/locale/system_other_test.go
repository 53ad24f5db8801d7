//go:build !windows

package locale

import "testing"

func TestFromSystemFollowsTheFirstVariableSet(t *testing.T) {
	for _, tc := range []struct {
		all, messages, lang string
		want                Locale
	}{
		{"", "", "en_GB.UTF-8", Britain},
		{"en_AU.UTF-8", "", "en_GB.UTF-8", Australia},
		{"", "en_CA.UTF-8", "en_US.UTF-8", Canada},
		{"fr_FR.UTF-8", "", "en_GB.UTF-8", US},
		{"", "", "", US},
		{"C.UTF-8", "", "", US},
	} {
		t.Setenv("LC_ALL", tc.all)
		t.Setenv("LC_MESSAGES", tc.messages)
		t.Setenv("LANG", tc.lang)
		if got := FromSystem(); got != tc.want {
			t.Errorf("LC_ALL=%q LC_MESSAGES=%q LANG=%q: %q, want %q", tc.all, tc.messages, tc.lang, got, tc.want)
		}
	}
}
