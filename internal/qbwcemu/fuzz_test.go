package qbwcemu

import (
	"net"
	"net/url"
	"strings"
	"testing"
)

// FuzzReadQWC: any file is read or refused, never a panic, and what is
// read keeps the Web Connector's rules.
func FuzzReadQWC(f *testing.F) {
	f.Add([]byte(goodQWC))
	f.Add([]byte(strings.Replace(goodQWC, "localhost", "127.0.0.1", 2)))
	f.Add([]byte("<QBWCXML><AppURL>https://[::1]/</AppURL></QBWCXML>"))
	f.Add([]byte{0xff, 0xfe, '<'})
	f.Fuzz(func(t *testing.T, data []byte) {
		app, err := ReadQWC(data)
		if err != nil {
			if !IsRefused(err) {
				t.Fatalf("not a refusal: %v", err)
			}
			return
		}
		u, err := url.Parse(app.AppURL)
		if err != nil || net.ParseIP(u.Hostname()) != nil || u.Scheme == "http" && !strings.EqualFold(u.Hostname(), "localhost") {
			t.Fatalf("took AppURL %q", app.AppURL)
		}
		s, err := url.Parse(app.AppSupport)
		if err != nil || !strings.EqualFold(s.Hostname(), u.Hostname()) {
			t.Fatalf("took AppSupport %q for %q", app.AppSupport, app.AppURL)
		}
	})
}
