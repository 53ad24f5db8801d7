// Command qbservicebench measures a refresh through the QuickBooks
// service: the built service (its own process, as it runs for a
// bookkeeper) refreshes lists of 10,000 to 100,000 items from the emulated
// Web Connector and QuickBooks, which answer at once. It reports the
// service's own time (the Web Connector's calls, from the request sent to
// the answer read: SOAP, qbXML, SQLite) for every 1,000 items, in each
// tenth of the refresh; the whole refresh's time; and the service's peak
// memory (VmHWM) against the count. The anchor, in the same run: the same
// qbXML answers decoded and their items inserted in one SQLite
// transaction, in this process, with nothing else. The service's CPU time,
// for the refresh and for reading the list back through GET /v1/items as
// the app does. And the largest refresh's pages, as the service received
// them, read by the service's decoder beside PHP's (decode.go).
//
//	qbservicebench -service build/bin/qbservice -out docs/performance.md [-consolibyte DIR]
package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/qbwcemu"
	"qbsettings/qbservice/qbxml"
	"qbsettings/qbservice/qwc"
	"qbsettings/serviceapi"

	_ "github.com/mattn/go-sqlite3"
)

const (
	user     = "procore-sync"
	password = "correct horse battery staple"
	// servicePage is the items the service asks QuickBooks for a request
	// (connector's PageSize): the tenths are counted by it.
	servicePage = 500
)

