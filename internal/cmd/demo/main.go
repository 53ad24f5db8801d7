// Command demo plays Procore for make demo: an emulated company (vendors,
// a cost code, projects) whose service account the QuickBooks service at
// -service is connected to, its webhooks relayed to the service as IT's
// relay would, and a user's actions in Procore's ERP Integrations tool
// scripted: Refresh Vendors List, then a vendor's export accepted. It
// prints what crossed, and forgets the connection when stopped.
//
//	echo "$SERVICE_PASSWORD" | go run ./internal/cmd/demo -service http://localhost:8780 -user demo -relay relay.demo
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"qbsettings/internal/procoreemu"
	"qbsettings/serviceapi"
)

const (
	company      = 4242
	clientID     = "svc-account"
	clientSecret = "demo-procore-secret" //nolint:gosec // the emulated company's, for the demo alone
)

func main() {
	service := flag.String("service", "http://localhost:8780", "the QuickBooks service")
	user := flag.String("user", "demo", "the service's user")
	relayHost := flag.String("relay", "relay.demo", "the host of the service's -public-url, which this program relays to it")
	wait := flag.Duration("wait", 20*time.Second, "how long before the user's first action, to open the window")
	flag.Parse()
	password, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	password = strings.TrimRight(password, "\r\n")
	target, err := url.Parse(*service)
	if err != nil || password == "" {
		log.Fatalf("demo: -service and the service's password on standard input (%v)", err)
	}
	emu := procoreemu.New(procoreemu.Config{
		Clients:    []procoreemu.Client{{ID: clientID, Secret: clientSecret, Companies: []int64{company}}},
		Companies:  []procoreemu.CompanySeed{{ID: company, Name: "Summit Construction", Vendors: []procoreemu.Record{{"name": "Birch Glass & Glazing"}}}},
		Deliveries: procoreemu.Relay(target.Host, *relayHost),
	})
	emu.AddProject(company, procoreemu.Record{"name": "Harbor View Apartments"})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go func() { _ = http.Serve(l, emu.Handler()) }() //nolint:gosec // loopback, for the demo's few minutes
	svc := client{base: *service, user: *user, password: password}
	put := serviceapi.PutProcore{CompanyID: company, ClientID: clientID, ClientSecret: clientSecret,
		Environment: serviceapi.ProcoreCustom, BaseURL: "http://" + l.Addr().String()}
	if status := svc.call(http.MethodPut, "/v1/procore", put); status != http.StatusOK {
		log.Fatalf("demo: the service did not take the Procore connection (%d)", status)
	}
	defer svc.call(http.MethodDelete, "/v1/procore", nil) // its secret leaves the keychain
	fmt.Println("Procore (emulated): Summit Construction, company 4242, connected to the QuickBooks service.")

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if !waitFor(ctx, 2*time.Minute, func() bool { return emu.Answered("/triggers") }) {
		return
	}
	fmt.Printf("The service registered in Procore's ERP Integrations. In %v, a user refreshes the vendors list there.\n", *wait)
	if sleep(ctx, *wait) != nil {
		return
	}
	_, detail := emu.SendToERP(company, "sync_vendors", procoreemu.Record{"company_id": company}, true)
	fmt.Println("Procore: Refresh Vendors List. It waits for the Web Connector's next run; see the window's Procore activity.")
	if !waitClosed(ctx, emu, detail) {
		return
	}
	for _, v := range emu.StagedVendors(company) {
		fmt.Printf("  %s crossed from QuickBooks to Procore: staged in the ERP Integrations tool to import.\n", v["name"])
	}
	birch := emu.Vendors(company)[0]
	_, detail = emu.SendToERP(company, "create_vendor", procoreemu.Record{"vendor": procoreemu.Record{"id": birch["id"], "name": birch["name"],
		"city": "Concord", "state_code": "NH"}}, true)
	fmt.Printf("Procore: an approver accepts the export of %s to QuickBooks.\n", birch["name"])
	if !waitClosed(ctx, emu, detail) {
		return
	}
	fmt.Printf("  %s crossed from Procore to QuickBooks, linked as %v. Stop the demo with Ctrl+C.\n", birch["name"], emu.Vendors(company)[0]["origin_id"])
	<-ctx.Done()
}

// client calls the service's contract as the app does.
type client struct{ base, user, password string }

func (c client) call(method, path string, body any) int {
	b, _ := json.Marshal(body)
	req, err := http.NewRequest(method, c.base+path, bytes.NewReader(b))
	if err != nil {
		return 0
	}
	req.SetBasicAuth(c.user, c.password)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Printf("demo: %s %s: %v", method, path, err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func waitClosed(ctx context.Context, emu *procoreemu.Emulator, detail int64) bool {
	ok := waitFor(ctx, 10*time.Minute, func() bool { d, _ := emu.RequestDetail(detail); return d.Status != "in_progress" })
	if d, _ := emu.RequestDetail(detail); ok && d.Status != "success" {
		fmt.Printf("  Not done: %s\n", strings.Join(d.Messages, " "))
	}
	return ok
}

func waitFor(ctx context.Context, limit time.Duration, done func() bool) bool {
	for deadline := time.Now().Add(limit); !done(); {
		if time.Now().After(deadline) || sleep(ctx, 200*time.Millisecond) != nil {
			return false
		}
	}
	return true
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
