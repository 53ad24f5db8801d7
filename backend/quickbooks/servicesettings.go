package quickbooks

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"qbsettings/backend/settings"
)

// ServiceSettings is what GET /v1/settings answers (capability settings):
// the settings the service runs the sync with, in the export file's shape,
// never a password, with when and by whom they were applied. Settings is
// nil while none were ever applied.
type ServiceSettings struct {
	Settings  *settings.Settings `json:"settings"`
	AppliedAt *time.Time         `json:"appliedAt,omitempty"`
	AppliedBy *AppliedBy         `json:"appliedBy,omitempty"`
	// ETag identifies this version, for the If-Match of the next PUT.
	ETag string `json:"-"`
}

// AppliedBy says which PC and user applied the service's settings.
type AppliedBy struct {
	Computer string `json:"computer"`
	User     string `json:"user"`
}

// PutSettings is the body of PUT /v1/settings.
type PutSettings struct {
	Settings  settings.Settings `json:"settings"`
	AppliedBy AppliedBy         `json:"appliedBy"`
}

// plausibleSettings tells whether s could be settings an app applied: no
// value with hidden characters (which could reorder what the user reads)
// or longer than any setting may be (the Service URL is the longest). Values the rules refuse are still
// plausible: they are shown, and refused if the user takes them.
func plausibleSettings(s settings.Settings) bool {
	for _, sp := range settings.StoredSpecs() {
		text := sp.Text(s)
		if settings.HasHiddenCharacter(text) || len([]rune(text)) > settings.MaxServiceURLLength {
			return false
		}
	}
	name := s.RetainageItem.FullName
	return !settings.HasHiddenCharacter(name) && len([]rune(name)) <= MaxFullNameRunes
}

// AnyVersion is the If-Match that applies settings only where the service
// has none yet.
const AnyVersion = "*"

// Settings reads the settings the service runs with.
func (c *Client) Settings(ctx context.Context) (ServiceSettings, error) {
	var out ServiceSettings
	a, err := c.exchange(ctx, http.MethodGet, "/v1/settings", nil, nil, []int{http.StatusOK}, &out)
	if err != nil {
		return ServiceSettings{}, err
	}
	out.ETag = a.header.Get("ETag")
	switch {
	case out.ETag == "":
		return ServiceSettings{}, c.notQuickBooks("settings answer without an ETag")
	case out.Settings != nil && !plausibleSettings(*out.Settings):
		return ServiceSettings{}, c.notQuickBooks("settings with hidden characters or overlong values")
	}
	if out.AppliedBy != nil {
		out.AppliedBy.Computer = displayText(out.AppliedBy.Computer, maxNameRunes)
		out.AppliedBy.User = displayText(out.AppliedBy.User, maxNameRunes)
	}
	return out, nil
}

// ApplySettings stores s on the service, if its settings are still the
// version etag names (AnyVersion: only if it has none), and returns the
// new version's ETag. A changed version is an *Error of
// KindSettingsChanged; refused values, KindSettingsRefused with its
// FieldErrors.
func (c *Client) ApplySettings(ctx context.Context, s settings.Settings, by AppliedBy, etag string) (string, error) {
	body, err := json.Marshal(PutSettings{Settings: s, AppliedBy: by})
	if err != nil {
		return "", err
	}
	a, err := c.exchange(ctx, http.MethodPut, "/v1/settings", body, http.Header{"If-Match": {etag}}, []int{http.StatusOK}, nil)
	if err != nil {
		return "", err
	}
	return a.header.Get("ETag"), nil
}
