import { describe, expect, it } from "vitest";
import { Place, PlaceBasedLead } from "./Place.js";

const place = {
  id: "plc_00000001",
  name: "Synthetic Borough",
  systemId: "sys_00000001",
  codes: [{ system: "gss", value: "E08999001" }],
  valid: { from: "2022-07-01", to: null },
  provenance: { sources: ["synthetic"] },
};

const issuesOf = (value: unknown) => {
  const result = Place.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
};

describe("Place", () => {
  it("accepts a place, with and without its optional links", () => {
    expect(Place.parse(place)).toEqual(place);
    const full = {
      ...place,
      councilId: "org_00000001",
      subIcbLocationId: "org_00000002",
      placeBasedLead: {
        title: "Place-based lead",
        holder: "Synthetic Person",
        organisationId: "org_00000001",
      },
    };
    expect(Place.parse(full)).toEqual(full);
  });

  it("defaults codes to none and trims the name", () => {
    const { codes: _, ...withoutCodes } = place;
    expect(Place.parse({ ...withoutCodes, name: "  Synthetic Borough " })).toEqual({
      ...withoutCodes,
      codes: [],
    });
  });

  it.each([
    ["an organisation id", { id: "org_00000001" }, "id", /place id \(plc_…\)/],
    ["an empty name", { name: "" }, "name", /must not be empty/],
    ["a whitespace name", { name: " \t" }, "name", /must not be empty/],
    ["a system id of the wrong kind", { systemId: "plc_00000002" }, "systemId", /system id/],
    [
      "a council id of the wrong kind",
      { councilId: "plc_00000002" },
      "councilId",
      /organisation id/,
    ],
    [
      "a sub-ICB location id of the wrong kind",
      { subIcbLocationId: "gov_00000001" },
      "subIcbLocationId",
      /organisation id/,
    ],
    [
      "a lead without a title",
      { placeBasedLead: { title: "" } },
      "placeBasedLead.title",
      /must not be empty/,
    ],
    [
      "a malformed GSS code",
      { codes: [{ system: "gss", value: "E0899900X" }] },
      "codes.0.value",
      /GSS code/,
    ],
    ["a bad valid.from", { valid: { from: "2022-7-1", to: null } }, "valid.from", /YYYY-MM-DD/],
    [
      "valid.to equal to valid.from",
      { valid: { from: "2022-07-01", to: "2022-07-01" } },
      "valid.to",
      /after from/,
    ],
  ])("rejects %s, naming the field", (_, patch, path, message) => {
    expect(issuesOf({ ...place, ...patch })).toContainEqual({
      path,
      message: expect.stringMatching(message),
    });
  });

  it("reports every bad field at once, nested period included", () => {
    const paths = issuesOf({
      ...place,
      name: "",
      valid: { from: "2022-07-01", to: "2020-01-01" },
    }).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "valid.to"]));
  });

  it("PlaceBasedLead needs only a title", () => {
    expect(PlaceBasedLead.parse({ title: "Place-based lead" })).toEqual({
      title: "Place-based lead",
    });
    expect(
      PlaceBasedLead.safeParse({ title: "Place-based lead", holder: "" }).error?.issues[0]?.path,
    ).toEqual(["holder"]);
  });
});
