package qbwc

import (
	"encoding/xml"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Whatever is posted, with whatever SOAPAction and content type: the
// server answers 200 with its call's answer (and only then does the
// handler hear a call), or a SOAP fault (500 for a call it could not
// answer, 400 or 415 for one the Web Connector would never send); it
// never panics.
func FuzzCalls(f *testing.F) {
	f.Add("authenticate", "text/xml; charset=utf-8", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="http://developer.intuit.com/"><strUserName>a</strUserName><strPassword>b</strPassword></authenticate></soap:Body></soap:Envelope>`)
	f.Add("sendRequestXML", "text/xml; charset=utf-8", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><sendRequestXML xmlns="http://developer.intuit.com/"><ticket>t</ticket><qbXMLMajorVers>13</qbXMLMajorVers><qbXMLMinorVers>0</qbXMLMinorVers></sendRequestXML></soap:Body></soap:Envelope>`)
	f.Add("", "text/xml; charset=utf-8", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><x/></soap:Header><soap:Body><serverVersion xmlns="http://developer.intuit.com/"/></soap:Body></soap:Envelope>`)
	f.Add("receiveResponseXML", "text/xml; charset=utf-8", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><receiveResponseXML xmlns="http://developer.intuit.com/"><response>&lt;QBXML/&gt;</response></receiveResponseXML></soap:Body></soap:Envelope>`)
	f.Add("x", "text/xml; charset=utf-8", "<!DOCTYPE a [<!ENTITY b 'c'>]><a>&b;</a>")
	f.Add("authenticate", "text/plain", `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><authenticate xmlns="http://developer.intuit.com/"><strUserName>a</strUserName><strPassword>b</strPassword></authenticate></soap:Body></soap:Envelope>`)
	f.Fuzz(func(t *testing.T, action, contentType, body string) {
		h := &recorder{auth: Auth{Ticket: "T"}, request: "R", percent: 100}
		req := httptest.NewRequest(http.MethodPost, "/qbwc", strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		if action != "" {
			req.Header.Set("SOAPAction", `"`+Namespace+action+`"`)
		}
		rec := httptest.NewRecorder()
		NewServer(h, slog.New(slog.DiscardHandler)).ServeHTTP(rec, req)
		var env struct {
			Body struct {
				Inner []struct{ XMLName xml.Name } `xml:",any"`
			} `xml:"http://schemas.xmlsoap.org/soap/envelope/ Body"`
		}
		if err := xml.Unmarshal(rec.Body.Bytes(), &env); err != nil || len(env.Body.Inner) != 1 {
			t.Fatalf("HTTP %d, not one SOAP answer: %v\n%s", rec.Code, err, rec.Body)
		}
		got := env.Body.Inner[0].XMLName
		switch rec.Code {
		case http.StatusOK:
			if len(h.calls) != 1 || got.Space != Namespace || !strings.HasSuffix(got.Local, "Response") {
				t.Fatalf("200 with %v after %d calls", got, len(h.calls))
			}
		case http.StatusInternalServerError, http.StatusBadRequest, http.StatusUnsupportedMediaType:
			if len(h.calls) != 0 || got.Local != "Fault" {
				t.Fatalf("500 with %v after %d calls", got, len(h.calls))
			}
		default:
			t.Fatalf("HTTP %d", rec.Code)
		}
	})
}
