package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/qwc"
	"qbsettings/serviceapi"
)

// The sync's measurement: Refresh Vendors List (sync_vendors) over
// QuickBooks' vendors, end to end through the built service, the emulated
// Web Connector and QuickBooks, and the emulated Procore.
const (
	syncBegin   = "<!-- measured by make measure-sync: begin -->"
	syncEnd     = "<!-- measured by make measure-sync: end -->"
	syncCompany = 4242
	syncClient  = "svc-account"
	syncSecret  = "procore-secret"
	relayHost   = "relay.test"
)

// syncResult is one refresh of the vendors list measured.
type syncResult struct {
	vendors        int
	total          time.Duration // from the request sent in Procore to its close
	cpu            time.Duration // the service's CPU in that time
	webConnector   time.Duration // the Web Connector's calls, request sent to answer read
	requests       int
	procoreCalls   int
	throttled      int // 429s Procore answered
	afterThrottled int // 429s after the first
	idleRSS        int64
	peakRSS        int64
	staged         int
	anchor         time.Duration
}

// benchService is the built service of a data folder of its own,
// connected to an emulated Procore company (IT's relay delivering its
// events) and registered there.
type benchService struct {
	base string // the service's address
	emu  *procoreemu.Emulator
	srv  *exec.Cmd
	stop func()
}

func startWithProcore(exe string, seed procoreemu.CompanySeed) (*benchService, error) {
	dir, port, err := newDataFolder(exe)
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	emu := procoreemu.New(procoreemu.Config{
		Clients:    []procoreemu.Client{{ID: syncClient, Secret: syncSecret, Companies: []int64{syncCompany}}},
		Companies:  []procoreemu.CompanySeed{seed},
		Deliveries: procoreemu.Relay(addr, relayHost),
	})
	procore := httptest.NewServer(emu.Handler())
	srv := exec.Command(exe, "serve", "-data", dir, "-addr", addr, "-poll", "30s", "-public-url", "https://"+relayHost+"/procore/events") //nolint:gosec // as above
	srv.Stderr = io.Discard
	b := &benchService{base: "http://" + addr, emu: emu, srv: srv}
	b.stop = func() {
		if srv.Process != nil {
			_ = srv.Process.Kill()
			_ = srv.Wait()
		}
		procore.Close()
		os.RemoveAll(dir)
	}
	if err := srv.Start(); err != nil {
		b.stop()
		return nil, err
	}
	if err := b.connect(procore.URL); err != nil {
		b.stop()
		return nil, err
	}
	return b, nil
}

// connect sets the service's Procore connection as the app does, and
// waits for its registration in Procore.
func (b *benchService) connect(procoreURL string) error {
	if err := waitUp(b.base + "/support"); err != nil {
		return err
	}
	//nolint:gosec // the emulated company's secret, sent to the service as the app sends it
	if status, err := b.call(http.MethodPut, "/v1/procore", serviceapi.PutProcore{CompanyID: syncCompany, ClientID: syncClient,
		ClientSecret: syncSecret, Environment: serviceapi.ProcoreCustom, BaseURL: procoreURL}); err != nil || status != http.StatusOK {
		return fmt.Errorf("connecting Procore: %d %w", status, err)
	}
	// Registered at the service's next round (its first, at start, came
	// before the connection): the poll's 30 s at most.
	if err := waitFor(60*time.Second, func() bool { return b.emu.Answered("/triggers") }); err != nil {
		return fmt.Errorf("registration: %w", err)
	}
	return nil
}

// call calls the service's contract as the app does, with the headers
// given as name, value pairs.
func (b *benchService) call(method, path string, body any, header ...string) (int, error) {
	in, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, b.base+path, bytes.NewReader(in))
	req.SetBasicAuth(user, password)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

