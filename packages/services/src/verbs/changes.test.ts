import { describe, expect, it } from "vitest";
import { describeReferenceChange } from "./changes.js";

describe("describeReferenceChange", () => {
  it("says what each dataset of a reference change wrote", () => {
    expect(
      describeReferenceChange({
        reference: {
          postcodes: { created: 11_264, changed: 0 },
          sources: { created: 1, changed: 0 },
          assignments: { created: 0, changed: 21 },
        },
      }),
    ).toBe("11,264 postcodes created; 21 LSOA assignments changed; 1 source created");
    expect(describeReferenceChange({ reference: { lsoas: { created: 2, changed: 1 } } })).toBe(
      "2 LSOAs created, 1 changed",
    );
  });
});
