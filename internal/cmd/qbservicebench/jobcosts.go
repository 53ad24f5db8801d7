package main

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"time"

	"qbsettings/internal/procoreemu"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/qwc"
)

// The job costs' measurement: a company file of many bills, each of a
// few lines on a job and a cost code, and one synced project whose job
// costs Procore asks for (sync_single_job) twice: the first read takes
// every bill, the second only the few changed since.
const (
	jobCostsBegin = "<!-- measured by make measure-jobcosts: begin -->"
	jobCostsEnd   = "<!-- measured by make measure-jobcosts: end -->"
	// costJobs is how many jobs the bills are spread over; costChanged
	// how many bills change between the two syncs.
	costJobs    = 10
	costChanged = 10
)

// jobCostsRead is one sync of a project's job costs measured.
type jobCostsRead struct {
	total    time.Duration // from the request sent in Procore to the job costs synced
	cpu      time.Duration // the service's CPU in that time
	requests int           // the Web Connector's requests to QuickBooks
	peakRSS  int64
}

// jobCostsResult is a company file's job costs read twice.
type jobCostsResult struct {
	bills         int
	first, second jobCostsRead
	idleRSS       int64
	anchor        time.Duration
}

// measureJobCosts exports a project, fills QuickBooks with bills bills of
// four lines on its job and others', then plays sync_single_job twice,
// costChanged bills changed in between.
func measureJobCosts(exe string, bills int) (jobCostsResult, error) {
	r := jobCostsResult{bills: bills}
	b, err := startWithProcore(exe, procoreemu.CompanySeed{ID: syncCompany, Name: "Summit Construction"})
	if err != nil {
		return r, err
	}
	defer b.stop()
	codes := benchCostCodes()
	qb := qbwcemu.NewQuickBooks(codes)
	qb.Unchecked = true
	qb.Slowness = quickBooksTime
	// The bills were entered over time, as a bookkeeper does, a second
	// apart at least: QuickBooks reads "changed since" to the second.
	clock := time.Now().Add(-time.Duration(bills+100) * time.Second)
	qb.Clock = func() time.Time { clock = clock.Add(time.Second); return clock }
	timer := &timing{}
	wc := &qbwcemu.WebConnector{AppURL: b.base + "/qbwc", UserName: user, Password: password, OwnerID: qwc.OwnerID,
		FileID: qwc.NewFileID(), QuickBooks: qb, HTTP: &http.Client{Transport: timer}}
	ctx := context.Background()
	emu := b.emu
	x := procoreemu.ExportedProject{Name: "Clinic West Wing"}
	for _, c := range codes {
		x.CostCodes = append(x.CostCodes, procoreemu.ExportedCostCode{Code: c.Name, FullCode: c.Name, Name: c.Name, Standard: c.ListID})
	}
	_, detail, project, _ := emu.ExportProject(syncCompany, x)
	if err := runUntilClosed(ctx, wc, emu, detail); err != nil {
		return r, fmt.Errorf("the project: %w", err)
	}
	job := emu.Projects(syncCompany)[0]["origin_id"].(string)
	jobs := []string{job}
	for i := 1; i < costJobs; i++ {
		jobs = append(jobs, fmt.Sprintf("B%07X-1468535148", i))
	}
	var ids []string
	for i := range bills {
		t := qbwcemu.CostTxn{Kind: "Bill", TxnDate: "2026-11-15"}
		for j := range 4 {
			t.Lines = append(t.Lines, qbwcemu.CostTxnLine{ItemListID: codes[(i+j)%50].ListID, CustomerListID: jobs[(i+j)%costJobs], Amount: "125.50"})
		}
		ids = append(ids, qb.AddCostTxn(t))
	}
	r.idleRSS = peakRSS(b.srv.Process.Pid)
	if r.first, err = syncJobCosts(ctx, b, wc, timer, project); err != nil {
		return r, fmt.Errorf("the first sync: %w", err)
	}
	for _, id := range ids[:costChanged] {
		qb.ChangeCostTxn(id, func(t *qbwcemu.CostTxn) { t.Lines[0].Amount = "200.00" })
	}
	if r.second, err = syncJobCosts(ctx, b, wc, timer, project); err != nil {
		return r, fmt.Errorf("the second sync: %w", err)
	}
	r.anchor, err = jobCostsAnchor(qb, bills)
	return r, err
}

