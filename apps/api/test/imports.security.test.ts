/**
 * The import routes need the `admin` scope: no key is a 401, a read or write key a 403,
 * and a file over `IMPORT_BODY_LIMIT_BYTES` (its declared length) a 413 before anything is
 * read. Nothing is written.
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { api, call, expectProblem, lastSeq } from "./harness.js";

const body = '"03A","X2C4Y",2021-04-01\n';
const path = "/v1/imports?kind=ods-successors&name=succ.csv&published=2022-09-26";

describe("import routes × keys", () => {
  it("401s without a key and 403s a read or write key, on both routes", async () => {
    const before = await lastSeq();
    await expectProblem(
      await call(path, { method: "POST", body, headers: { "Content-Type": "text/csv" } }),
      401,
    );
    await expectProblem(await call("/v1/imports"), 401);
    for (const key of [api().keys.read, api().keys.write]) {
      await expectProblem(
        await call(path, { method: "POST", key, body, headers: { "Content-Type": "text/csv" } }),
        403,
        "forbidden",
      );
      await expectProblem(await call("/v1/imports", { key }), 403, "forbidden");
    }
    expect(await lastSeq()).toBe(before);
  });

  it("413s a file declared larger than the import limit, before reading it", async () => {
    const url = new URL(`${api().url}${path}`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: {
            Authorization: `Bearer ${api().keys.admin}`,
            "Content-Type": "text/csv",
            "Content-Length": String(1024 * 1024 * 1024),
          },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.write(body);
      // The rest never comes: the server answers on the declared length.
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "payload-too-large" });
  });
});
