package quickbooks_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbservicetest"
	"qbsettings/internal/qbwcemu"
	"qbsettings/serviceapi"
)

// A refresh or a create queued while the Web Connector is calling, which
// then stops calling, is not waited for in silence to the end: the wait
// ends once health says the Web Connector is quiet, saying since when and
// that the work stays queued. It is done when the Web Connector calls
// again, nothing lost.
func TestAWaitEndsWhenTheWebConnectorGoesQuiet(t *testing.T) {
	quickbooks.AskHealthEvery(t, 10*time.Millisecond)
	s := qbservicetest.Start(t, []qbwcemu.Item{
		{Kind: "Service", ListID: "80000005-1468535148", Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"},
	}, qbservicetest.Options{Contract: true})
	c := client(t, quickbooks.Config{BaseURL: s.URL, User: qbservicetest.User, Password: qbservicetest.Password})
	s.Session(t)
	wait := func(work func(ctx context.Context) error, queued int) *quickbooks.Error {
		t.Helper()
		ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- work(ctx) }()
		s.WaitQueued(t, queued)
		s.SetNow(time.Now().Add(time.Hour)) // the service's clock: an hour without a call
		defer s.SetNow(time.Time{})
		var qe *quickbooks.Error
		if err := <-done; !errors.As(err, &qe) {
			t.Fatalf("%v", err)
		}
		return qe
	}
	qe := wait(func(ctx context.Context) error {
		_, err := c.RefreshAndList(ctx, 5*time.Millisecond, "", nil)
		return err
	}, 1)
	if qe.Kind != quickbooks.KindRefreshPending || qe.WebConnector == nil ||
		!strings.Contains(qe.Message(), "has not called the QuickBooks service for") || !strings.Contains(qe.Message(), "keeps the refresh queued") {
		t.Fatalf("refresh: %s %q", qe.Kind, qe.Message())
	}
	qe = wait(func(ctx context.Context) error {
		_, err := c.CreateItem(ctx, serviceapi.NewItem{Type: "Service", Name: "Retention Held"}, 5*time.Millisecond)
		return err
	}, 2)
	if qe.Kind != quickbooks.KindCreatePending || !strings.Contains(qe.Message(), `has not created "Retention Held" yet`) ||
		!strings.Contains(qe.Message(), "has not called the QuickBooks service for") {
		t.Fatalf("create: %s %q", qe.Kind, qe.Message())
	}
	// It calls again: both are done, from the queue.
	s.Session(t)
	items, err := c.Items(ctx)
	if err != nil || len(items.Items) != 2 {
		t.Fatalf("after the Web Connector called again: %+v %v", items, err)
	}
}

func TestHowLong(t *testing.T) {
	for d, want := range map[time.Duration]string{
		-time.Hour:        "a moment", // a clock ahead of this computer's
		0:                 "a moment",
		time.Second:       "1 second",
		59 * time.Second:  "59 seconds",
		time.Minute:       "1 minute",
		119 * time.Minute: "119 minutes",
		2 * time.Hour:     "2 hours",
		47 * time.Hour:    "47 hours",
		48 * time.Hour:    "2 days",
	} {
		if got := quickbooks.HowLong(d); got != want {
			t.Errorf("%v: %q, want %q", d, got, want)
		}
	}
}

// What a service says of the Web Connector is checked: a code the client
// does not know is worded generally, never shown.
func TestWebConnectorFromAServiceThatLies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"service":"quickbooks","qbRunning":true,"webConnector":{"lastCallAt":"2026-12-06T10:00:00Z","lastError":"<script>\u202e"}}`))
	}))
	t.Cleanup(srv.Close)
	c := client(t, quickbooks.Config{BaseURL: srv.URL})
	h, err := c.Health(ctx)
	if err != nil || h.WebConnector == nil {
		t.Fatalf("%+v %v", h, err)
	}
	said, problem := quickbooks.WebConnectorCalled(*h.WebConnector, time.Now())
	if !problem || strings.Contains(said.Text(), "script") || !strings.Contains(said.Text(), "was stopped by the QuickBooks service") {
		t.Fatalf("%v %q", problem, said.Text())
	}
	if said, problem := quickbooks.WebConnectorCalled(serviceapi.WebConnector{}, time.Now()); !problem || !strings.Contains(said.Text(), "has not called") {
		t.Fatalf("no call at all: %q", said.Text())
	}
}

// A 1.2 service says the Web Connector is quiet without its times: its
// own words stand, cleaned, and nothing is made up of when it called.
func TestAQuietWebConnectorWithoutItsTimes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"error":{"code":"webConnectorQuiet","message":"quiet","userFacingMessage":"The Web Connector has not called since 9 AM.\u200b"}}`))
	}))
	t.Cleanup(srv.Close)
	_, err := client(t, quickbooks.Config{BaseURL: srv.URL}).Health(ctx)
	var qe *quickbooks.Error
	if !errors.As(err, &qe) || qe.Kind != quickbooks.KindServiceError || qe.Message() != "The Web Connector has not called since 9 AM." || qe.WebConnector != nil {
		t.Fatalf("%#v", err)
	}
}
