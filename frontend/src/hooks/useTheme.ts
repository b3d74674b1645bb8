import { useEffect } from "react";
import { useUiConfig } from "../api/general";

/**
 * Applies Settings → UI's theme to the page: "light" or "dark" override the system's preference
 * (styles.css keys the palettes on html[data-theme]); "auto" follows prefers-color-scheme.
 */
export function useTheme(): void {
  const theme = useUiConfig().data?.theme ?? "auto";
  useEffect(() => {
    const root = document.documentElement;
    if (theme === "auto") delete root.dataset.theme;
    else root.dataset.theme = theme;
  }, [theme]);
}
