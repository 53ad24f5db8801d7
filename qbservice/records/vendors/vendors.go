// Package vendors moves vendors between QuickBooks and Procore, as the ERP
// Requests of erp_events_dictionary.md ask: sync_vendors (Refresh Vendors
// List: QuickBooks' new vendors staged in Procore to import, and the
// vendors already linked updated there, as the setting Vendors will be
// Automatically Updated says), and create_vendor (a Procore vendor an
// approver accepted, found in QuickBooks by its name or added, then
// marked synced).
package vendors

import (
	"strings"

	"qbsettings/qbservice/qbxml"
)

// procoreVendor is a vendor as Procore's vendors/sync takes it and as its
// List Vendors answers (the OpenAPI's RestV10VendorsSyncPatch and
// RestV10VendorsGet).
type procoreVendor struct {
	ID            int64  `json:"id,omitempty"`
	OriginID      string `json:"origin_id,omitempty"`
	OriginData    string `json:"origin_data,omitempty"`
	Name          string `json:"name"`
	Address       string `json:"address,omitempty"`
	City          string `json:"city,omitempty"`
	StateCode     string `json:"state_code,omitempty"`
	Zip           string `json:"zip,omitempty"`
	CountryCode   string `json:"country_code,omitempty"`
	BusinessPhone string `json:"business_phone,omitempty"`
	FaxNumber     string `json:"fax_number,omitempty"`
	EmailAddress  string `json:"email_address,omitempty"`
	IsActive      *bool  `json:"is_active,omitempty"`
}

// fromQuickBooks is Procore's vendor for QuickBooks' v.
func fromQuickBooks(v qbxml.Vendor) procoreVendor {
	active := v.IsActive
	country := countryCode(v.Address.Country)
	return procoreVendor{
		OriginID: v.ListID, Name: v.Name, Address: v.Address.Addr1, City: v.Address.City,
		StateCode: stateCode(country, v.Address.State), Zip: v.Address.PostalCode, CountryCode: country,
		BusinessPhone: v.Phone, FaxNumber: v.Fax, EmailAddress: v.Email, IsActive: &active,
	}
}

// countryCode is Procore's country_code (ISO 3166-1 alpha-2) for the
// country QuickBooks keeps as text: two letters as they are, the names
// QuickBooks' own forms offer for the US and Canada, and "" for any
// other, which Procore then leaves as it was rather than refuse.
func countryCode(country string) string {
	c := strings.ToUpper(strings.TrimSpace(country))
	switch c {
	case "USA", "U.S.", "U.S.A.", "UNITED STATES", "UNITED STATES OF AMERICA":
		return "US"
	case "CANADA":
		return "CA"
	}
	if len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
		return c
	}
	return ""
}

// stateCode is Procore's state_code for QuickBooks' state text: the
// two-letter code of a US state or Canadian province as written, else ""
// (a state Procore would have to guess is left out, not refused).
func stateCode(country, state string) string {
	s := strings.ToUpper(strings.TrimSpace(state))
	if (country == "US" || country == "CA" || country == "") && len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return ""
}
