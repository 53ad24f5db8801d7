package qbxml

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// QuickBooks' limits on what it sends, from Intuit's qbXML 13.0 schema
// (maxLength counts characters): an answer beyond them did not come from
// QuickBooks, and the service keeps nothing of it.
const (
	MaxListID       = 36  // IDTYPE
	MaxEditSequence = 16  // ListCore's EditSequence
	MaxItemName     = 31  // ItemServiceRet's and ItemOtherChargeRet's Name
	MaxItemFullName = 159 // their FullName: levels of 31 and the colons
	MaxDescription  = 4095
	MaxProductName  = 255 // HostRet
	MaxVersionPart  = 5   // HostRet's MajorVersion and MinorVersion
	MaxCountry      = 2
	MaxQBXMLVersion = 10
	MaxCompanyName  = 59 // CompanyRet
	MaxDataExtName  = 31
	// MaxDataExtValue is the longest text a DataExt of type STR255TYPE
	// holds (the schema's DataExtValue is any text; the Web Connector's
	// FileID is such a DataExt).
	MaxDataExtValue = 255
	// MaxStatusMessage bounds a response's statusMessage, which the
	// schema leaves open: QuickBooks' own are a sentence or two.
	MaxStatusMessage = 4095
)

// ErrOutOfSchema: an answer well-formed as qbXML that QuickBooks could not
// have sent (a value beyond its limits, an item without its ListID). A
// *TooLongError is one.
var ErrOutOfSchema = errors.New("not an answer QuickBooks could send")

// TooLongError is a value longer than QuickBooks could have sent.
type TooLongError struct {
	Element string
	Limit   int
	Length  int // in characters
}

func (e *TooLongError) Is(target error) bool { return target == ErrOutOfSchema }

func (e *TooLongError) Error() string {
	return fmt.Sprintf("%s is %d characters long: QuickBooks sends at most %d", e.Element, e.Length, e.Limit)
}

// Limit is one value and its limit.
type Limit struct {
	Element string
	Value   string
	Max     int
}

// CheckLimits returns the first value beyond its limit as a *TooLongError.
func CheckLimits(limits ...Limit) error {
	for _, l := range limits {
		if len(l.Value) <= l.Max { // bytes bound characters from above
			continue
		}
		if n := utf8.RuneCountInString(l.Value); n > l.Max {
			return &TooLongError{Element: l.Element, Limit: l.Max, Length: n}
		}
	}
	return nil
}

// check holds the response to QuickBooks' limits.
func (r Response) check() error {
	if err := CheckLimits(Limit{r.Name + "@statusMessage", r.Status.Message, MaxStatusMessage}); err != nil {
		return err
	}
	for _, it := range r.Items {
		if err := it.check(); err != nil {
			return err
		}
	}
	for _, v := range r.Vendors {
		if v.ListID == "" {
			return fmt.Errorf("%w: a vendor %.40q without its ListID", ErrOutOfSchema, v.Name)
		}
		limits := append(v.Limits(), Limit{"ListID", v.ListID, MaxListID}, Limit{"EditSequence", v.EditSequence, MaxEditSequence},
			Limit{"TimeModified", v.TimeModified, MaxDateTime})
		if err := CheckLimits(limits...); err != nil {
			return err
		}
	}
	for _, c := range r.Customers {
		if c.ListID == "" {
			return fmt.Errorf("%w: a customer %.40q without its ListID", ErrOutOfSchema, c.FullName)
		}
		if err := CheckLimits(Limit{"ListID", c.ListID, MaxListID}, Limit{"EditSequence", c.EditSequence, MaxEditSequence},
			Limit{"TimeModified", c.TimeModified, MaxDateTime}, Limit{"Name", c.Name, MaxCustomerName},
			Limit{"FullName", c.FullName, MaxCustomerFullName}, Limit{"ExternalGUID", c.ExternalGUID, MaxGUID}); err != nil {
			return err
		}
	}
	for _, d := range r.Deleted {
		if err := CheckLimits(Limit{"TxnID", d.TxnID, MaxListID}, Limit{"TxnDelType", string(d.Kind), MaxListID},
			Limit{"TimeDeleted", d.TimeDeleted, MaxDateTime}); err != nil {
			return err
		}
	}
	for _, t := range r.Txns {
		if t.TxnID == "" {
			return fmt.Errorf("%w: a transaction %.40q without its TxnID", ErrOutOfSchema, t.RefNumber)
		}
		limits := []Limit{{"TxnID", t.TxnID, MaxListID}, {"EditSequence", t.EditSequence, MaxEditSequence},
			{"RefNumber", t.RefNumber, MaxBillRefNumber}, {"ExternalGUID", t.ExternalGUID, MaxGUID}, {"ListID", t.VendorListID, MaxListID}, {"ListID", t.CustomerListID, MaxListID},
			{"TimeModified", t.TimeModified, MaxDateTime}, {"TxnDate", t.TxnDate, MaxDateTime}}
		for _, l := range t.Lines {
			limits = append(limits, Limit{"TxnLineID", l.TxnLineID, MaxListID}, Limit{"ListID", l.ItemListID, MaxListID},
				Limit{"ListID", l.CustomerListID, MaxListID}, Limit{"Amount", l.Amount, MaxAmountText})
		}
		if err := CheckLimits(limits...); err != nil {
			return err
		}
	}
	if h := r.Host; h != nil {
		limits := []Limit{{"ProductName", h.ProductName, MaxProductName}, {"MajorVersion", h.MajorVersion, MaxVersionPart},
			{"MinorVersion", h.MinorVersion, MaxVersionPart}, {"Country", h.Country, MaxCountry}}
		for _, v := range h.SupportedQBXMLVersion {
			limits = append(limits, Limit{"SupportedQBXMLVersion", v, MaxQBXMLVersion})
		}
		if err := CheckLimits(limits...); err != nil {
			return err
		}
		if h.QBFileMode != "" && h.QBFileMode != "MultiUser" && h.QBFileMode != "SingleUser" {
			return fmt.Errorf("%w: QBFileMode %.40q is neither MultiUser nor SingleUser", ErrOutOfSchema, h.QBFileMode)
		}
	}
	if c := r.Company; c != nil {
		if err := CheckLimits(Limit{"CompanyName", c.CompanyName, MaxCompanyName}); err != nil {
			return err
		}
		for _, d := range c.DataExt {
			if err := CheckLimits(Limit{"OwnerID", d.OwnerID, 38}, Limit{"DataExtName", d.Name, MaxDataExtName},
				Limit{"DataExtValue", d.Value, MaxDataExtValue}); err != nil {
				return err
			}
		}
	}
	return nil
}

// check holds the item to QuickBooks' limits.
func (it Item) check() error {
	if it.ListID == "" {
		return fmt.Errorf("%w: an item %.40q without its ListID", ErrOutOfSchema, it.FullName)
	}
	return CheckLimits(Limit{"ListID", it.ListID, MaxListID}, Limit{"EditSequence", it.EditSequence, MaxEditSequence},
		Limit{"Name", it.Name, MaxItemName}, Limit{"FullName", it.FullName, MaxItemFullName},
		Limit{"Desc", it.Description, MaxDescription})
}
