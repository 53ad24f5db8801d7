package serviceapi

import (
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

// AnyVersion is the If-Match that applies settings only where the service
// has none yet.
const AnyVersion = "*"
