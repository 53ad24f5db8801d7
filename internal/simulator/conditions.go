package simulator

import (
	"net/http"

	"qbsettings/backend/quickbooks"
)

// Condition is a state QuickBooks can be in that makes it refuse the
// integration, as it reports it: an HRESULT for every call (QuickBooks not
// started, a dialog open, the file not authorized…) or a request status
// code for item calls (a list locked by another user…).
type Condition struct {
	HResult    string `json:"hresult,omitempty"`
	StatusCode int    `json:"statusCode,omitempty"`
}

// SetCondition puts QuickBooks in c; the zero Condition clears it.
func (s *Server) SetCondition(c Condition) {
	s.mu.Lock()
	s.condition = c
	s.mu.Unlock()
}

// conditionWords are how a service words QuickBooks' refusals for the log.
var conditionWords = map[string]string{
	"0x80040408": "Could not start QuickBooks.",
	"0x8004040A": "A QuickBooks company data file is already open and it is different from the one requested.",
	"0x80040410": "The QuickBooks company data file is currently open in a mode other than the one specified by your application.",
	"0x80040414": "A modal dialog box is showing in the QuickBooks user interface.",
	"0x80040418": "This application has not accessed this QuickBooks company data file before.",
	"0x8004041A": "This application does not have permission to access this QuickBooks company data file.",
	"0x80040420": "The QuickBooks user has denied access.",
	"0x80040422": "This application requires Single User file access mode and there is already another application sharing data with this QuickBooks company data file.",
	"0x80040424": "QuickBooks did not finish its initialization.",
}

// applyCondition answers as QuickBooks' condition says, if it concerns
// the request, and reports whether it did.
func (s *Server) applyCondition(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	c := s.condition
	s.mu.Unlock()
	var body errorBody
	switch {
	case c.HResult != "":
		body.Error.Code = "quickbooksUnavailable"
		body.Error.Message = conditionWords[c.HResult]
		body.Error.QuickBooks = &quickbooks.Code{HResult: c.HResult}
		writeJSON(w, http.StatusServiceUnavailable, body)
		return true
	case c.StatusCode != 0 && r.URL.Path == "/v1/items":
		body.Error.Code = "quickbooksError"
		body.Error.Message = "QuickBooks answered with status code"
		body.Error.QuickBooks = &quickbooks.Code{StatusCode: c.StatusCode, StatusMessage: "The request could not be processed."}
		writeJSON(w, http.StatusConflict, body)
		return true
	}
	return false
}

type errorBody = quickbooks.ErrorBody
