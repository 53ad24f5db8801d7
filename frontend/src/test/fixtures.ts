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
    items: [retainage, oldItem],
    itemsRefreshedAt: "2026-11-24T09:00:00Z",
    dataFolder: "/tmp/data",
    ...overrides,
  });
}

export const savedState = (values: Partial<settings.Settings> = {}) =>
  formState(
    { revision: 3, savedAt: "2026-11-24T15:04:00Z", passwordStored: true },
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
    since: "2026-11-24T15:05:00Z",
    message: "The sync runs with the settings saved on this computer.",
    refused: [],
    ...overrides,
  });
}
