import { useEffect, useRef } from "react";
import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { appservice, desktop } from "../../wailsjs/go/models";
import { Button } from "../ui/Button";
import type { ServiceSync } from "../form/serviceSync";
import { useT } from "../i18n";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

const INTENT: Record<appservice.SyncStatus, "success" | "warning" | "info"> = {
  [appservice.SyncStatus.NothingSaved]: "info",
  [appservice.SyncStatus.InEffect]: "success",
  [appservice.SyncStatus.Kept]: "success",
  [appservice.SyncStatus.Pending]: "warning",
  [appservice.SyncStatus.ChangedElsewhere]: "warning",
  [appservice.SyncStatus.LocalOnly]: "info",
};

// ServiceSyncPanel says whether the QuickBooks service runs the sync with
// the saved settings: since when, or why not with Send now, or, when they
// were changed from somewhere else, the differences with the choice of
// which to keep. Go words every message; this only lays them out.
export function ServiceSyncPanel({
  serviceSync: sync,
  actions,
  dirty,
}: {
  serviceSync: desktop.ServiceSync | undefined;
  actions: ServiceSync;
  dirty: boolean;
}) {
  const styles = useStyles();
  const t = useT();
  // A choice that appears after an action (Update, Send now) takes the
  // keyboard's focus and comes into view; one there at start does not.
  const region = useRef<HTMLElement>(null);
  const wasChoice = useRef(sync?.status === appservice.SyncStatus.ChangedElsewhere);
  const isChoice = !actions.sending && sync?.status === appservice.SyncStatus.ChangedElsewhere;
  useEffect(() => {
    if (isChoice && !wasChoice.current) {
      region.current?.scrollIntoView({ block: "start" });
      region.current?.focus();
    }
    if (!actions.sending) wasChoice.current = isChoice;
  }, [isChoice, actions.sending]);
  if (actions.sending) {
    return (
      <div role="status">
        <Spinner size="tiny" labelPosition="after" label={t("Sending the settings to the QuickBooks service…")} />
      </div>
    );
  }
  if (!sync || sync.status === appservice.SyncStatus.NothingSaved) return null;
  const title =
    (sync.status === appservice.SyncStatus.InEffect || sync.status === appservice.SyncStatus.Kept) && sync.since
      ? t("{headline} since {time}", { headline: sync.headline, time: sync.since })
      : sync.headline;
  const elsewhere = sync.status === appservice.SyncStatus.ChangedElsewhere ? sync.elsewhere : undefined;
  return (
    <section aria-label={t("Settings on the QuickBooks service")} ref={region} tabIndex={-1}>
      <MessageBar intent={INTENT[sync.status]} layout="multiline">
        <MessageBarBody className={styles.body}>
          <MessageBarTitle>{title}</MessageBarTitle>
          <span>{sync.message}</span>
          {elsewhere && (
            <>
              {elsewhere.appliedAt && <span>{t("They were applied there {time}.", { time: elsewhere.appliedAt })}</span>}
              <Table size="small" className={styles.table} aria-label={t("Settings that differ")}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t("Setting")}</TableHeaderCell>
                    <TableHeaderCell>{t("On this computer")}</TableHeaderCell>
                    <TableHeaderCell>{t("On the QuickBooks service")}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(elsewhere.differences ?? []).map((d) => (
                    <TableRow key={d.field}>
                      <TableCell>{d.label}</TableCell>
                      <TableCell>{d.thisComputer}</TableCell>
                      <TableCell>{d.service}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {dirty && <span>{t("You have unsaved changes: click Update, or undo them, before you choose.")}</span>}
            </>
          )}
        </MessageBarBody>
        {sync.status === appservice.SyncStatus.Pending && (
          <MessageBarActions>
            <Button onClick={() => void actions.send()}>{t("Send now")}</Button>
          </MessageBarActions>
        )}
        {elsewhere && (
          <MessageBarActions>
            <Button onClick={() => void actions.keepThisComputers()} disabledFocusable={dirty}>
              {t("Keep this computer's settings")}
            </Button>
            <Button onClick={() => void actions.takeServices()} disabledFocusable={dirty}>
              {t("Take the service's settings")}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
    </section>
  );
}
