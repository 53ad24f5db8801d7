package appservice

import (
	"path/filepath"
	"strings"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/testdir"
)

func TestExportImportRoundTripAsNewRevision(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "Export-Secret-5521"}); err != nil {
		t.Fatal(err)
	}
	data, err := f.svc.Export(ctx, f.profile, WithoutTrust)
	if err != nil || strings.Contains(string(data), "Export-Secret-5521") {
		t.Fatalf("export: %v\n%s", err, data)
	}

	// Another PC: a new database with no item list yet.
	other, err := store.Open(filepath.Join(testdir.New(t), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	svc := New(other, f.svc.openKeys, f.svc.log)
	p, err := svc.PreviewImport(ctx, store.DefaultProfile, data)
	if err != nil || len(p.FieldErrors) != 0 || len(p.Changes) == 0 || p.BaseRevision != 0 {
		t.Fatalf("preview: %+v %v", p, err)
	}
	st, err := svc.Import(ctx, store.DefaultProfile, p)
	if err != nil || st.Saved.Revision != 1 || st.Saved.Settings != settings.Normalize(filled()) {
		t.Fatalf("import: %+v %v", st.Saved, err)
	}
	// A second import of the same preview is stale.
	if _, err := svc.Import(ctx, store.DefaultProfile, p); err == nil || !strings.Contains(MessageFor(err), "Load the latest settings") {
		t.Fatalf("stale import: %v", err)
	}
}

func TestImportRefusesBadFilesAndBadSettings(t *testing.T) {
	f := newFixture(t)
	if _, err := f.svc.PreviewImport(ctx, f.profile, []byte(`{"format":"qbsettings-settings","formatVersion":9}`)); err == nil ||
		!strings.Contains(MessageFor(err), "newer version") {
		t.Fatalf("newer file: %v", err)
	}
	data := []byte(`{"format":"qbsettings-settings","formatVersion":1,"exportedAt":"2026-11-24T09:00:00Z","profile":"x",
		"settings":{"serviceUrl":"http://qbserver","serviceUser":"","useProcoreContractNumber":false,"autoAddNewCostCodes":false,
		"directCostColumn":"readOnlyFromQuickBooks","hideJobToDateCosts":false,"vendorUpdates":"automatic",
		"retainageItem":{"listId":"","fullName":""}}}`)
	p, err := f.svc.PreviewImport(ctx, f.profile, data)
	if err != nil || len(p.FieldErrors) != 3 {
		t.Fatalf("bad settings: %+v %v", p.FieldErrors, err)
	}
	if _, err := f.svc.Import(ctx, f.profile, p); err == nil {
		t.Fatal("settings with problems were imported")
	}
	if st, _ := f.svc.Load(ctx, f.profile); st.Saved.Revision != 0 {
		t.Fatal("a refused import saved something")
	}
}

func TestTrustTravelsOnlyWhenAsked(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	fp := strings.Repeat("AB:", 31) + "AB"
	if err := f.svc.TrustCertificate(ctx, f.profile, "https://127.0.0.1:8766", fp, "CN=sim"); err != nil {
		t.Fatal(err)
	}
	plain, _ := f.svc.Export(ctx, f.profile, WithoutTrust)
	if strings.Contains(string(plain), fp) {
		t.Fatal("an export without trust carries the certificate")
	}
	withTrust, _ := f.svc.Export(ctx, f.profile, WithTrust)

	other, err := store.Open(filepath.Join(testdir.New(t), store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	svc := New(other, f.svc.openKeys, f.svc.log)
	p, err := svc.PreviewImport(ctx, store.DefaultProfile, withTrust)
	if err != nil || p.Changes[len(p.Changes)-1].Label != "Trusted certificate for https://127.0.0.1:8766" {
		t.Fatalf("preview: %+v %v", p.Changes, err)
	}
	st, err := svc.Import(ctx, store.DefaultProfile, p)
	if err != nil || len(st.Trusted) != 1 || st.Trusted[0].Fingerprint != fp {
		t.Fatalf("import: %+v %v", st.Trusted, err)
	}
}

// When trusting the file's certificate fails, the import's settings do not
// land either: one transaction for everything an import changes.
func TestFailedImportChangesNothing(t *testing.T) {
	f := newFixture(t)
	if _, _, err := f.svc.Save(ctx, f.profile, 0, settings.Change{Settings: filled(), ChangePassword: true, Password: "pw"}); err != nil {
		t.Fatal(err)
	}
	fp := strings.Repeat("CD:", 31) + "CD"
	if err := f.svc.TrustCertificate(ctx, f.profile, "https://127.0.0.1:8766", fp, "CN=sim"); err != nil {
		t.Fatal(err)
	}
	data, _ := f.svc.Export(ctx, f.profile, WithTrust)
	if err := f.svc.RemoveTrustedCertificate(ctx, f.profile, "https://127.0.0.1:8766"); err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), `"vendorUpdates": "automatic"`, `"vendorUpdates": "none"`, 1)
	p, err := f.svc.PreviewImport(ctx, f.profile, []byte(changed))
	if err != nil || len(p.Changes) != 2 {
		t.Fatalf("preview: %+v %v", p.Changes, err)
	}
	f.failWrites(t, "trusted_certificates")

	if _, err := f.svc.Import(ctx, f.profile, p); err == nil {
		t.Fatal("an import whose certificate could not be trusted succeeded")
	}
	st, _ := f.svc.Load(ctx, f.profile)
	if st.Saved.Revision != 1 || st.Saved.Settings.VendorUpdates != settings.VendorUpdatesAutomatic || len(st.Trusted) != 0 {
		t.Fatalf("a failed import changed something: revision %d, %+v, trusted %+v", st.Saved.Revision, st.Saved.Settings, st.Trusted)
	}
	if h, _ := f.svc.History(ctx, f.profile); len(h) != 1 {
		t.Fatalf("a failed import is in the history: %d revisions", len(h))
	}
}
