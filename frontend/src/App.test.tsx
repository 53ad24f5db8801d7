import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { desktop } from "../wailsjs/go/models";
import * as api from "./test/backendMock";
import { App } from "./App";
import { afterPaint } from "./afterPaint";
import { savedState } from "./test/fixtures";

vi.mock("../wailsjs/runtime/runtime", () => import("./test/runtimeMock"));

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
  api.FormShown.mockResolvedValue();
  performance.clearMarks();
});
afterEach(cleanup);

describe("the first form on screen", () => {
  it("is marked in the page's timeline once painted, and its time told to Go once", async () => {
    api.Load.mockResolvedValue(desktop.LoadResult.createFrom({ state: savedState(), error: "" }));
    const before = Date.now();
    render(<App />);
    await screen.findByRole("heading", { name: "Integration Settings", level: 1 });
    await waitFor(() => expect(api.FormShown).toHaveBeenCalledTimes(1));
    const [at] = api.FormShown.mock.calls[0];
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(Date.now() + 1);
    expect(performance.getEntriesByName("form-on-screen", "mark")).toHaveLength(1);
  });

  it("is not reported when no form could be loaded", async () => {
    api.Load.mockResolvedValue(desktop.LoadResult.createFrom({ error: "The settings file could not be opened." }));
    render(<App />);
    await screen.findByText("The settings file could not be opened.");
    // Anything the page scheduled for after the paint has run before this.
    await new Promise<void>((resolve) => afterPaint(resolve));
    expect(api.FormShown).not.toHaveBeenCalled();
  });
});
