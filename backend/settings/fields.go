package settings

// Field names the part of the form a FieldError belongs to. The frontend
// uses these names as they are to place each message beside its control.
type Field string

const (
	FieldServiceURL       Field = "serviceUrl"
	FieldServiceUser      Field = "serviceUser"
	FieldPassword         Field = "password"
	FieldDirectCostColumn Field = "directCostColumn"
	FieldVendorUpdates    Field = "vendorUpdates"
	FieldRetainageItem    Field = "retainageItem"
)

// FieldError is one problem with one field, in words for a bookkeeper.
type FieldError struct {
	Field   Field
	Message string
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
