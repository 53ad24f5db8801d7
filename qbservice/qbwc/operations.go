package qbwc

import (
	"context"
	"strconv"
)

// operation is one call the Web Connector makes: its name, its
// parameters as Intuit's WSDL names them (those of type int must be
// there), and how the Handler answers it.
type operation struct {
	name   string
	params []string
	ints   []string
	answer func(ctx context.Context, h Handler, p params) result
}

// params are a call's parameters by name; one that was not sent is "".
type params map[string]string

func (p params) int(name string) int { n, _ := strconv.Atoi(p[name]); return n }

// result is an answer's value: a string, an int, or authenticate's
// strings.
type result struct {
	text    string
	number  *int
	strings []string
}

func text(s string) result { return result{text: s} }

func number(n int) result { return result{number: &n} }

// operations are the calls of Intuit's WSDL (wsdl.xml), in its order.
var operations = []operation{
	{name: "serverVersion",
		answer: func(ctx context.Context, h Handler, _ params) result { return text(h.ServerVersion(ctx)) }},
	{name: "clientVersion", params: []string{"strVersion"},
		answer: func(ctx context.Context, h Handler, p params) result {
			return text(h.ClientVersion(ctx, p["strVersion"]))
		}},
	{name: "authenticate", params: []string{"strUserName", "strPassword"},
		answer: func(ctx context.Context, h Handler, p params) result {
			return result{strings: authStrings(h.Authenticate(ctx, p["strUserName"], p["strPassword"]))}
		}},
	{name: "connectionError", params: []string{"ticket", "hresult", "message"},
		answer: func(ctx context.Context, h Handler, p params) result {
			return text(h.ConnectionError(ctx, p["ticket"], p["hresult"], p["message"]))
		}},
	{name: "sendRequestXML",
		params: []string{"ticket", "strHCPResponse", "strCompanyFileName", "qbXMLCountry", "qbXMLMajorVers", "qbXMLMinorVers"},
		ints:   []string{"qbXMLMajorVers", "qbXMLMinorVers"},
		answer: func(ctx context.Context, h Handler, p params) result {
			return text(h.SendRequestXML(ctx, RequestCall{Ticket: p["ticket"], HCPResponse: p["strHCPResponse"],
				CompanyFileName: p["strCompanyFileName"], Country: p["qbXMLCountry"],
				QBXMLMajor: p.int("qbXMLMajorVers"), QBXMLMinor: p.int("qbXMLMinorVers")}))
		}},
	{name: "receiveResponseXML", params: []string{"ticket", "response", "hresult", "message"},
		answer: func(ctx context.Context, h Handler, p params) result {
			return number(h.ReceiveResponseXML(ctx, ResponseCall{Ticket: p["ticket"], Response: p["response"],
				HResult: p["hresult"], Message: p["message"]}))
		}},
	{name: "getLastError", params: []string{"ticket"},
		answer: func(ctx context.Context, h Handler, p params) result { return text(h.GetLastError(ctx, p["ticket"])) }},
	{name: "closeConnection", params: []string{"ticket"},
		answer: func(ctx context.Context, h Handler, p params) result {
			return text(h.CloseConnection(ctx, p["ticket"]))
		}},
}

func operationNamed(name string) (operation, bool) {
	for _, op := range operations {
		if op.name == name {
			return op, true
		}
	}
	return operation{}, false
}

// authStrings is authenticate's array: always the ticket and the status,
// even when empty (the Web Connector fails on fewer than two), then the
// two intervals when either is set.
func authStrings(a Auth) []string {
	out := []string{a.Ticket, a.Status}
	if a.PostponeSeconds != 0 || a.MinRunEverySeconds != 0 {
		out = append(out, intervalText(a.PostponeSeconds), intervalText(a.MinRunEverySeconds))
	}
	return out
}

func intervalText(seconds int) string {
	if seconds == 0 {
		return ""
	}
	return strconv.Itoa(seconds)
}
