import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { desktop, settings } from "../../wailsjs/go/models";
import * as api from "../test/backendMock";
import { renderPage } from "../test/renderPage";
import { formState, savedState, retainage } from "../test/fixtures";

// The Go bindings are replaced at the module boundary; everything above
// them is the real form.
vi.mock("../../wailsjs/runtime/runtime", () => import("../test/runtimeMock"));

const fieldError = (field: settings.Field, message: string) => settings.FieldError.createFrom({ field, message });
const lastSaveInput = () => api.Save.mock.calls.at(-1)![1];

beforeEach(() => {
  vi.clearAllMocks();
  api.Validate.mockResolvedValue([]);
  api.SetDirty.mockResolvedValue();
});

describe("first run", () => {
  it("opens the password box at once, with no Cancel", () => {
    renderPage(formState());
    expect(screen.getByLabelText(/Service Password/)).toHaveAttribute("type", "password");
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect(screen.getByText("Not Connected")).toBeInTheDocument();
    expect(screen.getByText("Not checked yet.")).toBeInTheDocument();
  });

  it("shows Go's field errors beside their fields, a summary, and focuses the first", async () => {
    api.Save.mockResolvedValue(
      desktop.SaveResult.createFrom({
        fieldErrors: [
          fieldError(settings.Field.ServiceUrl, "Enter the address of the QuickBooks service."),
          fieldError(settings.Field.RetainageItem, "Choose the Invoice Retainage Item."),
        ],
      }),
    );
    const user = renderPage(formState());
    await user.click(screen.getByRole("button", { name: "Update" }));

    const url = screen.getByLabelText(/Service URL/);
    await waitFor(() => expect(url).toHaveFocus());
    expect(url).toHaveAccessibleDescription(expect.stringContaining("Enter the address of the QuickBooks service."));
    expect(url).toHaveAttribute("aria-invalid", "true");
    const summary = screen.getByText("2 settings need your attention").closest<HTMLElement>("[role=alert]")!;
    expect(summary).toHaveTextContent("The settings were not saved.");
    expect(within(summary).getByRole("button", { name: "Invoice Retainage Item" })).toBeInTheDocument();
    expect(screen.getByText("Choose the Invoice Retainage Item.")).toBeInTheDocument();
    expect(lastSaveInput().changePassword).toBe(true);
  });
});

describe("live validation", () => {
  it("asks Go as the user types and shows the answer only for fields they touched", async () => {
    api.Validate.mockResolvedValue([
      fieldError(settings.Field.ServiceUrl, "Use https:// for this address."),
      fieldError(settings.Field.ServiceUser, "Enter the user name."),
    ]);
    const user = renderPage(formState());
    await user.type(screen.getByLabelText(/Service URL/), "http://qbserver");

    await screen.findByText("Use https:// for this address.");
    expect(screen.queryByText("Enter the user name.")).toBeNull();
    const sent = api.Validate.mock.calls.at(-1)![0];
    expect(sent.settings.serviceUrl).toBe("http://qbserver");
    // Debounced: far fewer calls than keystrokes.
    expect(api.Validate.mock.calls.length).toBeLessThan(5);
  });
});

describe("what each setting does", () => {
  const effect = (field: settings.Field, text: string, pending = "") =>
    desktop.SettingEffect.createFrom({ field, text, applied: pending === "", pending });

  it("shows Go's line beside each setting, describes the control with it, and asks again as a setting changes", async () => {
    api.Effects.mockImplementation((s: settings.Settings) =>
      Promise.resolve([
        effect(
          settings.Field.UseProcoreContractNumber,
          s.useProcoreContractNumber
            ? "A commitment exported without a QuickBooks ID: contract SC-0001-EAST-02 becomes PO SC-0001-EAS (QuickBooks keeps 11 characters)."
            : "A commitment exported without a QuickBooks ID is refused.",
        ),
        effect(settings.Field.VendorUpdates, "Refresh Vendors List: a vendor changed in QuickBooks is updated in Procore."),
        effect(settings.Field.RetainageItem, "Retainage held becomes a negative line.", "The QuickBooks service does not do this yet."),
      ]),
    );
    const state = savedState();
    state.settings.useProcoreContractNumber = true;
    const user = renderPage(state);
    const contract = screen.getByRole("checkbox", { name: "Use Procore Contract #" });
    await waitFor(() => expect(contract).toHaveAccessibleDescription(expect.stringContaining("becomes PO SC-0001-EAS")));
    expect(screen.getByRole("radiogroup", { name: "Vendors will be Automatically Updated" })).toHaveAccessibleDescription(
      expect.stringContaining("is updated in Procore"),
    );
    expect(screen.getByText("The QuickBooks service does not do this yet.")).toBeInTheDocument();

    await user.click(contract);
    await waitFor(() => expect(contract).toHaveAccessibleDescription(expect.stringContaining("is refused")));
    expect(api.Effects.mock.calls.at(-1)![0].useProcoreContractNumber).toBe(false);
  });
});

