import { useCallback, useState } from "react";
import { desktop, settings } from "../../wailsjs/go/models";
import * as formService from "../../wailsjs/go/desktop/Form";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";
import type { Banner } from "./banner";
import { useDraft } from "./draft";
import { useSaved } from "./saved";
import { useServiceSync } from "./serviceSync";

// useSettingsForm is the settings page's state, in parts by what the user
// does: the draft they edit (and its field errors), the settings as Go has
// them, and the settings on the QuickBooks service; and what joins them:
// Update, Reload, a restore, and the one banner that says how the last of
// them went. Each part calls Go for itself, through goCall.
export function useSettingsForm(initial: desktop.FormState) {
  const t = useT();
  const call = useGoCall();
  const [banner, setBanner] = useState<Banner | null>(null);
  const [saving, setSaving] = useState(false);
  const showFailure = useCallback((text: string) => setBanner({ intent: "error", text }), []);
  // A success is old news once the user edits again.
  const edited = useCallback(() => setBanner((b) => (b?.intent === "success" ? null : b)), []);

  const saved = useSaved(initial, showFailure);
  const draft = useDraft(saved.state, showFailure, edited);
  const startFrom = (next: desktop.FormState) => {
    saved.replace(next);
    draft.reset(next);
  };
  const sync = useServiceSync(saved, setBanner, startFrom);

  // afterSave shows settings saved here (an Update, an import) and sends them.
  const afterSave = async (next: desktop.FormState, done: string) => {
    startFrom(next);
    setBanner({ intent: "info", text: done });
    await sync.send(false, done);
  };

  // save returns the field to focus when the save was refused for field errors.
  const save = async (): Promise<settings.Field | null> => {
    setSaving(true);
    setBanner(null);
    try {
      const a = await call(() => formService.Save(saved.state.revision, draft.input));
      if (a.failure !== undefined) {
        setBanner({ intent: "error", text: a.failure, conflict: a.result?.conflict });
        return null;
      }
      const res = a.result;
      if (res.fieldErrors?.length) {
        draft.showRefusal(res.fieldErrors);
        return res.fieldErrors[0].field;
      }
      if (!res.state) return null;
      const next = res.state;
      setSaving(false);
      await afterSave(next, t("Settings saved at {time}.", { time: next.savedAt }));
      return null;
    } finally {
      setSaving(false);
    }
  };

  const reload = async () => {
    const a = await saved.reload();
    if (a.failure !== undefined || !a.result.state) {
      setBanner({ intent: "error", text: a.failure ?? "" });
      return;
    }
    draft.reset(a.result.state);
    setBanner(null);
  };

  return {
    saved,
    draft,
    sync,
    banner,
    dismissBanner: () => setBanner(null),
    saving,
    save,
    reload,
    // restore loads a saved revision's settings for review.
    restore: (entry: desktop.HistoryEntry) => {
      draft.restore(entry);
      setBanner({
        intent: "info",
        text: t("Revision {revision} is loaded for review. Check it, then click Update to save it as a new revision.", {
          revision: entry.revision,
        }),
      });
    },
    // applySaved shows settings saved by another action (an import) and
    // sends them, as Update does.
    applySaved: afterSave,
    // itemsRefreshed takes a list read anew from QuickBooks, and asks Go at
    // once whether the chosen item is still in it.
    itemsRefreshed: (itemList: desktop.ItemListInfo) => {
      saved.patch({ itemList });
      if (draft.values.retainageItem.listId) draft.touchItem();
    },
  };
}
