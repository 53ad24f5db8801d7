import { vi } from "vitest";
import { desktop } from "../../wailsjs/go/models";
import { indexOver, oldItem, retainage, serviceSync, specs } from "./fixtures";
import type * as Companies from "../../wailsjs/go/desktop/Companies";
import type * as Connection from "../../wailsjs/go/desktop/Connection";
import type * as Form from "../../wailsjs/go/desktop/Form";
import type * as HistoryService from "../../wailsjs/go/desktop/History";
import type * as Language from "../../wailsjs/go/desktop/Language";
import type * as LocalService from "../../wailsjs/go/desktop/LocalService";
import type * as Procore from "../../wailsjs/go/desktop/Procore";
import type * as Sync from "../../wailsjs/go/desktop/Sync";
import type * as Transfer from "../../wailsjs/go/desktop/Transfer";

// The Go bindings (wailsjs/go/desktop/*), which test/setup.ts replaces with
// this module for every test. Every bound method is a vi.fn() the test can
// program: import * as api from "../test/backendMock".
export const Load = vi.fn<typeof Form.Load>();
export const Save = vi.fn<typeof Form.Save>();
export const Validate = vi.fn<typeof Form.Validate>();
// No lines beside the settings unless a test says otherwise.
export const Effects = vi.fn<typeof Form.Effects>(() => Promise.resolve([]));
export const SetDirty = vi.fn<typeof Form.SetDirty>();
export const FormShown = vi.fn<typeof Form.FormShown>();
export const ConfirmClose = vi.fn<typeof Form.ConfirmClose>();
export const TestConnection = vi.fn<typeof Connection.TestConnection>();
export const CancelConnectionTest = vi.fn<typeof Connection.CancelConnectionTest>();
export const RefreshItems = vi.fn<typeof Connection.RefreshItems>();
export const CancelRefresh = vi.fn<typeof Connection.CancelRefresh>();
// The picker's list: the fixtures' two items unless a test says otherwise.
export const ItemIndex = vi.fn<typeof Connection.ItemIndex>(() => Promise.resolve(indexOver([retainage, oldItem])));
export const TrustCertificate = vi.fn<typeof Connection.TrustCertificate>();
export const RemoveTrustedCertificate = vi.fn<typeof Connection.RemoveTrustedCertificate>();
export const History = vi.fn<typeof HistoryService.History>();
export const StoredRevision = vi.fn<typeof Form.StoredRevision>();
export const ExportSettings = vi.fn<typeof Transfer.ExportSettings>();
export const PreviewImport = vi.fn<typeof Transfer.PreviewImport>();
export const ApplyImport = vi.fn<typeof Transfer.ApplyImport>();
// One company unless a test says otherwise.
export const Profiles = vi.fn<typeof Companies.Profiles>(() =>
  Promise.resolve(desktop.ProfilesResult.createFrom({ profiles: [{ id: "default", name: "My company" }], current: "default", error: "" })),
);
export const SwitchProfile = vi.fn<typeof Companies.SwitchProfile>();
export const AddProfile = vi.fn<typeof Companies.AddProfile>();
export const RenameProfile = vi.fn<typeof Companies.RenameProfile>();
export const RemoveProfile = vi.fn<typeof Companies.RemoveProfile>();
export const RebindCompanyFile = vi.fn<typeof Connection.RebindCompanyFile>();
export const CreateRetainageItem = vi.fn<typeof Connection.CreateRetainageItem>();
export const FieldDescriptions = vi.fn<typeof Form.FieldDescriptions>(() => Promise.resolve(specs));
// Sent and in effect unless a test says otherwise.
export const SendSettings = vi.fn<typeof Sync.SendSettings>(() =>
  Promise.resolve(desktop.SendResult.createFrom({ sync: serviceSync(), error: "" })),
);
export const TakeServiceSettings = vi.fn<typeof Sync.TakeServiceSettings>();
// No QuickBooks service beside the app unless a test says otherwise.
export const Offer = vi.fn<typeof LocalService.Offer>(() => Promise.resolve(desktop.LocalOffer.createFrom({ available: false })));
export const SetUp = vi.fn<typeof LocalService.SetUp>();
export const CopyPassword = vi.fn<typeof LocalService.CopyPassword>();
export const WebConnector = vi.fn<typeof LocalService.WebConnector>();
// No Procore connection on the service unless a test says otherwise.
export const ProcoreStatus = vi.fn<typeof Procore.ProcoreStatus>(() =>
  Promise.resolve(desktop.ProcoreResult.createFrom({ state: { kept: false }, fieldErrors: [], error: "" })),
);
export const ValidateProcore = vi.fn<typeof Procore.ValidateProcore>(() => Promise.resolve([]));
export const ConnectProcore = vi.fn<typeof Procore.ConnectProcore>();
export const TestProcore = vi.fn<typeof Procore.TestProcore>();
export const DisconnectProcore = vi.fn<typeof Procore.DisconnectProcore>();
export const Activity = vi.fn<typeof Procore.Activity>(() => Promise.resolve(desktop.ActivityResult.createFrom({ lines: [], error: "" })));
// US English, following the system, unless a test says otherwise.
const localeInfo = desktop.LocaleInfo.createFrom({
  inUse: "en-US",
  chosen: "",
  system: "en-US",
  options: [
    { tag: "en-US", name: "English (United States)" },
    { tag: "en-GB", name: "English (United Kingdom)" },
    { tag: "en-AU", name: "English (Australia)" },
    { tag: "en-CA", name: "English (Canada)" },
  ],
  error: "",
});
export const Locale = vi.fn<typeof Language.Locale>(() => Promise.resolve(localeInfo));
export const ChooseLocale = vi.fn<typeof Language.ChooseLocale>(() => Promise.resolve(localeInfo));