// measureSync refreshes n QuickBooks vendors into Procore through a new
// service of its own.
func measureSync(exe string, n int) (syncResult, error) {
	r := syncResult{vendors: n}
	b, err := startWithProcore(exe, procoreemu.CompanySeed{ID: syncCompany, Name: "Summit Construction"})
	if err != nil {
		return r, err
	}
	defer b.stop()
	emu, srv, base := b.emu, b.srv, b.base

	qb := qbwcemu.NewQuickBooks(nil)
	qb.Unchecked = true
	qb.Set(func(q *qbwcemu.QuickBooks) { q.Vendors = nil })
	qb.AddVendors(syncVendors(n)...)
	timer := &timing{}
	wc := &qbwcemu.WebConnector{AppURL: base + "/qbwc", UserName: user, Password: password, OwnerID: qwc.OwnerID,
		FileID: qwc.NewFileID(), QuickBooks: qb, HTTP: &http.Client{Transport: timer}}
	ctx := context.Background()
	if _, err := wc.RunSession(ctx); err != nil { // the first: QuickBooks known
		return r, err
	}
	r.idleRSS = peakRSS(srv.Process.Pid)
	callsBefore := len(emu.Calls())
	cpuBefore := cpuTime(srv.Process.Pid)
	began := time.Now()
	_, detail := emu.SendToERP(syncCompany, "sync_vendors", procoreemu.Record{"company_id": syncCompany}, true)
	// The request waits for the Web Connector's next run.
	if err := waitFor(30*time.Second, func() bool { return emu.Answered("/erp_requests/") }); err != nil {
		return r, fmt.Errorf("the request was not fetched: %w", err)
	}
	timer.start(n)
	s, err := wc.RunSession(ctx)
	if err != nil {
		return r, err
	}
	r.webConnector, r.requests = timer.total, s.Requests
	if err := waitFor(60*time.Second, func() bool { d, _ := emu.RequestDetail(detail); return d.Status != "in_progress" }); err != nil {
		return r, fmt.Errorf("the request was not closed: %w", err)
	}
	r.total = time.Since(began)
	r.cpu = cpuTime(srv.Process.Pid) - cpuBefore
	r.peakRSS = peakRSS(srv.Process.Pid)
	if d, _ := emu.RequestDetail(detail); d.Status != "success" {
		return r, fmt.Errorf("the request failed: %v", d.Messages)
	}
	r.staged = len(emu.StagedVendors(syncCompany))
	for _, c := range emu.Calls()[callsBefore:] {
		r.procoreCalls++
		if c.Status == http.StatusTooManyRequests {
			r.throttled++
			if r.throttled > 1 {
				r.afterThrottled++
			}
		}
	}
	if r.staged != n {
		return r, fmt.Errorf("%d vendors staged of %d", r.staged, n)
	}
	r.anchor, err = syncAnchor(qb, emu, n)
	return r, err
}

// syncVendors are n active vendors with an address, a phone and an email.
func syncVendors(n int) []qbwcemu.Entity {
	out := make([]qbwcemu.Entity, n)
	for i := range out {
		out[i] = qbwcemu.Entity{Name: fmt.Sprintf("Vendor %05d Supply Co", i), IsActive: true, CompanyName: fmt.Sprintf("Vendor %05d Supply Co LLC", i),
			Address: qbwcemu.Address{Addr1: fmt.Sprintf("%d Mill St", i), City: "Concord", State: "NH", PostalCode: "03301", Country: "US"},
			Phone:   "603-555-0100", Email: fmt.Sprintf("ap%05d@vendor.example", i)}
	}
	return out
}

