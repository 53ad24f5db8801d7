package desktop

// Event names a message Go sends the web view. The web view gets these
// names from the generated bindings (desktop.Event), never spelling them.
type Event string

const (
	// EventCloseRequested: the user tried to close the window with unsaved
	// changes; the web view asks them and calls ConfirmClose.
	EventCloseRequested Event = "app:close-requested"
	// EventItemsRefreshProgress carries a list refresh's state ("queued",
	// "running", "done", "failed") as the service reports it.
	EventItemsRefreshProgress Event = "items:refresh-progress"
	// EventSignInSlowedDown carries the seconds a call waits before it
	// tries again: the QuickBooks service slowed sign-ins down after wrong
	// passwords. The call goes on by itself after them.
	EventSignInSlowedDown Event = "service:sign-in-slowed-down"
)

// The events as a TypeScript enum (desktop.Event).
var events = []enumValue[Event]{
	{EventCloseRequested, "CloseRequested"},
	{EventItemsRefreshProgress, "ItemsRefreshProgress"},
	{EventSignInSlowedDown, "SignInSlowedDown"},
}
