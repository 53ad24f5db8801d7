import { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTypography } from "../ui/typography";

// A section is a card as Windows 11's own settings draw theirs: a thin
// stroke, no shadow (a blurred shadow as large as a section cost WebKit
// 3 MiB to draw; docs/memory.md).
const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  description: { color: tokens.colorNeutralForeground2 },
});

export function Section(props: { id: string; title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  const type = useTypography();
  const headingId = `${props.id}-heading`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.header}>
        <h2 id={headingId} className={type.subtitle1}>
          {props.title}
        </h2>
        {props.description && <span className={styles.description}>{props.description}</span>}
      </div>
      {props.children}
    </section>
  );
}
