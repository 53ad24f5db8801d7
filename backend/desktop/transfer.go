package desktop

import (
	"crypto/rand"
	"encoding/hex"
	"os"

	"qbsettings/backend/appservice"
	"qbsettings/backend/locale"
	"qbsettings/backend/settings"
)

// Transfer moves the settings between PCs: export to a file, and import
// one after showing what it would change.
type Transfer struct{ *shell }

// ExportResult says where the settings were exported, or why not.
type ExportResult struct {
	Path     string `json:"path"`
	Canceled bool   `json:"canceled"`
	Error    string `json:"error"`
}

func (r *ExportResult) failWith(problem string) { r.Error = problem }

// ImportPreviewResult is what importing a file would change, or the field
// problems or message that stop it. Token names the preview for ApplyImport.
type ImportPreviewResult struct {
	Token       string                 `json:"token"`
	Changes     []settings.FieldChange `json:"changes"`
	FieldErrors []settings.FieldError  `json:"fieldErrors"`
	Error       string                 `json:"error"`
}

func (r *ImportPreviewResult) failWith(problem string) { r.Error = problem }

// ExportSettings asks where to save, then writes the profile's settings
// there as a settings file (without the password).
func (t *Transfer) ExportSettings() ExportResult {
	return serve(t.shell, func(svc *appservice.Service) ExportResult {
		path, err := t.window.SaveFileDialog(t.context(), "qbsettings-"+t.currentProfile()+".json")
		if err != nil {
			t.log.Error("save dialog failed", "err", err)
			return ExportResult{Error: locale.T("The save window could not be opened. Try again.")}
		}
		if path == "" {
			return ExportResult{Canceled: true}
		}
		data, err := svc.Export(t.context(), t.currentProfile(), appservice.WithoutTrust)
		if err != nil {
			return ExportResult{Error: windowMessage(err)}
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.log.Error("export not written", "path", path, "err", err)
			return ExportResult{Error: locale.T("The settings could not be written to %s. Choose another folder and try again.", path)}
		}
		t.log.Info("settings exported", "profile", t.currentProfile(), "path", path)
		return ExportResult{Path: path}
	})
}

// PreviewImport reads a settings file's content (the web view reads the file
// the user picked) and says what importing it would change.
func (t *Transfer) PreviewImport(content string) ImportPreviewResult {
	return serve(t.shell, func(svc *appservice.Service) ImportPreviewResult {
		p, err := svc.PreviewImport(t.context(), t.currentProfile(), []byte(content))
		if err != nil {
			return ImportPreviewResult{Error: windowMessage(err)}
		}
		token := newToken()
		t.mu.Lock()
		t.pendingImport = &pendingImport{token: token, preview: p}
		t.mu.Unlock()
		return ImportPreviewResult{Token: token, Changes: p.Changes, FieldErrors: windowFieldErrors(p.FieldErrors)}
	})
}

// ApplyImport applies the previewed import as a new revision.
func (t *Transfer) ApplyImport(token string) SaveResult {
	return serve(t.shell, func(svc *appservice.Service) SaveResult {
		t.mu.Lock()
		pending := t.pendingImport
		t.pendingImport = nil
		t.mu.Unlock()
		if pending == nil || pending.token != token {
			return SaveResult{Error: locale.T("This import is no longer ready. Choose the file again.")}
		}
		st, err := svc.Import(t.context(), t.currentProfile(), pending.preview)
		if err != nil {
			return SaveResult{Error: windowMessage(err)}
		}
		return SaveResult{State: t.toFormState(st)}
	})
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
