import { appservice, desktop, settings } from "../../wailsjs/go/models";
import fieldsJSON from "../../wailsjs/fields.json";

// The settings' description as Go gives it (make writes it from
// settings.Specs next to the bindings).
export const specs: settings.Spec[] = fieldsJSON.map((s) => settings.Spec.createFrom(s));

// specOf is one setting's description, for tests that look for its words.
export function specOf(field: settings.Field): settings.Spec {
  const spec = specs.find((s) => s.key === field);
  if (!spec) throw new Error(`no description of ${field}`);
  return spec;
}

export const retainage = { listId: "80000005-1468535148", fullName: "Retainage Payable", type: "Service", isActive: true };
export const oldItem = { listId: "80000009-1468535200", fullName: "Old Retainage", type: "Service", isActive: false };

// indexOver is what Go's ItemIndex answers for items: in the picker's
// order (Service items first, then by name with numbers read as numbers),
// one line an item.
export function indexOver(items: { listId: string; fullName: string; type: string; isActive: boolean }[], version = 1) {
  const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  const sorted = [...items].sort(
    (a, b) => (a.type === "Service" ? 0 : 1) - (b.type === "Service" ? 0 : 1) || byName.compare(a.fullName, b.fullName),
  );
  const letter = (it: { type: string; isActive: boolean }) => {
    const k = it.type === "Service" ? "S" : it.type === "OtherCharge" ? "O" : it.type === "NonInventory" ? "N" : "X";
    return it.isActive ? k : k.toLowerCase();
  };
  return desktop.ItemIndexResult.createFrom({
    version,
    names: sorted.map((it) => it.fullName).join("\n"),
    listIds: sorted.map((it) => it.listId).join("\n"),
    kinds: sorted.map(letter).join(""),
    error: "",
  });
}

// formState builds what Go's Load returns, first run by default.
export function formState(overrides: Partial<desktop.FormState> = {}, values: Partial<settings.Settings> = {}): desktop.FormState {
  return desktop.FormState.createFrom({
    settings: {
      serviceUrl: "",
      serviceUser: "",
      useProcoreContractNumber: false,
      autoAddNewCostCodes: false,
      directCostColumn: settings.DirectCostColumn.ReadOnly,
      hideJobToDateCosts: false,
      vendorUpdates: settings.VendorUpdates.Automatic,
      retainageItem: { listId: "", fullName: "" },
      ...values,
    },
    revision: 0,
    savedAt: "",
    passwordStored: false,
    keychainProblem: "",
    status: { connected: false, checkedAt: "", detail: "" },
    itemList: { count: 2, version: 1, refreshedAt: "Nov 24, 2026, 9:00 AM", hasRetainage: true },
    dataFolder: "/tmp/data",
    ...overrides,
  });
}

export const savedState = (values: Partial<settings.Settings> = {}) =>
  formState(
    { revision: 3, savedAt: "Nov 24, 2026, 3:04 PM", passwordStored: true },
    {
      serviceUrl: "https://qbserver:8443",
      serviceUser: "procore-sync",
      retainageItem: { listId: retainage.listId, fullName: retainage.fullName },
      ...values,
    },
  );

// serviceSync builds where Go says the saved settings stand on the service.
export function serviceSync(overrides: Partial<desktop.ServiceSync> = {}): desktop.ServiceSync {
  return desktop.ServiceSync.createFrom({
    status: appservice.SyncStatus.InEffect,
    headline: "In effect on the QuickBooks service",
    since: "Nov 24, 2026, 3:05 PM",
    message: "The sync runs with the settings saved on this computer.",
    refused: [],
    ...overrides,
  });
}
