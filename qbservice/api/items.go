package api

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"qbsettings/qbservice/servicedb"
	"qbsettings/serviceapi"
)

// Limits of a request for the item list: a page, the types asked for, a
// cursor.
const (
	defaultPage    = 500
	maxPage        = 1000
	maxTypes       = 16
	maxCursorBytes = 1024
)

// cursor is where the next page begins: after the item at Key, in the
// list of Digest. It travels as base64url JSON, opaque to the app.
type cursor struct {
	Digest string `json:"v"`
	Name   string `json:"n"`
	ListID string `json:"i"`
}

func (c cursor) encode() string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (cursor, bool) {
	var c cursor
	if len(s) > maxCursorBytes {
		return c, false
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || json.Unmarshal(b, &c) != nil || c.ListID == "" {
		return cursor{}, false
	}
	return c, true
}

// itemsETag is the ETag of the list of digest.
func itemsETag(digest string) string { return `"items-` + digest + `"` }

// items pages through the stored item list, in name order, each page from
// where the last ended. Every page carries the list's ETag; asked with
// If-None-Match of the current one, the first page answers 304, so an
// app that has the list does not read it again. A cursor of a list that
// changed since answers 409 itemsChanged: the app reads it anew.
func (a *API) items(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit < 1 || limit > maxPage {
		limit = defaultPage
	}
	active := q.Get("active")
	filter := servicedb.ItemFilter{Active: active != "inactive", Inactive: active == "all" || active == "inactive"}
	if t := q.Get("types"); t != "" {
		if filter.Types = strings.Split(t, ","); len(filter.Types) > maxTypes {
			writeError(w, http.StatusBadRequest, "badTypes", "more than "+strconv.Itoa(maxTypes)+" types", "", nil)
			return
		}
	}
	digest, err := a.DB.ItemsDigest(r.Context())
	if err != nil {
		a.internal(w, "items not read", err)
		return
	}
	w.Header().Set("ETag", itemsETag(digest))
	var after *servicedb.ItemKey
	if c := q.Get("cursor"); c != "" {
		cur, ok := decodeCursor(c)
		switch {
		case !ok:
			writeError(w, http.StatusBadRequest, "badCursor", "cursor not recognized", "", nil)
			return
		case cur.Digest != digest:
			writeError(w, http.StatusConflict, serviceapi.CodeItemsChanged, "the item list changed since the first page was read: read it from the first page again", "", nil)
			return
		}
		after = &servicedb.ItemKey{FullName: cur.Name, ListID: cur.ListID}
	} else if inm := r.Header.Get("If-None-Match"); inm != "" && inm == itemsETag(digest) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	items, more, err := a.DB.ItemsPage(r.Context(), filter, after, limit)
	if err != nil {
		a.internal(w, "items not read", err)
		return
	}
	page := serviceapi.ItemPage{Items: make([]serviceapi.Item, 0, len(items))}
	for _, it := range items {
		page.Items = append(page.Items, toItem(it))
	}
	if more {
		last := items[len(items)-1]
		page.NextCursor = cursor{Digest: digest, Name: last.FullName, ListID: last.ListID}.encode()
	}
	writeJSON(w, http.StatusOK, page)
}
