import { useState } from "react";
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { Button, LinkButton } from "../ui/Button";
import { Field } from "../ui/field";
import { TextInput } from "../ui/TextInput";
import { desktop } from "../../wailsjs/go/models";
import type { Draft } from "../form/draft";
import { type Refreshed, useCreateItem } from "../form/items";
import { useT } from "../i18n";

const useStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, alignItems: "flex-start" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
});

// CreateItemOffer creates the retainage item in QuickBooks through the
// service, so the bookkeeper need not leave the app: offered only when the
// service can and QuickBooks has no such item yet.
export function CreateItemOffer({ draft, saved, refreshed }: { draft: Draft; saved: desktop.FormState; refreshed: Refreshed }) {
  const styles = useStyles();
  const t = useT();
  const [open, setOpen] = useState(false);
  // The name the help article gives the item, in the locale's words
  // (Retainage Payable in the US, Retention in Britain and Australia).
  const [name, setName] = useState(() => t("Retainage Payable"));
  const { busy, problem, done, create, cancel } = useCreateItem(draft, refreshed);
  if (!saved.status.canCreateItems || (saved.itemList.hasRetainage && !done)) return null;

  return (
    <div className={styles.box}>
      <div role="status" aria-live="polite">
        {done && <span>{done}</span>}
      </div>
      {!open && !done && <LinkButton onClick={() => setOpen(true)}>{t("Create a Service Item in QuickBooks…")}</LinkButton>}
      {open && (
        <div className={styles.box} role="group" aria-label={t("Create a Service Item in QuickBooks")}>
          <span>{t("The item is created in the company file QuickBooks has open, as a Service item, then chosen here.")}</span>
          <div className={styles.row}>
            <Field label={t("Name of the new item")} hint={t("At most 31 characters, without a colon.")}>
              <TextInput value={name} onChange={setName} autoFocus maxLength={31} />
            </Field>
            <Button appearance="primary" onClick={() => void create(name).then((made) => made && setOpen(false))} disabledFocusable={busy}>
              {busy ? t("Creating…") : t("Create in QuickBooks")}
            </Button>
            <Button onClick={() => (busy ? cancel() : setOpen(false))}>{t("Cancel")}</Button>
          </div>
          <div role="status" aria-live="polite">
            {busy && (
              <span>
                {t("Waiting for QuickBooks to create the item. Through the QuickBooks Web Connector this can take a few minutes.")}
              </span>
            )}
          </div>
        </div>
      )}
      {problem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
