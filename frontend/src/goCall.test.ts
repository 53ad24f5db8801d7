import { describe, expect, it } from "vitest";
import { goCall } from "./goCall";

// A stand-in for the locale's words: the message key with its values.
const t = ((key: string, values?: Record<string, unknown>) => `${key} ${JSON.stringify(values ?? {})}`) as Parameters<typeof goCall>[0];

describe("goCall", () => {
  it("gives Go's result when Go answers without an error", async () => {
    const a = await goCall(t, () => Promise.resolve({ items: [1], error: "" }));
    expect(a).toEqual({ result: { items: [1], error: "" } });
  });

  it("gives Go's own words as the failure, with the result beside them", async () => {
    const a = await goCall(t, () => Promise.resolve({ conflict: true, error: "Saved from somewhere else." }));
    expect(a.failure).toBe("Saved from somewhere else.");
    expect(a.result).toEqual({ conflict: true, error: "Saved from somewhere else." });
  });

  it("words a call that failed outright, with no result", async () => {
    const a = await goCall(t, () => Promise.reject(new Error("bridge closed")));
    expect(a.failure).toContain("could not reach its settings service");
    expect(a.failure).toContain("bridge closed");
    expect(a.result).toBeUndefined();
  });

  it("takes a call with no result (a void method) as answered", async () => {
    expect(await goCall(t, () => Promise.resolve(undefined))).toEqual({ result: undefined });
  });
});
