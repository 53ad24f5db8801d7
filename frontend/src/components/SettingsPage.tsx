import { FormEvent, useState } from "react";
import {
  Tab,
  TabList,
  Badge,
  Button,
  Caption1,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { main } from "../../wailsjs/go/models";
import { useSettingsForm } from "../useSettingsForm";
import { formatTime } from "../format";
import { ConnectionSection } from "./ConnectionSection";
import { ErrorSummary, focusField } from "./ErrorSummary";
import { GeneralSection } from "./GeneralSection";
import { HistoryView } from "./HistoryView";
import { ImportExport } from "./ImportExport";
import { CompanyBar } from "./CompanyBar";
import { ServiceSyncPanel } from "./ServiceSyncPanel";

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
  title: { margin: 0 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, "&[hidden]": { display: "none" } },
});

// onProfileChanged: another company was chosen (or the current one removed);
// the page is shown anew with its settings.
export function SettingsPage({ initial, onProfileChanged }: { initial: main.FormState; onProfileChanged?: () => void }) {
  const styles = useStyles();
  const form = useSettingsForm(initial);
  const { state, banner, dirty, saving } = form;
  const [view, setView] = useState<"settings" | "history">("settings");

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const firstError = await form.save();
    if (firstError) focusField(firstError);
  };

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Title2 as="h1" id="page-title" className={styles.title}>
          Integration Settings
        </Title2>
        <ImportExport form={form} />
        <CompanyBar dirty={dirty} onChanged={() => onProfileChanged?.()} />
      </header>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as "settings" | "history")}>
        <Tab value="settings">Settings</Tab>
        <Tab value="history">Change history</Tab>
      </TabList>
      {view === "history" && (
        <HistoryView
          key={state.revision}
          onRestore={(entry) => {
            form.restore(entry);
            setView("settings");
          }}
        />
      )}
      {/* Hidden, not unmounted, while the history shows: edits stay. */}
      <form className={styles.form} onSubmit={onSubmit} noValidate aria-labelledby="page-title" hidden={view !== "settings"}>
        {form.newerRevision > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              These settings were saved from somewhere else (revision {form.newerRevision}, for example from the command line).{" "}
              {dirty ? "Reload to see them; your unsaved changes here will be lost." : "Reload to see them."}
            </MessageBarBody>
            <MessageBarActions>
              <Button type="button" onClick={form.reload}>
                Reload
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {state.keychainProblem && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{state.keychainProblem}</MessageBarBody>
          </MessageBar>
        )}
        <ServiceSyncPanel form={form} />
        <ErrorSummary errors={form.errors} refusedOnly={form.refusedOnly} />
        <ConnectionSection form={form} />
        <GeneralSection form={form} />
        <footer className={styles.footer}>
          <Button type="submit" appearance="primary" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
            {saving ? "Saving…" : "Update"}
          </Button>
          {dirty && (
            <Badge appearance="tint" color="warning" size="large">
              Unsaved changes
            </Badge>
          )}
          <div aria-live="polite" role="status">
            {banner ? (
              <MessageBar intent={banner.intent} layout="multiline">
                <MessageBarBody>{banner.text}</MessageBarBody>
                {banner.conflict && (
                  <MessageBarActions>
                    <Button type="button" onClick={form.reload}>
                      Reload
                    </Button>
                  </MessageBarActions>
                )}
              </MessageBar>
            ) : (
              <Caption1 className={styles.savedInfo}>
                {state.savedAt ? `Last saved ${formatTime(state.savedAt)}.` : "Not saved yet."}
              </Caption1>
            )}
          </div>
        </footer>
      </form>
    </div>
  );
}
