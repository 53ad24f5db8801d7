package erp

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strings"

	"qbsettings/qbservice/servicedb"
)

// ReceiverPath is where Procore's hook delivers, when IT exposes the
// service over HTTPS (serve -public-url): a path of its own, beside the
// app's contract and the Web Connector's endpoint.
const ReceiverPath = "/procore/events"

// Receiver takes Procore's deliveries: an event with the secret the
// service registered in the hook's Authorization header is recorded
// (once, however often it comes) and answered at once, the work done
// after; anything else is refused and changes nothing.
func (c *Connection) Receiver() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			http.Error(w, "POST only", http.StatusMethodNotAllowed)
			return
		}
		row, found, err := c.DB.ProcoreConnection(r.Context())
		if err != nil {
			c.log().Error("the Procore connection was not read", "err", err)
			http.Error(w, "not read", http.StatusInternalServerError)
			return
		}
		var reg servicedb.Registration
		if found {
			reg, _, err = c.DB.Registration(r.Context(), row.CompanyID)
		}
		if err != nil || !found || !bearerMatches(r.Header.Get("Authorization"), reg.ReceiverSecretHash) {
			c.log().Warn("a delivery without the hook's secret was refused", "from", r.RemoteAddr)
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxEventBytes))
		if err != nil {
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		ev, err := DecodeEvent(data)
		if err != nil {
			c.log().Warn("a delivery that is not an event was refused", "err", err)
			http.Error(w, "not an event", http.StatusBadRequest)
			return
		}
		if _, err := c.see(r.Context(), row.CompanyID, ev, servicedb.ViaReceiver); err != nil {
			if errors.Is(err, ErrOtherCompany) {
				c.log().Warn("an event of another company was refused", "event", ev.ID, "company", ev.CompanyID)
				http.Error(w, "another company's event", http.StatusBadRequest)
				return
			}
			c.log().Error("an event was not recorded", "event", ev.ID, "err", err)
			http.Error(w, "not recorded", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
		c.Nudge()
	})
}

// bearerMatches tells whether header carries the secret whose hash is
// kept, compared in constant time.
func bearerMatches(header, hash string) bool {
	secret, ok := strings.CutPrefix(header, "Bearer ")
	want, err := hex.DecodeString(hash)
	if !ok || err != nil || len(want) != sha256.Size || secret == "" {
		return false
	}
	got := sha256.Sum256([]byte(secret))
	return subtle.ConstantTimeCompare(got[:], want) == 1
}
