// The real product under test: the Go backend (a dev build of the app,
// which serves the production frontend from frontend/dist at DEV_SERVER with
// its bindings over Wails' own IPC), on a fresh data folder with the real
// Secret Service, talking to the project's QuickBooks simulator. Nothing of
// the backend is replaced. `make e2e` builds both binaries and runs this
// under Xvfb (the app also opens its WebKit window) and a private keyring.
import { test as base, expect, Page } from "@playwright/test";
import { ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DEV_BINARY = path.join(root, "build/bin/qbsettings-dev");
const SIM_BINARY = path.join(root, "build/bin/qbsim");
const SERVICE_BINARY = path.join(root, "build/bin/qbservice");
const WEB_CONNECTOR_BINARY = path.join(root, "build/bin/qbwcemu");
const PROCORE_BINARY = path.join(root, "build/bin/procoreemu");
const CONTRACT = path.join(root, "docs/openapi.yaml");
const DEV_SERVER = "127.0.0.1:34115";
export const APP_URL = `http://${DEV_SERVER}/`;
export const SIM_USER = "demo";
export const SIM_PASSWORD = "demo-password";

// started runs a program and resolves once ready() holds on its output.
// With input, that is its standard input.
function started(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: (out: string) => boolean, what: string, input?: string) {
  return new Promise<{ proc: ChildProcess; output: () => string }>((resolve, reject) => {
    const proc = spawn(cmd, args, { env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    proc.stdin?.end(input);
    let out = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 20 s:\n${out}`)), 20_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready(out)) {
        clearTimeout(timer);
        resolve({ proc, output: () => out });
      }
    };
    proc.stdout?.on("data", onData);
    proc.stderr?.on("data", onData);
    proc.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) at start:\n${out}`));
    });
  });
}

function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => proc.kill("SIGKILL"), 5_000);
    proc.removeAllListeners("exit");
    proc.on("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    proc.kill("SIGTERM");
  });
}

// Simulator is a running qbsim on free loopback ports.
export class Simulator {
  constructor(
    private proc: ChildProcess,
    readonly url: string,
    readonly tlsURL: string,
    readonly fingerprint: string,
  ) {}

  static async start(args: string[] = []) {
    const tlsDir = mkdtempSync(path.join(tmpdir(), "qbsim-tls-"));
    const addresses = ["-addr", "127.0.0.1:0", "-tls-addr", "127.0.0.1:0", "-tls-dir", tlsDir];
    // Every exchange of the app's with the simulator is checked against the
    // service's contract; stop() fails the test on what it did not allow.
    const checked = ["-contract", CONTRACT];
    const { proc, output } = await started(
      SIM_BINARY,
      [...addresses, "-user", SIM_USER, "-password", SIM_PASSWORD, ...checked, ...args],
      process.env,
      (out) => out.includes("user "),
      "the simulator",
    );
    const out = output();
    const url = out.match(/http:\/\/[\d.:]+/)![0];
    const tlsURL = out.match(/https:\/\/[\d.:]+/)![0];
    const fingerprint = out.match(/SHA-256 ([0-9A-F:]+)/)![1];
    return new Simulator(proc, url, tlsURL, fingerprint);
  }

  async setFault(fault: string) {
    const res = await fetch(`${this.url}/_simulator/fault`, { method: "PUT", body: JSON.stringify({ fault }) });
    expect(res.status, `set fault ${fault}`).toBe(204);
  }

  // control sends one of the simulator's own control requests (docs/service-api.md).
  async control(path: string, body: unknown) {
    const res = await fetch(`${this.url}/_simulator/${path}`, { method: "PUT", body: JSON.stringify(body) });
    expect(res.status, `simulator ${path}`).toBe(204);
  }

  // listIdOf asks the service, as the app does, for an item's ListID.
  async listIdOf(fullName: string): Promise<string> {
    const auth = "Basic " + Buffer.from(`${SIM_USER}:${SIM_PASSWORD}`).toString("base64");
    const res = await fetch(`${this.url}/v1/items?active=all&limit=1000`, { headers: { Authorization: auth } });
    const page = (await res.json()) as { items: { listId: string; fullName: string }[] };
    const item = page.items.find((it) => it.fullName === fullName);
    expect(item, `item ${fullName}`).toBeDefined();
    return item!.listId;
  }

