package qbwcemu

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const intuitNS = "http://developer.intuit.com/"

// WebConnector is the QuickBooks Web Connector, with one application
// added from its .qwc file, and the password its user typed.
type WebConnector struct {
	AppURL   string
	UserName string
	Password string
	OwnerID  string
	FileID   string
	// Version is the Web Connector's (2.3.0.215 when "").
	Version    string
	QuickBooks *QuickBooks
	HTTP       *http.Client
}

// Session is what a session did, as the Web Connector logs it.
type Session struct {
	ServerVersion string
	Auth          []string
	// Requests counts the requests handed to QuickBooks; Percents are
	// receiveResponseXML's answers.
	Requests  int
	Percents  []int
	LastError string // getLastError's answer, when it was asked
	Closed    string // closeConnection's answer
	// ConnectionErrors are connectionError's answers.
	ConnectionErrors []string
}

// maxExchanges bounds a session, so that a service that never answers 100
// fails a test instead of hanging it.
const maxExchanges = 100_000

// RunSession runs one scheduled update, as the Web Connector does.
func (wc *WebConnector) RunSession(ctx context.Context) (Session, error) {
	var s Session
	var err error
	if s.ServerVersion, err = wc.callString(ctx, "serverVersion"); err != nil {
		return s, err
	}
	version := wc.Version
	if version == "" {
		version = "2.3.0.215"
	}
	verdict, err := wc.callString(ctx, "clientVersion", "strVersion", version)
	if err != nil || strings.HasPrefix(verdict, "E:") || strings.HasPrefix(verdict, "O:") {
		return s, firstErr(err, fmt.Errorf("the service refused this Web Connector: %s", verdict))
	}
	if s.Auth, err = wc.callStrings(ctx, "authenticate", "strUserName", wc.UserName, "strPassword", wc.Password); err != nil {
		return s, err
	}
	if len(s.Auth) < 2 {
		return s, fmt.Errorf("QBWC1012: Authentication failed: authenticate answered %d strings", len(s.Auth))
	}
	ticket, status := s.Auth[0], s.Auth[1]
	if status == "nvu" || status == "none" || status == "busy" {
		s.Closed, err = wc.callString(ctx, "closeConnection", "ticket", ticket)
		return s, err
	}
	if hresult := wc.QuickBooks.open(wc.OwnerID, wc.FileID); hresult != "" {
		answer, err := wc.callString(ctx, "connectionError", "ticket", ticket, "hresult", hresult, "message", Message(hresult))
		s.ConnectionErrors = append(s.ConnectionErrors, answer)
		if err != nil {
			return s, err
		}
		s.Closed, err = wc.callString(ctx, "closeConnection", "ticket", ticket)
		return s, err
	}
	defer wc.QuickBooks.closeSession()
	return s, wc.exchange(ctx, ticket, &s)
}

// exchange hands the service's requests to QuickBooks and its answers back
// until the service says 100, or fails.
func (wc *WebConnector) exchange(ctx context.Context, ticket string, s *Session) error {
	qb := wc.QuickBooks
	hcp := wc.hcpResponse()
	for range maxExchanges {
		req, err := wc.callString(ctx, "sendRequestXML", "ticket", ticket, "strHCPResponse", hcp,
			"strCompanyFileName", qb.CompanyFile, "qbXMLCountry", qb.Country, "qbXMLMajorVers", "13", "qbXMLMinorVers", "0")
		if err != nil {
			return err
		}
		hcp = ""
		if req == "" || req == "NoOp" {
			return wc.lastError(ctx, ticket, s)
		}
		s.Requests++
		response, hresult, message := qb.Process(req)
		qb.mu.Lock()
		slow := qb.Slowness
		qb.mu.Unlock()
		time.Sleep(slow)
		percent, err := wc.callInt(ctx, "receiveResponseXML", "ticket", ticket, "response", response, "hresult", hresult, "message", message)
		if err != nil {
			return err
		}
		s.Percents = append(s.Percents, percent)
		switch {
		case percent < 0:
			return wc.lastError(ctx, ticket, s)
		case percent >= 100:
			s.Closed, err = wc.callString(ctx, "closeConnection", "ticket", ticket)
			return err
		}
	}
	return fmt.Errorf("the service asked for more than %d exchanges in one session", maxExchanges)
}

func (wc *WebConnector) lastError(ctx context.Context, ticket string, s *Session) error {
	var err error
	if s.LastError, err = wc.callString(ctx, "getLastError", "ticket", ticket); err != nil {
		return err
	}
	s.Closed, err = wc.callString(ctx, "closeConnection", "ticket", ticket)
	return err
}

// Call posts one call of the Web Connector's, as it posts them, with its
// parameters (name, value pairs), and returns its answer's text and
// strings: for tests that play a Web Connector that lies, replays or
// keeps an old ticket alive.
func (wc *WebConnector) Call(ctx context.Context, op string, params ...string) (text string, strings []string, err error) {
	r, err := wc.call(ctx, op, params...)
	return r.Text, r.Strings, err
}

