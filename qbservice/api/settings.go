package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// maxSettingsBytes bounds a PUT: the settings are a few hundred bytes.
const maxSettingsBytes = 64 << 10

func etag(version int) string { return fmt.Sprintf(`"v%d"`, version) }

// getSettings answers the settings the sync runs with and their version.
func (a *API) getSettings(w http.ResponseWriter, r *http.Request) {
	s, err := a.DB.SyncSettings(r.Context())
	if err != nil {
		a.internal(w, "settings not read", err)
		return
	}
	var out serviceapi.ServiceSettings
	if s.JSON != "" {
		var st settings.Settings
		if err := json.Unmarshal([]byte(s.JSON), &st); err != nil {
			a.internal(w, "settings kept are not settings", err)
			return
		}
		out.Settings, out.AppliedAt, out.AppliedBy = &st, &s.AppliedAt, &serviceapi.AppliedBy{Computer: s.Computer, User: s.User}
	}
	w.Header().Set("ETag", etag(s.Version))
	writeJSON(w, http.StatusOK, out)
}

// putSettings applies settings over the version If-Match names ("*": only
// while there are none), refusing values the sync's rules refuse, with the
// service's item list when it has one.
func (a *API) putSettings(w http.ResponseWriter, r *http.Request) {
	var in serviceapi.PutSettings
	if !decodeBody(w, r, maxSettingsBytes, &in, "settings") {
		return
	}
	current, err := a.DB.SyncSettings(r.Context())
	if err != nil {
		a.internal(w, "settings not read", err)
		return
	}
	match := strings.TrimSpace(r.Header.Get("If-Match"))
	switch {
	case match == "":
		writeError(w, http.StatusPreconditionRequired, "preconditionRequired", "If-Match is required", "", nil)
		return
	case match == serviceapi.AnyVersion && current.JSON != "", match != serviceapi.AnyVersion && match != etag(current.Version):
		writeError(w, http.StatusPreconditionFailed, "settingsChanged", "the settings changed since "+match+"; now "+etag(current.Version), "", nil)
		return
	}
	if refused := a.refused(r, in.Settings); len(refused) > 0 {
		var body serviceapi.ErrorBody
		body.Error.Code, body.Error.Message, body.Error.FieldErrors = "invalidSettings", "some settings were refused", refused
		writeJSON(w, http.StatusBadRequest, body)
		return
	}
	text, _ := json.Marshal(settings.Normalize(in.Settings))
	applied := servicedb.SyncSettings{JSON: string(text), AppliedAt: a.Now().UTC(), Computer: in.AppliedBy.Computer, User: in.AppliedBy.User}
	version, err := a.DB.ApplySyncSettings(r.Context(), current.Version, applied)
	switch {
	case errors.Is(err, servicedb.ErrSettingsChanged):
		writeError(w, http.StatusPreconditionFailed, "settingsChanged", "the settings changed meanwhile", "", nil)
		return
	case err != nil:
		a.internal(w, "settings not kept", err)
		return
	}
	w.Header().Set("ETag", etag(version))
	writeJSON(w, http.StatusOK, map[string]any{"appliedAt": applied.AppliedAt})
}

// refused are the sync's rules the settings break. The retainage item is
// checked against the service's item list once it has one, and against
// the items the service made for Procore's cost codes.
func (a *API) refused(r *http.Request, s settings.Settings) []settings.FieldError {
	items, err := a.DB.Items(r.Context())
	list := make([]settings.Item, len(items))
	for i, it := range items {
		list[i] = settings.Item{ListID: it.ListID, FullName: it.FullName, Type: it.Type, IsActive: it.IsActive}
	}
	s = settings.Normalize(s)
	known := settings.Known{PasswordStored: true, ItemListUnknown: err != nil || len(items) == 0}.WithItems(list, s.RetainageItem)
	if s.RetainageItem.ListID != "" {
		// A cost code made for Procore cannot hold retainage (rule 5); an
		// error reading it leaves the check to the export, which makes it
		// again.
		known.ChosenIsCostCode, _ = a.DB.MadeForProcore(r.Context(), s.RetainageItem.ListID)
	}
	var out []settings.FieldError
	for _, fe := range settings.Validate(settings.Change{Settings: s}, known) {
		if sp, ok := settings.SpecOf(fe.Field); ok && sp.SyncRule() {
			out = append(out, fe)
		}
	}
	return out
}
