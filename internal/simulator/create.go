package simulator

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"qbsettings/serviceapi"
)

// createItem makes an item in QuickBooks as QuickBooks does: a Service
// item's name is 1 to 31 characters without a colon (the colon joins a
// sub-item to its parent) or control characters, and unique (status code
// 3100 otherwise). The service lists it after the next refresh.
func (s *Server) createItem(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	can := slices.Contains(s.capabilities, serviceapi.CapabilityItemsCreate)
	s.mu.Unlock()
	if !can {
		writeError(w, http.StatusNotImplemented, "notSupported", "this service cannot create items", "")
		return
	}
	var in serviceapi.NewItem
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10)).Decode(&in); err != nil {
		writeError(w, http.StatusBadRequest, "badRequest", "the body is not a new item: "+err.Error(), "")
		return
	}
	name := strings.TrimSpace(in.Name)
	switch {
	case in.Type != "Service":
		writeError(w, http.StatusBadRequest, "badRequest", fmt.Sprintf("type %q: only Service items can be created", in.Type), "")
		return
	case name == "" || utf8.RuneCountInString(name) > serviceapi.MaxItemNameRunes ||
		strings.ContainsRune(name, ':') || strings.ContainsFunc(name, unicode.IsControl):
		var body serviceapi.ErrorBody
		body.Error.Code, body.Error.Message = "quickbooksError", "invalid item name"
		body.Error.QuickBooks = &serviceapi.Code{StatusCode: 3070, StatusMessage: "The string in the field \"Name\" is too long or has characters that are not allowed."}
		body.Error.UserFacingMessage = fmt.Sprintf("QuickBooks does not accept that name. Use 1 to %d characters, without a colon.", serviceapi.MaxItemNameRunes)
		writeJSON(w, http.StatusBadRequest, body)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range s.inQuickBooks {
		if strings.EqualFold(it.FullName, name) {
			var body serviceapi.ErrorBody
			body.Error.Code, body.Error.Message = "quickbooksError", "name in use"
			body.Error.QuickBooks = &serviceapi.Code{StatusCode: 3100, StatusMessage: fmt.Sprintf("The name \"%s\" of the list element is already in use.", name)}
			writeJSON(w, http.StatusConflict, body)
			return
		}
	}
	s.nextID++
	seq := 1600000000 + s.nextID
	it := serviceapi.Item{ListID: fmt.Sprintf("8000%04X-%d", 0x1000+s.nextID, seq), FullName: name, Type: "Service",
		IsActive: true, EditSequence: fmt.Sprint(seq), Description: in.Description}
	s.inQuickBooks = append(s.inQuickBooks, it)
	writeJSON(w, http.StatusCreated, it)
}

// SetActive makes the item with listID active or inactive in QuickBooks,
// as a bookkeeper can; the service lists the change after the next refresh.
func (s *Server) SetActive(listID string, active bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.inQuickBooks {
		if s.inQuickBooks[i].ListID == listID {
			s.inQuickBooks[i].IsActive = active
			return true
		}
	}
	return false
}
