package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"qbsettings/backend/secrets"
	"qbsettings/backend/settings"
	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testkeys"
	"qbsettings/qbservice/qwc"
	"qbsettings/serviceapi"
)

const (
	killUser     = "procore-sync"
	killPassword = "correct horse battery"
	killCompany  = 4242
	killClient   = "svc-account"
	killSecret   = "procore-secret"
	relayHost    = "relay.test"

	killCostCode  = "8000A001-1"
	killRetainage = "80000000-1"
	killJob       = "B0000002-1468535148" // Lakeview Health:Clinic Expansion
)

// serviceProcess is the QuickBooks service as a process of its own.
type serviceProcess struct {
	program string
	data    string
	addr    string
	cmd     *exec.Cmd
	log     bytes.Buffer
}

func (s *serviceProcess) start() {
	s.cmd = exec.Command(s.program, "serve", "-data", s.data, "-addr", s.addr, "-poll", "1s", //nolint:gosec // the program this test built
		"-public-url", "https://"+relayHost+"/procore/events")
	s.cmd.Stdout, s.cmd.Stderr = io.Discard, &s.log
	s.log.Reset()
	if err := s.cmd.Start(); err != nil {
		panic(err) // the test binary could not be run: nothing can be tested
	}
	for deadline := time.Now().Add(20 * time.Second); ; {
		if c, err := net.DialTimeout("tcp", s.addr, 100*time.Millisecond); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			panic("the service did not start: " + s.log.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// kill kills the process at once, as a power cut or Task Manager does.
func (s *serviceProcess) kill() {
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
}

// The service killed at random moments while it works Procore's requests
// (taking the event, fetching the request, the Web Connector's session
// adding the record to QuickBooks, marking it synced, closing the
// request), and started again: no request is closed twice, no vendor,
// purchase order or bill is added twice, no change order's lines are
// added twice, none is lost. The exports take turns: a vendor, a
// subcontract to it, an invoice with retainage on that, a change order.
func TestKilledAtRandomMomentsNothingIsLostOrDoneTwice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the kill test runs on Linux, where the service is built with go and killed with SIGKILL; under Wine neither is Windows'")
	}
	runs := 200
	if testing.Short() {
		runs = 20
	}
	program := buildService(t)
	ctx := context.Background()
	keys := testkeys.Open(t)
	t.Cleanup(func() { _ = keys.Remove(ctx, secrets.ProcoreSecret{CompanyID: killCompany, ClientID: killClient}) })
	data := t.TempDir()
	if code := run([]string{"account", "set", "-data", data, killUser}, strings.NewReader(killPassword+"\n"), io.Discard, io.Discard); code != 0 {
		t.Fatalf("account set: %d", code)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	emu := procoreemu.New(procoreemu.Config{
		Clients:    []procoreemu.Client{{ID: killClient, Secret: killSecret, Companies: []int64{killCompany}}},
		Companies:  []procoreemu.CompanySeed{{ID: killCompany, Name: "Summit Construction"}},
		Deliveries: procoreemu.Relay(addr, relayHost),
	})
	procore := httptest.NewServer(emu.Handler())
	defer procore.Close()

	svc := &serviceProcess{program: program, data: data, addr: addr}
	svc.start()
	defer func() { svc.kill() }()
	put := serviceapi.PutProcore{CompanyID: killCompany, ClientID: killClient, ClientSecret: killSecret, Environment: serviceapi.ProcoreCustom, BaseURL: procore.URL}
	if status := callService(t, addr, http.MethodPut, "/v1/procore", put); status != http.StatusOK {
		t.Fatalf("connecting Procore: %d", status)
	}
	// The service registers in Procore at its next round: the trigger last.
	for deadline := time.Now().Add(20 * time.Second); !emu.Answered("/triggers"); {
		if time.Now().After(deadline) {
			t.Fatal("the service did not register in Procore")
		}
		time.Sleep(50 * time.Millisecond)
	}
	qb := qbwcemu.NewQuickBooks([]qbwcemu.Item{
		{Kind: "Service", ListID: killCostCode, Name: "100", FullName: "100", IsActive: true, EditSequence: "1"},
		{Kind: "Service", ListID: killRetainage, Name: "Retainage Payable", FullName: "Retainage Payable", IsActive: true, EditSequence: "1"},
	})
	// A large company file: what QuickBooks did is done well before the
	// Web Connector has the answer, which widens the moments when a kill
	// loses the answer to a change QuickBooks made.
	qb.Slowness = 60 * time.Millisecond
	wc := &qbwcemu.WebConnector{AppURL: "http://" + addr + "/qbwc", UserName: killUser, Password: killPassword, OwnerID: qwc.OwnerID,
		FileID: "{8C1E5A20-7B3D-4F69-A2C4-D90E6B17F5A8}", QuickBooks: qb}

	runUntilIdle := func() {
		sessionCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		_, _ = wc.RunSession(sessionCtx)
	}
	settingsFor(t, addr, runUntilIdle)

	type sent struct {
		kind      string // vendor, commitment, invoice, change order, project, budget
		name      string // the vendor's or job's name, the purchase order's or the bill's number, the budget's job
		procoreID int64
		detail    int64
	}
	var all []sent
	var vendor, commitment, project int64
	kills := 0
	for i := range runs {
		var s sent
		switch i % 6 {
		case 0:
			name := fmt.Sprintf("Kill Test Vendor %03d", i)
			v := emu.AddVendor(killCompany, procoreemu.Record{"name": name})
			_, detail := emu.SendToERP(killCompany, "create_vendor", procoreemu.Record{"vendor": procoreemu.Record{"id": v["id"], "name": name}}, true)
			vendor, s = v["id"].(int64), sent{"vendor", name, v["id"].(int64), detail}
		case 1:
			number := fmt.Sprintf("K%03d", i)
			_, detail, id, _ := emu.ExportCommitment(killCompany, procoreemu.ExportedCommitment{Number: number, Title: "Kill test", Vendor: vendor,
				ProjectOrigin: killJob, Items: []procoreemu.ExportedItem{{Description: "Work", Amount: "1000.0", CostCodeOrigin: killJob + "|" + killCostCode}}})
			commitment, s = id, sent{"commitment", number, id, detail}
		case 3:
			name := fmt.Sprintf("CO%03d", i)
			_, detail, id, _ := emu.ExportChangeOrder(killCompany, commitment, procoreemu.ExportedChangeOrder{Number: i, Title: name,
				Items: []procoreemu.ExportedItem{{Description: name, Amount: "100.0", CostCodeOrigin: killJob + "|" + killCostCode}}})
			s = sent{"change order", name, id, detail}
		case 4:
			name := fmt.Sprintf("Kill Test Project %03d", i)
			_, detail, id, _ := emu.ExportProject(killCompany, procoreemu.ExportedProject{Name: name,
				CostCodes: []procoreemu.ExportedCostCode{{Code: "100", FullCode: "100", Name: "Work", Standard: killCostCode}}})
			project, s = id, sent{"project", name, id, detail}
		case 5:
			job := projectJob(emu, project)
			_, detail, id := emu.ExportBudget(killCompany, procoreemu.ExportedBudget{Project: project,
				Lines: []procoreemu.ExportedBudgetLine{{CostCodeOrigin: job + "|" + killCostCode, Amount: "1000.0"}}})
			s = sent{"budget", job, id, detail}
		default:
			number := fmt.Sprintf("INV%03d", i)
			_, detail, id, _ := emu.ExportRequisition(killCompany, procoreemu.ExportedRequisition{Commitment: commitment, InvoiceNumber: number,
				Lines: []procoreemu.ExportedRequisitionLine{{Description: "Work", Amount: "500.0", RetainageThisPeriod: "50.0"}}})
			s = sent{"invoice", number, id, detail}
		}
		detail := s.detail
		all = append(all, s)
		// Killed at a random moment of the work, whatever the Web
		// Connector is doing then, and started again.
		restarted := make(chan struct{})
		time.AfterFunc(time.Duration(rand.IntN(800))*time.Millisecond, func() { //nolint:gosec // a moment, not a secret
			svc.kill()
			svc.start()
			close(restarted)
		})
		kills++
		for deadline := time.Now().Add(60 * time.Second); ; {
			select {
			case <-restarted:
				if d, _ := emu.RequestDetail(detail); d.Status != "in_progress" {
					goto closed
				}
			default:
			}
			if time.Now().After(deadline) {
				d, _ := emu.RequestDetail(detail)
				var calls []string
				for _, c := range emu.Calls() {
					calls = append(calls, fmt.Sprintf("%s %s %d", c.Method, c.Path, c.Status))
				}
				t.Fatalf("run %d: the request was not closed: %+v\n%s\n%s", i, d, strings.Join(calls, "\n"), svc.log.String())
			}
			// The Web Connector's scheduled run; one cut short by a kill
			// fails, and the next goes on.
			runUntilIdle()
			// The hook's queue, paused by a delivery that failed while the
			// service was down, is flushed as Procore does after 12 hours:
			// the poller finds what it held.
			emu.RunDeliveries()
			time.Sleep(20 * time.Millisecond)
		}
	closed:
	}

	written := map[string][]string{} // by vendor name, PO or bill number: the ListIDs or TxnIDs
	for _, v := range qb.VendorList() {
		written[v.Name] = append(written[v.Name], v.ListID)
	}
	for _, po := range qb.PurchaseOrderList() {
		written[po.RefNumber] = append(written[po.RefNumber], po.TxnID)
	}
	for _, b := range qb.BillList() {
		written[b.RefNumber] = append(written[b.RefNumber], b.TxnID)
	}
	for _, c := range qb.CustomerList() {
		written[c.FullName] = append(written[c.FullName], c.ListID)
	}
	for _, e := range qb.EstimateList() {
		// A budget's estimate, by its job.
		written[e.CustomerListID] = append(written[e.CustomerListID], e.TxnID)
	}
	// adds counts the requests QuickBooks took that add a record: the
	// element of the add, and what names the record in it.
	adds := func(element, naming string) int {
		n := 0
		for _, r := range qb.Received() {
			if strings.Contains(r, element) && strings.Contains(r, naming) {
				n++
			}
		}
		return n
	}
	// A change order's lines are the second of its purchase order's:
	// named by its description there, and linked by the purchase order.
	for _, po := range qb.PurchaseOrderList() {
		if len(po.Lines) > 1 {
			written[po.Lines[1].Desc] = append(written[po.Lines[1].Desc], po.TxnID+"|"+po.Lines[1].TxnLineID)
		}
		if len(po.Lines) > 2 {
			t.Errorf("purchase order %s: %d lines, a change order's added twice", po.RefNumber, len(po.Lines))
		}
	}
	linked := map[string]map[int64]any{"vendor": {}, "commitment": {}, "invoice": {}, "change order": {}, "project": {}, "budget": {}}
	for kind, records := range map[string][]procoreemu.Record{"vendor": emu.Vendors(killCompany),
		"commitment": emu.Commitments(killCompany), "invoice": emu.Requisitions(killCompany), "change order": emu.ChangeOrders(killCompany),
		"project": emu.Projects(killCompany), "budget": emu.Budgets(killCompany)} {
		for _, r := range records {
			linked[kind][r["id"].(int64)] = r["origin_id"]
		}
	}
	for _, s := range all {
		d, _ := emu.RequestDetail(s.detail)
		switch {
		case d.Closings != 1 || d.Status != "success":
			t.Errorf("%s %s: closed %d times, %s %v", s.kind, s.name, d.Closings, d.Status, d.Messages)
		case len(written[s.name]) != 1:
			t.Errorf("%s %s: %d in QuickBooks", s.kind, s.name, len(written[s.name]))
		case linked[s.kind][s.procoreID] != written[s.name][0]:
			t.Errorf("%s %s: linked to %v, not %s", s.kind, s.name, linked[s.kind][s.procoreID], written[s.name][0])
		}
		element := map[string]string{"vendor": "<VendorAdd>", "commitment": "<PurchaseOrderAdd>", "invoice": "<BillAdd>",
			"change order": "<PurchaseOrderMod>", "project": "<CustomerAdd>", "budget": "<EstimateAdd>"}[s.kind]
		naming := "<RefNumber>" + s.name + "</RefNumber>"
		switch s.kind {
		case "vendor", "project":
			naming = "<Name>" + s.name + "</Name>"
		case "budget":
			naming = "<CustomerRef><ListID>" + s.name + "</ListID></CustomerRef>"
		case "change order":
			naming = "<Desc>" + s.name + "</Desc>"
		}
		if n := adds(element, naming); n > 1 {
			t.Errorf("%s %s: added %d times", s.kind, s.name, n)
		}
	}
	t.Logf("%d runs, %d kills", runs, kills)
}

// projectJob is the ListID of the QuickBooks job a project was exported
// to, as Procore has it.
func projectJob(emu *procoreemu.Emulator, project int64) string {
	for _, p := range emu.Projects(killCompany) {
		if p["id"] == project {
			job, _ := p["origin_id"].(string)
			return job
		}
	}
	return ""
}

// settingsFor applies the sync's settings the exports need, as the app
// does: the contract number for the purchase order's, and the retainage
// item, once the service has read QuickBooks' items (a refresh the Web
// Connector's run does).
func settingsFor(t *testing.T, addr string, session func()) {
	t.Helper()
	if status := callService(t, addr, http.MethodPost, "/v1/items/refresh", nil); status != http.StatusAccepted {
		t.Fatalf("refresh: %d", status)
	}
	session()
	s := settings.Defaults()
	s.UseProcoreContractNumber = true
	s.RetainageItem = settings.ItemRef{ListID: killRetainage, FullName: "Retainage Payable"}
	if status := callService(t, addr, http.MethodPut, "/v1/settings", serviceapi.PutSettings{Settings: s}, "If-Match", serviceapi.AnyVersion); status != http.StatusOK {
		t.Fatalf("settings: %d", status)
	}
}

// buildService builds the service as it ships (without the race
// detector the tests may run with, which would make each of the 200
// starts several times slower), and returns the program's path.
func buildService(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the service with")
	}
	program := filepath.Join(t.TempDir(), "qbservice")
	out, err := exec.Command(goTool, "build", "-o", program, ".").CombinedOutput() //nolint:gosec // this package, built by go
	if err != nil {
		t.Fatalf("building the service: %v\n%s", err, out)
	}
	return program
}

// callService calls the service's contract as the app does, with the
// headers given as name, value pairs.
func callService(t *testing.T, addr, method, path string, body any, header ...string) int {
	t.Helper()
	b, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, "http://"+addr+path, bytes.NewReader(b))
	req.SetBasicAuth(killUser, killPassword)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return resp.StatusCode
}
