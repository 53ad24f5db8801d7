import { useEffect, useState } from "react";
import { desktop } from "../../wailsjs/go/models";
import { EventsOn } from "../../wailsjs/runtime/runtime";

// SignInWaitState is the wait a call to the QuickBooks service is in: the
// service slowed sign-ins down after wrong passwords, and Go tries the
// call again by itself once the seconds it sent (EventSignInSlowedDown)
// are over. seconds counts them down; began is the wait as it began, both
// 0 once it is over.
export type SignInWaitState = { seconds: number; began: number };

export function useSignInWait(): SignInWaitState {
  const [wait, setWait] = useState({ until: 0, began: 0 });
  const [now, setNow] = useState(() => Date.now());
  useEffect(
    () =>
      EventsOn(desktop.Event.SignInSlowedDown, (seconds: number) => {
        const start = Date.now();
        const s = Math.max(0, Math.round(seconds));
        setNow(start);
        setWait({ until: start + s * 1000, began: s });
      }),
    [],
  );
  useEffect(() => {
    if (wait.until <= now) return;
    const tick = setTimeout(() => setNow(Date.now()), Math.min(1000, wait.until - now));
    return () => clearTimeout(tick);
  }, [wait.until, now]);
  const seconds = Math.max(0, Math.ceil((wait.until - now) / 1000));
  return { seconds, began: seconds > 0 ? wait.began : 0 };
}