func main() {
	service := flag.String("service", "build/bin/qbservice", "the built QuickBooks service")
	out := flag.String("out", "", "the Markdown file whose measured section to replace (stdout when empty)")
	counts := flag.String("counts", "10000,25000,50000,100000", "the item counts to refresh")
	php := flag.String("php", "php", "PHP's command line, for the decoders to compare with (make measure installs it)")
	consolibyte := flag.String("consolibyte", "", "a copy of github.com/consolibyte/quickbooks-php, whose parser to compare with")
	syncCounts := flag.String("sync", "", "measure Refresh Vendors List instead, over these vendor counts (2500,5000,10000)")
	exports := flag.String("exports", "", "measure a subcontract's, a change order's and invoices' exports instead: LINES/CHANGE/INVOICES (2000/200/500)")
	jobCosts := flag.String("jobcosts", "", "measure a project's job costs read twice instead, over these bill counts (20000)")
	flag.Parse()
	if *jobCosts != "" {
		var results []jobCostsResult
		for _, field := range strings.Split(*jobCosts, ",") {
			n, err := strconv.Atoi(field)
			if err != nil || n < costChanged {
				fail(fmt.Errorf("bill count %q: a whole number of at least %d", field, costChanged))
			}
			r, err := measureJobCosts(*service, n)
			if err != nil {
				fail(fmt.Errorf("%s: %w", field, err))
			}
			fmt.Fprintf(os.Stderr, "%d bills: first %v (CPU %v, %d requests), second %v (CPU %v, %d requests), peak %d MiB, anchor %v\n",
				n, r.first.total.Round(time.Millisecond), r.first.cpu.Round(time.Millisecond), r.first.requests,
				r.second.total.Round(time.Millisecond), r.second.cpu.Round(time.Millisecond), r.second.requests, r.second.peakRSS>>20, r.anchor.Round(time.Millisecond))
			results = append(results, r)
		}
		if err := writeSection(*out, jobCostsTable(results), jobCostsBegin, jobCostsEnd); err != nil {
			fail(err)
		}
		return
	}
	if *exports != "" {
		var results []exportsResult
		for _, field := range strings.Split(*exports, ",") {
			var n [3]int
			parts := strings.Split(field, "/")
			for i := range n {
				var err error
				if len(parts) != len(n) {
					err = strconv.ErrSyntax
				} else {
					n[i], err = strconv.Atoi(parts[i])
				}
				if err != nil || n[i] < 1 {
					fail(fmt.Errorf("%q: LINES/CHANGE/INVOICES, whole numbers", field))
				}
			}
			lines, change, invoices := n[0], n[1], n[2]
			r, err := measureExports(*service, lines, change, invoices)
			if err != nil {
				fail(fmt.Errorf("%s: %w", field, err))
			}
			fmt.Fprintf(os.Stderr, "%d lines, %d changed, %d invoices: %v, service CPU %v, web connector %v (%d requests), %d calls to Procore, peak %d MiB, anchor %v\n",
				lines, change, invoices, r.total.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.webConnector.Round(time.Millisecond), r.requests,
				r.procoreCalls, r.peakRSS>>20, r.anchor.Round(time.Millisecond))
			results = append(results, r)
		}
		if err := writeSection(*out, exportsTable(results), exportsBegin, exportsEnd); err != nil {
			fail(err)
		}
		return
	}
	if *syncCounts != "" {
		var results []syncResult
		for _, field := range strings.Split(*syncCounts, ",") {
			n, err := strconv.Atoi(field)
			if err != nil || n < 1 {
				fail(fmt.Errorf("vendor count %q: a whole number", field))
			}
			r, err := measureSync(*service, n)
			if err != nil {
				fail(fmt.Errorf("%d vendors: %w", n, err))
			}
			fmt.Fprintf(os.Stderr, "%d vendors: %v, service CPU %v, web connector %v, %d calls to Procore, %d 429s, peak %d MiB, anchor %v\n", n,
				r.total.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.webConnector.Round(time.Millisecond), r.procoreCalls, r.throttled,
				r.peakRSS>>20, r.anchor.Round(time.Millisecond))
			results = append(results, r)
		}
		if err := writeSection(*out, syncTable(results), syncBegin, syncEnd); err != nil {
			fail(err)
		}
		return
	}
	var results []result
	captured := &pages{}
	fields := strings.Split(*counts, ",")
	for i, field := range fields {
		n, err := strconv.Atoi(field)
		if err != nil || n < 1000 {
			fail(fmt.Errorf("count %q: a whole number of at least 1000", field))
		}
		var capture *pages
		if i == len(fields)-1 { // the largest refresh's pages, for the decoders
			capture = captured
		}
		r, err := measure(*service, n, capture)
		if err != nil {
			fail(fmt.Errorf("%d items: %w", n, err))
		}
		fmt.Fprintf(os.Stderr, "%d items: %v, service %v (CPU %v), peak %d MiB, anchor %v; list read %v (CPU %v)\n", n, r.total.Round(time.Millisecond),
			r.service.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.peakRSS>>20, r.anchor.Round(time.Millisecond),
			r.readTotal.Round(time.Millisecond), r.readCPU.Round(time.Millisecond))
		results = append(results, r)
	}
	readings, err := compareDecoders(captured.list, *php, *consolibyte)
	if err != nil {
		fail(fmt.Errorf("the decoders: %w", err))
	}
	for _, r := range readings {
		fmt.Fprintf(os.Stderr, "%s: %d items, %v an item %s\n", r.reader, r.items, r.perItem, r.why)
	}
	if err := write(*out, table(results, readings, len(captured.list))); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "qbservicebench:", err)
	os.Exit(1)
}

// result is one refresh measured.
type result struct {
	items   int
	total   time.Duration
	service time.Duration
	// cpu is the service process's CPU time during the refresh; readCPU
	// during the read of the whole list through GET /v1/items, and
	// readTotal that read's whole time.
	cpu, readCPU, readTotal time.Duration
	// tenths is the service's time in each tenth of the items.
	tenths   [10]time.Duration
	peakRSS  int64 // bytes
	idleRSS  int64
	requests int
	anchor   time.Duration
}

