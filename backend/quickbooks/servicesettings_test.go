package quickbooks_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/internal/simulator"
	"qbsettings/serviceapi"
)

func sampleSettings() settings.Settings {
	s := settings.Defaults()
	s.ServiceURL, s.ServiceUser = "https://qbserver:8443", "procore-sync"
	s.RetainageItem = settings.ItemRef{ListID: "80000001-1", FullName: "Retainage Payable"}
	return s
}

// The settings the service runs with: read with their version, applied
// only on top of the version read, refused values said field by field.
func TestServiceSettingsAreVersioned(t *testing.T) {
	sim, url := startHTTP(t, simulator.Options{})
	c := client(t, quickbooks.Config{BaseURL: url})
	by := serviceapi.AppliedBy{Computer: "OFFICE-PC", User: "OFFICE\\pat"}

	first, err := c.Settings(ctx)
	if err != nil || first.Settings != nil || first.ETag == "" {
		t.Fatalf("before any apply: %+v %v", first, err)
	}
	s := sampleSettings()
	etag, err := c.ApplySettings(ctx, s, by, serviceapi.AnyVersion)
	if err != nil || etag == "" || etag == first.ETag {
		t.Fatalf("first apply: %q %v", etag, err)
	}
	got, err := c.Settings(ctx)
	if err != nil || got.Settings == nil || *got.Settings != s || got.ETag != etag || got.AppliedBy == nil || *got.AppliedBy != by {
		t.Fatalf("read back: %+v %v", got, err)
	}

	// Changed elsewhere: an apply on the old version is refused.
	other := s
	other.VendorUpdates = settings.VendorUpdatesNone
	sim.SetServiceSettings(other, serviceapi.AppliedBy{Computer: "PROCORE", User: "web"})
	_, err = c.ApplySettings(ctx, s, by, etag)
	wantKind(t, err, quickbooks.KindSettingsChanged, "changed from somewhere else")
	_, err = c.ApplySettings(ctx, s, by, serviceapi.AnyVersion)
	wantKind(t, err, quickbooks.KindSettingsChanged, "")

	// A refused value, beside its field.
	now, _ := c.Settings(ctx)
	sim.RefuseSetting(settings.FieldVendorUpdates, "Vendor updates are managed by Procore for this company.\u202e")
	_, err = c.ApplySettings(ctx, s, by, now.ETag)
	qe := wantKind(t, err, quickbooks.KindSettingsRefused, "did not accept some of the settings")
	if len(qe.FieldErrors) != 1 || qe.FieldErrors[0].Field != settings.FieldVendorUpdates || settings.HasHiddenCharacter(qe.FieldErrors[0].Message) {
		t.Fatalf("field errors: %+v", qe.FieldErrors)
	}
	sim.RefuseSetting(settings.FieldVendorUpdates, "")
	if _, err := c.ApplySettings(ctx, s, by, now.ETag); err != nil {
		t.Fatalf("apply on the current version: %v", err)
	}

	// A service without the capability.
	sim.SetCapabilities([]string{serviceapi.CapabilityItemsCreate})
	_, err = c.Settings(ctx)
	wantKind(t, err, quickbooks.KindServiceError, "error 501")
}

// A service that lies: settings no app could have applied are not shown
// or taken, and who applied them is cleaned before anyone reads it.
func TestServiceSettingsFromALyingService(t *testing.T) {
	// Not contract-checked: these answers break the contract on purpose.
	sim := simulator.New(simulator.Options{User: user, Password: password})
	srv := httptest.NewServer(sim)
	t.Cleanup(srv.Close)
	url := srv.URL
	c := client(t, quickbooks.Config{BaseURL: url})

	s := sampleSettings()
	sim.SetServiceSettings(s, serviceapi.AppliedBy{Computer: "OTHER\u202e-PC", User: "sam\x1b[2J"})
	got, err := c.Settings(ctx)
	if err != nil || got.AppliedBy.Computer != "OTHER -PC" || got.AppliedBy.User != "sam [2J" {
		t.Fatalf("who applied: %+v %v", got.AppliedBy, err)
	}
	for _, bad := range []func(*settings.Settings){
		func(s *settings.Settings) { s.RetainageItem.FullName = "Retainage\u200bPayable" },
		func(s *settings.Settings) { s.VendorUpdates = "none\x00" },
		func(s *settings.Settings) {
			s.ServiceURL = "https://" + strings.Repeat("a", settings.MaxServiceURLLength)
		},
		func(s *settings.Settings) {
			s.RetainageItem.FullName = strings.Repeat("R", quickbooks.MaxFullNameRunes+1)
		},
	} {
		lie := sampleSettings()
		bad(&lie)
		sim.SetServiceSettings(lie, serviceapi.AppliedBy{Computer: "OTHER-PC", User: "sam"})
		_, err := c.Settings(ctx)
		wantKind(t, err, quickbooks.KindNotQuickBooks, "")
	}
}
