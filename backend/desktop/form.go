package desktop

import (
	"errors"
	"time"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
	"qbsettings/backend/store"
	"qbsettings/serviceapi"
)

// Form is the settings form: its values loaded, checked as the user types,
// and saved; whether it has unsaved changes.
type Form struct{ *shell }

// ItemOption is a QuickBooks item the Invoice Retainage Item can be.
type ItemOption struct {
	ListID   string `json:"listId"`
	FullName string `json:"fullName"`
	Type     string `json:"type"`
	IsActive bool   `json:"isActive"`
}

// ItemListInfo is the stored item list as the page knows it: how many
// items, its version (a picker showing matches of another version asks
// again), when it was refreshed (timeText: "" never), and whether it has
// an active Service item for retainage.
type ItemListInfo struct {
	Count        int    `json:"count"`
	Version      int64  `json:"version"`
	RefreshedAt  string `json:"refreshedAt"`
	HasRetainage bool   `json:"hasRetainage"`
}

func toItemListInfo(list store.ItemListSummary) ItemListInfo {
	return ItemListInfo{Count: list.Count, Version: list.Version, RefreshedAt: timeText(list.RefreshedAt), HasRetainage: list.HasRetainage}
}

// ConnectionStatus is the last check of the service connection; CheckedAt
// is worded by timeText, or empty if never checked.
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
	Settings        settings.Settings `json:"settings"`
	Revision        int64             `json:"revision"`
	SavedAt         string            `json:"savedAt"`
	PasswordStored  bool              `json:"passwordStored"`
	KeychainProblem string            `json:"keychainProblem"`
	Status          ConnectionStatus  `json:"status"`
	// ItemList is what the page knows of the stored item list; the picker
	// asks Connection.MatchItems for the items themselves.
	ItemList ItemListInfo `json:"itemList"`
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

func (r *LoadResult) failWith(problem string) { r.Error = problem }

// SaveResult is a saved and reloaded state, the field errors that stopped
// the save, or a message for the user.
type SaveResult struct {
	State       *FormState            `json:"state"`
	FieldErrors []settings.FieldError `json:"fieldErrors"`
	Error       string                `json:"error"`
	// Conflict: someone else saved first; the form offers to reload.
	Conflict bool `json:"conflict"`
}

func (r *SaveResult) failWith(problem string) { r.Error = problem }

// Load returns the stored settings of the profile being edited.
func (f *Form) Load() LoadResult {
	return serve(f.shell, func(svc *appservice.Service) LoadResult {
		return f.load(svc, f.currentProfile())
	})
}

// load reads the profile's form, as the window shows it.
func (s *shell) load(svc *appservice.Service, profile string) LoadResult {
	st, err := svc.Load(s.context(), profile)
	if err != nil {
		return LoadResult{Error: windowMessage(err)}
	}
	s.log.Info("form loaded", "profile", profile, "revision", st.Saved.Revision, "items", st.ItemList.Count)
	return LoadResult{State: s.toFormState(st)}
}

// Validate returns the problems with what the user entered, as Save would
// find them. The form calls it as the user types.
func (f *Form) Validate(c settings.Change) []settings.FieldError {
	return serveOr(f.shell, []settings.FieldError{}, func(svc *appservice.Service) []settings.FieldError {
		errs, err := svc.Validate(f.context(), f.currentProfile(), c)
		if err != nil {
			// The form reports field problems only; Save will say what failed.
			f.log.Warn("validate failed", "err", err)
		}
		return windowFieldErrors(errs)
	})
}

// SettingEffect is one line beside a setting: what it does, as the form
// has it now, to the next sync; Pending, when the QuickBooks service does
// not apply it yet, says so.
type SettingEffect struct {
	Field   settings.Field `json:"field"`
	Text    string         `json:"text"`
	Applied bool           `json:"applied"`
	Pending string         `json:"pending"`
}

