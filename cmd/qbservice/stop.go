package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"qbsettings/backend/datadir"
	"qbsettings/backend/secrets"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/instance"
	"qbsettings/qbservice/servicedb"
)

// stopWithin is how long stop waits for the service to end.
const stopWithin = 30 * time.Second

// stop ends the service that uses the data folder, as the installer does
// before it replaces or removes the program. Nothing running is not a
// failure: the result is the same.
func stop(args []string, stdout io.Writer) error {
	data, err := dataOnly("stop", args)
	if err != nil {
		return err
	}
	return stopAt(data, stdout)
}

// stopAt stops the service that uses data, and says which, or that none did.
func stopAt(data string, stdout io.Writer) error {
	ctx, cancel := context.WithTimeout(context.Background(), stopWithin)
	defer cancel()
	pid, err := instance.Stop(ctx, data)
	if err != nil {
		return fmt.Errorf("the service using %s could not be stopped: %w", data, err)
	}
	if pid == 0 {
		fmt.Fprintf(stdout, "No QuickBooks service was running with the data folder %s.\n", data)
		return nil
	}
	fmt.Fprintf(stdout, "The QuickBooks service (process %d) was stopped.\n", pid)
	return nil
}

// removeData stops the service and removes its data folder: its accounts,
// its queue, the item list and its log. The uninstaller runs it only when
// asked to remove the user's data.
func removeData(args []string, stdout io.Writer) error {
	data, err := dataOnly("remove-data", args)
	if err != nil {
		return err
	}
	if err := stopAt(data, io.Discard); err != nil {
		return err
	}
	if _, err := os.Stat(data); errors.Is(err, os.ErrNotExist) { //nolint:gosec // the data folder its operator named
		fmt.Fprintf(stdout, "The QuickBooks service has no data folder at %s: nothing to remove.\n", data)
		return nil
	}
	forgetProcoreSecret(data, stdout)
	if err := datadir.RemoveTree(data); err != nil {
		return fmt.Errorf("the data folder %s could not be removed: %w", data, err)
	}
	fmt.Fprintf(stdout, "The QuickBooks service's data folder %s was removed.\n", data)
	return nil
}

// dataOnly parses a command whose one option is -data.
func dataOnly(name string, args []string) (string, error) {
	data := defaultDataDir()
	rest, err := flags(name, args, func(fs *flag.FlagSet) { fs.StringVar(&data, "data", data, "the data folder") })
	if err != nil {
		return "", err
	}
	if len(rest) != 0 {
		return "", &usageError{name + " takes no arguments"}
	}
	return data, nil
}

// forgetProcoreSecret removes the Procore connection's Client Secret from
// the keychain before the data folder that names it goes. A keychain that
// cannot be used does not stop the removal: the script is told what is
// left, and where.
func forgetProcoreSecret(data string, stdout io.Writer) {
	path := filepath.Join(data, servicedb.FileName)
	if _, err := os.Stat(path); err != nil { //nolint:gosec // the data folder its operator named
		return
	}
	db, err := servicedb.Open(path)
	if err != nil {
		return
	}
	defer db.Close()
	ctx := context.Background()
	row, found, err := db.ProcoreConnection(ctx)
	if err != nil || !found {
		return
	}
	conn := &erp.Connection{DB: db, Keychain: erp.LazyKeychain(secrets.Open)}
	if err := conn.Remove(ctx); err != nil {
		fmt.Fprintf(stdout, "The Procore Client Secret of company %d, client %s, could not be removed from this user's keychain (%v); remove the entry \"%s\" by hand.\n",
			row.CompanyID, row.ClientID, err, secrets.ProcoreSecret{CompanyID: row.CompanyID, ClientID: row.ClientID}.Key())
		return
	}
	fmt.Fprintf(stdout, "The Procore Client Secret was removed from this user's keychain.\n")
}
