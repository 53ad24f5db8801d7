package serviceapi

import "time"

// Activity is the answer of GET /v1/activity (contract 1.5, capability
// procore): the ERP Requests the service has seen from Procore, newest
// first, each with where its work stands. The service keeps codes; the
// app words them.
type Activity struct {
	Requests []ActivityRequest `json:"requests"`
}

// ActivityRequest is one ERP Request, as the service keeps it.
type ActivityRequest struct {
	ID int64 `json:"id"` // Procore's ERP Request ID
	// Name is its request_name (sync_vendors, create_vendor…), "" until
	// its payload was fetched.
	Name      string    `json:"name,omitempty"`
	State     string    `json:"state"`             // one of the ActivityState values
	Outcome   string    `json:"outcome,omitempty"` // ActivitySuccess or ActivityFailed, once decided
	Problem   string    `json:"problem,omitempty"` // one of the ActivityProblem codes, when failed
	SeenAt    time.Time `json:"seenAt"`
	UpdatedAt time.Time `json:"updatedAt"`
	// Result is what its work did, once decided (contract 1.6; 1.7 adds
	// txnId and rules).
	Result *ActivityResult `json:"result,omitempty"`
}

// ActivityResult is what a request's work did: counts by code, the
// records refused with their reasons (in Procore's or QuickBooks' own
// words, which the service does not translate), QuickBooks' refusal, and
// the field of a record QuickBooks could not hold.
type ActivityResult struct {
	Counts     map[string]int          `json:"counts,omitempty"` // by ActivityCount code
	Refused    []ActivityRefused       `json:"refused,omitempty"`
	QuickBooks *ActivityQuickBooksFail `json:"quickbooks,omitempty"`
	// Field and Limit: the record's field that QuickBooks could not hold
	// (ActivityInvalidRecord), and its limit in characters when too long.
	Field string `json:"field,omitempty"`
	Limit int    `json:"limit,omitempty"`
	// ListID is the QuickBooks record the work found or made; TxnID the
	// QuickBooks transaction (contract 1.7).
	ListID string `json:"listId,omitempty"`
	TxnID  string `json:"txnId,omitempty"`
	// Name is the QuickBooks record's full name (1.8): the job a project
	// was exported to, or the name in use that it could not have.
	Name string `json:"name,omitempty"`
	// Rules are how the settings shaped the records written (1.7), for
	// the bookkeeper to see which setting did what.
	Rules []ActivityRule `json:"rules,omitempty"`
	// Details are the request's records that have a Request Detail of
	// their own (an export of cost codes), each with how it ended.
	Details []ActivityDetail `json:"details,omitempty"`
}

// ActivityDetail is one record of a request with its own Request Detail:
// its name, and why it failed (Problem empty: it was done).
type ActivityDetail struct {
	ID         int64                   `json:"id"` // Procore's Request Detail ID
	Name       string                  `json:"name"`
	Problem    string                  `json:"problem,omitempty"`
	Reasons    []string                `json:"reasons,omitempty"` // Procore's, when it refused the record
	QuickBooks *ActivityQuickBooksFail `json:"quickbooks,omitempty"`
	Field      string                  `json:"field,omitempty"`
	Limit      int                     `json:"limit,omitempty"`
}

// ActivityRule is a rule that shaped a record the work wrote: which
// (a Rule… code), the setting it follows (a settings field key; "" for
// a rule of QuickBooks' own), and the value it took (From) and wrote
// (To); Limit is QuickBooks' limit in characters when the value was cut
// to it.
type ActivityRule struct {
	Rule    string `json:"rule"`
	Setting string `json:"setting,omitempty"`
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
	Limit   int    `json:"limit,omitempty"`
}

// The rules a record's writing follows (ActivityRule.Rule).
const (
	// RuleContractNumber: the purchase order's number is the Procore
	// contract number (Use Procore Contract #), cut to QuickBooks' 11
	// characters when longer.
	RuleContractNumber = "contractNumber"
	// RuleTypedID: the purchase order's number is the QuickBooks ID typed
	// at export, which wins over the contract number.
	RuleTypedID = "typedId"
	// RuleVendorMessageCut: the description, the purchase order's Vendor
	// Message, was cut to QuickBooks' 99 characters.
	RuleVendorMessageCut = "vendorMessageCut"
	// RuleRetainageHeld and RuleRetainageReleased: the bill's line on the
	// Invoice Retainage Item (From) for the retainage held this period,
	// negative, and released, positive (To, its amount).
	RuleRetainageHeld     = "retainageHeld"
	RuleRetainageReleased = "retainageReleased"
	// RuleRetainageItemLeftOut: the Invoice Retainage Item (From) was left
	// out of the cost codes a refresh sent to Procore.
	RuleRetainageItemLeftOut = "retainageItemLeftOut"
	// RuleAddedToBudgets (1.8): a cost code new in QuickBooks (From) was
	// added to the budgets of the projects synced with QuickBooks that
	// lacked it, To of them (Automatically Add New Cost Codes to Budgets);
	// RuleNotAddedToBudgets: it was not, the setting being off.
	RuleAddedToBudgets    = "addedToBudgets"
	RuleNotAddedToBudgets = "notAddedToBudgets"
	// RuleDirectCostReadOnly (1.8): the project's Direct Cost column is
	// filled from QuickBooks' job costs (its job cost transactions asked
	// for); RuleDirectCostEditable: it is Procore's to fill (Procore's
	// Budget Direct Cost Columns). RuleJobToDateHidden: the job-to-date
	// figures were left out (Hide Job To Date Costs Column on the Budget).
	RuleDirectCostReadOnly = "directCostReadOnly"
	RuleDirectCostEditable = "directCostEditable"
	RuleJobToDateHidden    = "jobToDateHidden"
)