// measure refreshes n items through a new service of its own; capture,
// when not nil, keeps the pages of QuickBooks' answers as the service
// received them.
func measure(exe string, n int, capture *pages) (result, error) {
	r := result{items: n}
	dir, port, err := newDataFolder(exe)
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(dir)
	base := fmt.Sprintf("http://localhost:%d", port)
	srv := exec.Command(exe, "serve", "-data", dir, "-addr", fmt.Sprintf("localhost:%d", port)) //nolint:gosec // as above
	srv.Stderr = io.Discard
	if err := srv.Start(); err != nil {
		return r, err
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	if err := waitUp(base + "/support"); err != nil {
		return r, err
	}
	r.idleRSS = peakRSS(srv.Process.Pid)

	qb := qbwcemu.NewQuickBooks(items(n))
	qb.Unchecked = true
	timer := &timing{capture: capture}
	wc := &qbwcemu.WebConnector{AppURL: base + "/qbwc", UserName: user, Password: password, OwnerID: qwc.OwnerID,
		FileID: qwc.NewFileID(), QuickBooks: qb, HTTP: &http.Client{Transport: timer}}
	ctx := context.Background()
	if _, err := wc.RunSession(ctx); err != nil { // the first: QuickBooks known
		return r, err
	}
	client, err := quickbooks.New(quickbooks.Config{BaseURL: base, User: user, Password: password})
	if err != nil {
		return r, err
	}
	defer client.Close()
	id, err := client.StartRefresh(ctx)
	if err != nil {
		return r, err
	}
	timer.start(n)
	cpuBefore := cpuTime(srv.Process.Pid)
	began := time.Now()
	s, err := wc.RunSession(ctx)
	r.total = time.Since(began)
	r.cpu = cpuTime(srv.Process.Pid) - cpuBefore
	if err != nil {
		return r, err
	}
	r.service, r.tenths, r.requests = timer.total, timer.tenths, s.Requests
	timer.start(0) // the refresh is over: its pages were kept
	if st, err := client.RefreshState(ctx, id); err != nil || st.State != serviceapi.RefreshDone {
		return r, fmt.Errorf("refresh %+v, %w", st, err)
	}
	// The whole list read back, as the app reads it after a refresh.
	cpuBefore, began = cpuTime(srv.Process.Pid), time.Now()
	listed, err := client.Items(ctx)
	r.readTotal, r.readCPU = time.Since(began), cpuTime(srv.Process.Pid)-cpuBefore
	if err != nil || len(listed.Items) != n {
		return r, fmt.Errorf("the service lists %d items, %w", len(listed.Items), err)
	}
	if again, err := client.ItemsSince(ctx, listed.ETag); err != nil || !again.Unchanged {
		return r, fmt.Errorf("the unchanged list was read again: %+v %w", again.Unchanged, err)
	}
	r.peakRSS = peakRSS(srv.Process.Pid)
	r.anchor, err = anchor(qb, n, dir)
	return r, err
}

// newDataFolder is an empty data folder with the service's account set
// (the caller removes it), and a free port for the service to listen at.
func newDataFolder(exe string) (dir string, port int, err error) {
	if dir, err = os.MkdirTemp("", "qbservicebench-"); err != nil {
		return "", 0, err
	}
	set := exec.Command(exe, "account", "set", "-data", dir, user) //nolint:gosec // the service to measure, named by who runs this
	set.Stdin = strings.NewReader(password + "\n")
	if b, err := set.CombinedOutput(); err != nil {
		return dir, 0, fmt.Errorf("account set: %w %s", err, b)
	}
	port, err = freePort()
	return dir, port, err
}

// items are n items: nine in ten Service items (a tenth of them
// sub-items), the rest Other Charge, each with a description, a price and
// an account.
func items(n int) []qbwcemu.Item {
	out := make([]qbwcemu.Item, 0, n)
	for i := range n {
		kind, name := "Service", fmt.Sprintf("%05d Cost code", i)
		full := name
		if i%10 == 9 { // a sub-item of the item before it
			full = out[i-1].FullName + ":" + name
		}
		if i%10 == 0 {
			kind = "OtherCharge"
		}
		out = append(out, qbwcemu.Item{Kind: kind, ListID: fmt.Sprintf("%08X-1468535148", 0x80000000+i), Name: name, FullName: full,
			IsActive: i%13 != 0, EditSequence: "1468535148", Description: "Labor & materials for " + name,
			Price: fmt.Sprintf("%d.%02d", 100+i%900, i%100), Account: "Construction Income:Labor Income"})
	}
	return out
}

// timing is the Web Connector's transport, timing each call of the
// refresh and putting it in the tenth of the items it was part of.
type timing struct {
	capture *pages // when not nil, the answers of the refresh are kept
	mu      sync.Mutex
	n       int
	calls   int
	total   time.Duration
	tenths  [10]time.Duration
}

func (t *timing) start(n int) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n, t.calls, t.total, t.tenths = n, 0, 0, [10]time.Duration{}
}

