// Command qbwcemu is the QuickBooks Web Connector and QuickBooks Desktop
// emulated (package internal/qbwcemu), for trying the QuickBooks service
// by hand and in demos: it adds the application of a .qwc file, takes its
// password on standard input, and runs sessions on the .qwc's schedule (or
// -every), with a company file of generated items.
//
//	echo "$PASSWORD" | go run ./internal/cmd/qbwcemu -qwc summit.qwc [-items 200] [-retainage=false] [-every 5s] [-sessions N]
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"log"
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
	wc, app, err := qbwcemu.Add(ctx, data, strings.TrimRight(password, "\r\n"), qbwcemu.NewQuickBooks(generated(*items, *retainage)), nil)
	if err != nil {
		log.Fatalf("qbwcemu: %v", err)
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
