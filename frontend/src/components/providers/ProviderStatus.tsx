import type { Provider, TestAllResult } from "../../api/providers";
import { useDateFormats } from "../../hooks/useDateFormats";
import { formatDateTime } from "../../lib/format";

/** How a provider has been failing (nothing while it works). */
export function ProviderStatusNote({ provider }: { provider: Provider }) {
  const formats = useDateFormats();
  const status = provider.status;
  if (!status) return null;
  const now = Date.now();
  const paused = status.disabledTill && Date.parse(status.disabledTill) > now;
  return (
    <p className="provider-status" role="note">
      <strong>{paused ? `Paused until ${formatDateTime(status.disabledTill, formats, now)}` : "Failing"}</strong>
      {status.initialFailure && ` · failing since ${formatDateTime(status.initialFailure, formats, now)}`}
      {status.lastError && (
        <>
          <br />
          {status.lastError}
        </>
      )}
    </p>
  );
}

/** A provider's line of "Test all". */
export function TestResult({ result }: { result: TestAllResult | undefined }) {
  if (!result) return null;
  if (result.isValid) return <p className="badge badge--completed">Test passed</p>;
  return (
    <p className="provider-test-failure">
      <span className="badge badge--failed">Test failed</span> {result.validationFailures.map((f) => f.errorMessage).join(" ")}
    </p>
  );
}

