import type { ChangeRequest, RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { checkChange, saveChange } from "./ChangeCheck.js";

/** A register that records which verb was called with what, and answers with a stub. */
const recordingRegister = () => {
  const calls: Array<[string, unknown[]]> = [];
  const verb =
    (name: string, answer: unknown) =>
    (...args: unknown[]) => {
      calls.push([name, args]);
      return Effect.succeed(answer);
    };
  const changes = [{ seq: 41 }, { seq: 42 }];
  const register = {
    previewChange: verb("previewChange", { findings: [], histories: [], blocked: false }),
    createEntity: verb("createEntity", { id: "org_synthnew001", changes }),
    updateEntity: verb("updateEntity", { changes }),
    endEntity: verb("endEntity", { changes }),
    recordSuccession: verb("recordSuccession", { changes, succession: { id: "suc_synthnew001" } }),
  } as unknown as RegisterShape;
  return { register, calls };
};

const meta = { actor: "synthetic@example.org", reason: "Synthetic test" };
const version = { name: "Synthetic Practice" } as never;
const succession = {
  kind: "merge" as const,
  predecessorIds: ["org_synthold001", "org_synthold002"],
  successorIds: ["org_synthnew001"],
  date: "2030-04-01",
  provenance: { sources: ["synthetic"] },
};

describe("checkChange", () => {
  it("is the services' previewChange of the request", async () => {
    const { register, calls } = recordingRegister();
    const request: ChangeRequest = { operation: "succession", succession };
    await Effect.runPromise(checkChange(register, request));
    expect(calls).toEqual([["previewChange", [request]]]);
  });
});

describe("saveChange", () => {
  it("calls the verb the request names, with the same arguments and who and why", async () => {
    const cases: Array<[ChangeRequest, string, unknown[], string]> = [
      [
        { operation: "create", kind: "organisation", version },
        "createEntity",
        ["organisation", version, meta],
        "org_synthnew001",
      ],
      [
        {
          operation: "update",
          kind: "organisation",
          id: "org_synthupd001",
          version,
          expectedRevision: 3,
        },
        "updateEntity",
        ["organisation", "org_synthupd001", version, 3, meta],
        "org_synthupd001",
      ],
      [
        {
          operation: "end",
          kind: "organisation",
          id: "org_synthend001",
          date: "2030-04-01",
          expectedRevision: 2,
        },
        "endEntity",
        ["organisation", "org_synthend001", "2030-04-01", 2, meta],
        "org_synthend001",
      ],
      [
        { operation: "succession", succession },
        "recordSuccession",
        [succession, meta],
        "suc_synthnew001",
      ],
    ];
    for (const [request, name, args, id] of cases) {
      const { register, calls } = recordingRegister();
      const saved = await Effect.runPromise(saveChange(register, request, meta));
      expect(calls, name).toEqual([[name, args]]);
      expect(saved, name).toEqual({ changes: [{ seq: 41 }, { seq: 42 }], id });
    }
  });
});
