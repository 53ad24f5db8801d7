// QuickBooks Integration Settings: the desktop app where a bookkeeper sets
// up the integration between QuickBooks Desktop and Procore. Started with
// arguments it is the command line (package cli); without, the window
// (app.go wires it).
package main

import (
	"context"
	"embed"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"qbsettings/backend/appservice"
	"qbsettings/backend/cli"
	"qbsettings/backend/console"
	"qbsettings/backend/datadir"
	"qbsettings/backend/locale"
	"qbsettings/backend/localservice"
	"qbsettings/backend/logging"
	"qbsettings/backend/secrets"
	"qbsettings/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

// version is the product version, set at build time from wails.json.
var version = "dev"

func main() {
	// The system's English until the window's choice or --locale says otherwise.
	locale.Use(locale.FromSystem())
	if len(os.Args) == 2 && os.Args[1] == cli.RemoveUserDataFlag {
		os.Exit(cli.RemoveUserData(os.Stdout))
	}
	if !cli.OpensWindow(os.Args[1:]) {
		os.Exit(runCommand(os.Args[1:]))
	}
	os.Exit(runWindow())
}

// backend is the app's data folder, log, database and application service.
type backend struct {
	dir     string
	log     *slog.Logger
	store   *store.Store
	service *appservice.Service
	closers []io.Closer
}

func (b *backend) close() {
	for i := len(b.closers) - 1; i >= 0; i-- {
		b.closers[i].Close()
	}
	b.closers = nil
}

// Why the app cannot start its work.
var (
	saidNoDataFolder      = locale.Coded("start.noDataFolder", "The app could not create its data folder, so settings cannot be loaded or saved. Ask your IT support to check that your user account can write to its application data folder.")
	saidDatabaseNotOpened = locale.Coded("start.databaseNotOpened", "The settings file could not be opened (%s). Close the app and open it again. If it keeps happening, ask your IT support to check that the disk is not full and the file is not in use.")
)

// openBackend opens the data folder, log, database and keychain. It returns
// what it could open even when it fails, with a *appservice.UserError saying why.
func openBackend() (*backend, error) {
	b, err := openLog()
	if err != nil {
		return b, err
	}
	return b, b.openService()
}

// openLog finds the data folder and opens the log in it, or logs to
// stderr alone.
func openLog() (*backend, error) {
	b := &backend{log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
	dir, err := datadir.Resolve()
	if err != nil {
		b.log.Error("no data folder", "err", err)
		return b, &appservice.UserError{Cause: err, Said: saidNoDataFolder.With()}
	}
	b.dir = dir
	if log, c, err := logging.New(dir, logging.DefaultMaxBytes); err == nil {
		b.log = log
		b.closers = append(b.closers, c)
	} else {
		b.log.Warn("logging to stderr only", "err", err)
	}
	return b, nil
}

// openService opens the database in the data folder and the application
// service over it.
func (b *backend) openService() error {
	dir := b.dir
	dbPath := filepath.Join(dir, store.FileName)
	st, err := store.Open(dbPath)
	if err != nil {
		b.log.Error("database not opened", "path", dbPath, "err", err)
		return &appservice.UserError{Cause: err, Said: saidDatabaseNotOpened.With(dbPath)}
	}
	b.closers = append(b.closers, st)
	b.store = st
	openKeys := func(ctx context.Context) (appservice.Passwords, error) { return secrets.Open(ctx) }
	b.service = appservice.New(st, openKeys, b.log)
	if exe, err := os.Executable(); err == nil {
		b.service.UseLocalService(localservice.Beside(exe), dir)
	}
	return nil
}

// runCommand runs the command line (package cli) instead of the window.
func runCommand(args []string) int {
	console.Attach()
	return cli.Run(context.Background(), args, cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, StderrIsTerminal: console.IsTerminal(os.Stderr), Version: version,
		Open: func() (cli.Backend, func(), error) {
			b, err := openBackend()
			if err != nil {
				b.close()
				return cli.Backend{}, func() {}, err
			}
			return cli.Backend{Service: b.service}, b.close, nil
		},
	})
}
