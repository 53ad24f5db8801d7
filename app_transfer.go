package main

import (
	"crypto/rand"
	"encoding/hex"
	"os"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

// ExportResult says where the settings were exported, or why not.
type ExportResult struct {
	Path     string `json:"path"`
	Canceled bool   `json:"canceled"`
	Error    string `json:"error"`
}

// ImportPreviewResult is what importing a file would change, or the field
// problems or message that stop it. Token names the preview for ApplyImport.
type ImportPreviewResult struct {
	Token       string                 `json:"token"`
	Changes     []settings.FieldChange `json:"changes"`
	FieldErrors []settings.FieldError  `json:"fieldErrors"`
	Error       string                 `json:"error"`
}

// ExportSettings asks where to save, then writes the profile's settings
// there as a settings file (without the password).
func (a *App) ExportSettings() ExportResult {
	if a.service == nil {
		return ExportResult{Error: a.problem}
	}
	path, err := a.window.SaveFileDialog(a.context(), "qbsettings-"+a.currentProfile()+".json")
	if err != nil {
		a.log.Error("save dialog failed", "err", err)
		return ExportResult{Error: locale.T("The save window could not be opened. Try again.")}
	}
	if path == "" {
		return ExportResult{Canceled: true}
	}
	data, err := a.service.Export(a.context(), a.currentProfile(), appservice.WithoutTrust)
	if err != nil {
		return ExportResult{Error: appservice.MessageFor(err)}
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		a.log.Error("export not written", "path", path, "err", err)
		return ExportResult{Error: locale.T("The settings could not be written to %s. Choose another folder and try again.", path)}
	}
	a.log.Info("settings exported", "profile", a.currentProfile(), "path", path)
	return ExportResult{Path: path}
}

// PreviewImport reads a settings file's content (the web view reads the file
// the user picked) and says what importing it would change.
func (a *App) PreviewImport(content string) ImportPreviewResult {
	if a.service == nil {
		return ImportPreviewResult{Error: a.problem}
	}
	p, err := a.service.PreviewImport(a.context(), a.currentProfile(), []byte(content))
	if err != nil {
		return ImportPreviewResult{Error: appservice.MessageFor(err)}
	}
	token := newToken()
	a.mu.Lock()
	a.pendingImport = &pendingImport{token: token, preview: p}
	a.mu.Unlock()
	return ImportPreviewResult{Token: token, Changes: p.Changes, FieldErrors: p.FieldErrors}
}

// ApplyImport applies the previewed import as a new revision.
func (a *App) ApplyImport(token string) SaveResult {
	if a.service == nil {
		return SaveResult{Error: a.problem}
	}
	a.mu.Lock()
	pending := a.pendingImport
	a.pendingImport = nil
	a.mu.Unlock()
	if pending == nil || pending.token != token {
		return SaveResult{Error: locale.T("This import is no longer ready. Choose the file again.")}
	}
	st, err := a.service.Import(a.context(), a.currentProfile(), pending.preview)
	if err != nil {
		return SaveResult{Error: appservice.MessageFor(err)}
	}
	return SaveResult{State: a.toFormState(st)}
}

// pendingImport is the one previewed import waiting for the user's yes.
type pendingImport struct {
	token   string
	preview appservice.ImportPreview
}

func newToken() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}
