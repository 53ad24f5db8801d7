// QuickBooks Integration Settings: the desktop app where a bookkeeper sets
// up the integration between QuickBooks Desktop and Procore.
package main

import (
	"context"
	"embed"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"qbsettings/backend/datadir"
	"qbsettings/backend/form"
	"qbsettings/backend/logging"
	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

// WindowTitle is the window's title, also how tests find the window.
const WindowTitle = "QuickBooks Integration Settings"

func main() {
	if len(os.Args) == 2 && os.Args[1] == removeUserDataFlag {
		os.Exit(removeUserData(os.Stdout))
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
		EnumBind:         []any{directCostColumns, vendorUpdateOptions, fields},
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "com.qbsettings.quickbooks-integration-settings",
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Windows: &windows.Options{Theme: windows.SystemDefault},
		Linux:   &linux.Options{ProgramName: "qbsettings"},
	})
	if err != nil {
		app.log.Error("window failed", "err", err)
		fmt.Fprintln(os.Stderr, "QuickBooks Integration Settings could not open its window:", err)
		closeApp()
		os.Exit(1)
	}
}

// openApp opens the data folder, log, database and keychain. A failure to
// open the database does not stop the app: the window opens and says what
// is wrong, which a bookkeeper can act on better than a silent exit.
func openApp() (*App, func()) {
	app := &App{profile: store.DefaultProfile, window: wailsWindow{}, log: slog.New(slog.NewTextHandler(os.Stderr, nil))}
	var closers []io.Closer
	closeAll := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i].Close()
		}
		closers = nil
	}
	dir, err := datadir.Resolve()
	if err != nil {
		app.log.Error("no data folder", "err", err)
		app.problem = "The app could not create its data folder, so settings cannot be loaded or saved. Ask your IT support to check that your user account can write to its application data folder."
		return app, closeAll
	}
	app.dataDir = dir
	if log, c, err := logging.New(dir, logging.DefaultMaxBytes); err == nil {
		app.log = log
		closers = append(closers, c)
	} else {
		app.log.Warn("logging to stderr only", "err", err)
	}
	app.log.Info("starting", "dataDir", dir)

	dbPath := filepath.Join(dir, store.FileName)
	st, err := store.Open(dbPath)
	if err != nil {
		app.log.Error("database not opened", "path", dbPath, "err", err)
		app.problem = fmt.Sprintf("The settings file could not be opened (%s). Close the app and open it again. If it keeps happening, ask your IT support to check that the disk is not full and the file is not in use.", dbPath)
		return app, closeAll
	}
	closers = append(closers, st)
	openKeys := func(ctx context.Context) (form.Passwords, error) { return secrets.Open(ctx) }
	app.form = form.New(st, openKeys, app.log)
	return app, closeAll
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
	fields = []struct {
		Value  settings.Field
		TSName string
	}{
		{settings.FieldServiceURL, "ServiceURL"},
		{settings.FieldServiceUser, "ServiceUser"},
		{settings.FieldPassword, "Password"},
		{settings.FieldDirectCostColumn, "DirectCostColumn"},
		{settings.FieldVendorUpdates, "VendorUpdates"},
		{settings.FieldRetainageItem, "RetainageItem"},
	}
)
