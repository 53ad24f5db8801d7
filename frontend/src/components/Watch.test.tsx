import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { savedState } from "../test/fixtures";
import { WATCH_INTERVAL_MS } from "../form/saved";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

beforeEach(() => {
  vi.clearAllMocks();
  vi.useFakeTimers({ shouldAdvanceTime: true });
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
});
afterEach(() => vi.useRealTimers());

it("notices a save made elsewhere and reloads only when asked", async () => {
  api.StoredRevision.mockResolvedValue(3);
  const user = renderPage(savedState()); // revision 3
  await act(() => vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS));
  expect(screen.queryByText(/saved from somewhere else/)).toBeNull();

  api.StoredRevision.mockResolvedValue(4);
  await user.type(screen.getByLabelText(/Service User/), "-edited");
  await act(() => vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS));
  expect(screen.getByText(/saved from somewhere else \(revision 4/)).toBeInTheDocument();
  expect(screen.getByText(/your unsaved changes here will be lost/)).toBeInTheDocument();
  // Nothing is replaced until the user says so.
  expect(screen.getByLabelText(/Service User/)).toHaveValue("procore-sync-edited");

  api.Load.mockResolvedValue(desktop.LoadResult.createFrom({ state: { ...savedState({ serviceUser: "from-cli" }), revision: 4 } }));
  await user.click(screen.getByRole("button", { name: "Reload" }));
  expect(screen.getByLabelText(/Service User/)).toHaveValue("from-cli");
  expect(screen.queryByText(/saved from somewhere else/)).toBeNull();
});
