package main

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
)

// App is what the web view calls. It converts between the form's shapes and
// the backend's and holds no rules of its own.
type App struct {
	ctx     context.Context
	service *appservice.Service // nil when the database could not be opened
	problem string              // why service is nil, in the user's words
	profile string              // the company profile being edited; see currentProfile
	dataDir string
	log     *slog.Logger
	window  windowRuntime
	ops     operations

	mu             sync.Mutex
	dirty          bool // the form has unsaved changes
	closeConfirmed bool // the user chose to close without saving
	pendingImport  *pendingImport
}

// windowRuntime is the part of the Wails runtime the app uses. Tests replace
// it: the real one stops the process when called outside a Wails window.
type windowRuntime interface {
	EventsEmit(ctx context.Context, name Event, data ...any)
	Quit(ctx context.Context)
	Show(ctx context.Context)
	// SaveFileDialog asks where to save a file; "" when the user cancels.
	SaveFileDialog(ctx context.Context, defaultName string) (string, error)
}

type wailsWindow struct{}

func (wailsWindow) EventsEmit(ctx context.Context, name Event, data ...any) {
	runtime.EventsEmit(ctx, string(name), data...)
}
func (wailsWindow) Quit(ctx context.Context) { runtime.Quit(ctx) }
func (wailsWindow) SaveFileDialog(ctx context.Context, defaultName string) (string, error) {
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title:           locale.T("Export the settings"),
		DefaultFilename: defaultName,
		Filters:         []runtime.FileFilter{{DisplayName: locale.T("Settings files (*.json)"), Pattern: "*.json"}},
	})
}
func (wailsWindow) Show(ctx context.Context) {
	runtime.WindowUnminimise(ctx)
	runtime.WindowShow(ctx)
}

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// beforeClose keeps the window open while the form has unsaved changes and
// lets the web view ask the user.
func (a *App) beforeClose(ctx context.Context) (prevent bool) {
	a.mu.Lock()
	ask := a.dirty && !a.closeConfirmed
	a.mu.Unlock()
	if ask {
		a.log.Info("close requested with unsaved changes: asking the user")
		a.window.EventsEmit(ctx, EventCloseRequested)
	}
	return ask
}

// onSecondInstance brings this window to the front when the app is started again.
func (a *App) onSecondInstance(options.SecondInstanceData) {
	a.log.Info("second copy started; showing this window instead")
	if a.ctx != nil {
		a.window.Show(a.ctx)
	}
}

// SetDirty records whether the form has unsaved changes. The change is
// logged: whether closing asks first depends on it.
func (a *App) SetDirty(dirty bool) {
	a.mu.Lock()
	changed := a.dirty != dirty
	a.dirty = dirty
	a.mu.Unlock()
	if changed {
		a.log.Info("unsaved changes", "dirty", dirty)
	}
}

// processStarted is when this process began, near enough: package
// variables are set before main runs.
var processStarted = time.Now()

// FormShown records when the page first painted the form with its saved
// values, by the page's own clock (Unix milliseconds): the log then says
// how long a start took to be usable, and make measure reads it.
func (a *App) FormShown(unixMs float64) {
	if !(unixMs > 0 && unixMs < 1e15) { // NaN and nonsense are not logged
		return
	}
	at := time.UnixMilli(int64(unixMs))
	a.log.Info("form on screen", "unixMs", int64(unixMs), "afterStart", at.Sub(processStarted).Round(time.Millisecond))
}

// FieldDescriptions describes every setting in the form's order: the
// labels, help and choices the form shows, from the one description in
// package settings. The web view spells none of them.
func (a *App) FieldDescriptions() []settings.Spec { return settings.Specs() }

// ConfirmClose closes the window, dropping unsaved changes.
func (a *App) ConfirmClose() {
	a.mu.Lock()
	a.closeConfirmed = true
	a.mu.Unlock()
	a.window.Quit(a.ctx)
}

// ItemOption is a QuickBooks item the Invoice Retainage Item can be.
type ItemOption struct {
	ListID   string `json:"listId"`
	FullName string `json:"fullName"`
	Type     string `json:"type"`
	IsActive bool   `json:"isActive"`
}

// ConnectionStatus is the last check of the service connection; CheckedAt
// is RFC 3339, or empty if never checked.
type ConnectionStatus struct {
	Connected bool   `json:"connected"`
	CheckedAt string `json:"checkedAt"`
	Detail    string `json:"detail"`
	// CanCreateItems: the service said it can create the retainage item.
	CanCreateItems bool `json:"canCreateItems"`
}

