import { describe, expect, it } from "vitest";
import { System } from "./System.js";

const system = {
  id: "sys_00000001",
  name: "Synthetic Integrated Care System",
  valid: { from: "2022-07-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = System.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("System", () => {
  it("accepts a system and defaults its codes to none", () => {
    expect(System.parse(system)).toEqual({ ...system, codes: [] });
    const full = {
      ...system,
      codes: [{ system: "gss", value: "E54999999" }],
      icbId: "org_00000001",
      description: "Synthetic",
    };
    expect(System.parse(full)).toEqual(full);
  });

  it.each([
    ["a place id", { id: "plc_00000001" }, "id", /system id \(sys_…\)/],
    ["an empty name", { name: "  " }, "name", /must not be empty/],
    ["a name of 301 characters", { name: "S".repeat(301) }, "name", /<=300/],
    [
      "an ICB that is not an organisation id",
      { icbId: "sys_00000002" },
      "icbId",
      /organisation id/,
    ],
    [
      "a malformed GSS code",
      { codes: [{ system: "gss", value: "E5499999" }] },
      "codes.0.value",
      /GSS code/,
    ],
    [
      "a valid period ending before it starts",
      { valid: { from: "2022-07-01", to: "2022-06-30" } },
      "valid.to",
      /after from/,
    ],
    ["no sources", { provenance: { sources: [] } }, "provenance.sources", /at least one source/],
    ["no provenance", { provenance: undefined }, "provenance", /expected object/],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...system, ...patch })).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});
