package vendors_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/settings"
	"qbsettings/internal/erpworld"
	"qbsettings/internal/procoreemu"
	"qbsettings/serviceapi"
)

// QuickBooks' vendors as the emulator's company file has them.
const (
	apex    = "A0000001-1468535148" // active
	granite = "A0000002-1468535148" // active
	oldMill = "A0000003-1468535148" // inactive
)

// Refresh Vendors List: QuickBooks' active vendors end staged in Procore
// to import, the request closed as done, and what was done in the
// activity; the inactive one is not staged.
func TestAVendorRefreshEndsStagedInProcore(t *testing.T) {
	w := erpworld.New(t, nil)
	detail, r := w.Send("sync_vendors", procoreemu.Record{"company_id": erpworld.Company})
	if detail.Status != "success" || detail.Closings != 1 {
		t.Fatalf("detail %+v", detail)
	}
	staged := w.Emu.StagedVendors(erpworld.Company)
	if len(staged) != 2 || staged[0]["origin_id"] != apex || staged[1]["origin_id"] != granite || staged[0]["name"] != "Apex Concrete Supply" {
		t.Fatalf("staged %v", staged)
	}
	if !strings.Contains(r.Result, `"read":3`) || !strings.Contains(r.Result, `"staged":2`) {
		t.Fatalf("result %s", r.Result)
	}
	// The next refresh reads what changed since the last one read (from
	// the same second on, as QuickBooks' FromModifiedDate does), and the
	// one after it only the vendor that changed last.
	w.S.QB.AddVendors(erpworld.Vendor("Birch Glass"))
	if detail, _ := w.Send("sync_vendors", procoreemu.Record{"company_id": erpworld.Company}); detail.Status != "success" {
		t.Fatalf("second: %+v", detail)
	}
	last := w.Calls(http.MethodPatch, "/rest/v1.0/erp_vendors/sync")
	if got := erpworld.Updates(t, last[len(last)-1]); len(got) != 3 || got[2]["name"] != "Birch Glass" {
		t.Fatalf("second refresh staged %v", got)
	}
	if detail, r := w.Send("sync_vendors", procoreemu.Record{"company_id": erpworld.Company}); detail.Status != "success" || !strings.Contains(r.Result, `"read":1,`) {
		t.Fatalf("third: %+v %s", detail, r.Result)
	}
}

// Rule 4, Vendors will be Automatically Updated: a linked vendor renamed
// in QuickBooks is updated in Procore once with Automatic, and not at all
// with Do Not Update, while a new vendor is staged either way.
func TestRule4VendorUpdates(t *testing.T) {
	for _, rule := range []settings.VendorUpdates{settings.VendorUpdatesAutomatic, settings.VendorUpdatesNone} {
		t.Run(string(rule), func(t *testing.T) {
			w := erpworld.New(t, nil, procoreemu.Record{"id": 901, "name": "Apex Concrete Supply", "origin_id": apex,
				"origin_data": `{"edit_sequence":"1705341600"}`})
			s := settings.Defaults()
			s.VendorUpdates = rule
			w.Apply(s)
			if !w.S.QB.RenameVendor(apex, "Apex Concrete & Aggregate") {
				t.Fatal("not renamed")
			}
			detail, r := w.Send("sync_vendors", procoreemu.Record{"company_id": erpworld.Company})
			if detail.Status != "success" {
				t.Fatalf("detail %+v", detail)
			}
			synced := w.Calls(http.MethodPatch, "/rest/v1.0/vendors/sync")
			name := w.Emu.Vendors(erpworld.Company)[0]["name"]
			switch rule {
			case settings.VendorUpdatesAutomatic:
				if len(synced) != 1 || len(erpworld.Updates(t, synced[0])) != 1 || name != "Apex Concrete & Aggregate" || !strings.Contains(r.Result, `"updated":1`) {
					t.Fatalf("automatic: %d calls, name %v, result %s", len(synced), name, r.Result)
				}
			default:
				if len(synced) != 0 || name != "Apex Concrete Supply" || !strings.Contains(r.Result, `"notUpdated":1`) {
					t.Fatalf("none: %d calls, name %v, result %s", len(synced), name, r.Result)
				}
			}
			if staged := w.Emu.StagedVendors(erpworld.Company); len(staged) != 1 || staged[0]["origin_id"] != granite {
				t.Fatalf("staged %v", staged)
			}
		})
	}
}

