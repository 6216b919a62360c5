import { describe, expect, it } from "vitest";
import { readStrategy } from "./strategy.js";

const synthetic = [
  "Synthetic context",
  "",
  "The Health and Care Bill 2020 identifies the following overarching aims for Synthetic Systems:",
  "",
  "  • Aim one",
  "  • Aim two",
  "",
  "The Greater Manchester Strategy for 2021-2031 sets out priorities for a synthetic place. The key themes are:",
  "",
  "  • Alpha – A synthetic theme: first",
  "",
  "“We want a synthetic vision.”",
  "",
  "Click on the shared outcome below to view the associated shared commitments.",
  "",
  "Synthetic outcome one",
  "  • Commitment 1.1",
  "  • Commitment 1.2",
  "Synthetic outcome two",
  "  • Commitment 2.1",
].join("\n");

describe("readStrategy", () => {
  it("reads aims, themes, the vision and outcomes with their commitments", () => {
    expect(readStrategy(synthetic)).toEqual({
      aims: ["Aim one", "Aim two"],
      themes: [{ title: "Alpha", text: "A synthetic theme: first" }],
      vision: "We want a synthetic vision.",
      outcomes: [
        { text: "Synthetic outcome one", commitments: ["Commitment 1.1", "Commitment 1.2"] },
        { text: "Synthetic outcome two", commitments: ["Commitment 2.1"] },
      ],
    });
  });

  it("refuses a text without the expected sections", () => {
    expect(() => readStrategy("Synthetic text with nothing in it")).toThrow(/no line starting/);
  });
});