  // serviceSettings asks the service, as anyone may, what settings it runs with.
  async serviceSettings(): Promise<{ settings: Record<string, unknown> | null; appliedBy?: { computer: string; user: string } }> {
    const auth = "Basic " + Buffer.from(`${SIM_USER}:${SIM_PASSWORD}`).toString("base64");
    const res = await fetch(`${this.url}/v1/settings`, { headers: { Authorization: auth } });
    expect(res.status).toBe(200);
    return (await res.json()) as { settings: Record<string, unknown> | null };
  }

  // changeSettings changes the service's settings as another PC would.
  async changeSettings(patch: Record<string, unknown>, appliedBy: { computer: string; user: string }) {
    const current = await this.serviceSettings();
    await this.control("settings", { settings: { ...current.settings, ...patch }, appliedBy });
  }

  async addToQuickBooks(item: { listId: string; fullName: string; type: string; isActive: boolean }) {
    const res = await fetch(`${this.url}/_simulator/quickbooks/items`, { method: "POST", body: JSON.stringify(item) });
    expect(res.status).toBe(204);
  }

  // stop fails the test for every exchange the service's contract did not
  // allow (docs/openapi.yaml), and when none reached the simulator (then
  // nothing was checked), then stops the simulator.
  async stop() {
    try {
      const res = await fetch(`${this.url}/_simulator/contract`);
      const report = (await res.json()) as { checked: number; problems: string[] };
      expect(report.problems, `exchanges the contract (docs/openapi.yaml) does not allow, of ${report.checked}`).toEqual([]);
      expect(report.checked, "exchanges with the simulator checked against the contract").toBeGreaterThan(0);
    } finally {
      await stop(this.proc);
    }
  }
}

// QuickBooksService is the project's QuickBooks service (cmd/qbservice) as
// it runs on the QuickBooks PC: an account set by script, its .qwc file
// written, and the emulated Web Connector (with QuickBooks behind it) added
// from that file, calling every second. Ready once the Web Connector has
// called. QuickBooks' faults are set while it runs (setQuickBooks); the Web
// Connector can be stopped and started again (quiet: how long the service
// lets it go without calling, `serve -quiet`).
export class QuickBooksService {
  static readonly user = "procore-sync";
  static readonly password = "correct horse battery staple";
  private webConnector!: ChildProcess;
  private webConnectorOutput!: () => string;
  private control!: string;
  private constructor(
    private service: ChildProcess,
    private dir: string,
    private data: string,
    readonly url: string,
  ) {}

  static async start(options: { quiet?: string } = {}) {
    const dir = mkdtempSync(path.join(tmpdir(), "qbservice-e2e-"));
    const data = path.join(dir, "service");
    const port = await freePort();
    const url = `http://localhost:${port}`;
    execFileSync(SERVICE_BINARY, ["account", "set", "-data", data, QuickBooksService.user], { input: QuickBooksService.password + "\n" });
    const qwc = execFileSync(SERVICE_BINARY, [
      "qwc",
      "-user",
      QuickBooksService.user,
      "-url",
      `${url}/qbwc`,
      "-name",
      "Summit Ridge Builders",
    ]);
    writeFileSync(path.join(dir, "company.qwc"), qwc);
    const quiet = options.quiet ? ["-quiet", options.quiet] : [];
    const { proc: service } = await started(
      SERVICE_BINARY,
      // Procore's deliveries read every second, not every 30: a journey waits less.
      ["serve", "-data", data, "-addr", `localhost:${port}`, "-poll", "1s", ...quiet],
      process.env,
      (out) => out.includes("msg=serving"),
      "the QuickBooks service",
    );
    const qb = new QuickBooksService(service, dir, data, url);
    await qb.startWebConnector();
    await qb.waitForTheWebConnector();
    return qb;
  }

  // startWebConnector starts the emulated Web Connector, which reads its
  // password from standard input and says where QuickBooks' faults are
  // set, and returns once it has called.
  async startWebConnector() {
    const { proc, output } = await started(
      WEB_CONNECTOR_BINARY,
      ["-qwc", path.join(this.dir, "company.qwc"), "-items", "300", "-retainage=false", "-every", "1s", "-control", "127.0.0.1:0"],
      process.env,
      (out) => /control http:\/\/\S+\n/.test(out) && / session \d+: /.test(out),
      "the emulated Web Connector",
      QuickBooksService.password + "\n",
    );
    this.webConnector = proc;
    this.webConnectorOutput = output;
    this.control = /control (http:\/\/\S+)\n/.exec(output())![1];
  }

