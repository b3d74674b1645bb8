import { useToasts } from "../live/LiveProvider";

/** Grabs, imports and failures as they happen: a polite live region in a corner, each toast closable. */
export function Toasts() {
  const { toasts, dismiss } = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <div className="toast-text">
            <strong>{toast.heading}</strong>
            {toast.detail && <span className="toast-detail">{toast.detail}</span>}
          </div>
          <button type="button" className="toast-close" aria-label={`Dismiss: ${toast.heading}`} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
