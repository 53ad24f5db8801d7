package qbwcemu

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// MaxQWCBytes bounds a .qwc file: a real one is under a kilobyte.
const MaxQWCBytes = 64 << 10

// Application is an application as the Web Connector adds it from its
// .qwc file.
type Application struct {
	AppName    string
	AppURL     string
	AppSupport string
	UserName   string
	OwnerID    string
	FileID     string
	QBType     string
	// Every is the Scheduler's period (0: no Auto-Run schedule).
	Every time.Duration
}

// QWCError is the Web Connector's refusal of a .qwc file.
type QWCError struct{ Reason string }

func (e *QWCError) Error() string { return "the Web Connector refuses the .qwc file: " + e.Reason }

func refuse(format string, args ...any) error { return &QWCError{Reason: fmt.Sprintf(format, args...)} }

var guidPattern = regexp.MustCompile(`^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$`)

// ReadQWC reads a .qwc file as the Web Connector does when it adds an
// application, refusing what it refuses: a document that is not a
// QBWCXML, a missing element, AppURL at an IP address or over http
// anywhere but localhost, AppSupport on another host, an OwnerID or FileID
// that is not a GUID, a QBType other than QBFS or QBPOS. (That AppSupport
// answers is checked by Add, which calls it.)
func ReadQWC(data []byte) (Application, error) {
	if len(data) > MaxQWCBytes {
		return Application{}, refuse("the file is larger than %d bytes", MaxQWCBytes)
	}
	var doc struct {
		XMLName    xml.Name `xml:"QBWCXML"`
		AppName    string   `xml:"AppName"`
		AppURL     string   `xml:"AppURL"`
		AppSupport string   `xml:"AppSupport"`
		UserName   string   `xml:"UserName"`
		OwnerID    string   `xml:"OwnerID"`
		FileID     string   `xml:"FileID"`
		QBType     string   `xml:"QBType"`
		Scheduler  *struct {
			Minutes int `xml:"RunEveryNMinutes"`
			Seconds int `xml:"RunEveryNSeconds"`
		} `xml:"Scheduler"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	// Entities beyond XML's own are not expanded (encoding/xml refuses
	// them), and no DTD is read.
	if err := dec.Decode(&doc); err != nil {
		return Application{}, refuse("it is not a QBWCXML document: %v", err)
	}
	app := Application{AppName: strings.TrimSpace(doc.AppName), AppURL: strings.TrimSpace(doc.AppURL), AppSupport: strings.TrimSpace(doc.AppSupport),
		UserName: strings.TrimSpace(doc.UserName), OwnerID: strings.TrimSpace(doc.OwnerID), FileID: strings.TrimSpace(doc.FileID), QBType: strings.TrimSpace(doc.QBType)}
	for name, v := range map[string]string{"AppName": app.AppName, "AppURL": app.AppURL, "AppSupport": app.AppSupport, "UserName": app.UserName} {
		if v == "" {
			return Application{}, refuse("%s is missing", name)
		}
	}
	appURL, err := url.Parse(app.AppURL)
	if err != nil || appURL.Host == "" {
		return Application{}, refuse("AppURL %q is not an address", app.AppURL)
	}
	switch host := appURL.Hostname(); {
	case net.ParseIP(host) != nil:
		return Application{}, refuse("AppURL %q names an IP address: the Web Connector wants a host name", app.AppURL)
	case appURL.Scheme == "http" && !strings.EqualFold(host, "localhost"):
		return Application{}, refuse("AppURL %q uses http: only https is taken, except for localhost", app.AppURL)
	case appURL.Scheme != "http" && appURL.Scheme != "https":
		return Application{}, refuse("AppURL %q is neither https nor http", app.AppURL)
	}
	support, err := url.Parse(app.AppSupport)
	if err != nil || (support.Scheme != "http" && support.Scheme != "https") || !strings.EqualFold(support.Hostname(), appURL.Hostname()) {
		return Application{}, refuse("AppSupport %q is not on AppURL's host", app.AppSupport)
	}
	if !guidPattern.MatchString(app.OwnerID) || !guidPattern.MatchString(app.FileID) {
		return Application{}, refuse("OwnerID %q and FileID %q must be GUIDs in braces", app.OwnerID, app.FileID)
	}
	if app.QBType != "QBFS" && app.QBType != "QBPOS" {
		return Application{}, refuse("QBType %q is neither QBFS nor QBPOS", app.QBType)
	}
	if s := doc.Scheduler; s != nil {
		switch {
		case s.Minutes > 0:
			app.Every = time.Duration(s.Minutes) * time.Minute
		case s.Seconds > 0:
			app.Every = time.Duration(s.Seconds) * time.Second
		default:
			return Application{}, refuse("the Scheduler has no period")
		}
	}
	return app, nil
}

// Add adds the application of a .qwc file to a Web Connector in front of
// qb, with the password its user types, after calling its AppSupport page,
// which must answer 200.
func Add(ctx context.Context, data []byte, password string, qb *QuickBooks, client *http.Client) (*WebConnector, Application, error) {
	app, err := ReadQWC(data)
	if err != nil {
		return nil, app, err
	}
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, app.AppSupport, nil)
	if err != nil {
		return nil, app, refuse("AppSupport %q: %v", app.AppSupport, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, app, refuse("AppSupport %q does not answer: %v", app.AppSupport, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, app, refuse("AppSupport %q answered %d, not 200", app.AppSupport, resp.StatusCode)
	}
	wc := &WebConnector{AppURL: app.AppURL, UserName: app.UserName, Password: password, OwnerID: app.OwnerID, FileID: app.FileID,
		QuickBooks: qb, HTTP: client}
	return wc, app, nil
}

// IsRefused tells whether err is the Web Connector's refusal of a file.
func IsRefused(err error) bool {
	var qe *QWCError
	return errors.As(err, &qe)
}
