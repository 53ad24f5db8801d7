package server

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"qbsettings/serviceapi"
)

// notFromWebPages refuses (403, nothing done) a request a web page made:
// one with an Origin, which browsers send with every POST and every
// cross-site fetch, or with Sec-Fetch-Site other than "none" (a page's
// request, not an address typed by the user). Neither the Web Connector
// nor the app ever sends them, so a page open in the bookkeeper's browser
// can neither sign in, guess a password, nor post a call, however it
// dresses the request.
func notFromWebPages(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin, site := r.Header.Values("Origin"), r.Header.Get("Sec-Fetch-Site")
		if len(origin) == 0 && (site == "" || site == "none") {
			next.ServeHTTP(w, r)
			return
		}
		log.Warn("a web page's request refused", "origin", origin, "secFetchSite", site, "path", r.URL.Path, "from", r.RemoteAddr)
		var body serviceapi.ErrorBody
		body.Error.Code = "fromWebPage"
		body.Error.Message = "this service does not answer web pages' requests (Origin or Sec-Fetch-Site)"
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_ = json.NewEncoder(w).Encode(body)
	})
}