// create_vendor: the vendor an approver accepted ends added in
// QuickBooks and marked synced in Procore with its ListID and
// EditSequence; sent again (a duplicate delivery, a retry), it is found,
// not added twice.
func TestAVendorExportEndsAddedAndSynced(t *testing.T) {
	w := erpworld.New(t, nil, procoreemu.Record{"name": "Birch Glass"})
	w.Emu.DuplicateEvents(1)
	vendor := procoreemu.Record{"vendor": procoreemu.Record{"id": w.Emu.Vendors(erpworld.Company)[0]["id"], "name": "Birch Glass", "city": "Concord", "state_code": "NH"}}
	detail, r := w.Send("create_vendor", vendor)
	if detail.Status != "success" || detail.Closings != 1 || !strings.Contains(r.Result, `"added":1`) {
		t.Fatalf("detail %+v, result %s", detail, r.Result)
	}
	var added []string
	for _, v := range w.S.QB.VendorList() {
		if v.Name == "Birch Glass" {
			added = append(added, v.ListID)
			if v.Address.City != "Concord" || v.Address.State != "NH" {
				t.Fatalf("added as %+v", v)
			}
		}
	}
	linked := w.Emu.Vendors(erpworld.Company)[0]
	if len(added) != 1 || linked["origin_id"] != added[0] || !strings.Contains(linked["origin_data"].(string), "edit_sequence") {
		t.Fatalf("added %v, linked %v", added, linked)
	}
	if n := strings.Count(strings.Join(w.S.QB.Received(), ""), "<VendorAddRq"); n != 1 {
		t.Fatalf("%d VendorAdd", n)
	}
	// Exported again: found by its name, not added.
	detail, r = w.Send("create_vendor", vendor)
	if detail.Status != "success" || !strings.Contains(r.Result, `"found":1`) || strings.Count(strings.Join(w.S.QB.Received(), ""), "<VendorAddRq") != 1 {
		t.Fatalf("again: %+v %s", detail, r.Result)
	}
}

// A vendor QuickBooks could not hold fails with the reason, and nothing
// is asked of QuickBooks.
func TestAVendorQuickBooksCannotHoldIsRefusedWhole(t *testing.T) {
	w := erpworld.New(t, nil, procoreemu.Record{"id": 78, "name": "x"})
	for name, v := range map[string]procoreemu.Record{
		"42 characters": {"id": 78, "name": strings.Repeat("N", 42)},
		"a colon":       {"id": 78, "name": "Birch: Glass"},
		"a newline":     {"id": 78, "name": "Birch\nGlass"},
		"a long city":   {"id": 78, "name": "Birch Glass", "city": strings.Repeat("c", 32)},
	} {
		before := len(w.S.QB.Received())
		detail, r := w.Send("create_vendor", procoreemu.Record{"vendor": v})
		if detail.Status != "failed" || len(detail.Messages) != 1 || r.Problem != serviceapi.ActivityInvalidRecord || !strings.Contains(detail.Messages[0], "nothing was written") {
			t.Fatalf("%s: %+v %s", name, detail, r.Problem)
		}
		for _, q := range w.S.QB.Received()[before:] {
			if strings.Contains(q, "Vendor") {
				t.Fatalf("%s: QuickBooks was asked %s", name, q)
			}
		}
	}
}

// A 429 storm and an expired token in the middle of a refresh are
// survived: the round that meets them fails, the next goes on, and the
// request is closed once.
func TestARefreshSurvivesA429StormAndAnExpiredToken(t *testing.T) {
	w := erpworld.New(t, nil)
	_, detailID := w.Emu.SendToERP(erpworld.Company, "sync_vendors", procoreemu.Record{"company_id": erpworld.Company}, true)
	w.Round()
	w.Session()
	w.Emu.ExpireTokens()
	// Refused in a row: the client waits each time longer (1 s, 2 s), as
	// Retry-After asks, and never sends a storm of its own.
	w.Emu.Throttle(2, time.Second)
	for range 10 {
		if err := w.S.Procore.Round(context.Background(), ""); err == nil {
			break
		}
	}
	detail, _ := w.Emu.RequestDetail(detailID)
	if n := len(w.Emu.CallsTo(http.MethodPatch, "/rest/v1.0/erp_vendors/sync")); n != 1 {
		t.Fatalf("%d staging calls", n)
	}
	if detail.Status != "success" || detail.Closings != 1 || len(w.Emu.StagedVendors(erpworld.Company)) != 2 {
		t.Fatalf("detail %+v, staged %v", detail, w.Emu.StagedVendors(erpworld.Company))
	}
}
