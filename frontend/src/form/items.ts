import { useCallback, useEffect, useState } from "react";
import { desktop, settings } from "../../wailsjs/go/models";
import * as connection from "../../wailsjs/go/desktop/Connection";
import { EventsOn } from "../../wailsjs/runtime/runtime";
import { useGoCall } from "../goCall";
import { type PickerList, pickerList } from "./pickerList";
import { useT } from "../i18n";
import type { Draft } from "./draft";

// Refreshed takes what the page knows of a list read anew from QuickBooks.
export type Refreshed = (itemList: desktop.ItemListInfo) => void;

type Outcome = { intent: "success" | "error"; text: string } | null;

// useItemRefresh is Refresh list: the service re-reads QuickBooks' items
// with the connection values in the form, reporting its progress; the
// stored list stays unless it succeeds.
export function useItemRefresh(draft: Draft, refreshed: Refreshed) {
  const t = useT();
  const call = useGoCall();
  const [refreshing, setRefreshing] = useState(false);
  const [progress, setProgress] = useState("");
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => EventsOn(desktop.Event.ItemsRefreshProgress, (s: string) => setProgress(s)), []);

  const refresh = async () => {
    setRefreshing(true);
    setProgress("queued");
    setOutcome(null);
    try {
      const a = await call(() => connection.RefreshItems(draft.input));
      if (a.failure !== undefined) return setOutcome({ intent: "error", text: a.failure });
      const res = a.result;
      if (res.fieldErrors?.length) {
        draft.showFieldErrors(res.fieldErrors);
        setOutcome({ intent: "error", text: t("Fill in the connection settings first: the list comes from the QuickBooks service.") });
        return;
      }
      refreshed(res.itemList);
      const done = t("The list was refreshed from QuickBooks: {count, plural, one {# item} other {# items}}.", {
        count: res.itemList.count,
      });
      const leftOut = res.leftOut ?? 0;
      setOutcome({
        intent: "success",
        text:
          leftOut > 0
            ? done +
              " " +
              t(
                "{count, plural, one {# item the QuickBooks service sent is not one} other {# items the QuickBooks service sent are not ones}} QuickBooks could have (an ID or name too long, or a hidden character), so {count, plural, one {it was} other {they were}} left out. Refresh the list again; if it happens again, restart the QuickBooks service.",
                { count: leftOut },
              )
            : done,
      });
    } finally {
      setRefreshing(false);
    }
  };

  return { refreshing, progress, outcome, refresh, cancel: () => void call(() => connection.CancelRefresh()) };
}

// usePickerList is the stored list as the picker holds it: asked of Go
// when the picker is first wanted (focused or opened), not as the form
// starts: a bookkeeper who opens the window for another setting never pays
// for 20,000 items, in time or memory (issue 33). Asked again when the
// list's version changes, once wanted. list is null while it comes, or
// when it could not be had (its failure was shown).
export function usePickerList(version: number): { list: PickerList | null; want: () => void } {
  const call = useGoCall();
  const [wanted, setWanted] = useState(false);
  const [list, setList] = useState<PickerList | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void call(() => connection.ItemIndex()).then((a) => {
      if (live && a.failure === undefined) setList(pickerList(a.result));
    });
    return () => {
      live = false;
    };
  }, [wanted, version, call]);
  const want = useCallback(() => setWanted(true), []);
  return { list, want };
}

// useCreateItem is Create a Service Item in QuickBooks: the retainage item
// made through the service, the list refreshed, and the item chosen.
export function useCreateItem(draft: Draft, refreshed: Refreshed) {
  const t = useT();
  const call = useGoCall();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState("");
  const [done, setDone] = useState("");

  // create returns whether the item was made.
  const create = async (name: string): Promise<boolean> => {
    setBusy(true);
    setProblem("");
    try {
      const a = await call(() => connection.CreateRetainageItem(draft.input, name));
      if (a.failure !== undefined) {
        setProblem(a.failure);
        return false;
      }
      const res = a.result;
      if (res.fieldErrors?.length) {
        draft.showFieldErrors(res.fieldErrors);
        setProblem(t("Fill in the connection settings first: the item is created through the QuickBooks service."));
        return false;
      }
      if (!res.item) {
        setProblem(t("The item was not created."));
        return false;
      }
      refreshed(res.itemList);
      draft.setValue(
        "retainageItem",
        settings.ItemRef.createFrom({ listId: res.item.listId, fullName: res.item.fullName }),
        settings.Field.RetainageItem,
      );
      setDone(t('Created "{name}" in QuickBooks and chose it. Click Update to save.', { name: res.item.fullName }));
      return true;
    } finally {
      setBusy(false);
    }
  };

  // cancel stops waiting; a service that queued the item still makes it.
  return { busy, problem, done, create, cancel: () => void call(() => connection.CancelCreateItem()) };
}
