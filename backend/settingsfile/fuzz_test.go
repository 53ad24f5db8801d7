package settingsfile

import (
	"errors"
	"slices"
	"testing"
	"time"
	"unicode/utf8"
)

// Any bytes, as a file picked by mistake or edited by hand: Decode never
// panics, refuses with a message for the user, or reads a file that
// encodes back to the same profile, time, settings and certificates.
func FuzzDecode(f *testing.F) {
	good, _ := Encode("default", sample(), time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC), []Certificate{
		{Origin: "https://127.0.0.1:8766", Fingerprint: "AB:CD", Subject: "CN=qbsim"},
		{Origin: "https://qbserver:8443", Fingerprint: "01:EF", Subject: "CN=qbserver, O=Summit Ridge Builders"},
	})
	f.Add(good)
	f.Add([]byte(`{"format":"qbsettings-settings","formatVersion":1,"settings":{"serviceUrl":"\u0000","retainageItem":{}}}`))
	f.Add([]byte(`{"format":"qbsettings-settings","formatVersion":99}`))
	f.Add([]byte(`{"format":"qbsettings-settings","formatVersion":1,"extra":true}`))
	f.Add([]byte(`{"format":"qbsettings-settings","formatVersion":1} trailing`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte("{\"format\":\"qbsettings-settings\",\"formatVersion\":1,\"profile\":\"M\xfcller\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Decode(data)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) || fe.Message() == "" {
				t.Fatalf("a refusal without words for the user: %#v", err)
			}
			return
		}
		if !utf8.Valid(data) {
			t.Fatalf("a file that is not UTF-8 was read: %q", data)
		}
		again, err := Encode(file.Profile, file.Settings, file.ExportedAt, file.TrustedCertificates)
		if err != nil {
			t.Fatalf("a file that was read cannot be written back: %v", err)
		}
		back, err := Decode(again)
		if err != nil || back.Settings != file.Settings || back.Profile != file.Profile || !back.ExportedAt.Equal(file.ExportedAt) ||
			!slices.Equal(back.TrustedCertificates, file.TrustedCertificates) {
			t.Fatalf("written back differently: %+v (%v), read %+v", back, err, file)
		}
	})
}
