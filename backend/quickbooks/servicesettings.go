package quickbooks

import (
	"context"
	"encoding/json"
	"net/http"

	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

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

// Settings reads the settings the service runs with.
func (c *Client) Settings(ctx context.Context) (serviceapi.ServiceSettings, error) {
	var out serviceapi.ServiceSettings
	a, err := c.exchange(ctx, http.MethodGet, "/v1/settings", nil, nil, []int{http.StatusOK}, &out)
	if err != nil {
		return serviceapi.ServiceSettings{}, err
	}
	out.ETag = a.header.Get("ETag")
	switch {
	case out.ETag == "":
		return serviceapi.ServiceSettings{}, c.notQuickBooks("settings answer without an ETag")
	case out.Settings != nil && !plausibleSettings(*out.Settings):
		return serviceapi.ServiceSettings{}, c.notQuickBooks("settings with hidden characters or overlong values")
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
func (c *Client) ApplySettings(ctx context.Context, s settings.Settings, by serviceapi.AppliedBy, etag string) (string, error) {
	body, err := json.Marshal(serviceapi.PutSettings{Settings: s, AppliedBy: by})
	if err != nil {
		return "", err
	}
	a, err := c.exchange(ctx, http.MethodPut, "/v1/settings", body, http.Header{"If-Match": {etag}}, []int{http.StatusOK}, nil)
	if err != nil {
		return "", err
	}
	return a.header.Get("ETag"), nil
}
