// Package desktop is what the window's web view calls in Go: one bound
// service for each thing the bookkeeper does (the form, the connection,
// the companies, the history, import and export, the settings on the
// service, the language), the shapes the web view gets, and the events Go
// sends it. It converts between the window's shapes and the application
// service's, and holds no rules of its own.
package desktop

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/localservice"
	"qbsettings/backend/quickbooks"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// shell is what the bound services share: the application service, the
// company being edited, and the window's state.
type shell struct {
	ctx context.Context
	// ready is closed once service and problem are set: every call waits
	// for it (see opened).
	ready   chan struct{}
	service *appservice.Service // nil when the database could not be opened
	problem string              // why service is nil, in the user's words
	profile string              // the company profile being edited; see currentProfile
	dataDir string
	log     *slog.Logger
	window  Runtime
	ops     operations

	mu             sync.Mutex
	dirty          bool // the form has unsaved changes
	closeConfirmed bool // the user chose to close without saving
	pendingImport  *pendingImport
}

// Runtime is the part of the Wails runtime the window uses. Tests replace
// it: the real one stops the process when called outside a Wails window.
type Runtime interface {
	EventsEmit(ctx context.Context, name Event, data ...any)
	Quit(ctx context.Context)
	Show(ctx context.Context)
	// SaveFileDialog asks where to save a file; "" when the user cancels.
	SaveFileDialog(ctx context.Context, defaultName string) (string, error)
	// ClipboardSetText puts text on the system clipboard.
	ClipboardSetText(ctx context.Context, text string) error
	// OpenFile hands a file to the program the system opens it with.
	OpenFile(path string) error
}

// WailsRuntime is the Wails runtime of the app's window.
type WailsRuntime struct{}

// EventsEmit sends the web view an event.
func (WailsRuntime) EventsEmit(ctx context.Context, name Event, data ...any) {
	runtime.EventsEmit(ctx, string(name), data...)
}

// Quit closes the window and ends the app.
func (WailsRuntime) Quit(ctx context.Context) { runtime.Quit(ctx) }

// SaveFileDialog asks where to save the settings file.
func (WailsRuntime) SaveFileDialog(ctx context.Context, defaultName string) (string, error) {
	return runtime.SaveFileDialog(ctx, runtime.SaveDialogOptions{
		Title:           locale.T("Export the settings"),
		DefaultFilename: defaultName,
		Filters:         []runtime.FileFilter{{DisplayName: locale.T("Settings files (*.json)"), Pattern: "*.json"}},
	})
}

// ClipboardSetText puts text on the system clipboard.
func (WailsRuntime) ClipboardSetText(ctx context.Context, text string) error {
	return runtime.ClipboardSetText(ctx, text)
}

// OpenFile hands the .qwc file to the Web Connector (on Windows).
func (WailsRuntime) OpenFile(path string) error { return localservice.Open(path) }

// Show brings the window to the front.
func (WailsRuntime) Show(ctx context.Context) {
	runtime.WindowUnminimise(ctx)
	runtime.WindowShow(ctx)
}

// serveOr runs use with the application service. Without one (the
// database could not be opened) it returns unavailable instead: this is
// the one place that is checked.
func serveOr[R any](s *shell, unavailable R, use func(svc *appservice.Service) R) R {
	svc, _ := s.opened()
	if svc == nil {
		return unavailable
	}
	return use(svc)
}

// opened is the application service once it was opened, or nil and why
// it could not be, in the user's words.
func (s *shell) opened() (*appservice.Service, string) {
	<-s.ready
	return s.service, s.problem
}

// serve is serveOr for a result that says why it failed in its Error.
func serve[R any, P interface {
	*R
	failWith(problem string)
}](s *shell, use func(svc *appservice.Service) R) R {
	var unavailable R
	_, problem := s.opened()
	P(&unavailable).failWith(problem)
	return serveOr(s, unavailable, use)
}

// currentProfile is the company profile the window is editing.
func (s *shell) currentProfile() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.profile
}

