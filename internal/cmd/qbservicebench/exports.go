package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"

	"qbsettings/backend/settings"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/qwc"
	"qbsettings/serviceapi"
)

// The exports' measurement: a project's subcontract of many lines, a
// change order adding lines to it, and many invoices on it, exported from Procore and written to QuickBooks
// through the built service, the emulated Web Connector and QuickBooks,
// and the emulated Procore.
const (
	exportsBegin = "<!-- measured by make measure-exports: begin -->"
	exportsEnd   = "<!-- measured by make measure-exports: end -->"
	benchVendor  = "A0000001-1468535148" // the emulated company file's first vendor
	benchJob     = "B0000002-1468535148" // and its job Lakeview Health:Clinic Expansion
	retainageID  = "80000000-1468535148"
	// quickBooksTime is how long the emulated QuickBooks takes to answer
	// each request [I]: QuickBooks Desktop's own time is not published;
	// real adds of transactions with lines take longer, so the service's
	// share measured against it is, if anything, overstated.
	quickBooksTime = 50 * time.Millisecond
)

// exportsResult is one project's exports measured.
type exportsResult struct {
	lines, change, invoices int
	total                   time.Duration // from the first request sent in Procore to the last closed
	cpu                     time.Duration // the service's CPU in that time
	webConnector            time.Duration // the Web Connector's calls, request sent to answer read
	requests                int           // the Web Connector's requests to QuickBooks
	procoreCalls            int
	idleRSS                 int64
	peakRSS                 int64
	anchor                  time.Duration
}

