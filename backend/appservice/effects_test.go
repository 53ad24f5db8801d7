package appservice

import (
	"strings"
	"testing"

	"qbsettings/backend/settings"
	"qbsettings/internal/simulator"
	"qbsettings/serviceapi"
)

// Beside each of the sync's settings, a line says what it does to the
// next sync, from the rule's own code on an example, and follows the
// form's values before they are saved; the service's capabilities say
// which settings it applies today, and the others say they wait.
func TestEachSettingSaysItsEffect(t *testing.T) {
	f := newFixture(t)
	sim, url := startSimulator(t)
	effects := func(s settings.Settings) map[settings.Field]SettingEffect {
		t.Helper()
		list, err := f.svc.Effects(ctx, f.profile, s)
		if err != nil {
			t.Fatal(err)
		}
		out := map[settings.Field]SettingEffect{}
		for _, e := range list {
			out[e.Field] = e
		}
		return out
	}
	s := filled()
	got := effects(s)
	if len(got) != 6 || got[settings.FieldServiceURL].Field != "" {
		t.Fatalf("effects of %d settings: %+v", len(got), got)
	}
	if text := got[settings.FieldUseProcoreContractNumber].Said.Text(); text !=
		"A commitment exported without a QuickBooks ID: contract SC-0001-EAST-02 becomes PO SC-0001-EAS (QuickBooks keeps 11 characters). An ID typed at export wins." {
		t.Fatalf("rule 1 on: %q", text)
	}
	if e := got[settings.FieldRetainageItem]; !strings.Contains(e.Said.Text(), "-1,250.00 on Retainage Payable") || e.Applied ||
		!strings.Contains(e.Pending.Text(), "once the QuickBooks service runs the sync") {
		t.Fatalf("retainage before any send: %+v %q", e, e.Pending.Text())
	}
	s.UseProcoreContractNumber = false
	s.DirectCostColumn = settings.DirectCostEditable
	s.HideJobToDateCosts = true
	got = effects(s)
	for field, want := range map[settings.Field]string{
		settings.FieldUseProcoreContractNumber: "is refused, and nothing is written to QuickBooks",
		settings.FieldDirectCostColumn:         "Procore's Direct Costs tool fills the Direct Cost column",
		settings.FieldHideJobToDateCosts:       "left out of the job-cost sync",
	} {
		if text := got[field].Said.Text(); !strings.Contains(text, want) {
			t.Errorf("%s: %q", field, text)
		}
	}

	// A service that runs the sync and applies rules 1 and 4: those are
	// applied, the others wait for work it does not do yet.
	sim.SetCapabilities(append(append([]string(nil), simulator.DefaultCapabilities...),
		serviceapi.CapabilityRulePrefix+"useProcoreContractNumber", serviceapi.CapabilityRulePrefix+"vendorUpdates"))
	f.saveAndSend(t, connectionTo(url, "demo-password"))
	got = effects(filled())
	for field, applied := range map[settings.Field]bool{
		settings.FieldUseProcoreContractNumber: true, settings.FieldVendorUpdates: true,
		settings.FieldRetainageItem: false, settings.FieldAutoAddNewCostCodes: false,
	} {
		e := got[field]
		if e.Applied != applied || e.Pending.IsZero() == !applied {
			t.Errorf("%s: applied %v, pending %q", field, e.Applied, e.Pending.Text())
		}
	}
	if p := got[settings.FieldRetainageItem].Pending.Text(); !strings.Contains(p, "does not do this yet") {
		t.Errorf("pending: %q", p)
	}
}