// syncJobCosts plays Procore's sync_single_job of project and runs the
// Web Connector until the job costs are synced.
func syncJobCosts(ctx context.Context, b *benchService, wc *qbwcemu.WebConnector, timer *timing, project int64) (jobCostsRead, error) {
	var read jobCostsRead
	emu := b.emu
	synced := func() int { return len(emu.CallsTo(http.MethodPatch, "/rest/v1.0/erp_job_costs/sync")) }
	before := synced()
	cpuBefore := cpuTime(b.srv.Process.Pid)
	timer.start(1)
	began := time.Now()
	emu.SyncSingleJob(syncCompany, project)
	for deadline := time.Now().Add(10 * time.Minute); synced() == before; {
		if time.Now().After(deadline) {
			return read, fmt.Errorf("not synced within 10 minutes")
		}
		if _, err := wc.RunSession(ctx); err != nil {
			return read, err
		}
		time.Sleep(10 * time.Millisecond)
	}
	read.total = time.Since(began)
	read.cpu = cpuTime(b.srv.Process.Pid) - cpuBefore
	read.requests = timer.calls
	read.peakRSS = peakRSS(b.srv.Process.Pid)
	return read, nil
}

// jobCostsAnchor is the floor of the service's own work on the first
// read, in this process: QuickBooks' pages of bills, as the emulator
// writes them, read.
func jobCostsAnchor(qb *qbwcemu.QuickBooks, bills int) (time.Duration, error) {
	var pages []string
	answer, _, _ := qb.ProcessInSession(mustMessage(qbxml.CostQuery{Kind: qbxml.CostBill, Iterator: qbxml.IteratorStart, MaxReturned: 500}))
	pages = append(pages, answer)
	rs, err := qbxml.ParseResponses(answer)
	for err == nil && len(rs) == 1 && rs[0].IteratorRemaining > 0 {
		answer, _, _ = qb.ProcessInSession(mustMessage(qbxml.CostQuery{Kind: qbxml.CostBill, Iterator: qbxml.IteratorContinue, IteratorID: rs[0].IteratorID, MaxReturned: 500}))
		pages = append(pages, answer)
		rs, err = qbxml.ParseResponses(answer)
	}
	if err != nil {
		return 0, err
	}
	runtime.GC()
	began := time.Now()
	read := 0
	for _, p := range pages {
		rs, err := qbxml.ParseResponses(p)
		if err != nil {
			return 0, err
		}
		read += len(rs[0].Txns)
	}
	if read != bills {
		return 0, fmt.Errorf("the anchor read %d bills of %d", read, bills)
	}
	return time.Since(began), nil
}

// jobCostsTable is the job costs' measured section, in Markdown.
func jobCostsTable(results []jobCostsResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## A project's job costs read from QuickBooks\n\n", jobCostsBegin)
	fmt.Fprintf(&b, "Measured by `make measure-jobcosts` on %d cores, %s: a company file of many bills, four lines each spread over %d jobs and 50 cost codes, and one project synced with one of the jobs. Procore asks for the project's job costs (`sync_single_job`) twice: the first read takes every bill (and finds no checks, charges, receipts or credits), the second only what changed since (%d bills changed, then the deletions asked for). The built service (`cmd/qbservice`, its own process) reads them into its job-cost ledger a page of 500 at a time, then sends the project's job costs by cost code (`erp_job_costs/sync`). QuickBooks (the schema check off) and Procore are the emulators, in the measuring process; QuickBooks answers each request after %v, an assumption. The anchor is the floor of the first read's own work in one process: QuickBooks' pages of bills read. Peak memory is the service's VmHWM.\n\n",
		runtime.NumCPU(), time.Now().Format("2006-01-02"), costJobs, costChanged, quickBooksTime)
	b.WriteString("| Bills | Sync | Sent to synced | Service's CPU | Its share | Requests | Anchor | Peak memory before | after |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
	for _, r := range results {
		for i, read := range []jobCostsRead{r.first, r.second} {
			name, anchor := "first (every bill)", ms(r.anchor)
			if i == 1 {
				name, anchor = fmt.Sprintf("second (%d changed)", costChanged), ""
			}
			fmt.Fprintf(&b, "| %d | %s | %s | %s | %.1f%% | %d | %s | %s | %s |\n", r.bills, name, ms(read.total), ms(read.cpu),
				float64(read.cpu)*100/float64(max(read.total, 1)), read.requests, anchor, mib(r.idleRSS), mib(read.peakRSS))
		}
	}
	fmt.Fprintf(&b, "%s\n", jobCostsEnd)
	return b.String()
}
