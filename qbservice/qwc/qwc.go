// Package qwc writes the .qwc file that adds the QuickBooks service to the
// QuickBooks Web Connector: one for each company file, as Intuit's
// Programmer's Guide describes it (chapter 4). The Web Connector takes
// http only for localhost, and never an IP address; AppSupport must be on
// the AppURL's host; OwnerID is fixed for the product and FileID tells one
// company file from another (the Web Connector stores it in the file).
package qwc

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"net/url"
	"regexp"
	"strings"

	"qbsettings/backend/settings"
)

// OwnerID is the product's: the Web Connector keeps each company file's
// FileID under it. It never changes.
const OwnerID = "{6C9E4A1B-2F7D-4E3A-9B85-1D0C7F6E2A94}"

// DefaultAddr is where the service listens unless told: this computer
// only, where the Web Connector and the app run. The installed service
// listens there, and the app sets it up there.
const DefaultAddr = "localhost:8780"

// Paths of the service's Web Connector endpoint and AppSupport page.
const (
	EndpointPath = "/qbwc"
	SupportPath  = "/support"
)

// ProductName is the application's name in the Web Connector's list, before
// the company's when there is one.
const ProductName = "QuickBooks Integration Settings"

// ForService is the entry of the service at base (its address without a
// path, as the app's Service URL is) for the account user and the company
// file fileID: the endpoint, the AppSupport page beside it, the Web
// Connector calling every minute when Auto-Run is ticked.
func ForService(base, user, fileID, name string) File {
	base = strings.TrimRight(base, "/")
	return File{AppName: name, AppURL: base + EndpointPath, AppSupport: base + SupportPath, UserName: user, FileID: fileID,
		AppDescription: "Carries data between QuickBooks and Procore for " + ProductName + ".", RunEveryMinutes: 1}
}

// File is one application entry of the Web Connector.
type File struct {
	AppName        string
	AppURL         string
	AppDescription string
	AppSupport     string
	UserName       string
	FileID         string
	// RunEveryMinutes is the Web Connector's schedule (Auto-Run).
	RunEveryMinutes int
}

var guid = regexp.MustCompile(`^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$`)

// Problems with a File.
var (
	ErrAppName  = errors.New("the application's name is empty or has a hidden character")
	ErrAppURL   = errors.New("the address must be https://, or http://localhost, with a host name, not an IP address")
	ErrSupport  = errors.New("the support address must be on the same host as the address")
	ErrUserName = errors.New("the user name is empty or has a hidden character")
	ErrFileID   = errors.New("the FileID must be a GUID in braces")
	ErrSchedule = errors.New("the schedule must be at least one minute")
)

// IsFileID tells whether id is a FileID: a GUID in braces.
func IsFileID(id string) bool { return guid.MatchString(id) }

// NewFileID is a new company file's FileID: a random GUID in braces.
func NewFileID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)                         // crypto/rand does not fail
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80 // version 4, RFC 4122 variant
	h := strings.ToUpper(hex.EncodeToString(b))
	return "{" + h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:] + "}"
}

// Check says what in f the Web Connector would refuse, or nil.
func (f File) Check() error {
	app, err := url.Parse(f.AppURL)
	switch {
	case !text(f.AppName):
		return ErrAppName
	case err != nil || !acceptedAddress(app):
		return ErrAppURL
	}
	support, err := url.Parse(f.AppSupport)
	switch {
	case err != nil || (support.Scheme != "http" && support.Scheme != "https") || !strings.EqualFold(support.Hostname(), app.Hostname()):
		return ErrSupport
	case !text(f.UserName):
		return ErrUserName
	case !guid.MatchString(f.FileID):
		return ErrFileID
	case f.RunEveryMinutes < 1:
		return ErrSchedule
	}
	return nil
}

// acceptedAddress: https with a host name, or http on localhost.
func acceptedAddress(u *url.URL) bool {
	host := u.Hostname()
	if host == "" || net.ParseIP(host) != nil || u.User != nil {
		return false
	}
	return u.Scheme == "https" || u.Scheme == "http" && strings.EqualFold(host, "localhost")
}

func text(s string) bool { return strings.TrimSpace(s) != "" && !settings.HasHiddenCharacter(s) }

// qbwcxml is the file's XML, in the order of the guide's listing.
type qbwcxml struct {
	XMLName        xml.Name `xml:"QBWCXML"`
	AppName        string   `xml:"AppName"`
	AppID          string   `xml:"AppID"`
	AppURL         string   `xml:"AppURL"`
	AppDescription string   `xml:"AppDescription"`
	AppSupport     string   `xml:"AppSupport"`
	UserName       string   `xml:"UserName"`
	OwnerID        string   `xml:"OwnerID"`
	FileID         string   `xml:"FileID"`
	QBType         string   `xml:"QBType"`
	IsReadOnly     bool     `xml:"IsReadOnly"`
	Scheduler      struct {
		RunEveryNMinutes int `xml:"RunEveryNMinutes"`
	} `xml:"Scheduler"`
}

// Encode writes f as a .qwc file, after Check.
func (f File) Encode() ([]byte, error) {
	if err := f.Check(); err != nil {
		return nil, err
	}
	x := qbwcxml{AppName: f.AppName, AppURL: f.AppURL, AppDescription: f.AppDescription, AppSupport: f.AppSupport,
		UserName: f.UserName, OwnerID: OwnerID, FileID: strings.ToUpper(f.FileID), QBType: "QBFS"}
	x.Scheduler.RunEveryNMinutes = f.RunEveryMinutes
	out, err := xml.MarshalIndent(x, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("qwc: %w", err)
	}
	return append([]byte("<?xml version=\"1.0\"?>\n"), append(out, '\n')...), nil
}
