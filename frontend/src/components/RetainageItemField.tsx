import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Button } from "../ui/Button";
import { desktop, settings } from "../../wailsjs/go/models";
import type { Draft } from "../form/draft";
import { type Refreshed, useItemRefresh, usePickerList } from "../form/items";
import { useT } from "../i18n";
import { ItemCombobox } from "./ItemCombobox";
import { useSpec } from "../fields";
import { CreateItemOffer } from "./CreateItemOffer";
import { SettingField } from "./SettingField";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
});

export function RetainageItemField({ draft, saved, refreshed }: { draft: Draft; saved: desktop.FormState; refreshed: Refreshed }) {
  const styles = useStyles();
  const t = useT();
  const { values, setValue, errors } = draft;
  const state = saved;
  const spec = useSpec(settings.Field.RetainageItem);
  const { count, refreshedAt } = state.itemList;
  const { refreshing, progress, outcome, refresh, cancel } = useItemRefresh(draft, refreshed);
  const { list, want } = usePickerList(state.itemList.version);

  const hint =
    count === 0
      ? t(
          'The items come from QuickBooks® through the service: fill in the connection settings, then click Refresh list. If QuickBooks has no retainage item yet, create a Service Item there first (for example "Retainage Payable").',
        )
      : refreshedAt
        ? t("{help} Missing an item? Create it in QuickBooks, then click Refresh list. List last refreshed {time}.", {
            help: spec.help,
            time: refreshedAt,
          })
        : t("{help} Missing an item? Create it in QuickBooks, then click Refresh list.", { help: spec.help });
  const progressText =
    progress === "running"
      ? t("QuickBooks is reading its item list…")
      : progress === "done"
        ? t("Loading the items…")
        : t("Waiting for the QuickBooks service…");

  return (
    <div className={styles.group}>
      <SettingField field={settings.Field.RetainageItem} errors={errors} hint={hint} effect={draft.effects[settings.Field.RetainageItem]}>
        <ItemCombobox
          list={list}
          onWant={want}
          selectedListId={values.retainageItem.listId}
          selectedName={values.retainageItem.fullName}
          placeholder={count === 0 ? t("No items yet: refresh the list") : t("Type to search, or pick from the list")}
          onSelect={(it) => {
            setValue(
              "retainageItem",
              settings.ItemRef.createFrom({ listId: it.listId, fullName: it.fullName }),
              settings.Field.RetainageItem,
            );
          }}
        />
      </SettingField>
      <div className={styles.actions}>
        <Button onClick={() => void refresh()} disabledFocusable={refreshing}>
          {t("Refresh list")}
        </Button>
        {refreshing && (
          <>
            <Spinner size="tiny" label={progressText} />
            <Button appearance="subtle" onClick={cancel}>
              {t("Cancel")}
            </Button>
          </>
        )}
        <div role="status" aria-live="polite">
          {!refreshing && outcome?.intent === "success" && <span>{outcome.text}</span>}
        </div>
      </div>
      <CreateItemOffer draft={draft} saved={saved} refreshed={refreshed} />
      {!refreshing && outcome?.intent === "error" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
