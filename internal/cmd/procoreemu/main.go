// Command procoreemu is Procore emulated (package internal/procoreemu),
// for trying the QuickBooks service by hand, the demo and the window's
// tests: one company and its service account, the API and OAuth at one
// loopback address and the controls at another. The Client Secret is read
// from standard input.
//
//	echo "$SECRET" | go run ./internal/cmd/procoreemu -company 4242 -name "Summit Construction" -client-id svc-account [-vendors 25] [-addr 127.0.0.1:0] [-control 127.0.0.1:0]
//
// It prints "procore http://…" and "control http://…" once both listen.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"qbsettings/internal/procoreemu"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "the loopback address of Procore's API and OAuth")
	control := flag.String("control", "127.0.0.1:0", "the loopback address of the controls")
	company := flag.Int64("company", 4242, "the company's ID")
	name := flag.String("name", "Summit Construction", "the company's name")
	clientID := flag.String("client-id", "svc-account", "the service account's Client ID")
	vendors := flag.Int("vendors", 0, "vendors the company has in Procore")
	flag.Parse()
	secret, err := bufio.NewReader(os.Stdin).ReadString('\n')
	secret = strings.TrimRight(secret, "\r\n")
	if secret == "" {
		log.Fatalf("procoreemu: no Client Secret on standard input (%v)", err)
	}
	seed := procoreemu.CompanySeed{ID: *company, Name: *name}
	for i := range *vendors {
		seed.Vendors = append(seed.Vendors, procoreemu.Record{"name": fmt.Sprintf("Vendor %03d", i+1)})
	}
	emu := procoreemu.New(procoreemu.Config{
		Clients:   []procoreemu.Client{{ID: *clientID, Secret: secret, Companies: []int64{*company}}},
		Companies: []procoreemu.CompanySeed{seed},
	})
	api, err := listen(*addr, emu.Handler())
	if err != nil {
		log.Fatalf("procoreemu: -addr: %v", err)
	}
	ctl, err := listen(*control, emu.ControlHandler())
	if err != nil {
		log.Fatalf("procoreemu: -control: %v", err)
	}
	fmt.Printf("procore http://%s\ncontrol http://%s\n", api, ctl)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// Procore retries failed deliveries on its own clock.
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			emu.RunDeliveries()
		}
	}
}

// listen serves h on a loopback address and returns where.
func listen(addr string, h http.Handler) (string, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	host, _, _ := net.SplitHostPort(l.Addr().String())
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		l.Close()
		return "", fmt.Errorf("%s is not a loopback address", addr)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { log.Printf("procoreemu: %v", srv.Serve(l)) }()
	return l.Addr().String(), nil
}