describe("Edit Credentials", () => {
  it("reveals the password box and Cancel keeps the stored password", async () => {
    api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ state: savedState() }));
    const user = renderPage(savedState());
    expect(screen.queryByLabelText(/Service Password/)).toBeNull();

    await user.click(screen.getByRole("button", { name: "Edit Credentials" }));
    const box = screen.getByLabelText(/Service Password/);
    await user.type(box, "new-secret");
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByLabelText(/Service Password/)).toBeNull();
    expect(screen.queryByText("Unsaved changes")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Update" }));
    expect(lastSaveInput().changePassword).toBe(false);
    expect(lastSaveInput().password).toBe("");
  });

  it("sends a new password when the box is open", async () => {
    api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ state: savedState() }));
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Edit Credentials" }));
    await user.type(screen.getByLabelText(/Service Password/), "new-secret");
    await user.click(screen.getByRole("button", { name: "Update" }));
    expect(api.Save).toHaveBeenCalledWith(3, expect.objectContaining({ changePassword: true, password: "new-secret" }));
  });

  it("puts a password error on Edit Credentials while the box is closed", async () => {
    api.Save.mockResolvedValue(
      desktop.SaveResult.createFrom({
        fieldErrors: [
          fieldError(
            settings.Field.Password,
            "No password is stored for this Service User. Click Edit Credentials and enter its password.",
          ),
        ],
      }),
    );
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Update" }));
    const link = screen.getByRole("button", { name: "Edit Credentials" });
    await waitFor(() => expect(link).toHaveFocus());
    expect(link).toHaveAccessibleDescription(expect.stringContaining("No password is stored for this Service User"));
  });
});

describe("Direct Cost columns", () => {
  it("shows Hide Job To Date Costs only under Editable and keeps its value", async () => {
    const user = renderPage(savedState());
    const hide = () => screen.queryByRole("checkbox", { name: "Hide Job To Date Costs Column on the Budget" });
    expect(hide()).toBeNull();

    await user.click(screen.getByRole("radio", { name: /Editable, Do Not Populate From QuickBooks/ }));
    expect(screen.getByText(/If the Direct Costs tool is an active tab/)).toBeInTheDocument();
    await user.click(hide()!);
    expect(hide()).toBeChecked();

    await user.click(screen.getByRole("radio", { name: /Read Only, Populate From QuickBooks/ }));
    expect(hide()).toBeNull();
    await user.click(screen.getByRole("radio", { name: /Editable, Do Not Populate From QuickBooks/ }));
    expect(hide()).toBeChecked();
  });
});

describe("saving", () => {
  it("marks unsaved changes, tells Go, and clears the mark after a save", async () => {
    const stored = savedState({ vendorUpdates: settings.VendorUpdates.None });
    api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ state: { ...stored, revision: 4, savedAt: "Nov 24, 2026, 4:00 PM" } }));
    const user = renderPage(savedState());
    expect(screen.queryByText("Unsaved changes")).toBeNull();

    await user.click(screen.getByRole("radio", { name: /Do Not Update Vendors/ }));
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
    await waitFor(() => expect(api.SetDirty).toHaveBeenLastCalledWith(true));

    await user.click(screen.getByRole("button", { name: "Update" }));
    expect(await screen.findByText(/^Settings saved at/)).toBeInTheDocument();
    expect(screen.queryByText("Unsaved changes")).toBeNull();
    await waitFor(() => expect(api.SetDirty).toHaveBeenLastCalledWith(false));
    expect(screen.getByRole("radio", { name: /Do Not Update Vendors/ })).toBeChecked();
  });

  it("offers Reload when someone else saved first", async () => {
    api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ error: "These settings were saved from somewhere else.", conflict: true }));
    api.Load.mockResolvedValue(desktop.LoadResult.createFrom({ state: savedState({ serviceUser: "changed-elsewhere" }) }));
    const user = renderPage(savedState());
    await user.click(screen.getByRole("button", { name: "Update" }));
    await screen.findByText("These settings were saved from somewhere else.");

    await user.click(screen.getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(screen.getByLabelText(/Service User/)).toHaveValue("changed-elsewhere"));
  });

  it("shows a keychain problem from Go", () => {
    renderPage(formState({ keychainProblem: "No system keychain is available." }));
    expect(screen.getByText("No system keychain is available.")).toBeInTheDocument();
  });
});

describe("Invoice Retainage Item", () => {
  it("says what to do when the item list is empty", () => {
    renderPage(formState({ itemList: desktop.ItemListInfo.createFrom({ count: 0, version: 0, refreshedAt: "", hasRetainage: false }) }));
    expect(screen.getByText(/create a Service Item there first \(for example "Retainage Payable"\)/)).toBeInTheDocument();
  });

  it("selects an item by its ListID and shows inactive items as unavailable", async () => {
    api.Save.mockResolvedValue(desktop.SaveResult.createFrom({ fieldErrors: [fieldError(settings.Field.ServiceUrl, "x")] }));
    const user = renderPage(formState());
    await user.click(screen.getByRole("combobox", { name: /Invoice Retainage Item/ }));
    expect(screen.getByRole("option", { name: /Old Retainage \(inactive\)/ })).toHaveAttribute("aria-disabled", "true");
    await user.click(screen.getByRole("option", { name: /Old Retainage/ }));
    expect(screen.getByRole("combobox", { name: /Invoice Retainage Item/ })).toHaveValue("");
    await user.click(screen.getByRole("option", { name: /^Retainage Payable/ }));
    expect(screen.getByRole("combobox", { name: /Invoice Retainage Item/ })).toHaveValue("Retainage Payable");
    await user.click(screen.getByRole("button", { name: "Update" }));
    expect(lastSaveInput().settings.retainageItem.listId).toBe(retainage.listId);
    expect(lastSaveInput().settings.retainageItem.fullName).toBe(retainage.fullName);
  });
});

describe("the locale's own English", () => {
  it("shows the times as Go words them in the locale in use, never formatting them again", () => {
    const state = savedState();
    state.savedAt = "24 Nov 2026, 15:04"; // Go's words in en-GB
    renderPage(state, "en-GB");
    expect(screen.getByText("Last saved 24 Nov 2026, 15:04.")).toBeInTheDocument();
  });
});
