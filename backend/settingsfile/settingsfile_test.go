package settingsfile

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/settings"
)

func sample() settings.Settings {
	return settings.Settings{
		ServiceURL: "https://qbserver:8443", ServiceUser: "sync", UseProcoreContractNumber: true,
		DirectCostColumn: settings.DirectCostEditable, HideJobToDateCosts: true, VendorUpdates: settings.VendorUpdatesNone,
		RetainageItem: settings.ItemRef{ListID: "80000005-1468535148", FullName: "Retainage Payable"},
	}
}

func TestRoundTrip(t *testing.T) {
	data, err := Encode("default", sample(), time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ToLower(string(data)), "password") {
		t.Fatalf("the file mentions a password:\n%s", data)
	}
	f, err := Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if f.Settings != sample() || f.Profile != "default" || f.FormatVersion != Version {
		t.Fatalf("round trip: %+v", f)
	}
}

func TestTrustedCertificatesOnlyWhenGiven(t *testing.T) {
	plain, _ := Encode("default", sample(), time.Now(), nil)
	if strings.Contains(string(plain), "trustedCertificates") {
		t.Fatal("an export without trust mentions certificates")
	}
	cert := Certificate{Origin: "https://127.0.0.1:8766", Fingerprint: "AB:CD", Subject: "CN=sim"}
	data, _ := Encode("default", sample(), time.Now(), []Certificate{cert})
	f, err := Decode(data)
	if err != nil || len(f.TrustedCertificates) != 1 || f.TrustedCertificates[0] != cert {
		t.Fatalf("with trust: %+v %v", f.TrustedCertificates, err)
	}
}

func TestRefusals(t *testing.T) {
	good, _ := Encode("default", sample(), time.Now(), nil)
	cases := []struct {
		name, data, want string
	}{
		{"not JSON", "{settings", "not valid JSON"},
		{"another JSON file", `{"name": "package"}`, "not a settings file"},
		{"newer format", strings.Replace(string(good), `"formatVersion": 1`, `"formatVersion": 2`, 1), "made by a newer version"},
		{"no version", strings.Replace(string(good), `"formatVersion": 1`, `"formatVersion": 0`, 1), "no valid format version"},
		{"unknown field", strings.Replace(string(good), `"serviceUser"`, `"servicePassword": "x", "serviceUser"`, 1), "entries this version does not know"},
		{"trailing data", string(good) + `{"more": true}`, "not valid JSON"},
		{"too large", strings.Repeat(" ", MaxSize+1), "too large"},
		// Saved in another encoding (here Windows-1252's "Müller"): JSON
		// would take it with its bytes replaced, and the Service User
		// would arrive as "M\ufffdller".
		{"not UTF-8", strings.Replace(string(good), `"serviceUser": "sync"`, "\"serviceUser\": \"M\xfcller\"", 1), "not UTF-8 text"},
	}
	for _, tc := range cases {
		_, err := Decode([]byte(tc.data))
		var fe *Error
		if !errors.As(err, &fe) || !strings.Contains(fe.Message(), tc.want) {
			t.Errorf("%s: %v, want a message with %q", tc.name, err, tc.want)
		}
	}
}

// The export file's format is a promise to other PCs and to scripts: the
// bytes of this golden file were written by version 1's encoder before the
// settings' description took over, and must not change while the format
// version stays 1.
func TestExportFormatIsStable(t *testing.T) {
	want, err := os.ReadFile("testdata/export-v1.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := Encode("company-1a2b3c", sample(), time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC),
		[]Certificate{{Origin: "https://127.0.0.1:8766", Fingerprint: "AB:CD:EF", Subject: "CN=qbsim"}})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("the export file changed:\n%s\nwant:\n%s", got, want)
	}
	f, err := Decode(want)
	if err != nil || f.Settings != sample() {
		t.Fatalf("the golden file reads back as %+v, %v", f.Settings, err)
	}
}
