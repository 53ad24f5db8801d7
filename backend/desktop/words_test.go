package desktop

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/simulator"
)

var verb = regexp.MustCompile(`%[-+# 0]*\d*(\.\d+)?[a-zA-Z]`)

// Each of the window's own words stands in for a phrase that exists, and
// takes the same values in the same order.
func TestWindowWordsStandInForRealPhrases(t *testing.T) {
	for code, own := range windowWords {
		shared, ok := locale.KeyOf(code)
		if !ok {
			t.Errorf("the window words %q, a code no phrase has", code)
			continue
		}
		if a, b := verb.FindAllString(string(shared), -1), verb.FindAllString(string(own), -1); !slices.Equal(a, b) {
			t.Errorf("%s: the window's words take %v, the phrase %v", code, b, a)
		}
		if string(own) == string(shared) {
			t.Errorf("%s: the window's words are the shared ones", code)
		}
	}
}

// Where the next step is a button of the window, the window names it; the
// rules and the use cases do not.
func TestTheWindowNamesItsButtons(t *testing.T) {
	app, _, st := newTestApp(t)
	errs := app.Form.Validate(settings.Change{Settings: settings.Settings{ServiceURL: "http://localhost:1", ServiceUser: "demo"}})
	if !fieldSays(errs, settings.FieldRetainageItem, "click Refresh list") || !fieldSays(errs, settings.FieldPassword, "Click Edit Credentials") {
		t.Errorf("no password stored, no item and an empty list: %+v", errs)
	}
	// An empty password box names Cancel only when a password is stored
	// to keep.
	first := app.Form.Validate(settings.Change{Settings: settings.Settings{ServiceURL: "http://localhost:1", ServiceUser: "demo"}, ChangePassword: true})
	if !fieldSays(first, settings.FieldPassword, "No password is stored yet") {
		t.Errorf("an empty first password: %+v", first)
	}
	if !fieldSays(windowFieldErrors([]settings.FieldError{{Field: settings.FieldPassword, Code: settings.ProblemNewPasswordEmpty}}), settings.FieldPassword, "click Cancel") {
		t.Error("an empty new password does not name Cancel")
	}

	in, _ := simulatorInput(t, simulator.FaultUnauthorized)
	res := app.Connection.TestConnection(in)
	if !strings.Contains(res.Status.Detail, "with Edit Credentials") {
		t.Errorf("a refused sign-in reads %q", res.Status.Detail)
	}
	for _, ch := range res.Checks {
		if ch.Kind != "" && !strings.Contains(ch.Message, "with Edit Credentials") {
			t.Errorf("the failed line reads %q", ch.Message)
		}
	}

	item := settings.Item{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}
	if err := st.ReplaceItems(ctx, store.DefaultProfile, []settings.Item{item}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	in.Settings.RetainageItem = settings.ItemRef{ListID: item.ListID, FullName: item.FullName}
	in.Settings.DirectCostColumn, in.Settings.VendorUpdates = settings.DirectCostReadOnly, settings.VendorUpdatesAutomatic
	saved := app.Form.Save(0, in)
	stale := app.Form.Save(0, in)
	if saved.Error != "" || !stale.Conflict || !strings.Contains(stale.Error, "Click Reload") {
		t.Errorf("a stale save reads %+v (first save: %+v)", stale, saved)
	}
}

func fieldSays(errs []settings.FieldError, f settings.Field, part string) bool {
	for _, e := range errs {
		if e.Field == f && strings.Contains(e.Message, part) {
			return true
		}
	}
	return false
}
