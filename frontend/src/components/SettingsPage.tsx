import { FormEvent, useState } from "react";
import { MessageBar, MessageBarActions, MessageBarBody, Spinner, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { Tabs } from "../ui/Tabs";
import { useTypography } from "../ui/typography";
import { desktop } from "../../wailsjs/go/models";
import { useSettingsForm } from "../form/useSettingsForm";
import { useT } from "../i18n";
import { ConnectionSection } from "./ConnectionSection";
import { ErrorSummary } from "./ErrorSummary";
import { focusField } from "../form/draft";
import { GeneralSection } from "./GeneralSection";
import { HistoryView } from "./HistoryView";
import { ImportExport } from "./ImportExport";
import { ActivityView } from "./ActivityView";
import { CompanyBar } from "./CompanyBar";
import { LanguagePicker } from "./LanguagePicker";
import { ProcoreSection } from "./ProcoreSection";
import { ServiceSyncPanel } from "./ServiceSyncPanel";
import { SignInWait } from "./SignInWait";

const useStyles = makeStyles({
  page: {
    maxWidth: "820px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL} 0`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  footer: {
    position: "sticky",
    bottom: 0,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
    padding: `${tokens.spacingVerticalM} 0`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  savedInfo: { color: tokens.colorNeutralForeground2 },
  pageFoot: { display: "flex", paddingBottom: tokens.spacingVerticalXXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, "&[hidden]": { display: "none" } },
});

// onProfileChanged: another company was chosen (or the current one removed);
// the page is shown anew with its settings.
export function SettingsPage({
  initial,
  localeInfo,
  onProfileChanged,
  onLocaleChanged,
}: {
  initial: desktop.FormState;
  // The window's English, as App asked Go for it; no Language choice without it.
  localeInfo?: desktop.LocaleInfo;
  onProfileChanged?: () => void;
  onLocaleChanged?: () => void;
}) {
  const styles = useStyles();
  const type = useTypography();
  const t = useT();
  const form = useSettingsForm(initial);
  const { draft, saved, banner, saving } = form;
  const { state } = saved;
  const dirty = draft.dirty;
  const [view, setView] = useState<"settings" | "history" | "activity">("settings");
  const serviceSaved = state.revision > 0 && state.settings.serviceUrl !== "" && state.passwordStored;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const firstError = await form.save();
    if (firstError) focusField(firstError);
  };

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <h1 id="page-title" className={type.title2}>
          {t("Integration Settings")}
        </h1>
        <ImportExport applySaved={form.applySaved} />
        <CompanyBar dirty={dirty} onChanged={() => onProfileChanged?.()} />
      </header>
      <Tabs
        tabs={[
          { value: "settings", label: t("Settings") },
          { value: "history", label: t("Change history") },
          // Procore's requests, once the service that keeps them is saved.
          ...(serviceSaved ? [{ value: "activity" as const, label: t("Procore activity") }] : []),
        ]}
        selected={view}
        onSelect={setView}
      />
      {view === "history" && (
        <HistoryView
          key={state.revision}
          onRestore={(entry) => {
            form.restore(entry);
            setView("settings");
          }}
        />
      )}
      {view === "activity" && <ActivityView />}
      {/* Hidden, not unmounted, while the history shows: edits stay. */}
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="page-title" hidden={view !== "settings"}>
        {saved.newerRevision > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {dirty
                ? t(
                    "These settings were saved from somewhere else (revision {revision}, for example from the command line). Reload to see them; your unsaved changes here will be lost.",
                    { revision: saved.newerRevision },
                  )
                : t(
                    "These settings were saved from somewhere else (revision {revision}, for example from the command line). Reload to see them.",
                    {
                      revision: saved.newerRevision,
                    },
                  )}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={form.reload}>{t("Reload")}</Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {state.keychainProblem && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{state.keychainProblem}</MessageBarBody>
          </MessageBar>
        )}
        <SignInWait />
        <ServiceSyncPanel serviceSync={state.serviceSync} actions={form.sync} dirty={dirty} />
        <ErrorSummary errors={draft.errors} refusedOnly={draft.refusedOnly} />
        <ConnectionSection
          draft={draft}
          saved={saved}
          send={() => form.sync.send()}
          applySaved={form.applySaved}
          refreshed={form.itemsRefreshed}
        />
        {/* Read anew for another service: the section is the service's. */}
        <ProcoreSection key={`${state.settings.serviceUrl}|${serviceSaved}`} serviceSaved={serviceSaved} />
        <GeneralSection draft={draft} saved={state} refreshed={form.itemsRefreshed} />
        <footer className={styles.footer}>
          <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
            {saving ? t("Saving…") : t("Update")}
          </Button>
          {dirty && (
            <Badge appearance="tint" color="warning" size="large">
              {t("Unsaved changes")}
            </Badge>
          )}
          <div aria-live="polite" role="status">
            {banner ? (
              <MessageBar intent={banner.intent} layout="multiline">
                <MessageBarBody>{banner.text}</MessageBarBody>
                {banner.conflict && (
                  <MessageBarActions>
                    <Button onClick={form.reload}>{t("Reload")}</Button>
                  </MessageBarActions>
                )}
              </MessageBar>
            ) : (
              <span className={mergeClasses(type.caption1, styles.savedInfo)}>
                {state.savedAt ? t("Last saved {time}.", { time: state.savedAt }) : t("Not saved yet.")}
              </span>
            )}
          </div>
        </footer>
      </form>
      {/* Chosen once if ever: at the page's foot, out of the way of the
          settings, last in the Tab order. */}
      {localeInfo && (
        <div className={styles.pageFoot}>
          <LanguagePicker info={localeInfo} dirty={dirty} onChanged={() => onLocaleChanged?.()} />
        </div>
      )}
    </div>
  );
}
