package simulator

import (
	"net/http"

	"qbsettings/serviceapi"
)

// CompanyFile is a QuickBooks company file the service can have open.
type CompanyFile struct {
	ID   string `json:"id"` // the identifier the integration stores in the file
	Name string `json:"name"`
	Path string `json:"path"`
}

// The sample company's file, and another company's, to switch to.
var (
	SummitRidge = CompanyFile{ID: "{6F1D2C3A-8B4E-4F5A-9C7D-2E1B0A9F8C61}", Name: "Summit Ridge Builders",
		Path: `C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Summit Ridge Builders.qbw`}
	OtherCompany = CompanyFile{ID: "{0A4B7E55-3C21-4D8F-A6B2-91C0D3E4F5A7}", Name: "Other Co",
		Path: `C:\Users\Public\Documents\Intuit\QuickBooks\Company Files\Other Co.qbw`}
)

// DefaultCapabilities are what Procore's own service offers: items made
// at once, the settings kept, and the sync run with them.
var DefaultCapabilities = []string{serviceapi.CapabilityItemsCreate, serviceapi.CapabilitySettings, serviceapi.CapabilitySync}

// OpenCompanyFile makes the service have file open in QuickBooks, as if
// someone opened another company there.
func (s *Server) OpenCompanyFile(file CompanyFile) {
	s.mu.Lock()
	s.company = file
	s.mu.Unlock()
}

// SetCapabilities sets what the service says it can do.
func (s *Server) SetCapabilities(caps []string) {
	s.mu.Lock()
	s.capabilities = append([]string{}, caps...)
	s.mu.Unlock()
}

func (s *Server) health(w http.ResponseWriter) {
	s.mu.Lock()
	h := serviceapi.Health{
		Service: serviceapi.ServiceName, ServiceVersion: "1.5.0-simulator", CompanyFile: s.company.Path,
		QBEdition: "QuickBooks Desktop Premier Contractor 2024", QBRunning: true,
		CompanyFileID: s.company.ID, CompanyName: s.company.Name, QBCountry: "US", QBFileMode: serviceapi.FileModeMultiUser,
		Capabilities: append([]string{}, s.capabilities...),
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, h)
}
