package main

import (
	"context"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"qbsettings/backend/appservice"
	"qbsettings/backend/desktop"
	"qbsettings/backend/locale"
)

// WindowTitle is the window's title, also how tests find the window.
const WindowTitle = "QuickBooks Integration Settings"

// runWindow opens the backend and the window, whose web view calls the
// services of package desktop, and returns the exit code once it closes.
// A backend that fails to open does not stop the app: the window opens
// and says what is wrong, which a bookkeeper can act on better than a
// silent exit.
func runWindow() int {
	b, logErr := openLog()
	defer b.close()
	// The database is opened beside the window's start (on a first run it
	// is created, with durable writes): the window shows without waiting,
	// and the page's first call waits for it instead (issue 33).
	open := func() desktop.Opened {
		err := logErr
		if err == nil {
			err = b.openService()
		}
		if err != nil {
			return desktop.Opened{Problem: appservice.MessageFor(err)}
		}
		if _, err := b.service.UseChosenLocale(context.Background()); err != nil {
			b.log.Warn("the chosen locale could not be read; speaking the system's", "err", err)
		}
		return desktop.Opened{Service: b.service, Profile: b.service.LastProfile(context.Background())}
	}
	b.log.Info("starting", "dataDir", b.dir, "version", version)
	services := desktop.New(desktop.Config{Open: open, DataDir: b.dir, Log: b.log, Runtime: desktop.WailsRuntime{}})
	// The database is closed (b.close) only once it was opened.
	defer services.Opened()
	err := wails.Run(&options.App{
		Title:            WindowTitle,
		Width:            900,
		Height:           860,
		MinWidth:         520,
		MinHeight:        480,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 250, G: 250, B: 250, A: 255},
		OnStartup:        services.Startup,
		OnBeforeClose:    services.BeforeClose,
		Bind:             services.Bind(),
		EnumBind:         desktop.Enums(),
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "com.qbsettings.quickbooks-integration-settings",
			OnSecondInstanceLaunch: services.SecondInstance,
		},
		Windows: &windows.Options{Theme: windows.SystemDefault},
		// Wails draws without the GPU when it is given no Linux options
		// (wailsapp/wails#2977: blank windows on some drivers); naming the
		// program must not switch that off. With compositing "on demand" the
		// window's WebKit process held about 90 MiB more (docs/memory.md).
		Linux: &linux.Options{ProgramName: "qbsettings", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
	if err != nil {
		b.log.Error("window failed", "err", err)
		locale.Fprintf(os.Stderr, "QuickBooks Integration Settings could not open its window: %v\n", err)
		return 1
	}
	return 0
}
