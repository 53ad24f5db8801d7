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
// Code, when set, names the problem for a program: the command line words
// its own hint for it (a flag to use rather than a button to click).
type FieldError struct {
	Field   Field   `json:"field"`
	Code    Problem `json:"code,omitempty"`
	Message string  `json:"message"`
}

// Problem names a field problem whose remedy depends on where the user is.
type Problem string

const (
	// ProblemPasswordNotStored: no password is stored for this Service User
	// and none was given.
	ProblemPasswordNotStored Problem = "passwordNotStored"
	// ProblemPasswordEmpty: a password was to be given, none is stored,
	// and it is empty.
	ProblemPasswordEmpty Problem = "passwordEmpty"
	// ProblemNewPasswordEmpty: a new password was to replace the stored
	// one, and it is empty.
	ProblemNewPasswordEmpty Problem = "newPasswordEmpty"
	// ProblemItemListEmpty: no item is chosen and the item list is empty.
	ProblemItemListEmpty Problem = "itemListEmpty"
)

func (e FieldError) Error() string { return string(e.Field) + ": " + e.Message }

// Limits on what the fields accept.
const (
	MaxServiceURLLength  = 2048
	MaxServiceUserLength = 128
	// MaxPasswordLength keeps a password well inside Windows Credential
	// Manager's 2,560-byte secret limit even as UTF-16 surrogate pairs.
	MaxPasswordLength = 512
)
