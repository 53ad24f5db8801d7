import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { desktop } from "../../wailsjs/go/models";

const useStyles = makeStyles({
  // Set apart from the article's help: what the setting, as it is now,
  // does to the next sync.
  effect: {
    display: "block",
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    color: tokens.colorNeutralForeground1,
    ...typographyStyles.caption1,
  },
  pending: { color: tokens.colorNeutralForeground2 },
});

// EffectLine is what a setting does to the next sync, as Go words it
// from the rule's own code; and, when the QuickBooks service does not
// apply it yet, that it waits. id, when given, is for a control's
// aria-describedby (a Field gives its note one itself).
export function EffectLine({ effect, id, className }: { effect: desktop.SettingEffect | undefined; id?: string; className?: string }) {
  const styles = useStyles();
  if (!effect) return null;
  return (
    <span id={id} className={mergeClasses(styles.effect, className)} data-effect-applied={effect.applied}>
      {effect.text}
      {effect.pending && <span className={styles.pending}> {effect.pending}</span>}
    </span>
  );
}
