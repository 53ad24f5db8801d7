// Package localstatus is the shape of `qbservice status -json`: where the
// QuickBooks service on this computer stands, as the app's `service status`
// reads it. Types only, so that the app does not link the service.
package localstatus

import "time"

// Status is the service's process, the Web Connector's last call and what
// it learned, and the work waiting for QuickBooks.
type Status struct {
	// Running: a service holds the data folder now (PID is its process).
	Running bool `json:"running"`
	PID     int  `json:"pid,omitempty"`
	// LastCall is when the Web Connector last called; nil when it never has.
	LastCall *time.Time `json:"lastCall"`
	// SignInRefusedAt is when the Web Connector was last turned away at
	// sign-in, when that was after LastCall: the password typed in it is
	// not the account's.
	SignInRefusedAt *time.Time `json:"signInRefusedAt,omitempty"`
	// What that session found: the company file QuickBooks had open, the
	// product, and QuickBooks' last failure (an HRESULT and its message).
	CompanyFile    string `json:"companyFile,omitempty"`
	Product        string `json:"product,omitempty"`
	QuickBooksOpen bool   `json:"quickbooksOpen"`
	HResult        string `json:"hresult,omitempty"`
	Message        string `json:"message,omitempty"`
	// Queue is the work queued or running, oldest first.
	Queue []Job `json:"queue"`
}

// Job is one piece of work waiting for, or with, QuickBooks.
type Job struct {
	ID       string    `json:"id"`
	Kind     string    `json:"kind"`  // refresh or create
	State    string    `json:"state"` // queued or running
	QueuedAt time.Time `json:"queuedAt"`
	Attempts int       `json:"attempts"`
	// HResult is why QuickBooks held it back last, if it did.
	HResult string `json:"hresult,omitempty"`
}
