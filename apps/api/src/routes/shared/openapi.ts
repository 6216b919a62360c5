/**
 * @module openapi
 * The OpenAPI parts routes share: the problem responses of each status, the ETag header of
 * reads, and the security requirements of reads and writes.
 */
import { z } from "zod";
import { Problem, problemTypes } from "../../problem.js";

const problemContent = { "application/problem+json": { schema: Problem } };

/** OpenAPI responses for problem statuses. */
export const problemResponses = <S extends number>(...statuses: S[]) => {
  const responses = {} as Record<S, { description: string; content: typeof problemContent }>;
  for (const status of statuses) {
    const title =
      Object.values(problemTypes).find((type) => type.status === status)?.title ?? "Error";
    responses[status] = { description: title, content: problemContent };
  }
  return responses;
};

/** The statuses every read can fail with. */
export const readProblems = problemResponses(400, 401, 403, 404, 503);

/** The headers a read sends. */
export const etagHeaders = z.object({
  ETag: z
    .string()
    .describe(
      "A weak validator of the answer, which changes only when the answer does; send it back as If-None-Match (304 when it matches).",
    ),
});

/** The data version an answer was read at. */
export const DataVersion = z
  .number()
  .int()
  .nonnegative()
  .describe(
    "The data version (the sequence number of the register's last change) the answer was read at.",
  );

/** OpenAPI security of a read: open, or an API key. */
export const readSecurity = [{}, { apiKey: [] }];
/** OpenAPI security of a write: an API key with the write scope. */
export const writeSecurity = [{ apiKey: [] }];