// ActivityRefused is a record refused: its name and the reasons given.
type ActivityRefused struct {
	Name    string   `json:"name"`
	Reasons []string `json:"reasons"`
}

// ActivityQuickBooksFail is QuickBooks' refusal: a status code and its
// message, or an HRESULT.
type ActivityQuickBooksFail struct {
	StatusCode int    `json:"statusCode,omitempty"`
	HResult    string `json:"hresult,omitempty"`
	Message    string `json:"message,omitempty"`
}

// What a request's work counts (ActivityResult.Counts).
const (
	CountRead       = "read"       // records read from QuickBooks
	CountStaged     = "staged"     // new QuickBooks records staged in Procore to import
	CountUpdated    = "updated"    // linked records updated in Procore
	CountNotUpdated = "notUpdated" // linked records changed in QuickBooks, not updated by the settings' choice
	CountAdded      = "added"      // records added to QuickBooks
	CountChanged    = "changed"    // records exported before, changed in QuickBooks to match (1.8)
	CountFound      = "found"      // records found in QuickBooks by name, and linked
	CountSynced     = "synced"     // records made or updated in Procore's lists (cost codes, cost types)
)

// States of an ERP Request's work.
const (
	ActivityNew     = "new"     // seen; its payload not yet fetched from Procore
	ActivityFetched = "fetched" // its work under way
	ActivityWaiting = "waiting" // its work waits for QuickBooks (the Web Connector's next run)
	ActivityClosing = "closing" // its outcome decided; being told to Procore
	ActivityClosed  = "closed"  // told to Procore (its Request Detail closed)
)

// Outcomes of an ERP Request, as Procore's Request Detail has them.
const (
	ActivitySuccess = "success"
	ActivityFailed  = "failed"
)

// Codes of why an ERP Request failed.
const (
	// ActivityUnsupported: the service does no work of that name yet.
	ActivityUnsupported = "unsupported"
	// ActivityNotReturned: Procore did not return the request an event named.
	ActivityNotReturned = "notReturned"
	// ActivityQuickBooksRefused: QuickBooks refused the work (Result.QuickBooks says how).
	ActivityQuickBooksRefused = "quickbooksRefused"
	// ActivityProcoreRefused: Procore refused records (Result.Refused).
	ActivityProcoreRefused = "procoreRefused"
	// ActivityInvalidRecord: the record asks what QuickBooks cannot hold
	// (Result.Field, Result.Limit); nothing was written.
	ActivityInvalidRecord = "invalidRecord"
	// ActivityNeedsQuickBooksID (1.7): no QuickBooks ID was typed at
	// export, and Use Procore Contract # is off (Result.Rules names it);
	// nothing was written.
	ActivityNeedsQuickBooksID = "needsQuickBooksId"
	// ActivityNotLinked (1.7): a record it refers to is not synced with
	// QuickBooks (Result.Field: vendor, project, costCode); nothing was
	// written.
	ActivityNotLinked = "notLinked"
	// ActivityPreferenceOff (1.7): QuickBooks' preference the record
	// needs is off in the company file (Result.Field: purchaseOrders,
	// estimates); nothing was written.
	ActivityPreferenceOff = "preferenceOff"
	// ActivityNoRetainageItem (1.7): subcontractor invoices need the
	// Invoice Retainage Item, and none is chosen; nothing was written.
	ActivityNoRetainageItem = "noRetainageItem"
	// ActivityRetainageItemGone (1.7): the Invoice Retainage Item is no
	// longer in QuickBooks' item list; nothing was written.
	ActivityRetainageItemGone = "retainageItemGone"
	// ActivityRetainageItemIsCostCode (1.7): the Invoice Retainage Item is
	// a cost code synced from Procore, which retainage must not be;
	// nothing was written.
	ActivityRetainageItemIsCostCode = "retainageItemIsCostCode"
	// ActivityNegativeTotal (1.7): the bill's total would be negative;
	// nothing was written.
	ActivityNegativeTotal = "negativeTotal"
	// ActivityLineCount (1.7): the purchase order has another number of
	// lines in QuickBooks than its commitment (changed there by hand), so
	// a change order is not added to it; nothing was written.
	ActivityLineCount = "lineCountMismatch"
	// ActivityNameInUse (1.8): QuickBooks has a customer, job or vendor of
	// the name the project's job was to have (Result.Name), which the
	// service did not add; nothing was written. Another QuickBooks ID
	// (code) typed at export gives the job another name.
	ActivityNameInUse = "nameInUse"
)

// MaxActivity is the most requests GET /v1/activity answers (?limit=).
const MaxActivity = 500
