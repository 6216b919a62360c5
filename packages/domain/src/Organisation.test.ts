import { describe, expect, it } from "vitest";
import {
  Organisation,
  OrganisationKind,
  OrganisationRole,
  OrganisationRoleKind,
} from "./Organisation.js";

const organisation = {
  id: "org_00000001",
  kind: "gp-practice",
  name: "Synthetic Medical Practice",
  codes: [{ system: "ods", value: "Z99999" }],
  valid: { from: "2020-04-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = Organisation.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Organisation", () => {
  it("accepts an organisation and fills its defaults", () => {
    expect(Organisation.parse(organisation)).toEqual({ ...organisation, roles: [] });
  });

  it("accepts dated roles, a place, a parent and a postcode", () => {
    const full = {
      ...organisation,
      kind: "sub-icb-location",
      codes: [
        { system: "ods", value: "99Z", period: { from: "2013-04-01", to: null } },
        { system: "gss", value: "E38999001" },
      ],
      roles: [
        { role: "commissioner", period: { from: "2013-04-01", to: "2022-07-01" } },
        { role: "partner", period: { from: "2022-07-01", to: null } },
      ],
      placeId: "plc_00000001",
      parentId: "org_00000002",
      postcode: "ZZ9 9ZZ",
    };
    expect(Organisation.parse(full)).toEqual(full);
  });

  it("knows the eleven organisation kinds and five role kinds", () => {
    expect(OrganisationKind.options).toEqual([
      "icb",
      "sub-icb-location",
      "ccg",
      "local-authority",
      "combined-authority",
      "nhs-trust",
      "gp-practice",
      "pcn",
      "vcfse",
      "police",
      "other",
    ]);
    expect(OrganisationRoleKind.options).toHaveLength(5);
    expect(
      OrganisationRole.parse({ role: "provider", period: { from: "2020-04-01", to: null } }).role,
    ).toBe("provider");
  });

  it.each([
    ["a place id", { id: "plc_00000001" }, "id", /organisation id \(org_…\)/],
    ["an unknown kind", { kind: "hospital" }, "kind", /icb/],
    ["an empty name", { name: "" }, "name", /must not be empty/],
    [
      "a malformed ODS code",
      { codes: [{ system: "ods", value: "Z-9999" }] },
      "codes.0.value",
      /not a well-formed ODS code/,
    ],
    [
      "an unknown role",
      { roles: [{ role: "owner", period: { from: "2020-04-01", to: null } }] },
      "roles.0.role",
      /commissioner/,
    ],
    [
      "a role period ending before it starts",
      { roles: [{ role: "provider", period: { from: "2021-04-01", to: "2020-04-01" } }] },
      "roles.0.period.to",
      /after from/,
    ],
    ["a parent of the wrong kind", { parentId: "sys_00000001" }, "parentId", /organisation id/],
    ["a place of the wrong kind", { placeId: "org_00000002" }, "placeId", /place id/],
    ["a bad postcode", { postcode: "NOT A POSTCODE" }, "postcode", /postcode/],
    ["an empty postcode", { postcode: "" }, "postcode", /postcode/],
    ["a postcode not in canonical form", { postcode: "zz99zz" }, "postcode", /postcode/],
    [
      "a bad valid.to",
      { valid: { from: "2020-04-01", to: "2020-04-31" } },
      "valid.to",
      /YYYY-MM-DD/,
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...organisation, ...patch })).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });
});
