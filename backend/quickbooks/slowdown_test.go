package quickbooks_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
)

// A service that slowed sign-ins down after wrong passwords answers at
// once with the wait. When the call's time allows it, the client waits,
// telling who listens, and tries again; when it does not, the call fails
// at once with the wait, in words that say what to do, and nothing is
// sent that would count as a guess.
func TestASlowedSignInIsWaitedForWhenTimeAllows(t *testing.T) {
	s := qbservicetest.Start(t, []qbwcemu.Item{}, qbservicetest.Options{Contract: true})
	s.Session(t)
	s.SetNow(time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)) // the service's clock stands still until moved
	for range 3 {
		if status, _, _ := s.CallAs(http.MethodGet, "/v1/health", "a guess"); status != http.StatusUnauthorized {
			t.Fatalf("a guess: %d", status)
		}
	}
	c := client(t, quickbooks.Config{BaseURL: s.URL, User: qbservicetest.User, Password: qbservicetest.Password})

	short, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
	defer cancel()
	_, err := c.Health(short)
	var qe *quickbooks.Error
	if !errors.As(err, &qe) || qe.Kind != quickbooks.KindSignInSlowedDown || qe.RetryAfter != time.Second ||
		!strings.Contains(qe.Message(), "Try again in 1 second;") || !strings.Contains(qe.Message(), "change the Service Password") {
		t.Fatalf("no time to wait: %v", err)
	}

	var waits []time.Duration
	noticed := quickbooks.NoticeWaits(ctx, func(d time.Duration) {
		waits = append(waits, d)
		s.SetNow(s.Clock().Add(d)) // the wait passes for the service too
	})
	if _, err := c.Health(noticed); err != nil {
		t.Fatalf("with time to wait: %v", err)
	}
	if len(waits) != 1 || waits[0] != time.Second {
		t.Fatalf("waited %v", waits)
	}
}
