import { vi } from "vitest";
import { main } from "../../wailsjs/go/models";
import { serviceSync, specs } from "./fixtures";

// The Go bindings (wailsjs/go/main/App), replaced at the module boundary:
//   vi.mock("../../wailsjs/go/main/App", () => import("../test/backendMock"));
// Every bound method is a vi.fn() the test can program.
export const Load = vi.fn();
export const Save = vi.fn();
export const Validate = vi.fn();
export const SetDirty = vi.fn();
export const FormShown = vi.fn();
export const ConfirmClose = vi.fn();
export const TestConnection = vi.fn();
export const CancelConnectionTest = vi.fn();
export const RefreshItems = vi.fn();
export const CancelRefresh = vi.fn();
export const TrustCertificate = vi.fn();
export const RemoveTrustedCertificate = vi.fn();
export const History = vi.fn();
export const StoredRevision = vi.fn();
export const ExportSettings = vi.fn();
export const PreviewImport = vi.fn();
export const ApplyImport = vi.fn();
// One company unless a test says otherwise.
export const Profiles = vi.fn(() => Promise.resolve({ profiles: [{ id: "default", name: "My company" }], current: "default", error: "" }));
export const SwitchProfile = vi.fn();
export const AddProfile = vi.fn();
export const RenameProfile = vi.fn();
export const RemoveProfile = vi.fn();
export const RebindCompanyFile = vi.fn();
export const CreateRetainageItem = vi.fn();
export const FieldDescriptions = vi.fn(() => Promise.resolve(specs));
// Sent and in effect unless a test says otherwise.
export const SendSettings = vi.fn(() => Promise.resolve(main.SendResult.createFrom({ sync: serviceSync(), error: "" })));
export const TakeServiceSettings = vi.fn();
// US English, following the system, unless a test says otherwise.
const localeInfo = main.LocaleInfo.createFrom({
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
export const Locale = vi.fn(() => Promise.resolve(localeInfo));
export const ChooseLocale = vi.fn(() => Promise.resolve(localeInfo));
