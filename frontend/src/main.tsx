import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App, prefetchSettings } from "./App";
import { withPlatformFonts } from "./ui/fonts";

const darkQuery = "(prefers-color-scheme: dark)";
const lightTheme = withPlatformFonts(webLightTheme);
const darkTheme = withPlatformFonts(webDarkTheme);

// The theme follows the system's light or dark setting, also when it
// changes while the app is open.
function useSystemDark(): boolean {
  const [dark, setDark] = useState(() => window.matchMedia(darkQuery).matches);
  useEffect(() => {
    const mq = window.matchMedia(darkQuery);
    const onChange = () => setDark(mq.matches);
    mq.addEventListener("change", onChange);
    return () => mq.removeEventListener("change", onChange);
  }, []);
  return dark;
}

function Root() {
  const dark = useSystemDark();
  const theme = dark ? darkTheme : lightTheme;
  useEffect(() => {
    document.body.style.backgroundColor = theme.colorNeutralBackground2;
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
  }, [theme, dark]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh", backgroundColor: theme.colorNeutralBackground2 }}>
      <App />
    </FluentProvider>
  );
}

prefetchSettings();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