// setProfile makes the window edit the profile id, remembered for the next start.
func (s *shell) setProfile(svc *appservice.Service, id string) {
	s.mu.Lock()
	s.profile = id
	s.dirty = false // the form of the other profile starts clean
	s.pendingImport = nil
	s.mu.Unlock()
	svc.SetLastProfile(s.context(), id)
}

// context is the context of a call from the window: a wait of the
// QuickBooks service's (sign-ins slowed down) is shown in the window as it
// begins (EventSignInSlowedDown).
func (s *shell) context() context.Context {
	ctx := context.Background()
	if s.ctx != nil {
		ctx = s.ctx
	}
	return quickbooks.NoticeWaits(ctx, func(wait time.Duration) {
		s.window.EventsEmit(ctx, EventSignInSlowedDown, serviceapi.WaitSeconds(wait))
	})
}

// Config is what the window's services are made of.
type Config struct {
	// Open opens the application service; the services call it as they
	// are made, and every call from the window waits for it, so that the
	// window need not (the app opens its database beside the window's
	// start). Without Open, Service, Problem and Profile are used as given.
	Open func() Opened
	// Service is the application service; nil when the database could not
	// be opened, and then Problem says why, in the user's words.
	Service *appservice.Service
	Problem string
	// Profile is the company the window opens with.
	Profile string
	DataDir string
	Log     *slog.Logger
	Runtime Runtime
}

// Services are the window's bound services, and the hooks of its life.
type Services struct {
	Form       *Form
	Connection *Connection
	Companies  *Companies
	History    *History
	Transfer   *Transfer
	Sync       *Sync
	Language   *Language
	Local      *LocalService
	Procore    *Procore
	shell      *shell
}

// New makes the window's services.
func New(c Config) *Services {
	sh := &shell{ready: make(chan struct{}), dataDir: c.DataDir, log: c.Log, window: c.Runtime}
	opened := func(o Opened) {
		sh.mu.Lock()
		sh.service, sh.problem, sh.profile = o.Service, o.Problem, o.Profile
		if sh.profile == "" {
			sh.profile = store.DefaultProfile
		}
		sh.mu.Unlock()
		close(sh.ready)
	}
	if c.Open != nil {
		go func() { opened(c.Open()) }()
	} else {
		opened(Opened{Service: c.Service, Problem: c.Problem, Profile: c.Profile})
	}
	return &Services{Form: &Form{sh}, Connection: &Connection{sh}, Companies: &Companies{sh}, History: &History{sh},
		Transfer: &Transfer{sh}, Sync: &Sync{sh}, Language: &Language{sh}, Local: &LocalService{sh}, Procore: &Procore{sh}, shell: sh}
}

// Opened is the application service as Config.Open opened it.
type Opened struct {
	Service *appservice.Service // nil when it could not be opened
	Problem string              // why not, in the user's words
	Profile string              // the company the window opens with
}

// Opened waits until the application service was opened, or could not be.
func (s *Services) Opened() { <-s.shell.ready }

// Bind lists the services for Wails to bind.
func (s *Services) Bind() []any {
	return []any{s.Form, s.Connection, s.Companies, s.History, s.Transfer, s.Sync, s.Language, s.Local, s.Procore}
}

// Startup is Wails' OnStartup: the window's context, for its runtime.
func (s *Services) Startup(ctx context.Context) { s.shell.ctx = ctx }

// BeforeClose keeps the window open while the form has unsaved changes
// and lets the web view ask the user.
func (s *Services) BeforeClose(ctx context.Context) (prevent bool) {
	sh := s.shell
	sh.mu.Lock()
	ask := sh.dirty && !sh.closeConfirmed
	sh.mu.Unlock()
	if ask {
		sh.log.Info("close requested with unsaved changes: asking the user")
		sh.window.EventsEmit(ctx, EventCloseRequested)
	}
	return ask
}

// SecondInstance brings this window to the front when the app is started again.
func (s *Services) SecondInstance(options.SecondInstanceData) {
	s.shell.log.Info("second copy started; showing this window instead")
	if s.shell.ctx != nil {
		s.shell.window.Show(s.shell.ctx)
	}
}
