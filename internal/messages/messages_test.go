package messages

import (
	"strings"
	"testing"
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
