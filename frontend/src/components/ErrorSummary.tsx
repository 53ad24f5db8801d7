import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { LinkButton } from "../ui/Button";
import { useT } from "../i18n";
import { type FieldErrors, focusField } from "../form/draft";
import { useSpecs } from "../fields";

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

// refusedOnly: every problem is a value the QuickBooks service refused, so
// the settings are saved here, just not in effect there.
export function ErrorSummary({ errors, refusedOnly = false }: { errors: FieldErrors; refusedOnly?: boolean }) {
  const t = useT();
  const styles = useStyles();
  // In the form's order, by the fields' labels.
  const problems = useSpecs()
    .filter((s) => errors[s.key])
    .map((s) => [s.key, s.label] as const);
  if (problems.length === 0) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {t("{count, plural, one {One setting needs your attention} other {# settings need your attention}}", { count: problems.length })}
        </MessageBarTitle>
        {refusedOnly
          ? t("The settings are saved on this computer, but the QuickBooks service refused these values. Fix them, then click Update:")
          : t("The settings were not saved. Fix these, then click Update:")}
        <ul className={styles.list}>
          {problems.map(([f, name]) => (
            <li key={f}>
              <LinkButton onClick={() => focusField(f)}>{name}</LinkButton>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
