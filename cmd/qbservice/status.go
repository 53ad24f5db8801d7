package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"qbsettings/qbservice/instance"
	"qbsettings/qbservice/localstatus"
	"qbsettings/qbservice/servicedb"
)

// status prints where the service using the data folder stands: running or
// not, the Web Connector's last call, and the queue.
func status(args []string, stdout io.Writer) error {
	data, asJSON := defaultDataDir(), false
	rest, err := flags("status", args, func(fs *flag.FlagSet) {
		fs.StringVar(&data, "data", data, "the data folder")
		fs.BoolVar(&asJSON, "json", false, "print JSON")
	})
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return &usageError{"status takes no arguments"}
	}
	st, err := readStatus(context.Background(), data)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	printStatus(stdout, st)
	return nil
}

func readStatus(ctx context.Context, data string) (localstatus.Status, error) {
	st := localstatus.Status{Queue: []localstatus.Job{}}
	pid, held, err := instance.Holder(data)
	if err != nil {
		return st, fmt.Errorf("the service's data folder could not be read: %w", err)
	}
	st.Running, st.PID = held, pid
	if _, err := os.Stat(filepath.Join(data, servicedb.FileName)); errors.Is(err, os.ErrNotExist) {
		return st, nil // never ran here: nothing called, nothing queued
	}
	db, err := openDB(data)
	if err != nil {
		return st, err
	}
	defer db.Close()
	c, err := db.Connector(ctx)
	if err != nil {
		return st, fmt.Errorf("the service's data could not be read: %w", err)
	}
	if !c.LastCallAt.IsZero() {
		at := c.LastCallAt
		st.LastCall = &at
	}
	if at := c.RefusedSinceLastCall(); !at.IsZero() {
		st.SignInRefusedAt = &at
	}
	st.CompanyFile, st.Product, st.QuickBooksOpen, st.HResult, st.Message = c.CompanyFile, c.Product, c.QuickBooksOpen, c.HResult, c.Message
	for _, state := range []servicedb.JobState{servicedb.JobRunning, servicedb.JobQueued} {
		jobs, err := db.Jobs(ctx, state)
		if err != nil {
			return st, fmt.Errorf("the service's queue could not be read: %w", err)
		}
		for _, j := range jobs {
			st.Queue = append(st.Queue, localstatus.Job{ID: j.ID, Kind: j.Kind, State: string(j.State), QueuedAt: j.QueuedAt,
				Attempts: j.Attempts, HResult: j.Failure.HResult})
		}
	}
	return st, nil
}

func printStatus(w io.Writer, st localstatus.Status) {
	if st.Running {
		fmt.Fprintf(w, "Running (process %d).\n", st.PID)
	} else {
		fmt.Fprintln(w, "Not running.")
	}
	if st.LastCall == nil {
		fmt.Fprintln(w, "The Web Connector has never called.")
	} else {
		fmt.Fprintf(w, "The Web Connector last called at %s.\n", st.LastCall.Local().Format("2006-01-02 15:04:05 -07:00"))
		if st.CompanyFile != "" {
			fmt.Fprintf(w, "Company file: %s (%s)\n", st.CompanyFile, st.Product)
		}
		if st.HResult != "" {
			fmt.Fprintf(w, "QuickBooks: %s %s\n", st.HResult, st.Message)
		}
	}
	if st.SignInRefusedAt != nil {
		fmt.Fprintf(w, "The Web Connector's sign-in was refused at %s: the password typed in it is not the account's.\n",
			st.SignInRefusedAt.Local().Format("2006-01-02 15:04:05 -07:00"))
	}
	fmt.Fprintf(w, "Queue: %d\n", len(st.Queue))
	for _, j := range st.Queue {
		fmt.Fprintf(w, "  %s\t%s\t%s\tqueued %s\tattempts %d\t%s\n", j.ID, j.Kind, j.State,
			j.QueuedAt.Local().Format("2006-01-02 15:04:05"), j.Attempts, j.HResult)
	}
}
