package quickbooks

import "testing"

func TestOrigin(t *testing.T) {
	cases := map[string]string{
		"https://QBServer:8443/api/": "https://qbserver:8443",
		"https://qbserver":           "https://qbserver:443",
		"http://localhost":           "http://localhost:80",
		"https://[::1]:8766":         "https://[::1]:8766",
		" https://127.0.0.1:8766 ":   "https://127.0.0.1:8766",
		"not a url":                  "",
	}
	for in, want := range cases {
		if got := Origin(in); got != want {
			t.Errorf("Origin(%q) = %q, want %q", in, got, want)
		}
	}
}
