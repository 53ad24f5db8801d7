package server

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"qbsettings/serviceapi"
)

// onlyFor answers requests addressed to localhost, a loopback address or
// one of hosts, and refuses every other (421, nothing done). A browser
// sends the name of the site that made the request: a page of another
// site whose name was pointed at 127.0.0.1 is refused here.
func onlyFor(hosts []string, log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := hostName(r.Host)
		if isOwnName(name, hosts) {
			next.ServeHTTP(w, r)
			return
		}
		log.Warn("request for another host refused", "host", r.Host, "path", r.URL.Path, "from", r.RemoteAddr)
		var body serviceapi.ErrorBody
		body.Error.Code = "misdirectedRequest"
		body.Error.Message = fmt.Sprintf("this service does not answer to the name %q", name)
		body.Error.UserFacingMessage = fmt.Sprintf("The QuickBooks service does not answer to the name %q. Use the address localhost on the computer it runs on, or, on that computer, start it with that name in -hosts.", name)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusMisdirectedRequest)
		_ = json.NewEncoder(w).Encode(body)
	})
}

// hostName is the name of a Host header, without its port or brackets.
func hostName(host string) string {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return strings.TrimSuffix(strings.Trim(host, "[]"), ".")
}

func isOwnName(name string, hosts []string) bool {
	if strings.EqualFold(name, "localhost") {
		return true
	}
	if ip := net.ParseIP(name); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, h := range hosts {
		h = hostName(h)
		// 0.0.0.0 and :: are where it listens, never a name to answer to
		// (a browser may send 0.0.0.0 to this computer).
		if ip := net.ParseIP(h); h == "" || ip != nil && ip.IsUnspecified() {
			continue
		}
		if strings.EqualFold(name, h) {
			return true
		}
	}
	return false
}
