package appservice

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
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

// The form's load and its checks as the user types never read the whole
// item list (a 20,000-item list costs tens of milliseconds and megabytes
// the first screen need not spend): they read its summary and the chosen
// item. The keychain is asked once per Service User.
func TestTheFormNeverReadsTheWholeList(t *testing.T) {
	f := newFixture(t)
	keys := &countingKeys{Passwords: f.keys}
	svc := New(f.store, func(context.Context) (Passwords, error) { return keys, nil }, slog.New(slog.DiscardHandler))
	c := settings.Change{Settings: filled()}
	typeURL := func(n int) []settings.FieldError {
		t.Helper()
		var errs []settings.FieldError
		for i := range n {
			c.Settings.ServiceURL = fmt.Sprintf("https://qbserver:%d", 8000+i) // a keystroke each
			var err error
			if errs, err = svc.Validate(ctx, f.profile, c); err != nil {
				t.Fatal(err)
			}
		}
		return errs
	}
	reads, gets := f.store.ItemListReads(), keys.gets.Load()
	st, err := svc.Load(ctx, f.profile)
	if err != nil || st.ItemList.Count != 1 || !st.ItemList.HasRetainage {
		t.Fatalf("load: %+v %v", st.ItemList, err)
	}
	typeURL(50)
	if r, g := f.store.ItemListReads()-reads, keys.gets.Load()-gets; r != 0 || g != 1 {
		t.Fatalf("a load and 50 keystrokes read the item list %d times and the keychain %d times, want 0 and 1", r, g)
	}

	// Another Service User: its password is asked for once.
	c.Settings.ServiceUser = "new-user"
	typeURL(20)
	if g := keys.gets.Load() - gets; g != 2 {
		t.Fatalf("a new Service User: the keychain read %d times in all, want 2", g)
	}

	// The list replaced (here, as a refresh elsewhere would) without the
	// chosen item: the next keystroke says so.
	other := settings.Item{ListID: "80000099-1", FullName: "Retention", Type: "Service", IsActive: true}
	if err := f.store.ReplaceItems(ctx, f.profile, []settings.Item{other}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	if errs := typeURL(1); !slices.ContainsFunc(errs, func(e settings.FieldError) bool { return e.Field == settings.FieldRetainageItem }) {
		t.Fatalf("after a refresh without the chosen item: %v", errs)
	}
	if r := f.store.ItemListReads() - reads; r != 0 {
		t.Fatalf("the item list was read %d times, want none", r)
	}
}

// What a keystroke costs in Go: the form's check with a 20,000-item list
// (its summary and the chosen item read, the keychain's answer held).
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
