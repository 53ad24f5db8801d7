import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useSignInWait } from "../form/signInWait";
import { useT } from "../i18n";
import { VisuallyHidden } from "../ui/VisuallyHidden";

// SignInWait says that a call waits for the QuickBooks service, which
// slowed sign-ins down after wrong passwords, and counts down to the try
// after it. The count is seen, not read out every second: a screen reader
// hears the wait once, as it begins.
export function SignInWait() {
  const t = useT();
  const { seconds, began } = useSignInWait();
  const words = (n: number) =>
    t(
      "The QuickBooks service is slowing sign-ins down after wrong passwords. Trying again in {seconds, plural, one {# second} other {# seconds}}.",
      { seconds: n },
    );
  return (
    <>
      <VisuallyHidden status>{began > 0 ? words(began) : ""}</VisuallyHidden>
      {seconds > 0 && (
        <MessageBar intent="info" layout="multiline" aria-hidden="true">
          <MessageBarBody>{words(seconds)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
