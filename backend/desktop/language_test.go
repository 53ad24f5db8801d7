package desktop

import (
	"testing"
	"time"

	"qbsettings/backend/locale"
	"qbsettings/backend/store"
	"qbsettings/internal/simulator"
)

// The last test's outcome is kept as a code and worded when the form is
// loaded, so a language switch rewords it as it does everything else.
func TestLanguageSwitchRewordsTheLastTestsStatus(t *testing.T) {
	defer locale.Use(locale.Current())
	app, _, st := newTestApp(t)
	in, _ := simulatorInput(t, simulator.FaultUnauthorized)
	shown := app.Connection.TestConnection(in).Status.Detail
	kept, err := st.Status(ctx, store.DefaultProfile)
	if err != nil || kept.Outcome.Code != "qb.unauthorized" || shown == "" || app.Form.Load().State.Status.Detail != shown {
		t.Fatalf("a refused sign-in kept as %+v (%v), shown as %q", kept.Outcome, err, shown)
	}

	// The four Englishes word every outcome a test keeps alike but for
	// spelling; a canceled test (never kept in use) is spelt differently.
	canceled := store.Status{CheckedAt: time.Now(), Outcome: locale.Said{Code: "app.testCanceled"}}
	if err := st.SaveStatus(ctx, store.DefaultProfile, canceled); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ tag, want string }{
		{"en-US", "The test was canceled."},
		{"en-GB", "The test was cancelled."}, //nolint:misspell // British spelling, from en-GB's catalog
		{"en-US", "The test was canceled."},
	} {
		if info := app.Language.ChooseLocale(tc.tag); info.Error != "" {
			t.Fatal(info.Error)
		}
		if got := app.Form.Load().State.Status.Detail; got != tc.want {
			t.Errorf("in %s the last test's status reads %q, want %q", tc.tag, got, tc.want)
		}
	}
}

// Times reach the page worded as the language in use writes them, in this
// computer's time: the page shows them as they come.
func TestTimesAreWordedInTheLanguageInUse(t *testing.T) {
	defer locale.Use(locale.Current())
	app, _, st := newTestApp(t)
	checked := time.Date(2026, 9, 7, 14, 5, 0, 0, time.Local)
	if err := st.SaveStatus(ctx, store.DefaultProfile, store.Status{CheckedAt: checked, Outcome: locale.Said{Code: "app.testCanceled"}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ tag, want string }{
		{"en-US", "Sep 7, 2026, 2:05 PM"},
		{"en-GB", "7 Sept 2026, 14:05"},
		{"en-AU", "7 Sept 2026, 2:05 pm"},
		{"en-CA", "Sep 7, 2026, 2:05 p.m."},
	} {
		if info := app.Language.ChooseLocale(tc.tag); info.Error != "" {
			t.Fatal(info.Error)
		}
		if got := app.Form.Load().State.Status.CheckedAt; got != tc.want {
			t.Errorf("in %s the last check reads %q, want %q", tc.tag, got, tc.want)
		}
	}
}
