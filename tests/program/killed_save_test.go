package program

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/internal/testkeys"
)

// KillRunsEnv sets how many runs TestPasswordSetKilledAtRandomMoments
// kills: make test runs 100, make soak 1,000.
const KillRunsEnv = "QBSETTINGS_KILL_RUNS"

// The real executable's `password set`, killed with SIGKILL at a random
// moment of its run again and again. After each kill, and once the next
// command has used the keychain (which settles what a killed save left),
// the database is intact, its settings row is its newest revision, and the
// keychain holds exactly the password of the newest revision that changed
// it: never a password that no saved revision brought. Each kill is sorted
// by the moment it fell in (killedAt), and both risky moments, between the
// pending password and the commit and between the commit and the settle,
// must have been hit.
func TestPasswordSetKilledAtRandomMoments(t *testing.T) {
	runs := 100
	if v, err := strconv.Atoi(os.Getenv(KillRunsEnv)); err == nil && v > 0 {
		runs = v
	}
	exe := builtExecutable(t)
	data := filepath.Join(t.TempDir(), "data")
	env := append(os.Environ(), "QBSETTINGS_DATA_DIR="+data)
	keys, dbID, user := seedForKilling(t, data)
	account := secrets.Account{Profile: store.DefaultProfile, User: user}
	want := "pw-seed"

	start := func(password string) *exec.Cmd {
		cmd := exec.Command(exe, "password", "set")
		cmd.Env = env
		cmd.Stdin = strings.NewReader(password + "\n")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	// How long a whole run takes here, to spread the kills over it.
	var lengths []time.Duration
	for i := range 5 {
		want = fmt.Sprintf("pw-timing-%d", i)
		began := time.Now()
		if err := start(want).Wait(); err != nil {
			t.Fatalf("password set: %v", err)
		}
		lengths = append(lengths, time.Since(began))
	}
	slices.Sort(lengths)
	span := lengths[len(lengths)/2] * 6 / 5

	// Each run is sorted by where the kill fell, read from the state it
	// left before the next command settles it. The two risky moments must
	// each be hit at least once; runs go on (up to ten times as many) until
	// they are, so that a slower machine cannot pass without testing them.
	var where [momentCount]int
	run := func(i int) {
		before := newestPasswordRevision(t, data)
		password := fmt.Sprintf("pw-%d", i)
		cmd := start(password)
		time.Sleep(rand.N(span))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		moment := killedAt(t, i, cmd.ProcessState, keys, dbID, data, before)
		where[moment]++
		// The next command settles what the killed one left, before it
		// reads any password.
		get := exec.Command(exe, "settings", "get", "--json")
		get.Env = env
		out, err := get.Output()
		var got struct{ PasswordStored bool }
		if err != nil || json.Unmarshal(out, &got) != nil || !got.PasswordStored {
			t.Fatalf("run %d: settings get after the kill: %v %s", i, err, out)
		}
		if newestPasswordRevision(t, data) > before {
			want = password
		}
		checkAfterKill(t, i, data)
		if pw, found, err := keys.Get(context.Background(), account); err != nil || !found || pw != want {
			t.Fatalf("run %d: the keychain holds %q (%v, %v), want %q, the newest saved revision's", i, pw, found, err, want)
		}
		if left, err := keys.PendingPasswords(context.Background(), dbID+"."); err != nil || len(left) > 0 {
			t.Fatalf("run %d: pending entries left: %v %v", i, left, err)
		}
	}
	i := 0
	for ; i < runs; i++ {
		run(i)
	}
	for ; (where[killedPending] == 0 || where[killedLanded] == 0) && i < 10*runs; i++ {
		run(i)
	}
	t.Logf("%d runs of password set (%v each): %d killed before the save began, %d with the new password pending, "+
		"%d after the commit and before the settle, %d after the settle, %d finished",
		i, lengths[len(lengths)/2], where[killedBefore], where[killedPending], where[killedLanded], where[killedSettled], where[finished])
	if where[killedPending] == 0 || where[killedLanded] == 0 {
		t.Fatalf("in %d runs no kill fell between the pending password and the commit (%d) or between the commit and the settle (%d): "+
			"the risky moments were not tested", i, where[killedPending], where[killedLanded])
	}
}

// moment is where in a password set a kill fell.
type moment int

const (
	finished      moment = iota // the command was done before the kill
	killedBefore                // nothing of the save was written
	killedPending               // the new password is in a pending entry; no revision names it
	killedLanded                // the revision is committed; its password is not settled
	killedSettled               // the save is complete; the process was ending
	momentCount
)

// killedAt tells where the kill of run i fell, from how the process ended
// and what it left: in the keychain, a pending entry of this database; in
// the database, a newer revision with a password change, settled or not.
func killedAt(t *testing.T, run int, state *os.ProcessState, keys *secrets.Keychain, dbID, data string, before int64) moment {
	t.Helper()
	status, _ := state.Sys().(syscall.WaitStatus)
	if !status.Signaled() {
		if state.ExitCode() != 0 {
			t.Fatalf("run %d: password set failed on its own (exit %d), not by the kill", run, state.ExitCode())
		}
		return finished
	}
	if status.Signal() != syscall.SIGKILL {
		t.Fatalf("run %d: ended by %v, not the kill", run, status.Signal())
	}
	pending, err := keys.PendingPasswords(context.Background(), dbID+".")
	if err != nil {
		t.Fatal(err)
	}
	landed := newestPasswordRevision(t, data) > before
	unsettled := unsettledPasswords(t, data) > 0
	switch {
	case !landed && unsettled:
		t.Fatalf("run %d: an unsettled password change with no new revision", run)
	case landed && unsettled:
		return killedLanded
	case landed:
		return killedSettled
	case len(pending) > 0:
		return killedPending
	}
	return killedBefore
}

// seedForKilling saves valid settings with a first password, as the window
// would, and returns the keychain, the database's id and the Service User.
func seedForKilling(t *testing.T, data string) (*secrets.Keychain, string, string) {
	t.Helper()
	if err := os.MkdirAll(data, 0o700); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	keys := testkeys.Open(t)
	const user = "kill-test"
	t.Cleanup(func() { keys.RemoveAll(context.Background()) })
	item := settings.Item{ListID: "80000005-1468535148", FullName: "Retainage Payable", Type: "Service", IsActive: true}
	if err := st.ReplaceItems(context.Background(), store.DefaultProfile, []settings.Item{item}, time.Now(), ""); err != nil {
		t.Fatal(err)
	}
	s := settings.Defaults()
	s.ServiceURL, s.ServiceUser = "https://qbserver:8443", user
	s.RetainageItem = settings.ItemRef{ListID: item.ListID, FullName: item.FullName}
	svc := appservice.New(st, func(ctx context.Context) (appservice.Passwords, error) { return keys, nil }, slog.New(slog.DiscardHandler))
	if _, errs, err := svc.Save(context.Background(), store.DefaultProfile, 0, settings.Change{Settings: s, ChangePassword: true, Password: "pw-seed"}); err != nil || errs != nil {
		t.Fatalf("seed: %v %v", errs, err)
	}
	id, err := st.DatabaseID(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return keys, id, user
}

func openRaw(t *testing.T, data string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// newestPasswordRevision is the newest revision that changed the password.
func newestPasswordRevision(t *testing.T, data string) int64 {
	t.Helper()
	db := openRaw(t, data)
	defer db.Close()
	var rev int64
	if err := db.QueryRow(`SELECT coalesce(max(revision), 0) FROM revisions WHERE password_changed = 1`).Scan(&rev); err != nil {
		t.Fatal(err)
	}
	return rev
}

// checkAfterKill checks the database a killed save left.
func checkAfterKill(t *testing.T, run int, data string) {
	t.Helper()
	db := openRaw(t, data)
	defer db.Close()
	var integrity string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("run %d: integrity_check: %q %v", run, integrity, err)
	}
	const cols = `service_url, service_user, use_procore_contract_number, auto_add_new_cost_codes, direct_cost_column,
		hide_job_to_date_costs, vendor_updates, retainage_item_list_id, retainage_item_full_name`
	var mismatched int
	err := db.QueryRow(`
		SELECT count(*) FROM (
			SELECT revision, ` + cols + ` FROM settings WHERE profile_id = 'default'
			EXCEPT
			SELECT revision, ` + cols + ` FROM revisions WHERE profile_id = 'default'
			       AND revision = (SELECT max(revision) FROM revisions WHERE profile_id = 'default'))`).Scan(&mismatched)
	if err != nil || mismatched != 0 {
		t.Fatalf("run %d: the settings row is not the newest revision (%d rows differ, %v)", run, mismatched, err)
	}
	if n := unsettledPasswords(t, data); n != 0 {
		t.Fatalf("run %d: %d password changes not settled", run, n)
	}
}

// unsettledPasswords counts the revisions whose new password is not yet
// the account's (their pending entry's token is still recorded).
func unsettledPasswords(t *testing.T, data string) int {
	t.Helper()
	db := openRaw(t, data)
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM revisions WHERE password_token IS NOT NULL`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
