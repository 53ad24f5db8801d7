package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"

	"qbsettings/backend/settings"
	"qbsettings/serviceapi"
)

// serviceSettings is the settings the simulated service runs the sync with
// (contract 1.1, capability settings), versioned for If-Match.
type serviceSettings struct {
	current   *settings.Settings
	version   int
	appliedAt time.Time
	appliedBy serviceapi.AppliedBy
	refuse    map[settings.Field]string // values it refuses, for tests
}

func (s *Server) etag() string { return fmt.Sprintf("\"v%d\"", s.settings.version) }

// SetServiceSettings changes the service's copy as another PC or Procore's
// web page would.
func (s *Server) SetServiceSettings(st settings.Settings, by serviceapi.AppliedBy) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings.current, s.settings.appliedBy, s.settings.appliedAt = &st, by, time.Now().UTC()
	s.settings.version++
}

// RefuseSetting makes the service refuse any settings PUT with message
// for field; an empty message stops refusing it.
func (s *Server) RefuseSetting(field settings.Field, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.settings.refuse == nil {
		s.settings.refuse = map[settings.Field]string{}
	}
	if message == "" {
		delete(s.settings.refuse, field)
		return
	}
	s.settings.refuse[field] = message
}

func (s *Server) getSettings(w http.ResponseWriter) {
	s.mu.Lock()
	out := serviceapi.ServiceSettings{Settings: s.settings.current}
	if s.settings.current != nil {
		at, by := s.settings.appliedAt, s.settings.appliedBy
		out.AppliedAt, out.AppliedBy = &at, &by
	}
	etag := s.etag()
	s.mu.Unlock()
	w.Header().Set("ETag", etag)
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) putSettings(w http.ResponseWriter, r *http.Request) {
	var in serviceapi.PutSettings
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "badRequest", "the body is not settings: "+err.Error(), "")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	match := r.Header.Get("If-Match")
	switch {
	case match == "":
		writeError(w, http.StatusPreconditionRequired, "preconditionRequired", "If-Match is required", "")
		return
	case match == serviceapi.AnyVersion && s.settings.current != nil, match != serviceapi.AnyVersion && match != s.etag():
		writeError(w, http.StatusPreconditionFailed, "settingsChanged", "the settings changed since "+match+"; now "+s.etag(), "")
		return
	}
	var body serviceapi.ErrorBody
	for _, sp := range settings.Specs() {
		if msg, ok := s.settings.refuse[sp.Key]; ok {
			body.Error.FieldErrors = append(body.Error.FieldErrors, settings.FieldError{Field: sp.Key, Message: msg})
		}
	}
	if len(body.Error.FieldErrors) > 0 {
		body.Error.Code, body.Error.Message = "invalidSettings", "some settings were refused"
		writeJSON(w, http.StatusBadRequest, body)
		return
	}
	st := in.Settings
	s.settings.current, s.settings.appliedBy, s.settings.appliedAt = &st, in.AppliedBy, time.Now().UTC()
	s.settings.version++
	w.Header().Set("ETag", s.etag())
	writeJSON(w, http.StatusOK, map[string]any{"appliedAt": s.settings.appliedAt})
}

func (s *Server) canSettings() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.capabilities, serviceapi.CapabilitySettings)
}
