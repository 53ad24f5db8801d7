package settings

// Field names a setting (or the password) wherever it appears: the key in
// JSON and the export file, on the command line, and in field errors, which
// the web view places beside the field of that name.
type Field string

const (
	FieldServiceURL               Field = "serviceUrl"
	FieldServiceUser              Field = "serviceUser"
	FieldPassword                 Field = "password"
	FieldUseProcoreContractNumber Field = "useProcoreContractNumber"
	FieldAutoAddNewCostCodes      Field = "autoAddNewCostCodes"
	FieldDirectCostColumn         Field = "directCostColumn"
	FieldHideJobToDateCosts       Field = "hideJobToDateCosts"
	FieldVendorUpdates            Field = "vendorUpdates"
	FieldRetainageItem            Field = "retainageItem"
)

// FieldError is one problem with one field, in words for a bookkeeper.
type FieldError struct {
	Field   Field  `json:"field"`
	Message string `json:"message"`
}

func (e FieldError) Error() string { return string(e.Field) + ": " + e.Message }

// Limits on what the fields accept.
const (
	MaxServiceURLLength  = 2048
	MaxServiceUserLength = 128
	// MaxPasswordLength keeps a password well inside Windows Credential
	// Manager's 2,560-byte secret limit even as UTF-16 surrogate pairs.
	MaxPasswordLength = 512
)