  // stopWebConnector stops the Web Connector, as a user who closes it (or a
  // PC restarted without it) does: the service hears nothing more. It stops
  // between two sessions (one stopped halfway would keep the service busy
  // for two minutes, as it would with the real one).
  async stopWebConnector() {
    const before = this.sessions();
    const deadline = Date.now() + 20_000;
    while (this.sessions() === before) {
      if (Date.now() > deadline) throw new Error("the Web Connector did not finish a session in 20 s");
      await new Promise((r) => setTimeout(r, 20));
    }
    await stop(this.webConnector);
  }

  private sessions() {
    return this.webConnectorOutput().match(/ session \d+: /g)?.length ?? 0;
  }

  // queue is the work the service has queued or running for QuickBooks,
  // as `qbservice status -json` says it.
  queue(): { id: string; kind: string; state: string; attempts: number; hresult?: string }[] {
    const out = execFileSync(SERVICE_BINARY, ["status", "-json", "-data", this.data], { encoding: "utf8" });
    return (JSON.parse(out) as { queue: { id: string; kind: string; state: string; attempts: number; hresult?: string }[] }).queue;
  }

  // waitForTheWebConnector waits until health answers 200: the Web
  // Connector called and QuickBooks opened the company file.
  private async waitForTheWebConnector() {
    const auth = "Basic " + Buffer.from(`${QuickBooksService.user}:${QuickBooksService.password}`).toString("base64");
    const deadline = Date.now() + 20_000;
    for (;;) {
      const res = await fetch(`${this.url}/v1/health`, { headers: { Authorization: auth } }).catch(() => undefined);
      if (res?.status === 200) return;
      if (Date.now() > deadline) throw new Error(`the Web Connector did not call the QuickBooks service in 20 s (health ${res?.status})`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  // setQuickBooks puts the emulated QuickBooks in state (qbwcemu.Control):
  // a fault the readiness checklist names ({} mends it). Unless told not
  // to wait, it returns once the Web Connector has called the service twice
  // since, so that the service has seen the state whatever session was
  // under way.
  async setQuickBooks(
    state: { openFails?: string; failing?: string; addRefused?: number; fileMode?: "SingleUser"; slowness?: string },
    wait = true,
  ) {
    const before = this.sessions();
    const res = await fetch(`${this.control}/quickbooks`, { method: "PUT", body: JSON.stringify(state) });
    if (res.status !== 204) throw new Error(`QuickBooks was not put in ${JSON.stringify(state)}: ${res.status} ${await res.text()}`);
    const deadline = Date.now() + 30_000;
    while (wait && this.sessions() < before + 2) {
      if (Date.now() > deadline) throw new Error("the Web Connector did not call the QuickBooks service in 30 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  // log is what the service wrote to its log so far.
  log(): string {
    return readFileSync(path.join(this.data, "qbservice.log"), "utf8");
  }

  async stop() {
    await stop(this.webConnector);
    await stop(this.service);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ProcoreEmulator is Procore as the project emulates it from Procore's
// public documents (internal/cmd/procoreemu): one company and its service
// account, the API at url and the controls (what a user does in Procore,
// what Procore does at its worst) at control.
export class ProcoreEmulator {
  static readonly company = "4242";
  static readonly companyName = "Summit Construction";
  static readonly clientId = "svc-account";
  static readonly secret = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  private constructor(
    private proc: ChildProcess,
    readonly url: string,
    readonly control: string,
  ) {}

  static async start() {
    const { proc, output } = await started(
      PROCORE_BINARY,
      ["-company", ProcoreEmulator.company, "-name", ProcoreEmulator.companyName, "-client-id", ProcoreEmulator.clientId],
      process.env,
      (out) => /control http:\/\/\S+\n/.test(out),
      "the Procore emulator",
      ProcoreEmulator.secret + "\n",
    );
    const url = /procore (http:\/\/\S+)\n/.exec(output())![1];
    const control = /control (http:\/\/\S+)\n/.exec(output())![1];
    return new ProcoreEmulator(proc, url, control);
  }

  // sendToERP plays a user's action in Procore's ERP Integrations tool,
  // accepted by the approver: an ERP Request named name, with a Request
  // Detail, its event delivered (and failing, to an office PC).
  async sendToERP(name: string, data: Record<string, unknown> = {}) {
    const res = await fetch(`${this.control}/send-to-erp`, {
      method: "POST",
      body: JSON.stringify({ company: Number(ProcoreEmulator.company), name, data, detail: true }),
    });
    if (res.status !== 200) throw new Error(`send-to-erp: ${res.status}`);
    return (await res.json()) as { requestId: number; detailId: number };
  }

  // addStagedVendor plays a user pressing Add to Procore for a QuickBooks
  // vendor staged in the ERP Integrations tool: a Procore vendor linked to
  // it. It returns the vendor's Procore id.
  async addStagedVendor(originId: string) {
    const res = await fetch(`${this.control}/add-staged-vendor`, {
      method: "POST",
      body: JSON.stringify({ company: Number(ProcoreEmulator.company), originId }),
    });
    if (res.status !== 200) throw new Error(`add-staged-vendor: ${res.status}`);
    return ((await res.json()) as { vendorId: number }).vendorId;
  }

  // exportCommitment plays a user exporting a commitment from a project,
  // accepted by the approver (procoreemu.ExportedCommitment).
  async exportCommitment(commitment: Record<string, unknown>) {
    const res = await fetch(`${this.control}/export-commitment`, {
      method: "POST",
      body: JSON.stringify({ company: Number(ProcoreEmulator.company), commitment }),
    });
    if (res.status !== 200) throw new Error(`export-commitment: ${res.status}`);
    return (await res.json()) as { requestId: number; detailId: number; commitmentId: number };
  }

  // exportRequisition plays a user exporting a subcontractor invoice on
  // a commitment, accepted by the approver (procoreemu.ExportedRequisition).
  async exportRequisition(requisition: Record<string, unknown>) {
    const res = await fetch(`${this.control}/export-requisition`, {
      method: "POST",
      body: JSON.stringify({ company: Number(ProcoreEmulator.company), requisition }),
    });
    if (res.status !== 200) throw new Error(`export-requisition: ${res.status}`);
    return (await res.json()) as { requestId: number; detailId: number; requisitionId: number };
  }

  // advance moves Procore's clock on: behind a firewall, the events
  // queued behind a failing delivery reach the service when Procore
  // discards its queue (after 12 hours).
  async advance(seconds: number) {
    const res = await fetch(`${this.control}/advance`, { method: "POST", body: JSON.stringify({ seconds }) });
    if (res.status !== 204) throw new Error(`advance: ${res.status}`);
  }

  // refuseTokens plays an account whose access was taken away (on), or
  // given back.
  async refuseTokens(on: boolean) {
    const res = await fetch(`${this.control}/refuse-tokens`, { method: "POST", body: JSON.stringify({ on }) });
    if (res.status !== 204) throw new Error(`refuse-tokens: ${res.status}`);
  }

  async stop() {
    await stop(this.proc);
  }
}

// LocalServiceHome is the QuickBooks service on "this computer" for the
// app to set up by itself (Use the QuickBooks service on this computer):
// the app finds build/bin/qbservice beside it and starts it on a free port
// (env, given to the app) with a data folder of its own. The Web Connector
// is added later, from the file the app wrote, with the password it keeps.
export class LocalServiceHome {
  private webConnector?: ChildProcess;
  private constructor(
    private dir: string,
    readonly url: string,
  ) {}

  static async make() {
    const dir = mkdtempSync(path.join(tmpdir(), "local-service-e2e-"));
    return new LocalServiceHome(dir, `http://localhost:${await freePort()}`);
  }

  get env(): NodeJS.ProcessEnv {
    return { XDG_CONFIG_HOME: path.join(this.dir, "config"), QBSETTINGS_LOCAL_SERVICE_URL: this.url };
  }

  // password is the company's, read from the keychain as an administrator
  // could (secret-tool), since the window never shows it. The keychain
  // library keeps an item as JSON, its data in base64.
  password(profile = "default", user = "procore-sync") {
    const item = execFileSync("secret-tool", ["lookup", "profile", `profile ${profile}, user ${user}`], { encoding: "utf8" });
    return Buffer.from((JSON.parse(item) as { Data: string }).Data, "base64").toString("utf8");
  }

  // addWebConnector adds the application of the .qwc file at qwcPath, with
  // QuickBooks behind it (a Retainage Payable item among 50), on Auto-Run.
  async addWebConnector(qwcPath: string, password: string) {
    const { proc } = await started(
      WEB_CONNECTOR_BINARY,
      ["-qwc", qwcPath, "-items", "50", "-every", "1s"],
      process.env,
      (out) => out.includes("session 1:"),
      "the emulated Web Connector",
      password + "\n",
    );
    this.webConnector = proc;
  }

  // removeWebConnector stops the Web Connector added last (its application
  // removed, to be added again).
  async removeWebConnector() {
    if (this.webConnector) await stop(this.webConnector);
    this.webConnector = undefined;
  }

  async stop() {
    await this.removeWebConnector();
    execFileSync(SERVICE_BINARY, ["stop"], { env: { ...process.env, ...this.env } });
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

// App is the real backend on its own data folder.
export class App {
  private proc?: ChildProcess;
  readonly dataDir = mkdtempSync(path.join(tmpdir(), "qbsettings-e2e-"));
  // env is added to the app's environment at its next start (the system's
  // locale, for one).
  env: NodeJS.ProcessEnv = {};

  async start() {
    const env = {
      ...process.env,
      ...this.env,
      QBSETTINGS_DATA_DIR: this.dataDir,
      devserver: DEV_SERVER,
      assetdir: path.join(root, "frontend/dist"),
    };
    const { proc, output } = await started(DEV_BINARY, [], env, (out) => out.includes("Serving DevServer"), "the app");
    this.proc = proc;
    // The line comes just before the server listens: wait until it answers.
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        if ((await fetch(APP_URL)).ok) return;
      } catch {
        // not listening yet
      }
      if (!this.running()) throw new Error(`the app exited at start:\n${output()}`);
      if (Date.now() > deadline) throw new Error(`the app did not answer at ${APP_URL} in 15 s:\n${output()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async stop() {
    if (this.proc) await stop(this.proc);
  }

  running() {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  // cli runs the same executable's command line on this app's data folder,
  // as IT would while the window is open.
  cli(...args: string[]) {
    return execFileSync(DEV_BINARY, args, { env: { ...process.env, QBSETTINGS_DATA_DIR: this.dataDir }, encoding: "utf8" });
  }

  // logged returns the lines of the app's own log (in its data folder)
  // that hold all of the given words: what the backend did, as it records it.
  logged(...words: string[]): string[] {
    let log = "";
    try {
      log = readFileSync(path.join(this.dataDir, "qbsettings.log"), "utf8");
    } catch {
      // no log yet
    }
    return log.split("\n").filter((line) => words.every((w) => line.includes(w)));
  }

  async restart() {
    await this.stop();
    await this.start();
  }

  remove() {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

// open loads the app in the page and waits for the form.
export async function open(page: Page) {
  await page.goto(APP_URL);
  await expect(page.getByRole("heading", { name: "Integration Settings", level: 1 })).toBeVisible();
}

// Every test gets its own app on a fresh data folder, whether it names it
// or not, and its own simulator when it names one (a simulator no exchange
// reached fails the test: see stop).
export const test = base.extend<{ sim: Simulator; app: App; qbservice: QuickBooksService; procore: ProcoreEmulator }>({
  sim: async ({}, provide) => {
    const sim = await Simulator.start();
    await provide(sim);
    await sim.stop();
  },
  qbservice: async ({}, provide) => {
    const qb = await QuickBooksService.start();
    await provide(qb);
    await qb.stop();
  },
  procore: async ({}, provide) => {
    const emu = await ProcoreEmulator.start();
    await provide(emu);
    await emu.stop();
  },
  app: [
    async ({}, use) => {
      const app = new App();
      await app.start();
      await use(app);
      await app.stop();
      if (process.env.E2E_KEEP_DATA) console.log("data folder kept:", app.dataDir);
      else app.remove();
    },
    { auto: true },
  ],
});

export { expect };
