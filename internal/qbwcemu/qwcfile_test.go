package qbwcemu

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const goodQWC = `<?xml version="1.0"?>
<QBWCXML>
  <AppName>QuickBooks Integration Settings (Summit Ridge Builders)</AppName>
  <AppID></AppID>
  <AppURL>http://localhost:8780/qbwc</AppURL>
  <AppDescription>Procore sync</AppDescription>
  <AppSupport>http://localhost:8780/support</AppSupport>
  <UserName>procore-sync</UserName>
  <OwnerID>{6C9E4A1B-2F7D-4E3A-9B85-1D0C7F6E2A94}</OwnerID>
  <FileID>{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}</FileID>
  <QBType>QBFS</QBType>
  <IsReadOnly>false</IsReadOnly>
  <Scheduler><RunEveryNMinutes>5</RunEveryNMinutes></Scheduler>
</QBWCXML>
`

// A .qwc file the Web Connector takes, and each thing it refuses.
func TestReadQWC(t *testing.T) {
	app, err := ReadQWC([]byte(goodQWC))
	if err != nil || app.AppURL != "http://localhost:8780/qbwc" || app.Every != 5*time.Minute || app.UserName != "procore-sync" || app.QBType != "QBFS" {
		t.Fatalf("%+v %v", app, err)
	}
	for name, change := range map[string][2]string{
		"an IP address":         {"http://localhost:8780/qbwc", "http://127.0.0.1:8780/qbwc"},
		"an IP address, https":  {"http://localhost:8780/qbwc", "https://10.0.0.5/qbwc"},
		"http beyond localhost": {"http://localhost:8780/qbwc", "http://qbserver:8780/qbwc"},
		"support elsewhere":     {"http://localhost:8780/support", "https://example.com/support"},
		"no user":               {"<UserName>procore-sync</UserName>", "<UserName> </UserName>"},
		"a FileID not a GUID":   {"{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}", "8C1E5A20"},
		"another QBType":        {"<QBType>QBFS</QBType>", "<QBType>QBOE</QBType>"},
		"a schedule of nothing": {"<RunEveryNMinutes>5</RunEveryNMinutes>", ""},
		"not QBWCXML":           {"QBWCXML>", "QBXML>"},
		"an entity of its own":  {"<AppName>", "<!DOCTYPE QBWCXML [<!ENTITY x \"y\">]><AppName>&x;"},
		"cut short":             {"</QBWCXML>", ""},
		"another scheme":        {"http://localhost:8780/qbwc", "ftp://localhost/qbwc"},
	} {
		_, err := ReadQWC([]byte(strings.Replace(goodQWC, change[0], change[1], 1)))
		if !IsRefused(err) {
			t.Errorf("%s: taken (%v)", name, err)
		}
	}
	if _, err := ReadQWC([]byte(strings.Repeat(" ", MaxQWCBytes+1))); !IsRefused(err) {
		t.Error("a huge file was taken")
	}
}

// Adding calls AppSupport: a page that does not answer 200 is refused.
func TestAddCallsAppSupport(t *testing.T) {
	status := http.StatusOK
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(status) }))
	defer srv.Close()
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	file := strings.ReplaceAll(goodQWC, "localhost:8780", "localhost"+port)
	wc, app, err := Add(context.Background(), []byte(file), "pw", NewQuickBooks(nil), nil)
	if err != nil || wc.AppURL != app.AppURL || wc.FileID != app.FileID || wc.Password != "pw" {
		t.Fatalf("%+v %v", wc, err)
	}
	status = http.StatusNotFound
	if _, _, err := Add(context.Background(), []byte(file), "pw", NewQuickBooks(nil), nil); !IsRefused(err) {
		t.Fatalf("a support page answering 404: %v", err)
	}
}
