package appservice

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
)

// countingKeys counts the reads of the real keychain.
type countingKeys struct {
	Passwords
	gets atomic.Int64
}

func (k *countingKeys) Get(ctx context.Context, e secrets.Entry) (string, bool, error) {
	k.gets.Add(1)
	return k.Passwords.Get(ctx, e)
}

// Validate as the user types touches neither the keychain nor the item
// table more than once per change of the item list or the Service User.
func TestValidateAsTheUserTypesReadsOncePerChange(t *testing.T) {
	f := newFixture(t)
	keys := &countingKeys{Passwords: f.keys}
	svc := New(f.store, func(context.Context) (Passwords, error) { return keys, nil }, slog.New(slog.DiscardHandler))
	c := settings.Change{Settings: filled()}
	typeURL := func(n int) {
		t.Helper()
		for i := range n {
			c.Settings.ServiceURL = fmt.Sprintf("https://qbserver:%d", 8000+i) // a keystroke each
			if _, err := svc.Validate(ctx, f.profile, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	reads, gets := f.store.ItemListReads(), keys.gets.Load()
	typeURL(50)
	if r, g := f.store.ItemListReads()-reads, keys.gets.Load()-gets; r != 1 || g != 1 {
		t.Fatalf("50 keystrokes read the item list %d times and the keychain %d times, want once each", r, g)
	}

	// Another Service User: its password is asked for once.
	c.Settings.ServiceUser = "new-user"
	typeURL(20)
	if g := keys.gets.Load() - gets; g != 2 {
		t.Fatalf("a new Service User: the keychain read %d times in all, want 2", g)
	}

	// The list replaced (here, as a refresh elsewhere would): read once more.
	if err := f.store.ReplaceItems(ctx, f.profile, []settings.Item{retainage}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	typeURL(20)
	if r := f.store.ItemListReads() - reads; r != 2 {
		t.Fatalf("after a refresh the item list was read %d times in all, want 2", r)
	}
}

// What a keystroke costs in Go: the form's check with a 20,000-item list
// (read once, then held while its version stays).
func BenchmarkValidateAsTheUserTypes20000Items(b *testing.B) {
	f := newFixture(b)
	list := make([]settings.Item, 20000)
	for i := range list {
		list[i] = settings.Item{ListID: fmt.Sprintf("8000%04d-1", i), FullName: fmt.Sprintf("Item %05d", i), Type: "Service", IsActive: true}
	}
	list[0] = retainage
	if err := f.store.ReplaceItems(ctx, f.profile, list, time.Now(), ""); err != nil {
		b.Fatal(err)
	}
	// A stored password, as a configured form has: without one, every
	// check would be a refusal and measure less than the form does.
	c := settings.Change{Settings: filled()}
	if err := f.keys.Set(ctx, secrets.Account{Profile: f.profile, User: c.Settings.ServiceUser}, "pw"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.Settings.ServiceURL = fmt.Sprintf("https://qbserver:%d", 8000+i%1000)
		if errs, err := f.svc.Validate(ctx, f.profile, c); err != nil || len(errs) > 0 {
			b.Fatalf("a valid form was refused: %v %v", errs, err)
		}
	}
}

// The picker's order: Service items first, then the others, each by name
// as a person reads it (numbers as numbers, case ignored), made once a
// version of the list.
func TestThePickersOrder(t *testing.T) {
	f := newFixture(t)
	list := []settings.Item{
		{ListID: "1", FullName: "Cost code 10", Type: "Service", IsActive: true},
		{ListID: "2", FullName: "Freight", Type: "OtherCharge", IsActive: true},
		{ListID: "3", FullName: "cost code 9", Type: "Service", IsActive: true},
		{ListID: "4", FullName: "Cost code 9:Labor", Type: "Service", IsActive: false},
		{ListID: "5", FullName: "Attachment", Type: "OtherCharge", IsActive: true},
		{ListID: "6", FullName: "Cost code 009", Type: "Service", IsActive: true},
	}
	if err := f.store.ReplaceItems(ctx, f.profile, list, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	ix, err := f.svc.PickerItems(ctx, f.profile)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range ix.Items {
		got = append(got, it.ListID)
	}
	if strings.Join(got, ",") != "6,3,4,1,5,2" {
		t.Fatalf("order %v", got)
	}
	again, _ := f.svc.PickerItems(ctx, f.profile)
	if &again.Items[0] != &ix.Items[0] {
		t.Fatal("the order was made again for the same version")
	}
}
