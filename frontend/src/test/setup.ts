import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, vi } from "vitest";

afterEach(cleanup);

// jsdom has no matchMedia; the theme follows it in the real web view.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => {},
      removeEventListener: () => {},
      addListener: () => {},
      removeListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// Tell React the tests run under act(), as Testing Library expects.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The Go bindings are replaced, for every test, at the module boundary by
// test/backendMock, whose vi.fn()s the tests program; everything above
// them is the real page.
vi.mock("../../wailsjs/go/desktop/Form", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/Connection", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/Companies", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/History", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/Transfer", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/Sync", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/Language", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/LocalService", () => import("./backendMock"));
vi.mock("../../wailsjs/go/desktop/Procore", () => import("./backendMock"));
