package qbwc

import (
	"context"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// recorder is a Handler that keeps each call and answers with set values.
type recorder struct {
	calls   []any
	auth    Auth
	request string
	percent int
}

func (r *recorder) ServerVersion(context.Context) string {
	r.calls = append(r.calls, "serverVersion")
	return "1.0"
}
func (r *recorder) ClientVersion(_ context.Context, v string) string {
	r.calls = append(r.calls, "clientVersion "+v)
	return ""
}
func (r *recorder) Authenticate(_ context.Context, user, password string) Auth {
	r.calls = append(r.calls, "authenticate "+user+" "+password)
	return r.auth
}
func (r *recorder) SendRequestXML(_ context.Context, c RequestCall) string {
	r.calls = append(r.calls, c)
	return r.request
}
func (r *recorder) ReceiveResponseXML(_ context.Context, c ResponseCall) int {
	r.calls = append(r.calls, c)
	return r.percent
}
func (r *recorder) ConnectionError(_ context.Context, ticket, hresult, message string) string {
	r.calls = append(r.calls, "connectionError "+ticket+" "+hresult+" "+message)
	return Done
}
func (r *recorder) GetLastError(_ context.Context, ticket string) string {
	r.calls = append(r.calls, "getLastError "+ticket)
	return "the last error"
}
func (r *recorder) CloseConnection(_ context.Context, ticket string) string {
	r.calls = append(r.calls, "closeConnection "+ticket)
	return "OK"
}

func serve(h Handler) *httptest.Server {
	srv := httptest.NewServer(NewServer(h, slog.New(slog.DiscardHandler)))
	return srv
}

// post sends body as the Web Connector does, with the call's SOAPAction
// (none when action is "").
func post(t *testing.T, url, action, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/xml; charset=utf-8")
	if action != "" {
		req.Header.Set("SOAPAction", `"`+Namespace+action+`"`)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(data)
}

// answer is an answer's body element, read as any client reads it.
type answer struct {
	XMLName xml.Name
	Result  struct {
		XMLName xml.Name
		Text    string   `xml:",chardata"`
		Strings []string `xml:"http://developer.intuit.com/ string"`
	} `xml:",any"`
}

func readAnswer(t *testing.T, body string) answer {
	t.Helper()
	if !strings.HasPrefix(body, `<?xml version="1.0" encoding="utf-8"?>`) {
		t.Fatalf("the answer has no XML declaration: %.80s", body)
	}
	var env struct {
		Body struct {
			Answer answer `xml:",any"`
		} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
	}
	if err := xml.Unmarshal([]byte(body), &env); err != nil {
		t.Fatalf("the answer is not XML: %v\n%s", err, body)
	}
	return env.Body.Answer
}

// The calls the Web Connector sends reach the Handler with their values,
// and each answer is its call's Response and Result, in the Web
// Connector's namespace.
func TestRecordedCallsReachTheHandler(t *testing.T) {
	for _, tc := range []struct {
		file, op string
		want     any
		result   string
	}{
		{"serverVersion", "serverVersion", "serverVersion", "1.0"},
		{"clientVersion", "clientVersion", "clientVersion 2.2.0.71", ""},
		{"authenticate", "authenticate", "authenticate foo bar", ""},
		{"sendRequestXML", "sendRequestXML", RequestCall{Ticket: "0358d44e-9d87-4d40-8299-3026881951bb",
			CompanyFileName: `C:\Documents and Settings\All Users\Documents\Intuit\QuickBooks\Company Files\Sample.QBW`,
			Country:         "US", QBXMLMajor: 6}, "<?qbxml?>"},
		{"receiveResponseXML", "receiveResponseXML", ResponseCall{Ticket: "3dde5f3d-dc68-4500-9391-69f75e824330",
			Response: "<?xml version=\"1.0\" ?>\n<QBXML>\n<QBXMLMsgsRs>\n<CustomerAddRs statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\">\n" +
				"<CustomerRet><ListID>80000006-1354334808</ListID></CustomerRet>\n</CustomerAddRs>\n</QBXMLMsgsRs>\n</QBXML>"}, "42"},
		{"receiveResponseXML-hresult", "receiveResponseXML", ResponseCall{Ticket: "{2383efae-0b6e-4b6a-8d29-5a4a6c8b8a57}",
			HResult: "0x80040400", Message: "QuickBooks found an error when parsing the provided XML text stream."}, "42"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			h := &recorder{request: "<?qbxml?>", percent: 42, auth: Auth{Ticket: "T"}}
			srv := serve(h)
			defer srv.Close()
			body, err := os.ReadFile(filepath.Join("testdata", "calls", tc.file+".xml"))
			if err != nil {
				t.Fatal(err)
			}
			status, out := post(t, srv.URL, tc.op, string(body))
			if status != http.StatusOK || len(h.calls) != 1 || !reflect.DeepEqual(h.calls[0], tc.want) {
				t.Fatalf("HTTP %d, calls %#v, want %#v\n%s", status, h.calls, tc.want, out)
			}
			a := readAnswer(t, out)
			if a.XMLName != (xml.Name{Space: Namespace, Local: tc.op + "Response"}) ||
				a.Result.XMLName != (xml.Name{Space: Namespace, Local: tc.op + "Result"}) {
				t.Fatalf("answered %v / %v", a.XMLName, a.Result.XMLName)
			}
			if tc.op != "authenticate" && a.Result.Text != tc.result {
				t.Fatalf("result %q, want %q", a.Result.Text, tc.result)
			}
		})
	}
}

// authenticate answers at least two strings, the empty ones as elements:
// the Web Connector fails on fewer ("Index was outside the bounds of the
// array"). The intervals follow only when set.
func TestAuthenticateAlwaysAnswersTicketAndStatus(t *testing.T) {
	body, _ := os.ReadFile(filepath.Join("testdata", "calls", "authenticate.xml"))
	for _, tc := range []struct {
		auth Auth
		want []string
	}{
		{Auth{}, []string{"", ""}},
		{Auth{Ticket: "T", Status: AuthOpenFile}, []string{"T", ""}},
		{Auth{Ticket: "", Status: AuthInvalidUser}, []string{"", "nvu"}},
		{Auth{Ticket: "T", Status: AuthNoWork, PostponeSeconds: 600}, []string{"T", "none", "600", ""}},
		{Auth{Ticket: "T", Status: `C:\Files\Summit Ridge Builders.qbw`, MinRunEverySeconds: 60}, []string{"T", `C:\Files\Summit Ridge Builders.qbw`, "", "60"}},
	} {
		srv := serve(&recorder{auth: tc.auth})
		_, out := post(t, srv.URL, "authenticate", string(body))
		srv.Close()
		if got := readAnswer(t, out).Result.Strings; !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v answered %q, want %q\n%s", tc.auth, got, tc.want, out)
		}
	}
}

