import { useState } from "react";
import { urlBase } from "../api/client";
import type { MediaCover } from "../api/types";
import { coverSources } from "../lib/movies";

interface PosterProps {
  images: readonly MediaCover[] | undefined;
  title: string;
  coverType?: "poster" | "fanart";
  className?: string;
  /** Below the fold in a long list: let the browser load it when it comes near. */
  lazy?: boolean;
  /** Decorative when the title is written next to it (alt=""), else named after the film. */
  decorative?: boolean;
}

/** A movie's cover: the locally cached copy, the remote one if that fails, then a placeholder. */
export function Poster({ images, title, coverType = "poster", className = "poster", lazy = true, decorative = true }: PosterProps) {
  const sources = coverSources(images, coverType, urlBase);
  // Counts failed sources of this list of sources; a new list (the cover got cached) starts over.
  const key = sources.join(" ");
  const [failures, setFailures] = useState({ key, count: 0 });
  const failed = failures.key === key ? failures.count : 0;
  const src = sources[failed];
  if (!src) {
    return (
      <div className={`${className} poster--none`} role={decorative ? undefined : "img"} aria-label={decorative ? undefined : title}>
        <span aria-hidden="true">{title}</span>
      </div>
    );
  }
  return (
    <img
      key={src}
      className={className}
      src={src}
      alt={decorative ? "" : `${title} ${coverType}`}
      loading={lazy ? "lazy" : "eager"}
      decoding="async"
      onError={() => setFailures({ key, count: failed + 1 })}
    />
  );
}
