package userdata

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"qbsettings/backend/datadir"
	"qbsettings/backend/secrets"
	"qbsettings/backend/store"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testkeys"
)

var ctx = context.Background()

// Against the real keychain (Secret Service on Linux, Credential Manager
// under Wine) and a real settings folder: every password of the app's is
// gone afterwards, another program's entry is not, and the folder is gone.
func TestRemoveTakesEveryPasswordAndTheFolder(t *testing.T) {
	dir := filepath.Join(testdir.New(t), "data")
	t.Setenv(datadir.EnvVar, dir)
	if _, err := datadir.Resolve(); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// A part of the shared test keychain of its own: removing every
	// password must not reach other tests' entries.
	t.Setenv(secrets.ScopeEnv, fmt.Sprintf("test %s %d ", t.Name(), time.Now().UnixNano()))
	keys := testkeys.Open(t)
	stored := []secrets.Entry{
		secrets.Account{Profile: "default", User: "sync"},
		secrets.Account{Profile: "company-2", User: `OFFICE\sam`},
		secrets.PendingPassword{Account: secrets.Account{Profile: "default", User: "sync"}, Token: "db1.abc"},
	}
	for _, e := range stored {
		if err := keys.Set(ctx, e, "pw"); err != nil {
			t.Fatal(err)
		}
	}

	removed, err := Remove(ctx)
	if err != nil {
		t.Fatalf("Remove: %v (step %q)", err, StepOf(err))
	}
	if removed.Passwords != len(stored) || removed.Folder != dir {
		t.Fatalf("removed %+v, want %d passwords and %s", removed, len(stored), dir)
	}
	for _, e := range stored {
		if _, found, err := keys.Get(ctx, e); err != nil || found {
			t.Errorf("%s is still stored (%v)", e.Key(), err)
		}
	}
	if left, err := keys.RemoveAll(ctx); err != nil || left != 0 {
		t.Errorf("%d entries of the app's left (%v)", left, err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the data folder is still there: %v", err)
	}
}

// A folder that cannot be removed is reported as that step, after the
// passwords went.
func TestAFolderThatCannotGoIsItsOwnStep(t *testing.T) {
	// A file where the folder should be: Resolve cannot make the folder.
	file := filepath.Join(testdir.New(t), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(datadir.EnvVar, filepath.Join(file, "data"))
	t.Setenv(secrets.ScopeEnv, fmt.Sprintf("test %s %d ", t.Name(), time.Now().UnixNano()))
	keys := testkeys.Open(t)
	acct := secrets.Account{Profile: "default", User: "sync"}
	if err := keys.Set(ctx, acct, "pw"); err != nil {
		t.Fatal(err)
	}
	removed, err := Remove(ctx)
	if StepOf(err) != StepFolder || removed.Passwords != 1 {
		t.Fatalf("Remove = %+v, %v; want the folder step after 1 password", removed, err)
	}
	if _, found, _ := keys.Get(ctx, acct); found {
		t.Fatal("the password is still stored")
	}
}