// Whatever is not a call of the Web Connector is refused with a SOAP 1.1
// fault, and the Handler never hears of it.
func TestWhatIsNotACallIsRefused(t *testing.T) {
	const env = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>%s</soap:Body></soap:Envelope>`
	call := func(inner string) string { return strings.Replace(env, "%s", inner, 1) }
	for _, tc := range []struct{ name, action, body, code string }{
		{"larger than a call may be", "", call(`<getLastError xmlns="http://developer.intuit.com/"><ticket>` + strings.Repeat("a", MaxCallBytes) + `</ticket></getLastError>`), "Client larger"},
		{"not XML", "", "hello", "Client"},
		{"cut short", "", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ticket`, "Client"},
		{"empty", "", "", "Client"},
		{"SOAP 1.2", "", `<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body/></e:Envelope>`, "VersionMismatch"},
		{"no body", "", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"></soap:Envelope>`, "Client"},
		{"empty body", "", call(""), "Client"},
		{"another namespace", "", call(`<authenticate xmlns="http://example.com/"><strUserName>a</strUserName></authenticate>`), "Client"},
		{"a call without parameters in another namespace", "", call(`<serverVersion xmlns="http://example.com/"/>`), "Client"},
		{"unknown call", "", call(`<deleteEverything xmlns="http://developer.intuit.com/"/>`), "Client"},
		{"unknown parameter", "", call(`<authenticate xmlns="http://developer.intuit.com/"><strUserName>a</strUserName><isAdmin>1</isAdmin></authenticate>`), "Client"},
		{"unqualified parameter", "", call(`<i:authenticate xmlns:i="http://developer.intuit.com/"><strUserName>a</strUserName></i:authenticate>`), "Client"},
		{"parameter twice", "", call(`<getLastError xmlns="http://developer.intuit.com/"><ticket>a</ticket><ticket>b</ticket></getLastError>`), "Client"},
		{"markup in a parameter", "", call(`<getLastError xmlns="http://developer.intuit.com/"><ticket><b>a</b></ticket></getLastError>`), "Client"},
		{"version not a number", "", call(`<sendRequestXML xmlns="http://developer.intuit.com/"><ticket>a</ticket><qbXMLMajorVers>thirteen</qbXMLMajorVers><qbXMLMinorVers>0</qbXMLMinorVers></sendRequestXML>`), "Client"},
		{"version missing", "", call(`<sendRequestXML xmlns="http://developer.intuit.com/"><ticket>a</ticket></sendRequestXML>`), "Client"},
		{"action names another call", "closeConnection", call(`<getLastError xmlns="http://developer.intuit.com/"><ticket>a</ticket></getLastError>`), "Client"},
		{"an entity it does not define", "", call(`<getLastError xmlns="http://developer.intuit.com/"><ticket>&evil;</ticket></getLastError>`), "Client"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &recorder{}
			srv := serve(h)
			defer srv.Close()
			action := tc.action
			if action == "" { // as the Web Connector sends one with every call
				action = "getLastError"
			}
			status, out := post(t, srv.URL, action, tc.body)
			var env struct {
				Fault struct {
					Code   string `xml:"faultcode"`
					Reason string `xml:"faultstring"`
				} `xml:"Body>Fault"`
			}
			code, reason, _ := strings.Cut(tc.code, " ")
			if err := xml.Unmarshal([]byte(out), &env); err != nil || status != http.StatusInternalServerError ||
				env.Fault.Code != "soap:"+code || env.Fault.Reason == "" || !strings.Contains(env.Fault.Reason, reason) || len(h.calls) != 0 {
				t.Fatalf("HTTP %d, calls %v, answer %.300s", status, h.calls, out)
			}
		})
	}
}