// syncAnchor is the floor of the same work, in this process with nothing
// else: the vendors' qbXML pages decoded, and their staging sent straight
// to the emulated Procore in chunks of 1,000.
func syncAnchor(qb *qbwcemu.QuickBooks, emu *procoreemu.Emulator, n int) (time.Duration, error) {
	var answers []string
	start, _ := qbxml.MessageSet("13.0", qbxml.VendorQuery{RequestID: "1", Iterator: qbxml.IteratorStart, MaxReturned: servicePage})
	resp, hresult, _ := qb.ProcessInSession(start)
	for hresult == "" {
		answers = append(answers, resp)
		rs, err := qbxml.ParseResponses(resp)
		if err != nil || len(rs) != 1 || rs[0].IteratorRemaining == 0 {
			break
		}
		next, _ := qbxml.MessageSet("13.0", qbxml.VendorQuery{RequestID: "1", Iterator: qbxml.IteratorContinue, IteratorID: rs[0].IteratorID, MaxReturned: servicePage})
		resp, hresult, _ = qb.ProcessInSession(next)
	}
	h := emu.Handler()
	token, err := tokenFor(h)
	if err != nil {
		return 0, err
	}
	runtime.GC()
	began := time.Now()
	var chunk []map[string]string
	send := func() error {
		body, _ := json.Marshal(map[string]any{"company_id": syncCompany, "updates": chunk})
		req := httptest.NewRequest(http.MethodPatch, "/rest/v1.0/erp_vendors/sync", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Procore-Company-Id", fmt.Sprint(syncCompany))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		chunk = chunk[:0]
		if rec.Code != http.StatusOK {
			return fmt.Errorf("anchor's staging: %d", rec.Code)
		}
		return nil
	}
	count := 0
	for _, a := range answers {
		rs, err := qbxml.ParseResponses(a)
		if err != nil {
			return 0, err
		}
		for _, v := range rs[0].Vendors {
			chunk = append(chunk, map[string]string{"name": v.Name, "origin_id": v.ListID})
			count++
			if len(chunk) == 1000 {
				if err := send(); err != nil {
					return 0, err
				}
			}
		}
	}
	if len(chunk) > 0 {
		if err := send(); err != nil {
			return 0, err
		}
	}
	took := time.Since(began)
	if count != n {
		return 0, fmt.Errorf("the anchor read %d vendors", count)
	}
	return took, nil
}

// tokenFor signs in to the emulated Procore as the service account.
func tokenFor(h http.Handler) (string, error) {
	body := strings.NewReader("grant_type=client_credentials&client_id=" + syncClient + "&client_secret=" + syncSecret)
	req := httptest.NewRequest(http.MethodPost, "/oauth/token", body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var t struct {
		AccessToken string `json:"access_token"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &t); err != nil || t.AccessToken == "" {
		return "", fmt.Errorf("no token: %d %s", rec.Code, rec.Body.String())
	}
	return t.AccessToken, nil
}

func waitFor(limit time.Duration, done func() bool) error {
	for deadline := time.Now().Add(limit); !done(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			return fmt.Errorf("not within %v", limit)
		}
	}
	return nil
}

// syncTable is the sync's measured section, in Markdown.
func syncTable(results []syncResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## Refresh Vendors List through the QuickBooks service and Procore\n\n", syncBegin)
	fmt.Fprintf(&b, "Measured by `make measure-sync` on %d cores, %s: a user refreshes the vendors list in Procore's ERP Integrations tool (`sync_vendors`); the built service (`cmd/qbservice`, its own process) takes the event from IT's relay, fetches the request, waits for the Web Connector's next run, reads QuickBooks' vendors %d a request, lists Procore's vendors, stages every new one (`erp_vendors/sync`, 1,000 a call) and closes the request. QuickBooks (the schema check off) and Procore are the emulators, in the measuring process, answering at once, Procore with its documented rate limits (an hourly window and a spike window; the emulator's 3,600 and 100). The service's CPU is its process's time on a CPU from the request sent in Procore to its close; the Web Connector's time is its calls, from the request sent to the answer read. The anchor is the floor of the same work in one process with nothing else: the same qbXML pages decoded and their staging sent straight to the emulated Procore. Peak memory is the service's VmHWM, before and after.\n\n",
		runtime.NumCPU(), time.Now().Format("2006-01-02"), servicePage)
	b.WriteString("| QuickBooks vendors | Sent to closed | Service's CPU | Web Connector's calls | Requests | Calls to Procore | 429s (after the first) | Anchor | Peak memory before | after | Goal |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		goal := ""
		if r.vendors == 10_000 {
			goal = "service ≤ 5 s, < 100 MiB flat, no 429 after the first"
		}
		fmt.Fprintf(&b, "| %d | %s | %s | %s | %d | %d | %d (%d) | %s | %s | %s | %s |\n", r.vendors, ms(r.total), ms(r.cpu), ms(r.webConnector),
			r.requests, r.procoreCalls, r.throttled, r.afterThrottled, ms(r.anchor), mib(r.idleRSS), mib(r.peakRSS), goal)
	}
	fmt.Fprintf(&b, "%s\n", syncEnd)
	return b.String()
}
