import { defineConfig } from "@playwright/test";

// End-to-end journeys in Debian's Chromium (the engine of WebView2) against
// the real Go backend: see e2e/harness.ts. Run by `make e2e`.
export default defineConfig({
  testDir: "e2e",
  // One app at a time: every journey starts its own backend on one port.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "../.artifacts/e2e-results",
  use: {
    viewport: { width: 900, height: 860 },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
