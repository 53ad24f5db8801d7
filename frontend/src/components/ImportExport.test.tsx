import { screen, within } from "@testing-library/react";
import { beforeEach, expect, it, vi } from "vitest";
import { desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { savedState } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
});

const file = () => new File(['{"format":"qbsettings-settings"}'], "settings.json", { type: "application/json" });

it("shows what an import changes and applies it only on confirmation", async () => {
  api.PreviewImport.mockResolvedValue(
    desktop.ImportPreviewResult.createFrom({
      token: "t1",
      changes: [
        {
          label: "Vendors will be Automatically Updated",
          old: "Automatically Update Vendors when Refreshing the Vendor List",
          new: "Do Not Update Vendors",
        },
      ],
    }),
  );
  api.ApplyImport.mockResolvedValue(
    desktop.SaveResult.createFrom({ state: { ...savedState({ vendorUpdates: settings.VendorUpdates.None }), revision: 4 } }),
  );
  const user = renderPage(savedState());
  await user.upload(screen.getByLabelText("Settings file to import"), file());

  expect(api.PreviewImport).toHaveBeenCalledWith('{"format":"qbsettings-settings"}');
  const dialog = await screen.findByRole("dialog", { name: "Import settings" });
  expect(dialog).toHaveTextContent(
    "Vendors will be Automatically Updated: Automatically Update Vendors when Refreshing the Vendor List → Do Not Update Vendors",
  );
  // Found by waiting, as the dialog's opening may still hide it for a moment
  // on a busy machine (seen once in CI).
  await user.click(await within(dialog).findByRole("button", { name: "Import" }));
  expect(api.ApplyImport).toHaveBeenCalledWith("t1");
  // Sent to the service through the same path as Update.
  expect(await screen.findByText("Imported as revision 4. They are in effect on the QuickBooks service.")).toBeInTheDocument();
  expect(api.SendSettings).toHaveBeenCalledWith(false);
  // The page is hidden from assistive technology until the dialog has
  // finished closing: wait for it, as a screen reader user would.
  expect(await screen.findByRole("radio", { name: /^Do Not Update Vendors/ })).toBeChecked();
});

it("refuses a file with problems and applies nothing", async () => {
  api.PreviewImport.mockResolvedValue(
    desktop.ImportPreviewResult.createFrom({
      token: "t2",
      fieldErrors: [{ field: settings.Field.ServiceUrl, message: "Use https:// for this address." }],
    }),
  );
  const user = renderPage(savedState());
  await user.upload(screen.getByLabelText("Settings file to import"), file());
  expect(await screen.findByText(/have problems, so they cannot be imported/)).toBeInTheDocument();
  expect(screen.getByText("Use https:// for this address.")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Import" })).toBeNull();
  await user.click(screen.getByRole("button", { name: "Close" }));
  expect(api.ApplyImport).not.toHaveBeenCalled();
});

it("says where it exported, and nothing when the user cancels", async () => {
  api.ExportSettings.mockResolvedValueOnce(desktop.ExportResult.createFrom({ canceled: true }));
  api.ExportSettings.mockResolvedValueOnce(desktop.ExportResult.createFrom({ path: "/home/pat/qbsettings-default.json" }));
  const user = renderPage(savedState());
  await user.click(screen.getByRole("button", { name: "Export…" }));
  expect(screen.queryByText(/Exported to/)).toBeNull();
  await user.click(screen.getByRole("button", { name: "Export…" }));
  expect(await screen.findByText("Exported to /home/pat/qbsettings-default.json (without the password).")).toBeInTheDocument();
});
