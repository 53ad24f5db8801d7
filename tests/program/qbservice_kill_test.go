package program

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"qbsettings/internal/qbwcemu"
	"qbsettings/internal/testdir"
	"qbsettings/internal/testnet"
	"qbsettings/qbservice/qwc"
	"qbsettings/qbservice/servicedb"
)

// The QuickBooks service killed (SIGKILL) at random moments while the Web
// Connector refreshes the item list and creates items, many times. After
// every kill, what the service finds when it starts again is whole: the
// item list is QuickBooks' list as one refresh read it, or none yet, never
// part of one; no job is left running, and no page is kept for a job that
// is not; every item asked for was made at most once. At the end, with the
// Web Connector calling undisturbed, every create is done once and the
// list is QuickBooks' own.
func TestServiceKilledMidWorkLosesNothing(t *testing.T) {
	exe := builtService(t)
	data := testdir.New(t)
	const password = "correct horse battery staple"
	if code, out := runExe(t, exe, nil, password+"\n", "account", "set", "-data", data, "procore-sync"); code != 0 {
		t.Fatalf("account set: %d %q", code, out)
	}
	var items []qbwcemu.Item
	for i := range 650 {
		kind := "Service"
		if i%5 == 0 {
			kind = "OtherCharge"
		}
		name := fmt.Sprintf("%03d Cost code", i)
		items = append(items, qbwcemu.Item{Kind: kind, ListID: fmt.Sprintf("%08X-1468535148", 0x80000000+i), Name: name, FullName: name,
			IsActive: true, EditSequence: "1"})
	}
	qb := qbwcemu.NewQuickBooks(items)
	qb.Unchecked = true // every shape is checked elsewhere; here, speed
	// Each answer takes a while after QuickBooks made it, so that kills
	// fall between a change made and its answer heard.
	qb.Slowness = 15 * time.Millisecond
	fileID := qwc.NewFileID()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	var asked []string
	states := map[string]int{}
	kills := 25
	if testing.Short() {
		kills = 5
	}
	for round := range kills {
		port := testnet.FreePort(t)
		cmd, _ := serveService(t, exe, data, port)
		base := fmt.Sprintf("http://localhost:%d", port)
		post(t, base+"/v1/items/refresh", `{}`, password)
		name := fmt.Sprintf("Retention %02d", round)
		post(t, base+"/v1/items", fmt.Sprintf(`{"type":"Service","name":%q}`, name), password)
		asked = append(asked, name)

		wc := &qbwcemu.WebConnector{AppURL: base + "/qbwc", UserName: "procore-sync", Password: password, OwnerID: qwc.OwnerID,
			FileID: fileID, QuickBooks: qb}
		ctx, stop := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { // Auto-Run, until the service is gone
			defer close(done)
			for ctx.Err() == nil {
				if _, err := wc.RunSession(ctx); err != nil {
					return
				}
			}
		}()
		time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		stop()
		<-done
		states[checkServiceAfterKill(t, filepath.Join(data, servicedb.FileName), qb, len(items))]++
	}
	// The kills fell at moments of every kind (logged, for whoever doubts).
	t.Logf("killed with the work: %v", states)

	// Undisturbed: everything asked is done, once.
	port := testnet.FreePort(t)
	serveService(t, exe, data, port)
	base := fmt.Sprintf("http://localhost:%d", port)
	post(t, base+"/v1/items/refresh", `{}`, password)
	wc := &qbwcemu.WebConnector{AppURL: base + "/qbwc", UserName: "procore-sync", Password: password, OwnerID: qwc.OwnerID,
		FileID: fileID, QuickBooks: qb}
	for range 5 {
		if _, err := wc.RunSession(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	db, err := servicedb.Open(filepath.Join(data, servicedb.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for _, state := range []servicedb.JobState{servicedb.JobQueued, servicedb.JobRunning, servicedb.JobFailed} {
		if jobs, _ := db.Jobs(ctx, state); len(jobs) > 0 {
			t.Errorf("%d jobs %s at the end: %+v", len(jobs), state, jobs[0])
		}
	}
	stored, _ := db.Items(ctx)
	if want := len(items) + len(asked); len(stored) != want || len(qb.Items) != want {
		t.Fatalf("at the end the service lists %d items, QuickBooks has %d; want %d", len(stored), len(qb.Items), want)
	}
}

// checkServiceAfterKill opens the service's database as the service does
// when it starts again, and checks that what it finds is whole. It says
// how far the round's work had come: queued, partly done, or done.
func checkServiceAfterKill(t *testing.T, path string, qb *qbwcemu.QuickBooks, initial int) string {
	t.Helper()
	db, err := servicedb.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if err := db.Started(ctx, time.Now()); err != nil {
		t.Fatal(err)
	}
	inQuickBooks := map[string]string{} // ListID → full name
	made := map[string]int{}
	for _, it := range qb.Items {
		inQuickBooks[it.ListID] = it.FullName
		made[strings.ToLower(it.FullName)]++
	}
	for name, n := range made {
		if n > 1 {
			t.Fatalf("QuickBooks has %d items named %q", n, name)
		}
	}
	stored, err := db.Items(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// A list read whole: none yet, or every item QuickBooks had at first
	// and nothing it does not have.
	if len(stored) != 0 && len(stored) < initial {
		t.Fatalf("the item list holds %d items: part of a refresh", len(stored))
	}
	for _, it := range stored {
		if inQuickBooks[it.ListID] != it.FullName {
			t.Fatalf("the list holds %+v, which QuickBooks does not have", it)
		}
	}
	if running, _ := db.Jobs(ctx, servicedb.JobRunning); len(running) > 0 {
		t.Fatalf("a job still running after the start: %+v", running[0])
	}
	failed, _ := db.Jobs(ctx, servicedb.JobFailed)
	for _, j := range failed {
		t.Fatalf("a job failed: %+v (made twice?)", j)
	}
	done, _ := db.Jobs(ctx, servicedb.JobDone)
	for _, j := range done {
		if j.Kind == servicedb.JobCreate && inQuickBooks[j.Result.ListID] != j.Request.Name {
			t.Fatalf("create done with %+v, which QuickBooks does not have", j.Result)
		}
	}
	if pages, err := db.PagesKept(ctx); err != nil || pages != 0 {
		t.Fatalf("%d pages kept with no job running, %v", pages, err)
	}
	queued, _ := db.Jobs(ctx, servicedb.JobQueued)
	for _, j := range queued {
		if j.Attempts > 0 {
			return "partly done"
		}
	}
	if len(queued) > 0 {
		return "queued"
	}
	return "done"
}

func post(t *testing.T, url, body, password string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader([]byte(body)))
	req.SetBasicAuth("procore-sync", password)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("POST %s: %d", url, resp.StatusCode)
	}
}
