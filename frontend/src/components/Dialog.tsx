import { useId, useLayoutEffect, useRef, type ReactNode } from "react";
import { CloseIcon } from "./Icons";

interface DialogProps {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}

/** Where focus goes when a dialog closes: back to what opened it, or to the page if that is gone. */
function restoreFocus(opener: Element | null): void {
  if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) opener.focus();
  else document.getElementById("content")?.focus();
}

/**
 * A modal <dialog>: focus is kept inside, Escape and the close button call onClose, and when it
 * closes focus returns to the control that opened it.
 */
export function Dialog({ title, open, onClose, children, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  // Layout effect: its cleanup runs while the dialog is still in the page, before React removes it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      restoreFocus(opener);
    };
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? " dialog--wide" : ""}`}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="button button--quiet button--small" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {children}
    </dialog>
  );
}
