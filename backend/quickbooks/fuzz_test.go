package quickbooks_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
	"unicode/utf8"

	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// A service that answers anything at all, with any status: the client
// never panics or hangs, and every failure is an *Error whose message is
// fit to show (no hidden characters, bounded), and whatever it accepts
// holds what the app relies on.
func FuzzServiceAnswers(f *testing.F) {
	f.Add(uint8(0), 200, []byte(`{"service":"quickbooks","serviceVersion":"1.0","companyFile":"C:\\a.qbw","qbEdition":"Premier","qbRunning":true}`))
	f.Add(uint8(1), 200, []byte(`{"items":[{"listId":"1-1","fullName":"Retainage Payable","type":"Service","isActive":true}]}`))
	f.Add(uint8(1), 200, []byte(`{"items":[],"nextCursor":"again"}`))
	f.Add(uint8(2), 202, []byte(`{"refreshId":"r1"}`))
	f.Add(uint8(3), 200, []byte(`{"state":"failed","message":"\u202eQuickBooks\u0000 said no"}`))
	f.Add(uint8(0), 503, []byte(`{"error":{"code":"qbNotRunning","message":"m","userFacingMessage":"Open\nQuickBooks\u200b."}}`))
	f.Add(uint8(0), 401, []byte(``))
	f.Add(uint8(1), 200, []byte(`{"items":[{"listId":"1-1","fullName":"a\u0000b"}]}`))
	f.Add(uint8(0), 302, []byte(`<html>`))
	f.Fuzz(func(t *testing.T, which uint8, status int, body []byte) {
		if status < 100 || status > 599 {
			status = 500 + status%100
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			w.Write(body)
		}))
		defer srv.Close()
		c, err := quickbooks.New(quickbooks.Config{BaseURL: srv.URL, User: "demo", Password: "pw"})
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		switch which % 4 {
		case 0:
			_, err = c.Health(ctx)
		case 1:
			var list quickbooks.ItemList
			list, err = c.Items(ctx)
			for _, it := range list.Items {
				if it.ListID == "" || it.FullName == "" || utf8.RuneCountInString(it.FullName) > quickbooks.MaxFullNameRunes {
					t.Fatalf("accepted the item %+v", it)
				}
			}
		case 2:
			_, err = c.StartRefresh(ctx)
		case 3:
			var st serviceapi.RefreshStatus
			st, err = c.RefreshState(ctx, "r1")
			checkShown(t, st.Message)
		}
		if ctx.Err() != nil {
			t.Fatal("the client hung on this answer")
		}
		if err == nil {
			return
		}
		var qe *quickbooks.Error
		if !errors.As(err, &qe) || qe.Message() == "" {
			t.Fatalf("a failure without words for the user: %#v", err)
		}
		checkShown(t, qe.Message())
	})
}

func checkShown(t *testing.T, msg string) {
	t.Helper()
	if settings.HasHiddenCharacter(msg) || utf8.RuneCountInString(msg) > 1000 {
		t.Fatalf("a message not fit to show: %q", msg)
	}
}
