// QuickBooks Integration Settings: the desktop app where a bookkeeper sets
// up the integration between QuickBooks Desktop and Procore.
package main

import (
	"context"
	"embed"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"qbsettings/backend/appservice"
	"qbsettings/backend/cli"
	"qbsettings/backend/datadir"
	"qbsettings/backend/locale"
	"qbsettings/backend/logging"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

// WindowTitle is the window's title, also how tests find the window.
const WindowTitle = "QuickBooks Integration Settings"

// version is the product version, set at build time from wails.json.
var version = "dev"

func main() {
	// The system's English until the window's choice or --locale says otherwise.
	locale.Use(locale.FromSystem())
	if len(os.Args) == 2 && os.Args[1] == removeUserDataFlag {
		os.Exit(removeUserData(os.Stdout))
	}
	if !cli.OpensWindow(os.Args[1:]) {
		os.Exit(runCommand(os.Args[1:]))
	}
	app, closeApp := openApp()
	defer closeApp()
	err := wails.Run(&options.App{
		Title:            WindowTitle,
		Width:            900,
		Height:           860,
		MinWidth:         520,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 250, A: 255},
		OnStartup:        app.startup,
		OnBeforeClose:    app.beforeClose,
		Bind:             []any{app},
		EnumBind:         []any{directCostColumns, vendorUpdateOptions, fields, kinds, events, syncStatuses, remedies},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "com.qbsettings.quickbooks-integration-settings",
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Windows: &windows.Options{Theme: windows.SystemDefault},
		// Wails draws without the GPU when it is given no Linux options
		// (wailsapp/wails#2977: blank windows on some drivers); naming the
		// program must not switch that off. With compositing "on demand" the
		// window's WebKit process held about 90 MiB more (docs/memory.md).
		Linux: &linux.Options{ProgramName: "qbsettings", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
	if err != nil {
		app.log.Error("window failed", "err", err)
		locale.Fprintf(os.Stderr, "QuickBooks Integration Settings could not open its window: %v\n", err)
		closeApp()
		os.Exit(1)
	}
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

// openBackend opens the data folder, log, database and keychain. It returns
// what it could open even when it fails, with a *appservice.UserError saying why.
func openBackend() (*backend, error) {
	b := &backend{log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
	dir, err := datadir.Resolve()
	if err != nil {
		b.log.Error("no data folder", "err", err)
		return b, &appservice.UserError{Cause: err, Message: locale.T("The app could not create its data folder, so settings cannot be loaded or saved. Ask your IT support to check that your user account can write to its application data folder.")}
	}
	b.dir = dir
	if log, c, err := logging.New(dir, logging.DefaultMaxBytes); err == nil {
		b.log = log
		b.closers = append(b.closers, c)
	} else {
		b.log.Warn("logging to stderr only", "err", err)
	}
	dbPath := filepath.Join(dir, store.FileName)
	st, err := store.Open(dbPath)
	if err != nil {
		b.log.Error("database not opened", "path", dbPath, "err", err)
		return b, &appservice.UserError{Cause: err, Message: locale.T("The settings file could not be opened (%s). Close the app and open it again. If it keeps happening, ask your IT support to check that the disk is not full and the file is not in use.", dbPath)}
	}
	b.closers = append(b.closers, st)
	b.store = st
	openKeys := func(ctx context.Context) (appservice.Passwords, error) { return secrets.Open(ctx) }
	b.service = appservice.New(st, openKeys, b.log)
	return b, nil
}

// openApp opens the backend for the window. A failure does not stop the
// app: the window opens and says what is wrong, which a bookkeeper can act
// on better than a silent exit.
func openApp() (*App, func()) {
	b, err := openBackend()
	app := &App{profile: store.DefaultProfile, window: wailsWindow{}, log: b.log, dataDir: b.dir, service: b.service}
	if err != nil {
		app.service, app.problem = nil, appservice.MessageFor(err)
	} else {
		app.profile = b.service.LastProfile(context.Background())
		if _, err := b.service.UseChosenLocale(context.Background()); err != nil {
			app.log.Warn("the chosen locale could not be read; speaking the system's", "err", err)
		}
	}
	app.log.Info("starting", "dataDir", b.dir, "version", version)
	return app, b.close
}

// runCommand runs the command line (package cli) instead of the window.
func runCommand(args []string) int {
	attachConsole()
	return cli.Run(context.Background(), args, cli.Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, StderrIsTerminal: isTerminal(os.Stderr), Version: version,
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

// The choices and field names the web view needs as TypeScript enums, so it
// never spells them out itself.
var (
	directCostColumns = []struct {
		Value  settings.DirectCostColumn
		TSName string
	}{
		{settings.DirectCostReadOnly, "ReadOnly"},
		{settings.DirectCostEditable, "Editable"},
	}
	vendorUpdateOptions = []struct {
		Value  settings.VendorUpdates
		TSName string
	}{
		{settings.VendorUpdatesAutomatic, "Automatic"},
		{settings.VendorUpdatesNone, "None"},
	}
	// The settings' keys, from their one description: TypeScript's
	// settings.Field.ServiceUrl is "serviceUrl".
	fields = fieldEnum()
	kinds  = []struct {
		Value  settings.Kind
		TSName string
	}{
		{settings.KindText, "Text"},
		{settings.KindSecret, "Secret"},
		{settings.KindSwitch, "Switch"},
		{settings.KindChoice, "Choice"},
		{settings.KindItem, "Item"},
	}
	syncStatuses = []enumValue[appservice.SyncStatus]{
		{appservice.SyncNothingSaved, "NothingSaved"},
		{appservice.SyncInEffect, "InEffect"},
		{appservice.SyncPending, "Pending"},
		{appservice.SyncChangedElsewhere, "ChangedElsewhere"},
		{appservice.SyncLocalOnly, "LocalOnly"},
	}
	remedies = []enumValue[appservice.Remedy]{
		{appservice.RemedyChooseItem, "ChooseRetainageItem"},
		{appservice.RemedyRefreshItems, "RefreshItems"},
		{appservice.RemedyRebind, "RebindCompanyFile"},
		{appservice.RemedySendSettings, "SendSettings"},
	}
)

// fieldEnum lists every setting's key for the TypeScript enum
// settings.Field, named by the key with its first letter capitalized.
func fieldEnum() []enumValue[settings.Field] {
	var out []enumValue[settings.Field]
	for _, f := range settings.Fields() {
		key := string(f)
		out = append(out, enumValue[settings.Field]{Value: f, TSName: strings.ToUpper(key[:1]) + key[1:]})
	}
	return out
}

// enumValue is one member of a TypeScript enum made from Go constants.
type enumValue[T any] struct {
	Value  T
	TSName string
}

// isTerminal tells whether f is a terminal (a console), not a file or pipe.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
