package quickbooks

import (
	"net/url"
	"strings"
)

// Origin is the scheme, host and port of a service URL, lower-cased and
// with the default port written out: what a certificate is trusted for.
func Origin(serviceURL string) string {
	u, err := url.Parse(strings.TrimSpace(serviceURL))
	if err != nil || u.Host == "" {
		return ""
	}
	scheme, port := strings.ToLower(u.Scheme), u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[scheme]
	}
	host := strings.ToLower(u.Hostname())
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return scheme + "://" + host + ":" + port
}