// measureExports exports a subcontract of lines lines, then a change
// order adding change lines to it, then invoices invoices of four lines
// each on it (one create_requisitions request, as an approver accepts
// several at once), through a new service.
func measureExports(exe string, lines, change, invoices int) (exportsResult, error) {
	r := exportsResult{lines: lines, change: change, invoices: invoices}
	b, err := startWithProcore(exe, procoreemu.CompanySeed{ID: syncCompany, Name: "Summit Construction",
		Vendors: []procoreemu.Record{{"name": "Apex Concrete Supply", "origin_id": benchVendor}}})
	if err != nil {
		return r, err
	}
	defer b.stop()
	codes := append(benchCostCodes(), qbwcemu.Item{Kind: "Service", ListID: retainageID, Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"})
	qb := qbwcemu.NewQuickBooks(codes)
	qb.Unchecked = true
	// QuickBooks takes its time over each request: quickBooksTime, a
	// modest figure for a company file with a project of this size.
	qb.Slowness = quickBooksTime
	timer := &timing{}
	wc := &qbwcemu.WebConnector{AppURL: b.base + "/qbwc", UserName: user, Password: password, OwnerID: qwc.OwnerID,
		FileID: qwc.NewFileID(), QuickBooks: qb, HTTP: &http.Client{Transport: timer}}
	ctx := context.Background()
	// The app's refresh reads the items, then the settings are applied.
	if status, err := b.call(http.MethodPost, "/v1/items/refresh", nil); err != nil || status != http.StatusAccepted {
		return r, fmt.Errorf("refresh: %d %w", status, err)
	}
	if _, err := wc.RunSession(ctx); err != nil {
		return r, err
	}
	s := settings.Defaults()
	s.UseProcoreContractNumber, s.RetainageItem = true, settings.ItemRef{ListID: retainageID, FullName: "Retainage Payable"}
	if status, err := b.call(http.MethodPut, "/v1/settings", serviceapi.PutSettings{Settings: s}, "If-Match", serviceapi.AnyVersion); err != nil || status != http.StatusOK {
		return r, fmt.Errorf("settings: %d %w", status, err)
	}
	emu := b.emu
	vendor := emu.Vendors(syncCompany)[0]["id"].(int64)
	items := subcontractLines(codes, 0, lines)
	r.idleRSS = peakRSS(b.srv.Process.Pid)
	callsBefore := len(emu.Calls())
	cpuBefore := cpuTime(b.srv.Process.Pid)
	timer.start(1)
	began := time.Now()
	_, first, commitment, _ := emu.ExportCommitment(syncCompany, procoreemu.ExportedCommitment{Number: "SC-2026-0001-EAST", Title: "Clinic Expansion: site work",
		Vendor: vendor, ProjectName: "Clinic Expansion", ProjectOrigin: benchJob, Items: items})
	if err := runUntilClosed(ctx, wc, emu, first); err != nil {
		return r, fmt.Errorf("the subcontract: %w", err)
	}
	// A change order on it, its lines added to the purchase order.
	_, changed, _, _ := emu.ExportChangeOrder(syncCompany, commitment, procoreemu.ExportedChangeOrder{Number: 1, Title: "Added scope",
		Items: subcontractLines(codes, lines, change)})
	if err := runUntilClosed(ctx, wc, emu, changed); err != nil {
		return r, fmt.Errorf("the change order: %w", err)
	}
	// The invoices, accepted at once.
	_, last, _, _ := emu.ExportRequisitions(syncCompany, invoicesOn(commitment, invoices))
	if err := runUntilClosed(ctx, wc, emu, last); err != nil {
		return r, fmt.Errorf("the invoices: %w", err)
	}
	r.total = time.Since(began)
	r.cpu = cpuTime(b.srv.Process.Pid) - cpuBefore
	r.peakRSS = peakRSS(b.srv.Process.Pid)
	r.webConnector, r.requests = timer.total, timer.calls
	r.procoreCalls = len(emu.Calls()) - callsBefore
	if n := len(qb.BillList()); n != invoices || len(qb.PurchaseOrderList()) != 1 || len(qb.PurchaseOrderList()[0].Lines) != lines+change {
		return r, fmt.Errorf("QuickBooks holds %d bills and %d purchase orders", n, len(qb.PurchaseOrderList()))
	}
	r.anchor, err = exportsAnchor(qb, lines)
	return r, err
}

// subcontractLines are n lines of a subcontract or its change order, the
// first numbered from+1, on the cost codes in turn.
func subcontractLines(codes []qbwcemu.Item, from, n int) []procoreemu.ExportedItem {
	items := make([]procoreemu.ExportedItem, n)
	for i := range items {
		code := codes[(from+i)%50]
		items[i] = procoreemu.ExportedItem{Description: fmt.Sprintf("Line %d", from+i+1), Amount: fmt.Sprintf("%d.50", 1000+from+i),
			CostCode: code.Name, CostCodeOrigin: benchJob + "|" + code.ListID}
	}
	return items
}

// benchCostCodes are a company file's 50 cost codes, Service items.
func benchCostCodes() []qbwcemu.Item {
	codes := make([]qbwcemu.Item, 0, 51)
	for i := range 50 {
		codes = append(codes, qbwcemu.Item{Kind: "Service", ListID: fmt.Sprintf("8%07X-1468535148", i+1), Name: fmt.Sprintf("%02d-100", i),
			FullName: fmt.Sprintf("%02d-100", i), IsActive: true, EditSequence: "1"})
	}
	return codes
}

// invoicesOn are n invoices on the commitment, billing its lines in
// turn, four an invoice, each line 250.00 holding 25.00 of retainage;
// Procore fills in the commitment's synced ids.
func invoicesOn(commitment int64, n int) []procoreemu.ExportedRequisition {
	list := make([]procoreemu.ExportedRequisition, n)
	for i := range list {
		x := procoreemu.ExportedRequisition{Commitment: commitment, InvoiceNumber: fmt.Sprintf("INV-%05d", i+1), BillingDate: "2026-12-01"}
		for j := range 4 {
			x.Lines = append(x.Lines, procoreemu.ExportedRequisitionLine{Description: fmt.Sprintf("Invoice %d, line %d", i+1, j+1),
				Amount: "250.0", RetainageThisPeriod: "25.0"})
		}
		list[i] = x
	}
	return list
}

// runUntilClosed runs the Web Connector's sessions until the request
// detail is closed, as its schedule would, and wants it a success.
func runUntilClosed(ctx context.Context, wc *qbwcemu.WebConnector, emu *procoreemu.Emulator, detail int64) error {
	for deadline := time.Now().Add(10 * time.Minute); ; {
		if d, _ := emu.RequestDetail(detail); d.Status != "in_progress" {
			if d.Status != "success" {
				return fmt.Errorf("closed as %s: %v", d.Status, d.Messages)
			}
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("not closed within 10 minutes")
		}
		if _, err := wc.RunSession(ctx); err != nil {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// exportsAnchor is the floor of the service's own qbXML work, in this
// process with nothing else: the same purchase order (its first lines
// lines) and change (the rest, every line before named) and bills
// written as qbXML, and QuickBooks' answers to them read (the purchase
// order's twice: the change's read, and its answer).
func exportsAnchor(qb *qbwcemu.QuickBooks, lines int) (time.Duration, error) {
	po := qb.PurchaseOrderList()[0]
	add := qbxml.PurchaseOrderAdd{VendorListID: po.VendorListID, RefNumber: po.RefNumber, ExternalGUID: qbxml.GUID("anchor")}
	change := qbxml.PurchaseOrderMod{TxnID: po.TxnID, EditSequence: po.EditSequence}
	for i, l := range po.Lines {
		m, _ := qbxml.ParseMoney(l.Amount)
		line := qbxml.PurchaseOrderLine{ItemListID: l.ItemListID, Desc: l.Desc, Amount: m, CustomerListID: l.CustomerListID}
		if i < lines {
			add.Lines = append(add.Lines, line)
			change.Keep = append(change.Keep, l.TxnLineID)
			continue
		}
		change.Add = append(change.Add, line)
	}
	var bills []qbxml.BillAdd
	for _, b := range qb.BillList() {
		bill := qbxml.BillAdd{VendorListID: b.VendorListID, RefNumber: b.RefNumber, ExternalGUID: b.ExternalGUID}
		for _, l := range b.Lines {
			m, _ := qbxml.ParseMoney(l.Amount)
			bill.Lines = append(bill.Lines, qbxml.BillLine{ItemListID: l.ItemListID, Desc: l.Desc, Amount: m, CustomerListID: l.CustomerListID,
				LinkTxnID: l.LinkTxnID, LinkTxnLineID: l.LinkTxnLineID})
		}
		bills = append(bills, bill)
	}
	// QuickBooks' answers, as the emulator writes them, for the reading.
	answer, _, _ := qb.ProcessInSession(mustMessage(qbxml.PurchaseOrderQuery{RefNumber: po.RefNumber}))
	billAnswers := make([]string, 0, len(bills))
	for _, b := range bills {
		a, _, _ := qb.ProcessInSession(mustMessage(qbxml.BillQuery{RefNumber: b.RefNumber}))
		billAnswers = append(billAnswers, a)
	}
	runtime.GC()
	began := time.Now()
	for _, r := range []qbxml.Request{add, change} {
		if _, err := qbxml.MessageSet("13.0", r); err != nil {
			return 0, err
		}
		if _, err := qbxml.ParseResponses(answer); err != nil {
			return 0, err
		}
	}
	for i, b := range bills {
		if _, err := qbxml.MessageSet("13.0", b); err != nil {
			return 0, err
		}
		if _, err := qbxml.ParseResponses(billAnswers[i]); err != nil {
			return 0, err
		}
	}
	return time.Since(began), nil
}

func mustMessage(r qbxml.Request) string {
	text, err := qbxml.MessageSet("13.0", r)
	if err != nil {
		panic(err) // the requests above are the package's own, always written
	}
	return text
}

// exportsTable is the exports' measured section, in Markdown.
func exportsTable(results []exportsResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## A project's subcontract, change order and invoices exported through the QuickBooks service\n\n", exportsBegin)
	fmt.Fprintf(&b, "Measured by `make measure-exports` on %d cores, %s: an approver accepts a subcontract of many lines (`create_commitment`), then a change order adding lines to it (`create_commitment_change_order`), then many subcontractor invoices on it at once (`create_requisitions`, four lines each, a tenth held in retainage). The built service (`cmd/qbservice`, its own process) takes each event from IT's relay, fetches the request, queues its QuickBooks work, and the Web Connector's runs write one purchase order, change it (read with its lines, then every line named and the new ones added) and a bill an invoice (each looked for by the service's mark first; a bill's vendor read from its purchase order), then marks them synced in Procore and closes the requests. QuickBooks (the schema check off) and Procore are the emulators, in the measuring process; QuickBooks answers each request after %v, an assumption (its own time is not published, and a real add of a transaction with lines takes longer). The service's CPU is its process's time on a CPU from the first request sent to the last closed; the Web Connector's time is its calls, from the request sent to the answer read. The anchor is the floor of the service's own qbXML work in one process: the same purchase order, change and bills written, and QuickBooks' answers to them read. Peak memory is the service's VmHWM, before and after.\n\n",
		runtime.NumCPU(), time.Now().Format("2006-01-02"), quickBooksTime)
	b.WriteString("| Subcontract lines | Change order lines | Invoices | Sent to closed | Service's CPU | Its share | Web Connector's calls | Requests | Calls to Procore | Anchor | Peak memory before | after | Goal |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		share := float64(r.cpu) / float64(max(r.total, 1))
		fmt.Fprintf(&b, "| %d | %d | %d | %s | %s | %.1f%% | %s | %d | %d | %s | %s | %s | the service's CPU under a tenth of the total |\n",
			r.lines, r.change, r.invoices, ms(r.total), ms(r.cpu), share*100, ms(r.webConnector), r.requests, r.procoreCalls, ms(r.anchor),
			mib(r.idleRSS), mib(r.peakRSS))
	}
	fmt.Fprintf(&b, "%s\n", exportsEnd)
	return b.String()
}
