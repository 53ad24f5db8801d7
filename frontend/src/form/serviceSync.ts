import { useState } from "react";
import { appservice, desktop } from "../../wailsjs/go/models";
import * as syncService from "../../wailsjs/go/desktop/Sync";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";
import type { Banner } from "./banner";
import type { Saved } from "./saved";

// syncBanner says, after what was done here (saved, if anything), where the
// settings stand on the QuickBooks service.
function syncBanner(t: ReturnType<typeof useT>, sync: desktop.ServiceSync, saved: string): Banner {
  switch (sync.status) {
    case appservice.SyncStatus.InEffect:
      return { intent: "success", text: t("{saved} They are in effect on the QuickBooks service.", { saved }).trim() };
    case appservice.SyncStatus.Kept:
      return {
        intent: "success",
        text: t("{saved} The QuickBooks service keeps them for the sync; it does not run the sync with Procore yet.", { saved }).trim(),
      };
    case appservice.SyncStatus.ChangedElsewhere:
      return {
        intent: "warning",
        text: t(
          "{saved} The settings on the QuickBooks service were changed from somewhere else: choose which to keep, at the top of the page.",
          { saved },
        ).trim(),
      };
    case appservice.SyncStatus.Pending:
      return {
        intent: "warning",
        text: t("{saved} They are not on the QuickBooks service yet. {reason}", { saved, reason: sync.message }).trim(),
      };
  }
  return { intent: saved ? "success" : "info", text: t("{saved} {message}", { saved, message: sync.message }).trim() };
}

// useServiceSync sends the saved settings to the QuickBooks service, where
// the sync runs with them, and takes the service's when the user chooses;
// what came of it is told through show.
export function useServiceSync(saved: Saved, show: (b: Banner) => void, takenAs: (next: desktop.FormState) => void) {
  const t = useT();
  const call = useGoCall();
  const [sending, setSending] = useState(false);

  // send sends the saved settings (keep: over the service's copy the user
  // was shown as changed elsewhere); done says what was just done here, for
  // the banner.
  const send = async (keep = false, done = "") => {
    setSending(true);
    try {
      const a = await call(() => syncService.SendSettings(keep));
      if (a.failure !== undefined || !a.result.sync) {
        show({ intent: "error", text: t("{saved} {error}", { saved: done, error: a.failure ?? "" }).trim() });
        return;
      }
      const serviceSync = a.result.sync;
      saved.patch({ serviceSync });
      show(syncBanner(t, serviceSync, done));
    } finally {
      setSending(false);
    }
  };

  const takeServices = async () => {
    const a = await call(() => syncService.TakeServiceSettings());
    if (a.failure !== undefined || !a.result.state) {
      show({ intent: "error", text: a.failure ?? "", conflict: a.result?.conflict });
      return;
    }
    takenAs(a.result.state);
    show({
      intent: "success",
      text: t("The QuickBooks service's settings were saved on this computer as revision {revision}. They are in effect there.", {
        revision: a.result.state.revision,
      }),
    });
  };

  return { sending, send, keepThisComputers: () => send(true), takeServices };
}

export type ServiceSync = ReturnType<typeof useServiceSync>;