// HCPResponse is what wc sends on a session's first sendRequestXML, for
// tests that call the service without HTTP.
func HCPResponse(wc *WebConnector) string { return wc.hcpResponse() }

// hcpResponse is QuickBooks' answers to HostQuery, CompanyQuery (with the
// application's OwnerID) and PreferencesQuery, as the Web Connector sends
// them on a session's first sendRequestXML.
func (wc *WebConnector) hcpResponse() string {
	qb := wc.QuickBooks
	qb.mu.Lock()
	defer qb.mu.Unlock()
	return "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n" +
		element("HostQueryRs", "0", statusOK, nil, qb.hostRet()) + "\n" +
		element("CompanyQueryRs", "1", statusOK, nil, qb.companyRet([]string{wc.OwnerID})) + "\n" +
		element("PreferencesQueryRs", "2", statusOK, nil,
			"<PreferencesRet><AccountingPreferences><IsUsingAccountNumbers>false</IsUsingAccountNumbers><IsRequiringAccounts>true</IsRequiringAccounts>"+
				"<IsUsingClassTracking>false</IsUsingClassTracking><IsUsingAuditTrail>true</IsUsingAuditTrail>"+
				"<IsAssigningJournalEntryNumbers>true</IsAssigningJournalEntryNumbers></AccountingPreferences>"+
				fmt.Sprintf("<JobsAndEstimatesPreferences><IsUsingEstimates>%t</IsUsingEstimates><IsUsingProgressInvoicing>false</IsUsingProgressInvoicing>"+
					"<IsPrintingItemsWithZeroAmounts>false</IsPrintingItemsWithZeroAmounts></JobsAndEstimatesPreferences>", !qb.EstimatesOff)+
				fmt.Sprintf("<PurchasesAndVendorsPreferences><IsUsingInventory>%t</IsUsingInventory><DaysBillsAreDue>10</DaysBillsAreDue>"+
					"<IsAutomaticallyUsingDiscounts>false</IsAutomaticallyUsingDiscounts></PurchasesAndVendorsPreferences>", !qb.InventoryOff)+
				"</PreferencesRet>") +
		"\n</QBXMLMsgsRs>\n</QBXML>\n"
}

// call posts an operation with its parameters (name, value pairs) as the
// Web Connector does, and returns the answer's Result element.
func (wc *WebConnector) call(ctx context.Context, op string, params ...string) (result, error) {
	var body bytes.Buffer
	body.WriteString(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>`)
	fmt.Fprintf(&body, `<%s xmlns="%s">`, op, intuitNS)
	for i := 0; i+1 < len(params); i += 2 {
		fmt.Fprintf(&body, "<%s>%s</%s>", params[i], esc(params[i+1]), params[i])
	}
	fmt.Fprintf(&body, "</%s></soap:Body></soap:Envelope>", op)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, wc.AppURL, &body)
	if err != nil {
		return result{}, err
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	req.Header.Set("SOAPAction", `"`+intuitNS+op+`"`)
	client := wc.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return result{}, fmt.Errorf("%s: %w", op, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	if err != nil {
		return result{}, fmt.Errorf("%s: %w", op, err)
	}
	if resp.StatusCode != http.StatusOK {
		return result{}, fmt.Errorf("%s: HTTP %d: %.300s", op, resp.StatusCode, data)
	}
	return readResult(op, data)
}

// result is an answer's Result element.
type result struct {
	Text    string   `xml:",chardata"`
	Strings []string `xml:"http://developer.intuit.com/ string"`
}

func readResult(op string, data []byte) (result, error) {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return result{}, fmt.Errorf("%s: the answer has no XML declaration", op)
	}
	var env struct {
		Body struct {
			Response struct {
				XMLName xml.Name
				Result  struct {
					XMLName xml.Name
					result
				} `xml:",any"`
			} `xml:",any"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
	}
	if err := xml.Unmarshal(data, &env); err != nil {
		return result{}, fmt.Errorf("%s: QBWC1042: the answer is not well-formed XML: %w", op, err)
	}
	r := env.Body.Response
	if r.XMLName != (xml.Name{Space: intuitNS, Local: op + "Response"}) || r.Result.XMLName != (xml.Name{Space: intuitNS, Local: op + "Result"}) {
		return result{}, fmt.Errorf("%s: answered %v/%v, not %sResponse/%sResult in %s", op, r.XMLName, r.Result.XMLName, op, op, intuitNS)
	}
	return r.Result.result, nil
}

func (wc *WebConnector) callString(ctx context.Context, op string, params ...string) (string, error) {
	r, err := wc.call(ctx, op, params...)
	return r.Text, err
}

func (wc *WebConnector) callStrings(ctx context.Context, op string, params ...string) ([]string, error) {
	r, err := wc.call(ctx, op, params...)
	return r.Strings, err
}

func (wc *WebConnector) callInt(ctx context.Context, op string, params ...string) (int, error) {
	r, err := wc.call(ctx, op, params...)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(r.Text))
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a whole number", op, r.Text)
	}
	return n, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
