// Package server puts the QuickBooks service's parts on one HTTP handler:
// the app's contract under /v1/, the Web Connector's SOAP endpoint at
// /qbwc, and the AppSupport page the Web Connector requires at /support.
// It answers only requests addressed to itself: a web page whose own name
// was made to point at this computer (DNS rebinding) cannot reach it; and
// none a web page made (notFromWebPages).
package server

import (
	"io"
	"log/slog"
	"net/http"
	"time"

	"qbsettings/qbservice/accounts"
	"qbsettings/qbservice/api"
	"qbsettings/qbservice/connector"
	"qbsettings/qbservice/erp"
	"qbsettings/qbservice/qbwc"
	"qbsettings/qbservice/servicedb"
)

// Config is what the service needs.
type Config struct {
	DB      *servicedb.DB
	Version string
	// OwnerID is the product's, as in its .qwc files.
	OwnerID string
	Log     *slog.Logger
	// Hosts are the names it answers to besides localhost and the loopback
	// addresses (the computer's name, when it listens beyond loopback).
	Hosts []string
	// Now and PageSize, when set, are the clock and the items asked of
	// QuickBooks at a time.
	Now      func() time.Time
	PageSize int
	// Quiet is how long the Web Connector may go without calling before
	// health says QuickBooks is out of reach (api.Config's).
	Quiet time.Duration
	// Procore is the service's Procore connection; nil: none offered.
	Procore *erp.Connection
	// WrapAPI, when set, wraps the contract's handler (the tests' contract
	// check).
	WrapAPI func(http.Handler) http.Handler
}

// New is the service's handler.
func New(cfg Config) http.Handler {
	acct := accounts.New(cfg.DB)
	if cfg.Now != nil {
		acct.WithClock(cfg.Now)
	}
	var contract http.Handler = api.New(api.Config{DB: cfg.DB, Accounts: acct, Version: cfg.Version, Log: cfg.Log, Now: cfg.Now, Quiet: cfg.Quiet, Procore: cfg.Procore})
	if cfg.WrapAPI != nil {
		contract = cfg.WrapAPI(contract)
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/", contract)
	qb := connector.Config{DB: cfg.DB, Accounts: acct, OwnerID: cfg.OwnerID, Version: cfg.Version, Log: cfg.Log, PageSize: cfg.PageSize, Now: cfg.Now}
	if cfg.Procore != nil {
		qb.ERPJobEnded = cfg.Procore.Nudge
	}
	mux.Handle("/qbwc", qbwc.NewServer(connector.New(qb), cfg.Log))
	mux.HandleFunc("/support", support)
	if cfg.Procore != nil {
		mux.Handle(erp.ReceiverPath, cfg.Procore.Receiver())
	}
	return onlyFor(cfg.Hosts, cfg.Log, notFromWebPages(cfg.Log, mux))
}

// support is the AppSupport page: the Web Connector refuses a .qwc file
// whose page does not answer 200.
func support(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, "The QuickBooks service of QuickBooks Integration Settings runs here. Open QuickBooks Integration Settings on this computer for help.\n")
}
