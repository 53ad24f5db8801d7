package servicedb

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"qbsettings/backend/sqlite"
	"qbsettings/internal/testdir"
)

var ctx = context.Background()

func open(t *testing.T) (*DB, string) {
	t.Helper()
	path := filepath.Join(testdir.New(t), FileName)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	// The account the tests' sessions sign in with, at its first password.
	if err := d.SetAccount(ctx, "u", "hash", time.Now()); err != nil {
		t.Fatal(err)
	}
	return d, path
}

// A job goes queued, running (with the session's ticket), and back to the
// queue when its session closes, with what it read dropped; the oldest
// queued is taken first; a refresh's pages replace the list only at its
// end.
func TestJobsAndTheirSessions(t *testing.T) {
	d, _ := open(t)
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	if id, err := d.QueueRefresh(ctx, "b", at); err != nil || id != "b" {
		t.Fatal(id, err)
	}
	if id, err := d.QueueCreate(ctx, "a", NewItem{Name: "Retention"}, at.Add(time.Second)); err != nil || id != "a" {
		t.Fatal(id, err)
	}
	// A second refresh asked while one is queued is that one.
	if id, err := d.QueueRefresh(ctx, "c", at.Add(2*time.Second)); err != nil || id != "b" {
		t.Fatalf("a second refresh: %q %v", id, err)
	}
	if err := d.StartSession(ctx, Session{Ticket: "t1", User: "u", StartedAt: at, AccountGeneration: 1}, at); err != nil {
		t.Fatal(err)
	}
	j, ok, err := d.TakeNextJob(ctx, "t1", at)
	if err != nil || !ok || j.ID != "b" || j.State != JobRunning || j.Attempts != 1 {
		t.Fatalf("took %+v %v %v", j, ok, err)
	}
	if err := d.KeepPage(ctx, "b", []Item{{ListID: "1", FullName: "A", Type: "Service", IsActive: true}}, "{}", at); err != nil {
		t.Fatal(err)
	}
	if items, _ := d.Items(ctx); len(items) != 0 {
		t.Fatalf("a page replaced the list: %+v", items)
	}
	if err := d.CloseSession(ctx, "t1", at); err != nil {
		t.Fatal(err)
	}
	if j, _, _ := d.Job(ctx, "b"); j.State != JobQueued || j.Ticket != "" {
		t.Fatalf("after the session: %+v", j)
	}
	if s, _, _ := d.Session(ctx, "t1"); !s.Closed {
		t.Fatal("the session is open")
	}
	// Taken again by the next session: its earlier page is gone.
	if err := d.StartSession(ctx, Session{Ticket: "t2", User: "u", StartedAt: at, AccountGeneration: 1}, at); err != nil {
		t.Fatal(err)
	}
	j, _, _ = d.TakeNextJob(ctx, "t2", at)
	if j.ID != "b" || j.Attempts != 2 {
		t.Fatalf("retaken %+v", j)
	}
	if err := d.FinishRefresh(ctx, "b", []Item{{ListID: "2", FullName: "B", Type: "OtherCharge"}}, at); err != nil {
		t.Fatal(err)
	}
	items, _ := d.Items(ctx)
	if j, _, _ := d.Job(ctx, "b"); j.State != JobDone || len(items) != 1 || items[0].ListID != "2" || items[0].IsActive {
		t.Fatalf("done %+v, items %+v", j, items)
	}
}

// A service stopped with a job running finds it queued when it starts.
func TestRunningJobsAreQueuedAgainAtStart(t *testing.T) {
	d, path := open(t)
	at := time.Now()
	if _, err := d.QueueRefresh(ctx, "r", at); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := d.TakeNextJob(ctx, "t", at); !ok || err != nil {
		t.Fatal(err)
	}
	if err := d.KeepPage(ctx, "r", []Item{{ListID: "1", FullName: "A"}}, "{}", at); err != nil {
		t.Fatal(err)
	}
	if err := d.StartSession(ctx, Session{Ticket: "t", User: "u", StartedAt: at, AccountGeneration: 1}, at); err != nil {
		t.Fatal(err)
	}
	d.Close()
	// Opened beside the running service (status, account set): nothing
	// of the session under way changes.
	beside, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, _, _ := beside.Session(ctx, "t"); s.Closed {
		t.Fatalf("opening the database ended the session under way")
	}
	if j, _, _ := beside.Job(ctx, "r"); j.State != JobRunning {
		t.Fatalf("opening the database queued the running job again: %+v", j)
	}
	beside.Close()
	// The service's start: the session is gone, its job queued again.
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if err := again.Started(ctx, time.Now()); err != nil {
		t.Fatal(err)
	}
	if s, _, _ := again.Session(ctx, "t"); !s.Closed {
		t.Fatalf("the start left the session open")
	}
	j, _, _ := again.Job(ctx, "r")
	var pages int
	again.db.QueryRow(`SELECT count(*) FROM refresh_items`).Scan(&pages)
	if j.State != JobQueued || j.Step != "" || pages != 0 {
		t.Fatalf("after the restart: %+v, %d pages kept", j, pages)
	}
}

