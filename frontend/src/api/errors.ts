import type { ValidationFailure } from "./types";

/** A non-2xx answer; `body` is the parsed JSON (validation array or {message}) or null. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: unknown;

  constructor(status: number, body: unknown, fallback: string) {
    super(describeBody(body) ?? fallback);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
  }

  get validationFailures(): ValidationFailure[] {
    return isValidationArray(this.body) ? this.body : [];
  }
}

function isValidationArray(body: unknown): body is ValidationFailure[] {
  return Array.isArray(body) && body.every((item) => typeof item?.errorMessage === "string");
}

/** The user-facing text in an error body: validation messages joined, or the `message`. */
export function describeBody(body: unknown): string | undefined {
  if (isValidationArray(body) && body.length > 0) return body.map((f) => f.errorMessage).join(" ");
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
    return body.message || undefined;
  }
  return undefined;
}

/** A sentence for any error thrown by a request. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return "Reelarr could not be reached. Is it running?";
  return error instanceof Error ? error.message : String(error);
}
