// qbsim runs the project's QuickBooks service simulator: the service
// contract over plain HTTP and over HTTPS with a self-signed certificate, for
// demos, manual testing and the end-to-end tests.
//
//	qbsim [-addr 127.0.0.1:8765] [-tls-addr 127.0.0.1:8766] [-user demo] [-password demo-password]
//	      [-items N] [-fault NAME] [-tls-dir DIR] [-contract docs/openapi.yaml]
//	qbsim -list-items [-items N]
//
// The fault can also be changed while it runs: PUT /_simulator/fault {"fault":"slow"}.
// With -contract, every exchange is checked against the contract and
// GET /_simulator/contract says what it did not allow.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"qbsettings/backend/quickbooks"
	"qbsettings/internal/simulator"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "qbsim:", err)
		os.Exit(1)
	}
}

func run() error {
	cacheDir, _ := os.UserCacheDir()
	var (
		addr      = flag.String("addr", "127.0.0.1:8765", "address for plain HTTP (empty: none)")
		tlsAddr   = flag.String("tls-addr", "127.0.0.1:8766", "address for HTTPS with a self-signed certificate (empty: none)")
		user      = flag.String("user", "demo", "service user")
		password  = flag.String("password", "demo-password", "service password")
		items     = flag.Int("items", 0, "serve this many generated items instead of the sample company's")
		fault     = flag.String("fault", "", fmt.Sprintf("start with this fault, one of %v", simulator.Faults))
		slowDelay = flag.Duration("slow-delay", 15*time.Second, "how long the slow fault waits")
		tlsDir    = flag.String("tls-dir", filepath.Join(cacheDir, "qbsettings-simulator"), "where the HTTPS certificate is kept across runs")
		list      = flag.Bool("list-items", false, "print the company file's items, one per line (ListID, tab, full name), and exit")
		checkWith = flag.String("contract", "", "check every exchange against this OpenAPI document (docs/openapi.yaml); GET /_simulator/contract reports what it did not allow")
	)
	flag.Parse()
	if *fault != "" && !slices.Contains(simulator.Faults, simulator.Fault(*fault)) {
		return fmt.Errorf("unknown fault %q; choose one of %v", *fault, simulator.Faults)
	}

	opts := simulator.Options{User: *user, Password: *password, SlowDelay: *slowDelay}
	if *items > 0 {
		opts.Items = simulator.GeneratedItems(*items)
	}
	if *list {
		if opts.Items == nil {
			opts.Items = simulator.SampleItems()
		}
		for _, it := range opts.Items {
			fmt.Printf("%s\t%s\n", it.ListID, it.FullName)
		}
		return nil
	}
	sim := simulator.New(opts)
	sim.SetFault(simulator.Fault(*fault))
	var handler http.Handler = sim
	if *checkWith != "" {
		checked, err := checkedAgainst(*checkWith, sim)
		if err != nil {
			return err
		}
		handler = checked
	}

	var servers []*http.Server
	errs := make(chan error, 2)
	serve := func(srv *http.Server, l net.Listener) {
		servers = append(servers, srv)
		go func() { errs <- srv.Serve(l) }()
	}
	fmt.Println("QuickBooks service simulator")
	if *addr != "" {
		l, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		serve(&http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}, l)
		fmt.Printf("  http://%s\n", l.Addr())
	}
	if *tlsAddr != "" {
		cert, err := simulator.LoadOrCreateCertificate(*tlsDir)
		if err != nil {
			return fmt.Errorf("certificate: %w", err)
		}
		l, err := net.Listen("tcp", *tlsAddr)
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
		serve(srv, tls.NewListener(l, &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}))
		fmt.Printf("  https://%s  (self-signed certificate, SHA-256 %s)\n", l.Addr(), quickbooks.Fingerprint(cert.Certificate[0]))
	}
	if len(servers) == 0 {
		return errors.New("nothing to serve: give -addr or -tls-addr")
	}
	fmt.Printf("  user %q, password %q; fault: %q\n", *user, *password, *fault)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	select {
	case err := <-errs:
		return err
	case <-stop:
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, srv := range servers {
		_ = srv.Shutdown(ctx) // stopping anyway: a connection cut short is fine
	}
	return nil
}