// Settings are replaced only over the version they were read at.
func TestSyncSettingsCompareAndSet(t *testing.T) {
	d, _ := open(t)
	s, err := d.SyncSettings(ctx)
	if err != nil || s.Version != 0 || s.JSON != "" {
		t.Fatalf("first %+v %v", s, err)
	}
	v, err := d.ApplySyncSettings(ctx, 0, SyncSettings{JSON: `{"a":1}`, AppliedAt: time.Now(), Computer: "PC", User: "pat"})
	if err != nil || v != 1 {
		t.Fatalf("apply: %d %v", v, err)
	}
	if _, err := d.ApplySyncSettings(ctx, 0, SyncSettings{JSON: `{"a":2}`}); !errors.Is(err, ErrSettingsChanged) {
		t.Fatalf("over a stale version: %v", err)
	}
	if s, _ := d.SyncSettings(ctx); s.JSON != `{"a":1}` || s.Version != 1 || s.Computer != "PC" || s.User != "pat" || s.AppliedAt.IsZero() {
		t.Fatalf("kept %+v", s)
	}
}

// The item list a page at a time, by full name, each from where the last
// ended, filtered by type and by active status in SQL; its digest changes
// with its content, and only then.
func TestItemsPage(t *testing.T) {
	d, _ := open(t)
	at := time.Now()
	refresh := func(id string, items []Item) {
		t.Helper()
		d.QueueRefresh(ctx, id, at)
		d.TakeNextJob(ctx, "t", at)
		if err := d.FinishRefresh(ctx, id, items, at); err != nil {
			t.Fatal(err)
		}
	}
	empty, _ := d.ItemsDigest(ctx)
	if again, _ := d.ItemsDigest(ctx); empty == "" || again != empty {
		t.Fatalf("the empty list's digest: %q, then %q", empty, again)
	}
	list := []Item{
		{ListID: "1", FullName: "C", Type: "Service", IsActive: true}, {ListID: "2", FullName: "A", Type: "Service", IsActive: false},
		{ListID: "3", FullName: "B", Type: "OtherCharge", IsActive: true}, {ListID: "4", FullName: "D", Type: "NonInventory", IsActive: true},
	}
	refresh("r", list)
	names := func(f ItemFilter, after string, limit int) (string, bool) {
		var key *ItemKey
		if after != "" {
			all, _ := d.Items(ctx)
			for _, it := range all {
				if it.FullName == after {
					key = &ItemKey{FullName: it.FullName, ListID: it.ListID}
				}
			}
		}
		page, more, err := d.ItemsPage(ctx, f, key, limit)
		if err != nil {
			t.Fatal(err)
		}
		var s string
		for _, it := range page {
			s += it.FullName
		}
		return s, more
	}
	both := ItemFilter{Types: []string{"Service", "OtherCharge"}, Active: true, Inactive: true}
	for _, tc := range []struct {
		f     ItemFilter
		after string
		limit int
		want  string
		more  bool
	}{
		{both, "", 2, "AB", true},
		{both, "B", 2, "C", false},
		{both, "C", 2, "", false},
		{ItemFilter{Types: []string{"Service", "OtherCharge"}, Active: true}, "", 10, "BC", false},
		{ItemFilter{Inactive: true}, "", 10, "A", false},
		{ItemFilter{Active: true, Inactive: true}, "", 10, "ABCD", false},
		{ItemFilter{Active: true, Inactive: true}, "A", 1, "B", true},
		{ItemFilter{Types: []string{"Serv"}, Active: true, Inactive: true}, "", 10, "", false},
	} {
		if got, more := names(tc.f, tc.after, tc.limit); got != tc.want || more != tc.more {
			t.Errorf("%+v after %q, %d: %q %v, want %q %v", tc.f, tc.after, tc.limit, got, more, tc.want, tc.more)
		}
	}
	first, _ := d.ItemsDigest(ctx)
	if first == empty {
		t.Fatal("the list's digest is the empty list's")
	}
	refresh("again", list)
	if again, _ := d.ItemsDigest(ctx); again != first || first == "" {
		t.Fatalf("the same list read again: %q, then %q", first, again)
	}
	list[0].EditSequence = "2"
	refresh("changed", list)
	if changed, _ := d.ItemsDigest(ctx); changed == first {
		t.Fatal("a changed item kept the digest")
	}
}

