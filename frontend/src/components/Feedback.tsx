import { errorText } from "../api/errors";

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  return (
    <div className="alert alert--error" role="alert">
      {title && <strong>{title}: </strong>}
      {errorText(error)}
    </div>
  );
}
