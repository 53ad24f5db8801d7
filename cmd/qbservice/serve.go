package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"qbsettings/backend/logging"
	"qbsettings/backend/secrets"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/instance"
	"qbsettings/qbservice/qwc"
	"qbsettings/qbservice/server"
)

// LogFileName is the service's log in its data folder: started at logon,
// it has no console to print to.
const LogFileName = "qbservice.log"

func serve(args []string, stderr io.Writer) error {
	addr, data, hosts := qwc.DefaultAddr, defaultDataDir(), ""
	quiet, poll, publicURL := 5*time.Minute, 30*time.Second, ""
	rest, err := flags("serve", args, func(fs *flag.FlagSet) {
		fs.StringVar(&publicURL, "public-url", "", "the https address at which IT exposes the service to Procore's webhooks (it is polled for them anyway)")
		fs.DurationVar(&poll, "poll", poll, "how often Procore's deliveries are read")
		fs.DurationVar(&quiet, "quiet", quiet, "how long the Web Connector may go without calling before health says QuickBooks is out of reach (its schedule, with room)")
		fs.StringVar(&addr, "addr", addr, "the address to listen at")
		fs.StringVar(&hosts, "hosts", "", "other names it answers to, comma-separated (its computer's name, when it listens beyond this computer)")
		fs.StringVar(&data, "data", data, "the data folder")
	})
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return &usageError{"serve takes no arguments"}
	}
	if quiet < time.Second {
		return &usageError{"-quiet must be at least 1s"}
	}
	if poll < time.Second {
		return &usageError{"-poll must be at least 1s"}
	}
	publicHost, err := publicAddress(publicURL)
	if err != nil {
		return err
	}
	if err := makeDataDir(data); err != nil {
		return err
	}
	// One service to a data folder: a second start at logon, or a
	// developer's beside the installed one, stops here.
	hold, err := instance.Acquire(data)
	var running *instance.RunningError
	if errors.As(err, &running) {
		return fmt.Errorf("the QuickBooks service is already running with the data folder %s (process %d); to stop it: qbservice stop -data %q", data, running.PID, data)
	}
	if err != nil {
		return err
	}
	defer func() { _ = hold.Release() }() // the process's end releases it anyway
	file, err := logging.OpenFile(filepath.Join(data, LogFileName), logging.DefaultMaxBytes)
	if err != nil {
		return fmt.Errorf("the log could not be opened: %w", err)
	}
	defer file.Close()
	// The file first: a program started at logon has no working stderr.
	log := slog.New(slog.NewTextHandler(io.MultiWriter(file, stderr), nil))
	db, err := openDB(data)
	if err != nil {
		return err
	}
	defer db.Close()
	// Holding the data folder: what a stopped service left under way is
	// queued again.
	if err := db.Started(context.Background(), time.Now()); err != nil {
		return fmt.Errorf("the database could not be made ready: %w", err)
	}
	// It answers to the name it listens at, besides localhost.
	names := append(strings.Split(hosts, ","), addr)
	if publicHost != "" {
		names = append(names, publicHost) // Procore's deliveries, through IT's relay
	}
	procore := &erp.Connection{DB: db, Keychain: erp.LazyKeychain(secrets.Open), Log: log}
	work, stopWork := context.WithCancel(context.Background())
	defer stopWork()
	go procore.Run(work, poll, publicURL)
	handler := server.New(server.Config{DB: db, Version: version, OwnerID: qwc.OwnerID, Log: log, Hosts: names, Quiet: quiet, Procore: procore})
	srv := &http.Server{Addr: addr, Handler: handler, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute,
		WriteTimeout: time.Minute, IdleTimeout: 2 * time.Minute}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.ListenAndServe() }()
	log.Info("serving", "addr", addr, "data", data, "version", version, "pid", os.Getpid())
	select {
	case err := <-done:
		log.Error("could not serve", "addr", addr, "err", err)
		return fmt.Errorf("could not serve at %s: %w", addr, err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	log.Info("stopping")
	return srv.Shutdown(shutdown)
}

// publicAddress checks -public-url: Procore delivers to https only
// (plan_your_app/webhooks.md); its host is one the service answers to.
func publicAddress(publicURL string) (string, error) {
	if publicURL == "" {
		return "", nil
	}
	u, err := url.Parse(publicURL)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", &usageError{"-public-url must be an https address, such as https://qb.example.com" + erp.ReceiverPath}
	}
	return u.Host, nil
}