// upgradedFrom is a database of an earlier version, its schema brought
// up to migration last (its number) and no further, holding rows (SQL),
// then opened by this version, which brings it up to date.
func upgradedFrom(t *testing.T, last, rows string) *DB {
	t.Helper()
	path := filepath.Join(testdir.New(t), FileName)
	older := fstest.MapFS{}
	files, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name()[:len(last)] > last {
			break
		}
		data, err := migrationFiles.ReadFile("migrations/" + f.Name())
		if err != nil {
			t.Fatal(err)
		}
		older[f.Name()] = &fstest.MapFile{Data: data}
	}
	db, err := sqlite.Open(path, older)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(rows)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// A database of the version before creates (2) keeps its jobs, and a
// refresh's pages are dropped, as a job left running loses them anyway.
func TestJobsSurviveTheMigrationToCreates(t *testing.T) {
	d := upgradedFrom(t, "0002", `INSERT INTO jobs (id, kind, state, ticket, step, attempts, created_at, updated_at) VALUES
		('r1', 'refresh', 'running', 't', '{}', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z'),
		('r2', 'refresh', 'done', '', '', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z');
		INSERT INTO refresh_items VALUES ('r1', '1-1', 'A', 'Service', 1, '1', '')`)
	if err := d.Started(ctx, time.Now()); err != nil { // the new version's service starts
		t.Fatal(err)
	}
	r1, ok1, err1 := d.Job(ctx, "r1")
	r2, ok2, err2 := d.Job(ctx, "r2")
	if !ok1 || !ok2 || err1 != nil || err2 != nil || r1.State != JobQueued || r2.State != JobDone || r1.Attempts != 1 {
		t.Fatalf("after the migration: %+v %+v %v %v", r1, r2, err1, err2)
	}
	if _, err := d.QueueCreate(ctx, "c", NewItem{Name: "Retention"}, time.Now()); err != nil {
		t.Fatal("a create after the migration:", err)
	}
}

