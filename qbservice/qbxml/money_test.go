package qbxml

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// Procore's amounts become QuickBooks' AMTTYPE, exactly two decimals;
// what would need rounding, or is beyond 13 digits, is refused.
func TestMoney(t *testing.T) {
	for in, want := range map[string]string{
		"500.0": "500.00", "500": "500.00", "-20": "-20.00", "1250.5": "1250.50", "0.07": "0.07", "+3.10": "3.10",
		"9999999999999.99": "9999999999999.99", "-0.01": "-0.01",
	} {
		m, err := ParseMoney(in)
		if err != nil || m.String() != want {
			t.Errorf("%q: %v %v, want %s", in, m, err, want)
		}
		if b, err := m.MarshalText(); err != nil || string(b) != want {
			t.Errorf("%q written as %s %v", in, b, err)
		}
	}
	for _, bad := range []string{"", "0.125", "1e3", "12,50", "10000000000000.00", ".5", "--1", "1.2.3", " - 1"} {
		if _, err := ParseMoney(bad); !errors.Is(err, ErrNotMoney) {
			t.Errorf("%q taken", bad)
		}
	}
	if _, err := (MaxMoney + 1).MarshalText(); !errors.Is(err, ErrNotMoney) {
		t.Error("beyond AMTTYPE written")
	}
}

// An amount kept as JSON reads back as it was; beyond AMTTYPE, it is not
// written.
func TestMoneyAsJSON(t *testing.T) {
	for _, m := range []Money{0, 1250050, -2000, MaxMoney, -MaxMoney} {
		b, err := json.Marshal(m)
		var back Money
		if err != nil || json.Unmarshal(b, &back) != nil || back != m {
			t.Errorf("%d: %s %v → %d", m, b, err, back)
		}
	}
	if _, err := json.Marshal(MaxMoney + 1); err == nil {
		t.Error("beyond AMTTYPE kept")
	}
	var m Money
	if json.Unmarshal([]byte(`"1.234"`), &m) == nil {
		t.Error("a third decimal read")
	}
}

// A purchase order's amounts reach QuickBooks with exactly two decimals,
// a negative one too, and its job after its amount.
func TestPurchaseOrderAmountsAreAMTTYPE(t *testing.T) {
	doc, err := MessageSet("13.0", PurchaseOrderAdd{VendorListID: "1", Lines: []PurchaseOrderLine{
		{ItemListID: "2", Amount: 1250050, CustomerListID: "3"}, {ItemListID: "2", Amount: -2000}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<Amount>12500.50</Amount><CustomerRef><ListID>3</ListID></CustomerRef>", "<Amount>-20.00</Amount>"} {
		if !strings.Contains(doc, want) {
			t.Errorf("no %s in %s", want, doc)
		}
	}
	// The largest amount is one the schema takes (a fourteenth digit was
	// once let through).
	largest, err := MessageSet("13.0", PurchaseOrderAdd{VendorListID: "1", Lines: []PurchaseOrderLine{{ItemListID: "2", Amount: -MaxMoney}}})
	if err != nil || checkSchema(t, largest) != "" {
		t.Errorf("the largest amount: %v %s", err, checkSchema(t, largest))
	}
	if _, err := MessageSet("13.0", PurchaseOrderAdd{Lines: []PurchaseOrderLine{{Amount: MaxMoney + 1}}}); !errors.Is(err, ErrNotMoney) {
		t.Errorf("an amount beyond AMTTYPE was written: %v", err)
	}
}
