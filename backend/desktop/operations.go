package desktop

import (
	"context"
	"sync"
)

// operations tracks the long calls the user can cancel (a connection test,
// a list refresh), one of each kind at a time.
type operations struct {
	mu      sync.Mutex
	cancels map[string]context.CancelFunc
}

// start begins the operation name, canceling one of that name still
// running; done must be called when it ends.
func (o *operations) start(parent context.Context, name string) (ctx context.Context, done func()) {
	ctx, cancel := context.WithCancel(parent)
	o.mu.Lock()
	if o.cancels == nil {
		o.cancels = map[string]context.CancelFunc{}
	}
	if prev := o.cancels[name]; prev != nil {
		prev()
	}
	o.cancels[name] = cancel
	o.mu.Unlock()
	return ctx, func() {
		o.mu.Lock()
		// Only forget our own cancel: a newer run may have replaced it.
		if o.cancels[name] != nil && ctx.Err() == nil {
			delete(o.cancels, name)
		}
		o.mu.Unlock()
		cancel()
	}
}

// cancel stops the operation name, if it is running.
func (o *operations) cancel(name string) {
	o.mu.Lock()
	if c := o.cancels[name]; c != nil {
		c()
		delete(o.cancels, name)
	}
	o.mu.Unlock()
}
