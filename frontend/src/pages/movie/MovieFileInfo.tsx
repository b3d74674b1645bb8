import type { LibraryMovie, MediaInfo } from "../../api/types";
import { useDateFormats } from "../../hooks/useDateFormats";
import { formatBytes, formatLocalDate } from "../../lib/format";
import { fileState } from "../../lib/movies";

function join(...parts: (string | number | undefined | null | false)[]): string | undefined {
  const text = parts.filter((p) => p !== undefined && p !== null && p !== false && p !== "" && p !== 0).join(" · ");
  return text || undefined;
}

function mediaRows(info: MediaInfo | undefined): [string, string | undefined][] {
  if (!info) return [];
  return [
    ["Video", join(info.videoCodec, info.resolution, info.videoDynamicRangeType || info.videoDynamicRange, info.videoBitDepth && `${info.videoBitDepth}-bit`, info.videoFps && `${info.videoFps} fps`)],
    ["Audio", join(info.audioCodec, info.audioChannels && `${info.audioChannels} ch`, info.audioLanguages)],
    ["Subtitles", info.subtitles || undefined],
    ["Runtime", info.runTime],
  ];
}

/** The movie's file: name, quality, size and media info; or why there is none. */
export function MovieFileInfo({ movie }: { movie: LibraryMovie }) {
  const formats = useDateFormats();
  const file = movie.movieFile;
  if (!file) {
    const state = fileState(movie);
    return (
      <p>
        <span className={`badge badge--${state.tone}`}>{state.label}</span>{" "}
        <span className="muted">No file for this movie yet.</span>
      </p>
    );
  }
  const rows: [string, string | undefined][] = [
    ["File", file.relativePath ?? file.path],
    ["Quality", file.quality?.quality.name],
    ["Size", formatBytes(file.size)],
    ["Added", formatLocalDate(file.dateAdded, formats)],
    ["Release group", file.releaseGroup],
    ["Edition", file.edition],
    ["Languages", file.languages?.map((l) => l.name).join(", ")],
    ...mediaRows(file.mediaInfo),
  ];
  return (
    <dl className="facts">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