// The Web Connector's last call counts a session under way: a long one is
// not the Web Connector gone quiet. A refused sign-in and the session's
// error are kept beside what the last session learned, which a new
// session's learning clears.
func TestTheWebConnectorsLastCall(t *testing.T) {
	d, _ := open(t)
	t0 := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	if c, err := d.Connector(ctx); err != nil || !c.LastCallAt.IsZero() {
		t.Fatalf("never called: %+v %v", c, err)
	}
	if err := d.SaveConnector(ctx, Connector{LastCallAt: t0, CompanyFile: "a.qbw", QuickBooksOpen: true}); err != nil {
		t.Fatal(err)
	}
	if err := d.StartSession(ctx, Session{Ticket: "t", User: "u", StartedAt: t0.Add(time.Second), AccountGeneration: 1}, t0); err != nil {
		t.Fatal(err)
	}
	s, _, _ := d.Session(ctx, "t")
	s.LastCallAt = t0.Add(9 * time.Minute)
	if err := d.UpdateSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	if err := d.NoteSignInRefused(ctx, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := d.NoteSessionError(ctx, "unreadableResponse"); err != nil {
		t.Fatal(err)
	}
	c, err := d.Connector(ctx)
	if err != nil || !c.LastCallAt.Equal(t0.Add(9*time.Minute)) || c.CompanyFile != "a.qbw" ||
		!c.SignInRefusedAt.Equal(t0.Add(time.Minute)) || c.SessionError != "unreadableResponse" {
		t.Fatalf("%+v %v", c, err)
	}
	if err := d.SaveConnector(ctx, Connector{LastCallAt: t0.Add(10 * time.Minute), QuickBooksOpen: true}); err != nil {
		t.Fatal(err)
	}
	if c, err := d.Connector(ctx); err != nil || !c.SignInRefusedAt.IsZero() || c.SessionError != "" {
		t.Fatalf("a new session's learning: %+v %v", c, err)
	}
}

// A new password ends, in its commit, the sessions the old one opened
// (their running jobs queued again, what they read dropped), so that a
// new sign-in is not told another session is under way; a session begun
// after the change with a sign-in checked before it is refused; and the
// account's devices are forgotten.
func TestANewPasswordEndsTheOldOnesSessions(t *testing.T) {
	d, _ := open(t)
	at := time.Now()
	if err := d.StartSession(ctx, Session{Ticket: "old", User: "u", StartedAt: at, AccountGeneration: 1}, at); err != nil {
		t.Fatal(err)
	}
	if _, err := d.QueueRefresh(ctx, "r", at); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := d.TakeNextJob(ctx, "old", at); !ok || err != nil {
		t.Fatal(ok, err)
	}
	if err := d.KeepPage(ctx, "r", []Item{{ListID: "1", FullName: "A"}}, "{}", at); err != nil {
		t.Fatal(err)
	}
	if err := d.TrustDevice(ctx, "u", "device", at); err != nil {
		t.Fatal(err)
	}
	if err := d.SetAccount(ctx, "u", "new hash", at); err != nil {
		t.Fatal(err)
	}
	if s, ok, _ := d.Session(ctx, "old"); !ok || !s.Closed {
		t.Fatalf("the old password's session: %+v", s)
	}
	if j, _, _ := d.Job(ctx, "r"); j.State != JobQueued {
		t.Fatalf("its job: %+v", j)
	}
	if n, _ := d.PagesKept(ctx); n != 0 {
		t.Fatalf("%d items it read are kept", n)
	}
	if trusted, _ := d.DeviceTrusted(ctx, "u", "device"); trusted {
		t.Fatal("a device of the old password is trusted")
	}
	if a, _, _ := d.AccountOf(ctx, "u"); a.Generation != 2 || a.PasswordHash != "new hash" {
		t.Fatalf("the account: %+v", a)
	}
	// Checked against the old password, begun after the change: refused.
	err := d.StartSession(ctx, Session{Ticket: "late", User: "u", StartedAt: at, AccountGeneration: 1}, at)
	if !errors.Is(err, ErrPasswordChanged) {
		t.Fatalf("a session of the old password: %v", err)
	}
	if err := d.StartSession(ctx, Session{Ticket: "new", User: "u", StartedAt: at, AccountGeneration: 2}, at); err != nil {
		t.Fatalf("the new password's session: %v", err)
	}
}

// A session whose account changed password is closed even where nothing
// closed it (an older row, or a change made by another program): the
// generation decides.
func TestASessionOfAnOldGenerationIsClosed(t *testing.T) {
	d, _ := open(t)
	at := time.Now()
	if err := d.StartSession(ctx, Session{Ticket: "t", User: "u", StartedAt: at, AccountGeneration: 1}, at); err != nil {
		t.Fatal(err)
	}
	if _, err := d.db.ExecContext(ctx, `UPDATE accounts SET generation = 7`); err != nil {
		t.Fatal(err)
	}
	if s, _, _ := d.Session(ctx, "t"); !s.Closed {
		t.Fatal("open after its account's password changed")
	}
	if err := d.StartSession(ctx, Session{Ticket: "n", User: "u", StartedAt: at, AccountGeneration: 7}, at); err != nil {
		t.Fatalf("a new session is told: %v", err)
	}
}

// Devices are kept to MaxTrustedDevices an account, the last used.
func TestTrustedDevicesAreBounded(t *testing.T) {
	d, _ := open(t)
	at := time.Now()
	for i := range MaxTrustedDevices + 5 {
		if err := d.TrustDevice(ctx, "u", fmt.Sprintf("device-%02d", i), at.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM trusted_devices`).Scan(&n); err != nil || n != MaxTrustedDevices {
		t.Fatalf("%d kept, %v", n, err)
	}
	if first, _ := d.DeviceTrusted(ctx, "u", "device-00"); first {
		t.Fatal("the least recently used is kept")
	}
	if last, _ := d.DeviceTrusted(ctx, "u", fmt.Sprintf("device-%02d", MaxTrustedDevices+4)); !last {
		t.Fatal("the last used is gone")
	}
}

// Times written before their fractions kept all nine digits are padded
// by the migration (17), so a request's jobs queued then still run in
// order, and read back as they were.
func TestEarlierTimesSortAfterTheMigration(t *testing.T) {
	d := upgradedFrom(t, "0016", `INSERT INTO erp_requests (request_id, state, seen_at, updated_at) VALUES
		(9, 'fetched', '2026-12-07T23:11:34.3Z', '2026-12-07T23:11:34.3Z');
		INSERT INTO jobs (id, kind, state, request, erp_request, created_at, updated_at) VALUES
		('erp-9.3', 'create', 'queued', '{"name":"3"}', 9, '2026-12-07T23:11:35Z', ''),
		('erp-9.2', 'create', 'queued', '{"name":"2"}', 9, '2026-12-07T23:11:34.340851Z', ''),
		('erp-9.1', 'create', 'queued', '{"name":"1"}', 9, '2026-12-07T23:11:34.34085Z', '')`)
	jobs, err := d.ERPJobs(ctx, 9)
	if err != nil || len(jobs) != 3 {
		t.Fatalf("%+v, %v", jobs, err)
	}
	for i, j := range jobs {
		if want := fmt.Sprintf(`{"name":"%d"}`, i+1); j.Input != want {
			t.Fatalf("job %d is %q", i, j.Input)
		}
	}
	if r, _, err := d.ERPRequest(ctx, 9); err != nil || r.SeenAt.Nanosecond() != 300000000 {
		t.Fatalf("%+v, %v", r, err)
	}
}
