package program

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"qbsettings/internal/simulator/simtest"
)

// The command line speaks the bookkeeper's own English: Procore's words for
// the locale (Retainage in the US and Canada, Retention in Britain and
// Australia) and its dates, from --locale or the system's locale; the
// stored values and the export file stay as they are.
func TestTheCommandLineSpeaksEachLocalesWords(t *testing.T) {
	exe := builtExecutable(t)
	data := filepath.Join(t.TempDir(), "data")
	_, url := simtest.Start(t, simtest.Options())
	run := func(lang, stdin string, args ...string) (int, string) {
		t.Helper()
		return runExe(t, exe, []string{"QBSETTINGS_DATA_DIR=" + data, "LC_ALL=", "LC_MESSAGES=", "LANG=" + lang}, stdin, args...)
	}
	connect := []string{"serviceUrl=" + url, "serviceUser=demo", "--password-stdin"}
	if code, out := run("C", "demo-password\n", append([]string{"items", "refresh"}, connect...)...); code != 0 {
		t.Fatalf("items refresh: %s", out)
	}
	if code, out := run("C", "demo-password\n", append([]string{"settings", "set", "retainageItem=Retainage Payable"}, connect...)...); code != 0 {
		t.Fatalf("settings set: %s", out)
	}

	for _, tc := range []struct {
		lang   string
		args   []string
		label  string
		date   string // how a date of the history looks
		forbid string
	}{
		{"C", nil, "Invoice Retainage Item", `[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M`, "Retention"},
		{"en_US.UTF-8", nil, "Invoice Retainage Item", `[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M`, "Retention"},
		{"en_GB.UTF-8", nil, "Payment Application Retention Item", `\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}\b`, "Retainage Item"},
		{"en_AU.UTF-8", nil, "Progress Claim Retention Item", `\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{1,2}:\d{2} [ap]m`, "Retainage Item"},
		{"en_CA.UTF-8", nil, "Invoice Retainage Item", `[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [ap]\.m\.`, "Retention"},
		{"fr_FR.UTF-8", nil, "Invoice Retainage Item", `[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M`, "Retention"},
		// --locale wins over the system's.
		{"en_US.UTF-8", []string{"--locale", "en-GB"}, "Payment Application Retention Item", `\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}\b`, "Retainage Item"},
		{"en_GB.UTF-8", []string{"--locale=en-US"}, "Invoice Retainage Item", `[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M`, "Retention"},
	} {
		_, get := run(tc.lang, "", append([]string{"settings", "get"}, tc.args...)...)
		// The stored item keeps its name in QuickBooks whatever the words around it.
		if !strings.Contains(get, tc.label+": Retainage Payable\n") || strings.Contains(get, tc.forbid) {
			t.Errorf("LANG=%s %v settings get:\n%s\nwant %q", tc.lang, tc.args, get, tc.label+": Retainage Payable")
		}
		_, hist := run(tc.lang, "", append([]string{"history"}, tc.args...)...)
		if !strings.Contains(hist, "  "+tc.label+": (none) → Retainage Payable") || !regexp.MustCompile(`Revision 1, `+tc.date+`, by `).MatchString(hist) {
			t.Errorf("LANG=%s %v history:\n%s\nwant %q and a date like %s", tc.lang, tc.args, hist, tc.label, tc.date)
		}
		_, check := run(tc.lang, "", append([]string{"connection", "test"}, tc.args...)...)
		if !strings.Contains(check, "retainageItem: The "+tc.label+` "Retainage Payable" is an active Service item.`) {
			t.Errorf("LANG=%s %v connection test:\n%s", tc.lang, tc.args, check)
		}
	}

	// The export file is the same in every locale.
	files := map[string]string{}
	for _, lang := range []string{"en_US.UTF-8", "en_GB.UTF-8", "en_AU.UTF-8"} {
		if code, out := run(lang, "", "settings", "export", "-"); code != 0 {
			t.Fatalf("export: %s", out)
		} else {
			files[lang] = regexp.MustCompile(`"exportedAt": "[^"]*"`).ReplaceAllString(out, "")
		}
	}
	if files["en_US.UTF-8"] != files["en_GB.UTF-8"] || files["en_US.UTF-8"] != files["en_AU.UTF-8"] {
		t.Errorf("the export differs by locale:\n%s\n%s", files["en_US.UTF-8"], files["en_GB.UTF-8"])
	}

	if code, out := run("C", "", "settings", "get", "--locale", "fr-FR"); code != 2 || !strings.Contains(out, `"fr-FR" is not a locale of this program: use en-US, en-GB, en-AU or en-CA`) {
		t.Errorf("an unknown locale: exit %d\n%s", code, out)
	}
}
