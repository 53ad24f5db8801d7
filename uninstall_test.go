package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/datadir"
	"qbsettings/backend/secrets"
	"qbsettings/backend/store"
	"qbsettings/internal/testkeys"
)

func TestRemoveUserData(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
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
	acct := secrets.Account{Profile: "uninstall-test", User: "sync"}
	if err := keys.Set(context.Background(), acct, "pw"); err != nil {
		t.Fatal(err)
	}

	var out bytes.Buffer
	if code := removeUserData(&out); code != 0 {
		t.Fatalf("exit %d: %s", code, out.String())
	}
	if _, found, _ := keys.Get(context.Background(), acct); found {
		t.Fatal("the password is still stored")
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the data folder is still there: %v", err)
	}
	if !strings.Contains(out.String(), "Removed") {
		t.Fatalf("output: %q", out.String())
	}
}
