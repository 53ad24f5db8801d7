package qwc

import (
	"encoding/xml"
	"errors"
	"strings"
	"testing"
)

func good() File {
	return File{AppName: "QuickBooks Integration Settings", AppURL: "http://localhost:8765/qbwc",
		AppDescription: "Procore's QuickBooks sync, for Summit Ridge Builders", AppSupport: "http://localhost:8765/support",
		UserName: "procore-sync", FileID: "{8c1e5a20-7b3d-4f69-a2c4-d90e6b17f5a8}", RunEveryMinutes: 1}
}

// The file has every element the guide requires, with the product's
// OwnerID, the company's FileID, QuickBooks financial and the schedule.
func TestEncode(t *testing.T) {
	out, err := good().Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(out), "<?xml version=\"1.0\"?>\n<QBWCXML>") {
		t.Fatalf("%s", out)
	}
	var back struct {
		AppName, AppID, AppURL, AppDescription, AppSupport, UserName, OwnerID, FileID, QBType string
		Scheduler                                                                             struct{ RunEveryNMinutes int }
	}
	if err := xml.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if back.AppURL != "http://localhost:8765/qbwc" || back.UserName != "procore-sync" || back.OwnerID != OwnerID ||
		back.FileID != "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}" || back.QBType != "QBFS" || back.Scheduler.RunEveryNMinutes != 1 ||
		!strings.Contains(string(out), "<AppID></AppID>") || !guid.MatchString(OwnerID) {
		t.Fatalf("%+v\n%s", back, out)
	}
	names := xml.NewDecoder(strings.NewReader(string(out)))
	var order []string
	for {
		tok, err := names.Token()
		if err != nil {
			break
		}
		if s, ok := tok.(xml.StartElement); ok {
			order = append(order, s.Name.Local)
		}
	}
	if strings.Join(order, " ") != "QBWCXML AppName AppID AppURL AppDescription AppSupport UserName OwnerID FileID QBType IsReadOnly Scheduler RunEveryNMinutes" {
		t.Fatalf("order %v", order)
	}
}

// What the Web Connector would refuse is refused before a file is written.
func TestWhatTheWebConnectorRefuses(t *testing.T) {
	for _, tc := range []struct {
		change func(*File)
		want   error
	}{
		{func(f *File) { f.AppURL = "http://127.0.0.1:8765/qbwc" }, ErrAppURL},
		{func(f *File) { f.AppURL = "https://127.0.0.1:8765/qbwc" }, ErrAppURL},
		{func(f *File) { f.AppURL = "https://[::1]:8765/qbwc" }, ErrAppURL},
		{func(f *File) { f.AppURL = "http://qbserver:8765/qbwc" }, ErrAppURL},
		{func(f *File) { f.AppURL = "ftp://localhost/qbwc" }, ErrAppURL},
		{func(f *File) { f.AppURL = "https://user:pw@qbserver/qbwc" }, ErrAppURL},
		{func(f *File) { f.AppSupport = "http://example.com/support" }, ErrSupport},
		{func(f *File) { f.AppSupport = "" }, ErrSupport},
		{func(f *File) { f.UserName = "" }, ErrUserName},
		{func(f *File) { f.UserName = "procore\u200bsync" }, ErrUserName},
		{func(f *File) { f.AppName = " " }, ErrAppName},
		{func(f *File) { f.FileID = "8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8" }, ErrFileID},
		{func(f *File) { f.RunEveryMinutes = 0 }, ErrSchedule},
	} {
		f := good()
		tc.change(&f)
		if _, err := f.Encode(); !errors.Is(err, tc.want) {
			t.Errorf("%+v: %v, want %v", f, err, tc.want)
		}
	}
	f := good()
	f.AppURL, f.AppSupport = "https://QBSERVER:8443/qbwc", "https://qbserver:8443/support"
	if err := f.Check(); err != nil {
		t.Fatalf("https on a named host: %v", err)
	}
}

func TestNewFileID(t *testing.T) {
	a, b := NewFileID(), NewFileID()
	if !guid.MatchString(a) || a == b || a[15] != '4' {
		t.Fatalf("%s %s", a, b)
	}
}
