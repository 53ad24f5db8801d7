import type { ReactNode } from "react";
import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

// VisuallyHidden is read by a screen reader and not shown: words said
// once where the screen shows them otherwise (a count down, a count of
// matches). role="status" makes them heard as they change.
export function VisuallyHidden({ children, status }: { children: ReactNode; status?: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.hidden} role={status ? "status" : undefined}>
      {children}
    </div>
  );
}