// FormState is everything the form shows. The stored password never leaves
// Go: the form learns only whether one is stored.
type FormState struct {
	Settings         settings.Settings `json:"settings"`
	Revision         int64             `json:"revision"`
	SavedAt          string            `json:"savedAt"`
	PasswordStored   bool              `json:"passwordStored"`
	KeychainProblem  string            `json:"keychainProblem"`
	Status           ConnectionStatus  `json:"status"`
	Items            []ItemOption      `json:"items"`
	ItemsRefreshedAt string            `json:"itemsRefreshedAt"`
	// Trusted lists the certificates trusted for the profile's addresses.
	Trusted    []TrustedCertificateInfo `json:"trusted"`
	DataFolder string                   `json:"dataFolder"`
	// ServiceSync says where the saved settings stand on the service.
	ServiceSync *ServiceSync `json:"serviceSync"`
}

// LoadResult carries the form's state, or a message for the user.
type LoadResult struct {
	State *FormState `json:"state"`
	Error string     `json:"error"`
}

// SaveResult is a saved and reloaded state, the field errors that stopped
// the save, or a message for the user.
type SaveResult struct {
	State       *FormState            `json:"state"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
	// Conflict: someone else saved first; the form offers to reload.
	Conflict bool `json:"conflict"`
}

// Load returns the stored settings of the profile being edited.
func (a *App) Load() LoadResult {
	if a.service == nil {
		return LoadResult{Error: a.problem}
	}
	st, err := a.service.Load(a.context(), a.currentProfile())
	if err != nil {
		return LoadResult{Error: appservice.MessageFor(err)}
	}
	a.log.Info("form loaded", "profile", a.currentProfile(), "revision", st.Saved.Revision, "items", len(st.Items.Items))
	return LoadResult{State: a.toFormState(st)}
}

// Validate returns the problems with what the user entered, as Save would
// find them. The form calls it as the user types.
func (a *App) Validate(c settings.Change) []settings.FieldError {
	if a.service == nil {
		return []settings.FieldError{}
	}
	errs, err := a.service.Validate(a.context(), a.currentProfile(), c)
	if err != nil {
		// The form reports field problems only; Save will say what failed.
		a.log.Warn("validate failed", "err", err)
	}
	return errs
}

// Save stores what the user entered if all of it is valid, on top of the
// revision the form was loaded at.
func (a *App) Save(baseRevision int64, c settings.Change) SaveResult {
	if a.service == nil {
		return SaveResult{Error: a.problem}
	}
	st, errs, err := a.service.Save(a.context(), a.currentProfile(), baseRevision, c)
	switch {
	case err != nil:
		var conflict *store.ConflictError
		return SaveResult{Error: appservice.MessageFor(err), Conflict: errors.As(err, &conflict)}
	case len(errs) > 0:
		return SaveResult{FieldErrors: errs}
	}
	return SaveResult{State: a.toFormState(st)}
}

// StoredRevision is the saved revision of the settings, or -1 if it cannot
// be read. The form asks now and then, to notice saves made elsewhere (the
// command line, another copy of the form) and offer to reload.
func (a *App) StoredRevision() int64 {
	if a.service == nil {
		return -1
	}
	rev, err := a.service.StoredRevision(a.context(), a.currentProfile())
	if err != nil {
		return -1
	}
	return rev
}

// currentProfile is the company profile the window is editing.
func (a *App) currentProfile() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.profile
}

func (a *App) context() context.Context {
	if a.ctx != nil {
		return a.ctx
	}
	return context.Background()
}

func (a *App) toFormState(st appservice.State) *FormState {
	return &FormState{
		Settings:         st.Saved.Settings,
		Revision:         st.Saved.Revision,
		SavedAt:          timeText(st.Saved.SavedAt),
		PasswordStored:   st.PasswordStored,
		KeychainProblem:  st.KeychainProblem,
		Status:           toConnectionStatus(st.Status),
		Items:            toItemOptions(st.Items),
		ItemsRefreshedAt: timeText(st.Items.RefreshedAt),
		Trusted:          toTrustedInfos(st.Trusted),
		DataFolder:       a.dataDir,
		ServiceSync:      toServiceSync(st.Sync),
	}
}

func toConnectionStatus(s store.Status) ConnectionStatus {
	return ConnectionStatus{Connected: s.Connected, CheckedAt: timeText(s.CheckedAt), Detail: s.Detail,
		CanCreateItems: s.Can(quickbooks.CapabilityItemsCreate)}
}

// timeText is t in RFC 3339 for the web view to show in local time, or ""
// for the zero time ("never").
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
