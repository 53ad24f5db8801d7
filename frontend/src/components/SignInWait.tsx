import { MessageBar, MessageBarBody, makeStyles } from "@fluentui/react-components";
import { useSignInWait } from "../form/signInWait";
import { useT } from "../i18n";

const useStyles = makeStyles({
  // Read by a screen reader, not shown: the count below is shown instead.
  spoken: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

// SignInWait says that a call waits for the QuickBooks service, which
// slowed sign-ins down after wrong passwords, and counts down to the try
// after it. The count is seen, not read out every second: a screen reader
// hears the wait once, as it begins.
export function SignInWait() {
  const t = useT();
  const styles = useStyles();
  const { seconds, began } = useSignInWait();
  const words = (n: number) =>
    t(
      "The QuickBooks service is slowing sign-ins down after wrong passwords. Trying again in {seconds, plural, one {# second} other {# seconds}}.",
      { seconds: n },
    );
  return (
    <>
      <div role="status" className={styles.spoken}>
        {began > 0 ? words(began) : ""}
      </div>
      {seconds > 0 && (
        <MessageBar intent="info" layout="multiline" aria-hidden="true">
          <MessageBarBody>{words(seconds)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
