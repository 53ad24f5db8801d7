// The Wails runtime (wailsjs/runtime/runtime), replaced at the module boundary:
//   vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));
// emit() plays the part of Go's runtime.EventsEmit.
const listeners = new Map<string, (...data: unknown[]) => void>();

export function EventsOn(name: string, cb: (...data: unknown[]) => void): () => void {
  listeners.set(name, cb);
  return () => listeners.delete(name);
}

export function emit(name: string, ...data: unknown[]) {
  const cb = listeners.get(name);
  if (!cb) throw new Error(`nothing listens to ${name}`);
  cb(...data);
}
