package locale

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// Phrases of the tests, on messages the catalogs hold.
var (
	testCanceled = Coded("test.canceled", "The test was canceled.")
	testBoth     = Coded("test.both", "%s %s")
	testStatus   = Coded("test.status", "The QuickBooks service reported a problem (error %d). Try again in a few minutes; if it keeps happening, ask your IT support to check the QuickBooks service.")
)

// A Said is kept as JSON and read back the same, every kind of value with
// it, and worded in the language in use when shown, not when made.
func TestSaidIsKeptAsCodeAndWordedWhenShown(t *testing.T) {
	defer Use(Current())
	said := testBoth.With(testCanceled.With(), testStatus.With(503))
	data, err := json.Marshal(said)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "The test was") || strings.Contains(string(data), "reported a problem") {
		t.Fatalf("kept as %s: words, not codes", data)
	}
	var back Said
	if err := json.Unmarshal(data, &back); err != nil || !reflect.DeepEqual(back, said) {
		t.Fatalf("read back %#v, %v; want %#v", back, err, said)
	}
	Use(US)
	us := back.Text()
	Use(Britain)
	gb := back.Text()
	british := "The test was cancelled. " //nolint:misspell // en-GB's spelling
	if !strings.HasPrefix(us, "The test was canceled. ") || !strings.HasPrefix(gb, british) || !strings.Contains(gb, "(error 503)") {
		t.Fatalf("worded in en-US as %q, in en-GB as %q", us, gb)
	}
}

// A code this version does not know (kept by a newer one, or a message
// since removed) is worded as such, never shown as a code or a blank.
func TestUnknownCodeIsWordedAsAnotherVersions(t *testing.T) {
	var s Said
	if err := json.Unmarshal([]byte(`{"code":"from.theFuture","args":["x",2]}`), &s); err != nil {
		t.Fatal(err)
	}
	if got := s.Text(); got != unknownPhrase.Text() {
		t.Fatalf("unknown code worded %q", got)
	}
	if (Said{}).Text() != "" || !(Said{}).IsZero() {
		t.Fatal("the zero Said says something")
	}
}

func TestKeptSaidWithAnUnreadableValueIsRefused(t *testing.T) {
	for _, bad := range []string{`{"code":"test.status","args":[1.5]}`, `{"code":"test.status","args":[true]}`, `{"code":"test.status","args":[null]}`} {
		var s Said
		if err := json.Unmarshal([]byte(bad), &s); err == nil {
			t.Errorf("%s read as %#v", bad, s)
		}
	}
}

func TestOneCodeNamesOneMessage(t *testing.T) {
	Coded("test.canceled", "The test was canceled.") // the same again is the same phrase
	defer func() {
		if recover() == nil {
			t.Fatal("a code given to a second message was taken")
		}
	}()
	Coded("test.canceled", "Canceled.")
}

// A shell's own words stand in for a phrase's, inside other phrases too.
func TestWordingStandsInForItsCodes(t *testing.T) {
	defer Use(Current())
	Use(US)
	own := Wording{"test.canceled": Message("Canceled.")}
	said := testBoth.With(testCanceled.With(), testStatus.With(500))
	if got := own.Text(said); !strings.HasPrefix(got, "Canceled. The QuickBooks service reported a problem (error 500).") {
		t.Fatalf("worded %q", got)
	}
	if got := own.Text(testCanceled.With()); got != "Canceled." {
		t.Fatalf("worded %q", got)
	}
}
