package appservice

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbservicetest"
	"qbsettings/qbservice/accounts"
)

// guess sends the service wrong passwords from this computer, as fast as
// it answers, until stop is closed.
func guess(t *testing.T, url string, stop <-chan struct{}) *sync.WaitGroup {
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				req, _ := http.NewRequest(http.MethodGet, url+"/v1/health", nil)
				req.SetBasicAuth(qbservicetest.User, "a guess at the password")
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
			}
		})
	}
	return &wg
}

// A steady stream of wrong guesses from the owner's own computer, beside
// the owner's sign-in: the app, which signed in from its installation
// before, is Connected at every test while they go on, without a wait.
// Once they stop, an installation that never signed in gets in within the
// connection test's time, waiting what the service says and showing it.
func TestTheOwnerGetsInWhileSomeoneGuesses(t *testing.T) {
	f := newFixture(t)
	qb := startQuickBooksService(t)
	ready := qb.connection(qbservicetest.Password)
	test := func(f *fixture, ctx context.Context) ConnectionResult {
		t.Helper()
		res, errs, err := f.svc.TestConnection(ctx, f.profile, ready)
		if err != nil || len(errs) > 0 {
			t.Fatalf("test: %v %v", errs, err)
		}
		return res
	}
	if res := test(f, ctx); !res.Status.Connected {
		t.Fatalf("the first test: %+v", res.Status)
	}
	stop := make(chan struct{})
	guessing := guess(t, qb.URL, stop)
	var waits []time.Duration
	noticed := quickbooks.NoticeWaits(ctx, func(d time.Duration) { waits = append(waits, d) })
	for range 5 {
		began := time.Now()
		if res := test(f, noticed); !res.Status.Connected || time.Since(began) > 2*time.Second {
			t.Fatalf("the owner's app while someone guesses: %+v after %v", res.Status, time.Since(began))
		}
		time.Sleep(300 * time.Millisecond)
	}
	if len(waits) != 0 {
		t.Fatalf("the owner's app waited %v", waits)
	}
	close(stop)
	guessing.Wait()

	newcomer := newFixture(t)
	began := time.Now()
	if res := test(newcomer, noticed); !res.Status.Connected {
		t.Fatalf("a new installation once guessing stopped: %+v (waited %v)", res.Status, waits)
	}
	if took := time.Since(began); took > ConnectionTimeout {
		t.Fatalf("took %v", took)
	}
	t.Logf("the new installation waited %v", waits)
	for _, w := range waits {
		if w <= 0 || w > accounts.MaxWait {
			t.Fatalf("told to wait %v", w)
		}
	}
}
