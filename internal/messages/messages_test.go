package messages

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"qbsettings/internal/testdir"
)

// Every text a person reads comes from the catalogs: none is written in
// the Go code outside them.
func TestNoTextOutsideTheCatalogs(t *testing.T) {
	found, err := Outside("../..") // the module, from internal/messages
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("texts for people written outside the catalogs (wrap them in locale.T, locale.Message or locale.Fprintf):\n%s", strings.Join(found, "\n"))
	}
}

// The check finds what it should, and only that.
func TestOutsideSeesProse(t *testing.T) {
	for _, s := range []string{"The file could not be read.", "choose one, then save"} {
		if !prose.MatchString(s) {
			t.Errorf("%q not seen as prose", s)
		}
	}
	for _, s := range []string{"serviceUrl", "0x80040414", "retainage_item_list_id", "%s: %s\n", "--password-stdin"} {
		if prose.MatchString(s) {
			t.Errorf("%q seen as prose", s)
		}
	}
}

// An error's Error method is for the log, in one language: it never
// speaks through the catalogs, so the log does not change with the
// English the user chose.
func TestErrorMethodsSpeakOneLanguage(t *testing.T) {
	found, err := Worded("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(found) > 0 {
		t.Errorf("Error methods worded through the catalogs (use fmt; let the window or the command line word the error):\n%s", strings.Join(found, "\n"))
	}
}

// The check finds an Error method that speaks through the catalogs.
func TestWordedSeesAnErrorMethodThatTranslates(t *testing.T) {
	dir := testdir.New(t)
	src := "package p\n\nimport \"qbsettings/backend/locale\"\n\ntype e struct{}\n\nfunc (e) Error() string { return locale.T(\"translated\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	found, err := Worded(dir)
	if err != nil || len(found) != 1 {
		t.Fatalf("Worded = %v, %v; want the one Error method", found, err)
	}
}