// What the Web Connector never sends is refused before the body is read:
// a body that is not XML (what a web page posts without a preflight) and
// a call without a SOAPAction. The Handler hears nothing.
func TestOnlyWhatTheWebConnectorSendsIsRead(t *testing.T) {
	body, _ := os.ReadFile(filepath.Join("testdata", "calls", "authenticate.xml"))
	for _, tc := range []struct {
		contentType string
		actions     []string
		want        int
	}{
		{"text/plain", []string{`"` + Namespace + `authenticate"`}, http.StatusUnsupportedMediaType},
		{"application/x-www-form-urlencoded", []string{`"` + Namespace + `authenticate"`}, http.StatusUnsupportedMediaType},
		{"multipart/form-data; boundary=x", []string{`"` + Namespace + `authenticate"`}, http.StatusUnsupportedMediaType},
		{"", []string{`"` + Namespace + `authenticate"`}, http.StatusUnsupportedMediaType},
		{"text/xml; charset=utf-8", nil, http.StatusBadRequest},
		{"text/xml; charset=utf-8", []string{"a", "b"}, http.StatusBadRequest},
		{"text/xml; charset=utf-8", []string{`""`}, http.StatusInternalServerError},
		{"text/xml; charset=utf-8", []string{`"` + Namespace + `authenticate"`}, http.StatusOK},
		{"application/xml", []string{Namespace + "authenticate"}, http.StatusOK},
	} {
		h := &recorder{}
		srv := serve(h)
		req, _ := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(string(body)))
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		for _, a := range tc.actions {
			req.Header.Add("SOAPAction", a)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		srv.Close()
		if resp.StatusCode != tc.want || (tc.want == http.StatusOK) != (len(h.calls) == 1) {
			t.Errorf("%q with %q: HTTP %d, %d calls heard", tc.contentType, tc.actions, resp.StatusCode, len(h.calls))
		}
	}
}

// The address answers a GET (the Web Connector checks it), ?wsdl with the
// WSDL at this address, and refuses other methods.
func TestAddressAnswersGetAndWSDL(t *testing.T) {
	srv := serve(&recorder{})
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/qbwc")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = http.Get(srv.URL + "/qbwc?WSDL")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	w := readWSDL(t, resp.Body)
	if w.Port.Address.Location != srv.URL+"/qbwc" {
		t.Fatalf("the WSDL's address is %q", w.Port.Address.Location)
	}
	req, _ := http.NewRequest(http.MethodPut, srv.URL+"/qbwc", nil)
	put, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	put.Body.Close()
	if put.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("PUT: HTTP %d", put.StatusCode)
	}
}
