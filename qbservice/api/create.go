package api

import (
	"fmt"
	"net/http"
	"unicode/utf8"

	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Bounds of a create: the body is a name and a description; QuickBooks
// keeps at most 4095 characters of a Service item's description.
const (
	maxCreateBytes       = 64 << 10
	maxDescriptionRunes  = 4095
	createPathPrefix     = "/v1/items/create/"
	nameInUseMessageForm = "The name %q of the list element is already in use."
)

// startCreate queues the creation of a Service item for the next Web
// Connector session (contract 1.2: 202, followed at /v1/items/create/{id}).
// A name QuickBooks would refuse is refused here; one the item list holds
// already is 409 with QuickBooks' own status, 3100; a create of the same
// name still waiting is the one answered.
func (a *API) startCreate(w http.ResponseWriter, r *http.Request) {
	var in serviceapi.NewItem
	if !decodeBody(w, r, maxCreateBytes, &in, "an item") {
		return
	}
	switch {
	case in.Type != "Service":
		writeError(w, http.StatusBadRequest, "unsupportedType", fmt.Sprintf("only Service items are created, not %q", in.Type), "", nil)
		return
	case serviceapi.ItemNameProblem(in.Name) != serviceapi.NameFits || !utf8.ValidString(in.Name):
		writeError(w, http.StatusBadRequest, "invalidName", fmt.Sprintf("QuickBooks would refuse the name %q", in.Name), "", nil)
		return
	case !utf8.ValidString(in.Description) || utf8.RuneCountInString(in.Description) > maxDescriptionRunes:
		writeError(w, http.StatusBadRequest, "invalidDescription", "the description is not text of at most 4095 characters", "", nil)
		return
	}
	_, inUse, err := a.DB.ItemNamed(r.Context(), in.Name)
	if err != nil {
		a.internal(w, "item list not read", err)
		return
	}
	if inUse {
		nameInUse(w, in.Name)
		return
	}
	id, err := a.DB.QueueCreate(r.Context(), newJobID(servicedb.JobCreate), servicedb.NewItem{Name: in.Name, Description: in.Description}, a.Now())
	if err != nil {
		a.internal(w, "create not queued", err)
		return
	}
	w.Header().Set("Location", createPathPrefix+id)
	writeJSON(w, http.StatusAccepted, serviceapi.CreateQueued{CreateID: id})
}

// createState says where a create stands: queued until a Web Connector
// session takes it, done with the item QuickBooks made, or, once QuickBooks
// refused it, the error the create itself would have answered.
func (a *API) createState(w http.ResponseWriter, r *http.Request, id string) {
	j, ok := a.job(w, r, id, servicedb.JobCreate)
	if !ok {
		return
	}
	switch f := j.Failure; j.State {
	case servicedb.JobDone:
		it := toItem(j.Result)
		writeJSON(w, http.StatusOK, serviceapi.CreateStatus{State: string(j.State), Item: &it})
	case servicedb.JobFailed:
		switch {
		case f.StatusCode == qbxml.StatusNameInUse:
			nameInUse(w, j.Request.Name)
		case f.StatusCode != 0:
			writeError(w, http.StatusUnprocessableEntity, "quickBooksRefused", "QuickBooks refused the item: "+f.Message, "",
				&serviceapi.Code{StatusCode: f.StatusCode, StatusMessage: f.Message})
		default:
			writeError(w, http.StatusBadGateway, "quickBooksAnswerUnexpected", "QuickBooks' answer was not used: "+f.Message,
				"QuickBooks answered the QuickBooks service in a way it did not expect, so the item may not have been created. Refresh the item list to see whether it is there.", nil)
		}
	default:
		// Queued or running: the Web Connector has it, or will.
		writeJSON(w, http.StatusOK, serviceapi.CreateStatus{State: string(j.State), QuickBooks: a.heldBack(r, j)})
	}
}

// nameInUse is QuickBooks' refusal of a name in use, with its status.
func nameInUse(w http.ResponseWriter, name string) {
	message := fmt.Sprintf(nameInUseMessageForm, name)
	writeError(w, http.StatusConflict, "nameInUse", message, "", &serviceapi.Code{StatusCode: qbxml.StatusNameInUse, StatusMessage: message})
}

func toItem(it servicedb.Item) serviceapi.Item {
	return serviceapi.Item{ListID: it.ListID, FullName: it.FullName, Type: it.Type, IsActive: it.IsActive,
		EditSequence: it.EditSequence, Description: it.Description}
}
