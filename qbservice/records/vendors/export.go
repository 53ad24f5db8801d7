package vendors

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"qbsettings/backend/settings"
	"qbsettings/qbservice/qbjobs"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/records"
	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Export is create_vendor: a Procore vendor an approver accepted is found
// in QuickBooks by its name (the bookkeeper may have it already: names
// are unique there) or added, then marked synced in Procore with its
// ListID and EditSequence. A vendor QuickBooks could not hold (a name of
// more than 41 characters, a colon or a control character, a field beyond
// its limit) fails before QuickBooks is asked anything.
type Export struct{}

// exported is create_vendor's payload (erp_events_dictionary.md).
type exported struct {
	Vendor struct {
		ID            int64  `json:"id"`
		Name          string `json:"name"`
		Address       string `json:"address"`
		City          string `json:"city"`
		StateCode     string `json:"state_code"`
		Zip           string `json:"zip"`
		CountryCode   string `json:"country_code"`
		BusinessPhone string `json:"business_phone"`
		FaxNumber     string `json:"fax_number"`
		EmailAddress  string `json:"email_address"`
	} `json:"vendor"`
}

// procoreFields name QuickBooks' elements as the Procore fields they come
// from, for the bookkeeper.
var procoreFields = map[string]string{
	"Name": "name", "Addr1": "address", "City": "city", "State": "state_code", "PostalCode": "zip",
	"Country": "country_code", "Phone": "business_phone", "Fax": "fax_number", "Email": "email_address",
}

func (Export) Plan(_ context.Context, _ records.Env, r records.Request) ([]records.Job, *records.Outcome, error) {
	var p exported
	// A payload that is not create_vendor's, or a vendor without its id
	// or name, is a record QuickBooks cannot be given: the request ends.
	readable := json.Unmarshal([]byte(r.Data), &p) == nil
	if !readable || p.Vendor.ID <= 0 || strings.TrimSpace(p.Vendor.Name) == "" {
		out := records.Failed(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: "name"})
		return nil, &out, nil
	}
	in := p.Vendor
	v := qbxml.Vendor{
		Name: strings.TrimSpace(in.Name), IsActive: true, CompanyName: strings.TrimSpace(in.Name),
		Address: qbxml.Address{Addr1: in.Address, City: in.City, State: in.StateCode, PostalCode: in.Zip, Country: in.CountryCode},
		Phone:   in.BusinessPhone, Fax: in.FaxNumber, Email: in.EmailAddress,
	}
	if problem := holdable(v); problem != nil {
		return nil, problem, nil
	}
	return []records.Job{{Kind: servicedb.JobVendor, Input: qbjobs.Encode(qbjobs.VendorAsked{Vendor: v})}}, nil, nil
}

// holdable is the outcome for a vendor QuickBooks could not hold, or nil.
func holdable(v qbxml.Vendor) *records.Outcome {
	for _, l := range v.Limits() {
		if settings.HasHiddenCharacter(l.Value) || l.Element == "Name" && strings.Contains(l.Value, ":") {
			out := records.Failed(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: procoreFields[l.Element]})
			return &out
		}
	}
	var tooLong *qbxml.TooLongError
	if errors.As(qbxml.CheckLimits(v.Limits()...), &tooLong) {
		field := procoreFields[tooLong.Element]
		if tooLong.Element == "CompanyName" {
			field = "name"
		}
		out := records.Failed(serviceapi.ActivityInvalidRecord, serviceapi.ActivityResult{Field: field, Limit: tooLong.Limit})
		return &out
	}
	return nil
}

func (Export) Finish(ctx context.Context, env records.Env, r records.Request, jobs []servicedb.Job) (records.Outcome, error) {
	job := jobs[0]
	if job.State == servicedb.JobFailed {
		return records.QuickBooksRefused(job), nil
	}
	var p exported
	var got qbjobs.VendorFound
	if err := errors.Join(json.Unmarshal([]byte(r.Data), &p), qbjobs.Decode(job.Output, &got)); err != nil {
		return records.Outcome{}, err
	}
	v := got.Vendor
	refused, err := records.MarkSynced(ctx, env, []records.Synced{records.NewSynced("vendor", p.Vendor.ID, p.Vendor.Name, v.ListID, v.EditSequence)})
	if err != nil {
		return records.Outcome{}, err
	}
	count := records.WrittenCount(got.Found, false)
	return records.Ended(serviceapi.ActivityResult{Counts: map[string]int{count: 1}, ListID: v.ListID, Refused: refused}), nil
}
