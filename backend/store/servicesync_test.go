package store

import (
	"reflect"
	"testing"
	"time"

	"qbsettings/backend/settings"
)

func TestServiceSyncRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	if got, err := s.ServiceSync(ctx, DefaultProfile); err != nil || !reflect.DeepEqual(got, ServiceSync{}) {
		t.Fatalf("never sent: %+v, %v; want the zero value", got, err)
	}
	applied := sample()
	at := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	want := ServiceSync{
		Applied: &applied, ETag: `"v3"`, AppliedAt: at, AttemptedAt: at.Add(time.Minute),
		Problem: keptSaid, ProblemKind: "settingsRefused",
		Refused: []settings.FieldError{{Field: settings.FieldRetainageItem, Message: "Not a Service item."}},
		Elsewhere: &ServiceCopy{Settings: settings.Defaults(), ETag: `"v4"`, AppliedAt: at.Add(time.Hour),
			Computer: "OTHER-PC", User: `OFFICE\sam`},
	}
	if err := s.SaveServiceSync(ctx, DefaultProfile, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.ServiceSync(ctx, DefaultProfile)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("read back %+v, %v\nwant %+v", got, err, want)
	}
	// Overwritten whole: what is not said any more is gone.
	if err := s.SaveServiceSync(ctx, DefaultProfile, ServiceSync{Unsupported: true}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.ServiceSync(ctx, DefaultProfile); !reflect.DeepEqual(got, ServiceSync{Unsupported: true}) {
		t.Fatalf("after overwrite %+v", got)
	}
}

func TestTakenRevisionLandsWithItsSyncState(t *testing.T) {
	s, _ := openTemp(t)
	taken := sample()
	sync := ServiceSync{Applied: &taken, ETag: `"v9"`, AppliedAt: time.Now().UTC().Truncate(time.Second)}
	_, err := s.SaveRevision(ctx, NewRevision{Profile: DefaultProfile, Settings: taken, At: time.Now(),
		By: Author{SavedBy: "pat", TakenFromService: &ServiceApplier{Computer: "OTHER-PC", User: "sam"}}, Sync: &sync})
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.History(ctx, DefaultProfile, 10)
	if err != nil || len(h) != 1 || h[0].TakenFromService == nil || *h[0].TakenFromService != (ServiceApplier{Computer: "OTHER-PC", User: "sam"}) {
		t.Fatalf("history %+v, %v", h, err)
	}
	if got, _ := s.ServiceSync(ctx, DefaultProfile); got.ETag != `"v9"` || got.Applied == nil {
		t.Fatalf("sync state %+v", got)
	}
	// A save that fails leaves the sync state as it was.
	_, err = s.SaveRevision(ctx, NewRevision{Profile: DefaultProfile, Base: 0, Settings: taken, At: time.Now(),
		Sync: &ServiceSync{ETag: `"v10"`}})
	if err == nil {
		t.Fatal("a save on an old revision landed")
	}
	if got, _ := s.ServiceSync(ctx, DefaultProfile); got.ETag != `"v9"` {
		t.Fatalf("a refused save changed the sync state: %+v", got)
	}
}
