import { ReactNode } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { card } from "../ui/card";
import { useTypography } from "../ui/typography";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    ...card,
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
