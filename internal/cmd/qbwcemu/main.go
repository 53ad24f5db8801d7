// Command qbwcemu is the QuickBooks Web Connector and QuickBooks Desktop
// emulated (package internal/qbwcemu), for trying the QuickBooks service
// by hand and in demos: it adds the application of a .qwc file, takes its
// password on standard input, and runs sessions on the .qwc's schedule (or
// -every), with a company file of generated items. With -control, QuickBooks'
// faults are changed while it runs (PUT /quickbooks, see qbwcemu.Control).
//
//	echo "$PASSWORD" | go run ./internal/cmd/qbwcemu -qwc summit.qwc [-items 200] [-retainage=false] [-every 5s] [-sessions N] [-control 127.0.0.1:0]
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
	"time"

	"qbsettings/internal/qbwcemu"
)

func main() {
	qwcPath := flag.String("qwc", "", "the .qwc file of the application")
	items := flag.Int("items", 200, "Service items in the company file (and a tenth as many Other Charge items)")
	every := flag.Duration("every", 0, "time between sessions (the .qwc's schedule when 0)")
	sessions := flag.Int("sessions", 0, "stop after this many sessions (0: run until interrupted)")
	retainage := flag.Bool("retainage", true, "the company file has a Retainage Payable item")
	control := flag.String("control", "", "a loopback address to change QuickBooks' faults at while it runs (PUT /quickbooks)")
	flag.Parse()
	data, err := os.ReadFile(*qwcPath)
	if err != nil {
		log.Fatalf("qbwcemu: the .qwc file: %v", err)
	}
	password, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && password == "" {
		log.Fatal("qbwcemu: no password on standard input")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	// Added as the Web Connector adds it: refused as it refuses.
	qb := qbwcemu.NewQuickBooks(generated(*items, *retainage))
	wc, app, err := qbwcemu.Add(ctx, data, strings.TrimRight(password, "\r\n"), qb, nil)
	if err != nil {
		log.Fatalf("qbwcemu: %v", err)
	}
	if *control != "" {
		if err := serveControl(*control, qb); err != nil {
			log.Fatalf("qbwcemu: -control: %v", err)
		}
	}
	if *every == 0 {
		*every = max(time.Minute, app.Every)
	}
	for n := 1; *sessions == 0 || n <= *sessions; n++ {
		s, err := wc.RunSession(ctx)
		log.Printf("session %d: %d requests, progress %v, last error %q, closed %q, err %v", n, s.Requests, s.Percents, s.LastError, s.Closed, err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(*every):
		}
	}
}

// generated is a contractor's items: cost codes by division, with every
// seventh inactive, some other charges, and a retainage item if asked.
func generated(n int, retainage bool) []qbwcemu.Item {
	var out []qbwcemu.Item
	for i := range n {
		name := fmt.Sprintf("%02d.%02d Cost code", i/100, i%100)
		full := fmt.Sprintf("%02d Division:%s", i/100, name)
		if i%100 == 0 { // each division is an item, its cost codes its sub-items
			name, full = fmt.Sprintf("%02d Division", i/100), fmt.Sprintf("%02d Division", i/100)
		}
		out = append(out, qbwcemu.Item{Kind: "Service", ListID: fmt.Sprintf("8%07X-1468535148", i+1), Name: name,
			FullName: full, IsActive: i%7 != 3 || i%100 == 0, EditSequence: "1468535148"})
	}
	for i := range max(1, n/10) {
		out = append(out, qbwcemu.Item{Kind: "OtherCharge", ListID: fmt.Sprintf("9%07X-1468535148", i+1), Name: fmt.Sprintf("Charge %d", i),
			FullName: fmt.Sprintf("Charge %d", i), IsActive: true, EditSequence: "1"})
	}
	if !retainage {
		return out
	}
	return append(out, qbwcemu.Item{Kind: "Service", ListID: "80000000-1468535148", Name: "Retainage Payable", FullName: "Retainage Payable",
		IsActive: true, EditSequence: "1"})
}

// serveControl serves QuickBooks' state at addr, which must be a loopback
// address: whoever reaches it can make QuickBooks fail.
func serveControl(addr string, qb *qbwcemu.QuickBooks) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", addr)
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	log.Printf("control http://%s", l.Addr())
	srv := &http.Server{Handler: qbwcemu.ControlHandler(qb), ReadHeaderTimeout: 5 * time.Second}
	go func() { log.Printf("control: %v", srv.Serve(l)) }()
	return nil
}
