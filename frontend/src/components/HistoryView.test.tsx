import { screen, within } from "@testing-library/react";
import { beforeEach, expect, it, vi } from "vitest";
import { desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { savedState } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

const current = savedState({ vendorUpdates: settings.VendorUpdates.None });
const history = desktop.HistoryResult.createFrom({
  entries: [
    {
      revision: 2,
      savedAt: "Nov 24, 2026, 4:00 PM",
      savedBy: "OFFICE\\sam",
      changes: [
        {
          label: "Vendors will be Automatically Updated",
          old: "Automatically Update Vendors when Refreshing the Vendor List",
          new: "Do Not Update Vendors",
        },
      ],
      settings: current.settings,
    },
    {
      revision: 1,
      savedAt: "Nov 24, 2026, 3:00 PM",
      savedBy: "OFFICE\\pat",
      changes: [
        { label: "Service URL", old: "(none)", new: "https://qbserver:8443" },
        { label: "Service Password", old: "", new: "password changed" },
      ],
      settings: savedState().settings,
    },
  ],
});

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
  api.History.mockResolvedValue(history);
});

it("lists revisions newest first with their changes, and restores one for review", async () => {
  api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ state: { ...current, revision: 3 } }));
  const user = renderPage(current);
  await user.click(screen.getByRole("tab", { name: "Change history" }));

  const list = await screen.findByRole("list", { name: "Saved revisions, newest first" });
  const items = within(list).getAllByRole("heading");
  expect(items.map((h) => h.textContent)).toEqual([
    expect.stringMatching(/^Revision 2: .* by OFFICE\\sam$/),
    expect.stringMatching(/^Revision 1: .* by OFFICE\\pat$/),
  ]);
  expect(screen.getByText(/password changed/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Restore revision 2" })).toBeNull();

  await user.click(screen.getByRole("button", { name: "Restore revision 1" }));
  expect(screen.getByRole("tab", { name: "Settings" })).toHaveAttribute("aria-selected", "true");
  expect(screen.getByText(/Revision 1 is loaded for review/)).toBeInTheDocument();
  expect(screen.getByRole("radio", { name: /Automatically Update Vendors/ })).toBeChecked();
  expect(screen.getByText("Unsaved changes")).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Update" }));
  expect(api.Save).toHaveBeenCalledWith(3, expect.objectContaining({ changePassword: false }));
  expect(api.Save.mock.calls[0][1].settings.vendorUpdates).toBe(settings.VendorUpdates.Automatic);
});

it("says so when nothing was saved yet", async () => {
  api.History.mockResolvedValue(desktop.HistoryResult.createFrom({ entries: [] }));
  const user = renderPage(current);
  await user.click(screen.getByRole("tab", { name: "Change history" }));
  expect(await screen.findByText(/No changes have been saved yet/)).toBeInTheDocument();
});

it("says what happened when the history cannot be asked for, instead of loading forever", async () => {
  api.History.mockRejectedValue(new Error("bridge closed"));
  const user = renderPage(current);
  await user.click(screen.getByRole("tab", { name: "Change history" }));
  expect(await screen.findByText(/could not reach its settings service \(bridge closed\)/)).toBeInTheDocument();
  expect(screen.queryByText("Loading the change history…")).toBeNull();
});
