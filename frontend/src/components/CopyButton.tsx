import { useEffect, useState } from "react";

/**
 * Put text on the clipboard. The Clipboard API needs a secure context (https or localhost);
 * over plain http from another machine the older copy command still works.
 */
async function copyText(text: string): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("The browser refused to copy");
}

/** A Copy button for a value shown next to it; says "Copied" (or that copying failed) for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={label}
        onClick={() => copyText(text).then(() => setState("copied"), () => setState("failed"))}
      >
        Copy
      </button>
      <span className="copy-state" role="status">
        {state === "copied" && "Copied"}
        {state === "failed" && "Copying failed: select the text and copy it yourself"}
      </span>
    </>
  );
}
