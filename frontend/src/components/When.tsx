import { formatDateTime, formatLongDateTime, type DateFormats } from "../lib/format";

/** An instant as every page writes it ("Today at 3:05pm"), in full on hover. */
export function When({ value, formats, now }: { value: string | null | undefined; formats: DateFormats; now: number }) {
  return <span title={formatLongDateTime(value, formats)}>{formatDateTime(value, formats, now)}</span>;
}