func (t *timing) RoundTrip(req *http.Request) (*http.Response, error) {
	t.mu.Lock()
	keeping := t.capture != nil && t.n > 0
	t.mu.Unlock()
	if keeping {
		var err error
		if req.Body, err = tee(req.Body, t.capture.keep); err != nil {
			return nil, err
		}
	}
	began := time.Now()
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil {
		// The answer read whole is part of the call.
		var body []byte
		body, err = io.ReadAll(resp.Body)
		resp.Body.Close()
		resp.Body = io.NopCloser(strings.NewReader(string(body)))
	}
	took := time.Since(began)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.n > 0 {
		t.total += took
		// A call's tenth: by the requests made so far, servicePage items
		// each (two calls a page).
		page := t.calls / 2
		tenth := min(9, page*servicePage*10/t.n)
		t.tenths[tenth] += took
		t.calls++
	}
	return resp, err
}

// anchor decodes the items' qbXML answers, servicePage at a time as the
// service asks for them, and inserts them in one SQLite transaction.
func anchor(qb *qbwcemu.QuickBooks, n int, dir string) (time.Duration, error) {
	var answers []string
	for _, kind := range []qbxml.ItemKind{qbxml.ItemService, qbxml.ItemOtherCharge} {
		start, err := qbxml.MessageSet("13.0", qbxml.ItemQuery{Kind: kind, RequestID: "1", Iterator: qbxml.IteratorStart, MaxReturned: servicePage})
		if err != nil {
			return 0, err
		}
		resp, hresult, _ := qb.ProcessInSession(start)
		for hresult == "" {
			answers = append(answers, resp)
			rs, err := qbxml.ParseResponses(resp)
			if err != nil || len(rs) != 1 || rs[0].IteratorRemaining == 0 {
				break
			}
			next, _ := qbxml.MessageSet("13.0", qbxml.ItemQuery{Kind: kind, RequestID: "1", Iterator: qbxml.IteratorContinue, IteratorID: rs[0].IteratorID, MaxReturned: servicePage})
			resp, hresult, _ = qb.ProcessInSession(next)
		}
	}
	db, err := sql.Open("sqlite3", filepath.Join(dir, "anchor.db")+"?_journal_mode=WAL&_synchronous=FULL")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE items (list_id TEXT PRIMARY KEY, full_name TEXT, type TEXT, is_active INTEGER, edit_sequence TEXT, description TEXT)`); err != nil {
		return 0, err
	}
	runtime.GC()
	began := time.Now()
	tx, err := db.Begin()
	if err != nil {
		return 0, err
	}
	count := 0
	for _, a := range answers {
		rs, err := qbxml.ParseResponses(a)
		if err != nil {
			return 0, errors.Join(err, tx.Rollback())
		}
		for _, it := range rs[0].Items {
			if _, err := tx.Exec(`INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)`, it.ListID, it.FullName, string(it.Kind), it.IsActive, it.EditSequence, it.Description); err != nil {
				return 0, errors.Join(err, tx.Rollback())
			}
			count++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	took := time.Since(began)
	if count != n {
		return 0, fmt.Errorf("the anchor read %d items", count)
	}
	return took, nil
}

// cpuTime is the time the process's threads have run on a CPU, in
// nanoseconds as the scheduler counts them (/proc/PID/task/*/schedstat:
// finer than utime's ticks).
func cpuTime(pid int) time.Duration {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/schedstat", pid))
	var total time.Duration
	for _, t := range tasks {
		b, err := os.ReadFile(t) //nolint:gosec // the process this program started
		if err != nil {
			continue
		}
		if f := strings.Fields(string(b)); len(f) > 0 {
			ns, _ := strconv.ParseInt(f[0], 10, 64)
			total += time.Duration(ns)
		}
	}
	return total
}

// peakRSS is the process's peak resident memory (VmHWM), in bytes.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "localhost:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func waitUp(url string) error {
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get(url); err == nil { //nolint:gosec // the service this program started
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return errors.New("the service did not start")
}
