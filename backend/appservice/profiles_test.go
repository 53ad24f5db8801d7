package appservice

import (
	"strings"
	"testing"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
)

func TestProfilesAreSeparateAndRemovedWithTheirPasswords(t *testing.T) {
	f := newFixture(t)
	p, err := f.svc.AddProfile(ctx, "  Summit Ridge Builders ")
	if err != nil || p.Name != "Summit Ridge Builders" {
		t.Fatalf("add: %+v %v", p, err)
	}
	if _, err := f.svc.AddProfile(ctx, "summit ridge builders"); err == nil || !strings.Contains(MessageFor(err), "already a company") {
		t.Fatalf("duplicate name: %v", err)
	}
	if _, err := f.svc.AddProfile(ctx, ""); err == nil {
		t.Fatal("an empty name was accepted")
	}
	// Settings and password of the fixture's profile are not the new one's.
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "first-co"}); err != nil {
		t.Fatal(err)
	}
	other, _ := f.svc.Load(ctx, p.ID)
	if other.Saved.Revision != 0 || other.PasswordStored || other.Saved.Settings.ServiceURL != "" {
		t.Fatalf("the new company sees another's settings: %+v", other)
	}
	f.store.ReplaceItems(ctx, p.ID, []settings.Item{retainage}, other.ItemList.RefreshedAt, "")
	if _, _, err := f.svc.Save(ctx, p.ID, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "second-co"}); err != nil {
		t.Fatal(err)
	}
	if pw, _, _ := f.keys.Get(ctx, secrets.Account{Profile: p.ID, User: "procore-sync"}); pw != "second-co" {
		t.Fatalf("second company's password: %q", pw)
	}
	if err := f.svc.RenameProfile(ctx, p.ID, "Summit Ridge Builders LLC"); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.RemoveProfile(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := f.keys.Get(ctx, secrets.Account{Profile: p.ID, User: "procore-sync"}); found {
		t.Fatal("the removed company's password is still in the keychain")
	}
	if pw := f.storedPassword(t); pw != "first-co" {
		t.Fatalf("removing one company touched another's password: %q", pw)
	}
}

func TestTheLastProfileStays(t *testing.T) {
	f := newFixture(t)
	ps, _ := f.svc.Profiles(ctx)
	for _, p := range ps[1:] {
		if err := f.svc.RemoveProfile(ctx, p.ID); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.RemoveProfile(ctx, ps[0].ID); err == nil || !strings.Contains(MessageFor(err), "only company") {
		t.Fatalf("removing the last company: %v", err)
	}
}
