import { useState } from "react";
import { desktop } from "../../wailsjs/go/models";
import * as connection from "../../wailsjs/go/desktop/Connection";
import { useGoCall } from "../goCall";
import { useT } from "../i18n";
import type { Draft } from "./draft";
import type { Saved } from "./saved";

// useConnectionTest is Test connection: the values in the form checked
// against the QuickBooks service without saving them, the readiness
// checklist it found, and the certificate a self-signed service asks the
// user to trust. A failure is the one problem it shows. The checklist and
// the certificate are of the values tested: once those change, they are
// dropped rather than shown beside values they do not describe.
export function useConnectionTest(draft: Draft, saved: Saved) {
  const t = useT();
  const call = useGoCall();
  const [testing, setTesting] = useState(false);
  const [problem, setProblem] = useState("");
  const [certificate, setCertificate] = useState<desktop.CertificateInfo | null>(null);
  const [result, setResult] = useState<desktop.ConnectionTestResult | null>(null);
  const [tested, setTested] = useState("");
  const current = JSON.stringify(draft.input);
  const stale = tested !== current;

  // test runs a test (or rebinds the company file, which tests after).
  const test = async (which: typeof connection.TestConnection = connection.TestConnection) => {
    setTesting(true);
    setProblem("");
    setCertificate(null);
    setResult(null);
    setTested(current);
    try {
      const a = await call(() => which(draft.input));
      if (a.failure !== undefined) return setProblem(a.failure);
      const res = a.result;
      if (res.fieldErrors?.length) {
        draft.showFieldErrors(res.fieldErrors);
      } else if (res.canceled) {
        setProblem(t("The test was canceled. The status was not changed."));
      } else {
        saved.patch({ status: res.status });
        setCertificate(res.certificate ?? null);
        setResult(res);
      }
    } finally {
      setTesting(false);
    }
  };

  const trust = async (c: desktop.CertificateInfo) => {
    const a = await call(() => connection.TrustCertificate(draft.values.serviceUrl, c.fingerprint, c.subject));
    if (a.failure !== undefined) return setProblem(a.failure);
    saved.patch({ trusted: a.result.trusted ?? [] });
    await test();
  };

  const untrust = async (origin: string) => {
    const a = await call(() => connection.RemoveTrustedCertificate(origin));
    if (a.failure !== undefined) return setProblem(a.failure);
    saved.patch({ trusted: a.result.trusted ?? [] });
  };

  return {
    testing,
    problem,
    certificate: stale ? null : certificate,
    result: stale ? null : result,
    test: () => test(),
    cancel: () => void call(() => connection.CancelConnectionTest()),
    rebind: () => test(connection.RebindCompanyFile),
    trust,
    untrust,
  };
}