// Effects are what each of the sync's settings in s does to the next
// sync. The form asks as the user changes a setting; none when they
// cannot be read (the lines are then left as they were).
func (f *Form) Effects(s settings.Settings) []SettingEffect {
	return serveOr(f.shell, []SettingEffect{}, func(svc *appservice.Service) []SettingEffect {
		effects, err := svc.Effects(f.context(), f.currentProfile(), s)
		if err != nil {
			f.log.Warn("effects not read", "err", err)
			return []SettingEffect{}
		}
		out := make([]SettingEffect, 0, len(effects))
		for _, e := range effects {
			line := SettingEffect{Field: e.Field, Text: windowText(e.Said), Applied: e.Applied}
			if !e.Pending.IsZero() {
				line.Pending = windowText(e.Pending)
			}
			out = append(out, line)
		}
		return out
	})
}

// Save stores what the user entered if all of it is valid, on top of the
// revision the form was loaded at.
func (f *Form) Save(baseRevision int64, c settings.Change) SaveResult {
	return serve(f.shell, func(svc *appservice.Service) SaveResult {
		st, errs, err := svc.Save(f.context(), f.currentProfile(), baseRevision, c)
		switch {
		case err != nil:
			var conflict *store.ConflictError
			return SaveResult{Error: windowMessage(err), Conflict: errors.As(err, &conflict)}
		case len(errs) > 0:
			return SaveResult{FieldErrors: windowFieldErrors(errs)}
		}
		return SaveResult{State: f.toFormState(st)}
	})
}

// StoredRevision is the saved revision of the settings, or -1 if it cannot
// be read. The form asks now and then, to notice saves made elsewhere (the
// command line, another copy of the form) and offer to reload.
func (f *Form) StoredRevision() int64 {
	return serveOr(f.shell, -1, func(svc *appservice.Service) int64 {
		rev, err := svc.StoredRevision(f.context(), f.currentProfile())
		if err != nil {
			return -1
		}
		return rev
	})
}

// SetDirty records whether the form has unsaved changes. The change is
// logged: whether closing asks first depends on it.
func (f *Form) SetDirty(dirty bool) {
	f.mu.Lock()
	changed := f.dirty != dirty
	f.dirty = dirty
	f.mu.Unlock()
	if changed {
		f.log.Info("unsaved changes", "dirty", dirty)
	}
}

// ConfirmClose closes the window, dropping unsaved changes.
func (f *Form) ConfirmClose() {
	f.mu.Lock()
	f.closeConfirmed = true
	f.mu.Unlock()
	f.window.Quit(f.ctx)
}

// FieldDescriptions describes every setting in the form's order: the
// labels, help and choices the form shows, from the one description in
// package settings. The web view spells none of them.
func (f *Form) FieldDescriptions() []settings.Spec { return settings.Specs() }

// processStarted is when this process began, near enough: package
// variables are set before main runs.
var processStarted = time.Now()

// FormShown records when the page first painted the form with its saved
// values, by the page's own clock (Unix milliseconds): the log then says
// how long a start took to be usable, and make measure reads it.
func (f *Form) FormShown(unixMs float64) {
	if !(unixMs > 0 && unixMs < 1e15) { // NaN and nonsense are not logged
		return
	}
	at := time.UnixMilli(int64(unixMs))
	f.log.Info("form on screen", "unixMs", int64(unixMs), "afterStart", at.Sub(processStarted).Round(time.Millisecond))
}

func (s *shell) toFormState(st appservice.State) *FormState {
	return &FormState{
		Settings:        st.Saved.Settings,
		Revision:        st.Saved.Revision,
		SavedAt:         timeText(st.Saved.SavedAt),
		PasswordStored:  st.PasswordStored,
		KeychainProblem: st.KeychainProblem,
		Status:          toConnectionStatus(st.Status),
		ItemList:        toItemListInfo(st.ItemList),
		Trusted:         toTrustedInfos(st.Trusted),
		DataFolder:      s.dataDir,
		ServiceSync:     toServiceSync(st.Sync),
	}
}

func toConnectionStatus(s store.Status) ConnectionStatus {
	return ConnectionStatus{Connected: s.Connected, CheckedAt: timeText(s.CheckedAt), Detail: windowText(s.Outcome),
		CanCreateItems: serviceapi.CreatesItems(s.Capabilities)}
}

// timeText is t as the window shows it: this computer's time, written as
// the locale in use writes a date and time (locale.DateTime), or "" for the
// zero time ("never"). The page shows it as it comes: a date formatted in
// the web view (Intl) held 3 MiB of its locale data (docs/performance.md),
// and Go words the same times for the command line already.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return locale.Current().DateTime(t.Local())
}
