// Wanted: Radarr's paged lists of films without a file (/wanted/missing) and below their cutoff (/wanted/cutoff).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { wantedQuery, type WantedKind, type WantedSort } from "../lib/wanted";
import type { Paged } from "./activity";
import { apiGet } from "./client";
import type { LibraryMovie } from "./types";

export const wantedKeys = { all: ["wanted"] as const };

/** A page of a wanted list, each record a MovieResource. */
export function useWanted(kind: WantedKind, page: number, pageSize: number, sort: WantedSort) {
  return useQuery({
    queryKey: [...wantedKeys.all, kind, page, pageSize, sort] as const,
    queryFn: ({ signal }) => apiGet<Paged<LibraryMovie>>(`/wanted/${kind}?${wantedQuery(page, pageSize, sort)}`, signal),
    placeholderData: keepPreviousData,
  });
}
