// afterPaint runs fn once the browser has painted what React just
// committed: an animation frame's callback runs just before the paint, a
// task it queues just after. The page's timings use it, so that "on screen"
// means painted.
export function afterPaint(fn: () => void) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
