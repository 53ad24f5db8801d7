import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { appservice, desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { savedState, serviceSync } from "../test/fixtures";

vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

const pending = serviceSync({
  status: appservice.SyncStatus.Pending,
  headline: "Saved on this computer, not yet on the QuickBooks service",
  since: "",
  message: "Nothing is accepting connections at qbserver:8443. Check that the QuickBooks service is running.",
});
const elsewhere = serviceSync({
  status: appservice.SyncStatus.ChangedElsewhere,
  headline: "Changed on the QuickBooks service from somewhere else",
  since: "",
  message:
    "The settings the QuickBooks service runs with were changed on OTHER-PC by sam, so they differ from the settings saved on this computer.",
  elsewhere: desktop.ServiceCopy.createFrom({
    appliedAt: "Nov 25, 2026, 10:00 AM",
    computer: "OTHER-PC",
    user: "sam",
    differences: [
      {
        field: "vendorUpdates",
        label: "Vendors will be Automatically Updated",
        thisComputer: "Automatically Update Vendors",
        service: "Do Not Update Vendors",
      },
    ],
  }),
});
const withSync = (sync: desktop.ServiceSync) => desktop.FormState.createFrom({ ...savedState(), serviceSync: sync });
const region = () => screen.getByRole("region", { name: "Settings on the QuickBooks service" });

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
});

describe("settings on the QuickBooks service", () => {
  it("says since when the saved settings are in effect", () => {
    renderPage(withSync(serviceSync()));
    expect(within(region()).getByText(/^In effect on the QuickBooks service since /)).toBeInTheDocument();
  });

  it("sends after Update and says where the settings stand", async () => {
    api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ state: withSync(pending) }));
    api.SendSettings.mockResolvedValueOnce(desktop.SendResult.createFrom({ sync: pending }));
    const user = renderPage(withSync(serviceSync()));
    await user.click(screen.getByRole("button", { name: "Update" }));
    expect(
      await screen.findByText(/^Settings saved at .*They are not on the QuickBooks service yet\. Nothing is accepting/),
    ).toBeInTheDocument();
    expect(api.SendSettings).toHaveBeenCalledWith(false);
    expect(within(region()).getByText("Saved on this computer, not yet on the QuickBooks service")).toBeInTheDocument();

    // Send now, once the service is back.
    await user.click(within(region()).getByRole("button", { name: "Send now" }));
    expect(await screen.findByText("They are in effect on the QuickBooks service.")).toBeInTheDocument();
    expect(within(region()).getByText(/^In effect on the QuickBooks service since/)).toBeInTheDocument();
  });

  it("shows a value the service refused beside its field until it is changed", async () => {
    const refused = serviceSync({
      ...pending,
      refused: [{ field: settings.Field.VendorUpdates, message: "The QuickBooks service refused this value: Managed by Procore." }],
    });
    const user = renderPage(withSync(refused));
    const choice = screen.getByRole("radio", { name: /Do Not Update Vendors/ });
    const group = choice.closest<HTMLElement>("[role=radiogroup]")!;
    expect(group).toHaveAccessibleDescription(expect.stringContaining("Managed by Procore."));
    expect(screen.getByText(/saved on this computer, but the QuickBooks service refused these values/)).toBeInTheDocument();
    await user.click(choice);
    await waitFor(() => expect(group).not.toHaveAccessibleDescription(expect.stringContaining("Managed by Procore.")));
  });

  it("shows what changed elsewhere beside this computer's values, and keeps this computer's", async () => {
    api.SendSettings.mockResolvedValueOnce(desktop.SendResult.createFrom({ sync: serviceSync() }));
    const user = renderPage(withSync(elsewhere));
    const table = within(region()).getByRole("table", { name: "Settings that differ" });
    const row = within(table).getByRole("row", { name: /Vendors will be Automatically Updated/ });
    expect(row).toHaveTextContent("Automatically Update Vendors");
    expect(row).toHaveTextContent("Do Not Update Vendors");
    expect(within(region()).getByText(/changed on OTHER-PC by sam/)).toBeInTheDocument();

    await user.click(within(region()).getByRole("button", { name: "Keep this computer's settings" }));
    expect(api.SendSettings).toHaveBeenCalledWith(true);
    expect(await screen.findByText("They are in effect on the QuickBooks service.")).toBeInTheDocument();
  });

  it("takes the service's settings as a new revision", async () => {
    const taken = desktop.FormState.createFrom({
      ...savedState({ vendorUpdates: settings.VendorUpdates.None }),
      revision: 4,
      serviceSync: serviceSync(),
    });
    api.TakeServiceSettings.mockResolvedValue(desktop.SaveResult.createFrom({ state: taken }));
    const user = renderPage(withSync(elsewhere));
    await user.click(within(region()).getByRole("button", { name: "Take the service's settings" }));
    expect(await screen.findByText(/saved on this computer as revision 4/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /Do Not Update Vendors/ })).toBeChecked();
    expect(api.SendSettings).not.toHaveBeenCalled();
  });

  it("asks for unsaved changes to be saved or undone before choosing", async () => {
    const user = renderPage(withSync(elsewhere));
    await user.click(screen.getByRole("checkbox", { name: /Use Procore Contract #/ }));
    expect(within(region()).getByText(/You have unsaved changes/)).toBeInTheDocument();
    expect(within(region()).getByRole("button", { name: "Take the service's settings" })).toHaveAttribute("aria-disabled", "true");
  });
});
