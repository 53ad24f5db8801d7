// Package qbwc is the QuickBooks Web Connector's side of the QuickBooks
// service: the SOAP 1.1 web service (document/literal, namespace
// http://developer.intuit.com/) that the Web Connector calls on a
// schedule, asking for qbXML requests and handing back QuickBooks'
// responses. It decodes each call, hands it to a Handler, and encodes the
// answer with Intuit's element names, as Intuit's published WSDL says
// (wsdl.xml, checked against Intuit's in the tests). What the calls mean
// is the Handler's: this package knows the protocol, not the work.
//
// A Web Connector session: serverVersion, clientVersion, authenticate
// (a ticket, and which company file to open), then sendRequestXML and
// receiveResponseXML in turn until receiveResponseXML answers 100, then
// closeConnection. connectionError replaces the loop when QuickBooks
// cannot be opened; getLastError follows an empty request or a negative
// percentage.
package qbwc

import "context"

// Namespace is the Web Connector's: every element of every call and
// answer is in it.
const Namespace = "http://developer.intuit.com/"

// Handler answers the Web Connector's calls. Every method must answer:
// the Web Connector takes anything but its answer (a fault, an HTML page,
// an empty body) for a broken service.
type Handler interface {
	// ServerVersion is shown in the Web Connector's "more information".
	ServerVersion(ctx context.Context) string
	// ClientVersion judges the Web Connector's version: "" to go on,
	// "W:text" to warn, "E:text" to stop, "O:version" to ask for that
	// version or later.
	ClientVersion(ctx context.Context, version string) string
	Authenticate(ctx context.Context, user, password string) Auth
	// SendRequestXML returns the next qbXML request, or "" when there is
	// none (the Web Connector then asks GetLastError), or NoOp to have it
	// wait and ask again.
	SendRequestXML(ctx context.Context, r RequestCall) string
	// ReceiveResponseXML takes QuickBooks' response (or the HRESULT of its
	// failure) and returns the percentage done: 0 to 99 for more, 100 when
	// done, negative for a failure (GetLastError then says what).
	ReceiveResponseXML(ctx context.Context, r ResponseCall) int
	// ConnectionError hears that QuickBooks could not be opened, and
	// returns Done, or a company file path to try instead.
	ConnectionError(ctx context.Context, ticket, hresult, message string) string
	GetLastError(ctx context.Context, ticket string) string
	// CloseConnection ends the session; its text is shown to the user.
	CloseConnection(ctx context.Context, ticket string) string
}

// Auth is authenticate's answer: a ticket for the session, and what the
// Web Connector is to do (Status).
type Auth struct {
	Ticket string
	// Status is AuthOpenFile (the file open in QuickBooks), a company
	// file's full path, AuthNoWork, AuthInvalidUser or AuthBusy.
	Status string
	// PostponeSeconds, when not 0, has the Web Connector wait that long
	// before the update; MinRunEverySeconds, when not 0, is the shortest
	// interval its scheduler may use. Both need Auto-Run.
	PostponeSeconds    int
	MinRunEverySeconds int
}

// authenticate's second string.
const (
	AuthOpenFile    = ""     // use the company file open in QuickBooks
	AuthNoWork      = "none" // a valid user with nothing to do
	AuthInvalidUser = "nvu"  // not a valid user name and password
	AuthBusy        = "busy" // the service is busy: try later
)

// Answers with a meaning of their own.
const (
	// NoOp, from SendRequestXML and then GetLastError, has the Web
	// Connector wait five seconds and ask for a request again.
	NoOp = "NoOp"
	// Done, from ConnectionError, stops the session.
	Done = "done"
)

// RequestCall is sendRequestXML: the session's ticket and what the Web
// Connector knows of QuickBooks. HCPResponse holds QuickBooks' answers to
// HostQuery, CompanyQuery and PreferencesQuery on the session's first
// call only ("" after).
type RequestCall struct {
	Ticket          string
	HCPResponse     string
	CompanyFileName string
	Country         string
	// QBXMLMajor and QBXMLMinor are the highest qbXML version QuickBooks'
	// request processor speaks.
	QBXMLMajor, QBXMLMinor int
}

// ResponseCall is receiveResponseXML: QuickBooks' qbXML response, or,
// when QuickBooks failed to process the request, its HRESULT (for example
// 0x80040400) and message, with Response empty.
type ResponseCall struct {
	Ticket   string
	Response string
	HResult  string
	Message  string
}
