import { ReactNode } from "react";
import { Subtitle1, Text, makeStyles, tokens } from "@fluentui/react-components";

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
  heading: { margin: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

export function Section(props: { id: string; title: string; description?: string; children: ReactNode }) {
  const styles = useStyles();
  const headingId = `${props.id}-heading`;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Subtitle1 as="h2" id={headingId} className={styles.heading}>
          {props.title}
        </Subtitle1>
        {props.description && <Text className={styles.description}>{props.description}</Text>}
      </div>
      {props.children}
    </section>
  );
}
