import { Readable } from "node:stream";
import { PostcodeLocation } from "@care-atlas/domain";
import { describe, expect, it } from "vitest";
import { parsePostcodeCsv } from "./PostcodeCsv.js";

const collect = async (source: AsyncIterable<PostcodeLocation>): Promise<PostcodeLocation[]> => {
  const all: PostcodeLocation[] = [];
  for await (const location of source) all.push(location);
  return all;
};

// Synthetic rows in the ONS Postcode Directory layout (a subset of its columns, in its order).
const onspd = [
  "pcd,pcd2,pcds,dointr,doterm,oslaua,osward,lsoa21,msoa21,lat,long",
  '"ZZ1 1ZZ","ZZ1  1ZZ","ZZ1 1ZZ","198001","","E08999001","E05999001","E01999001","E02999001",53.400001,-2.300001',
  '"ZZ1 2ZZ","ZZ1  2ZZ","ZZ1 2ZZ","198001","201012","E08999001","E05999001","E01999001","E02999001",53.4,-2.3',
  '"ZZ1 3ZZ","ZZ1  3ZZ","ZZ1 3ZZ","198001","","W06999001","W05999001","W01999001","W02999001",52.4,-3.3',
  '"ZZ1 4ZZ","ZZ1  4ZZ","ZZ1 4ZZ","198001","","E08999001","E05999001","E01999002","E02999001",99.999999,0.000000',
].join("\r\n");

// Synthetic rows in the NSPL layout: `ward`, not `osward`; `pcd` in its 7-character form.
const nspl = [
  "pcd,pcd2,pcds,dointr,doterm,usertype,laua,ward,lsoa21cd,lat,long",
  "ZZ99ZZ ,ZZ9  9ZZ,ZZ9 9ZZ,198001,,0,E08999001,E05999002,E01999003,53.5,-2.2",
].join("\n");

describe("parsePostcodeCsv", () => {
  it("reads the package's own layout", () => {
    expect(
      parsePostcodeCsv("postcode,lsoa21,ward,lat,lon\nZZ9 9ZZ,E01999001,E05999001,53.4,-2.3\n"),
    ).toEqual([
      {
        postcode: "ZZ9 9ZZ",
        lsoaCode: "E01999001",
        wardCode: "E05999001",
        point: { lat: 53.4, lon: -2.3 },
      },
    ]);
  });

  it("reads the ONSPD layout, skipping terminated and non-English postcodes", () => {
    const skipped: string[] = [];
    const locations = parsePostcodeCsv(onspd, {
      onSkip: (line, reason) => skipped.push(`${line}: ${reason}`),
    });
    expect(locations).toEqual([
      {
        postcode: "ZZ1 1ZZ",
        lsoaCode: "E01999001",
        wardCode: "E05999001",
        point: { lat: 53.400001, lon: -2.300001 },
      },
      { postcode: "ZZ1 4ZZ", lsoaCode: "E01999002", wardCode: "E05999001" },
    ]);
    expect(skipped).toEqual([
      "3: ZZ1 2ZZ is terminated",
      '4: ZZ1 3ZZ has no English LSOA 2021 code ("W01999001")',
    ]);
    for (const location of locations) expect(() => PostcodeLocation.parse(location)).not.toThrow();
  });

  it("keeps terminated postcodes when asked", () => {
    expect(parsePostcodeCsv(onspd, { includeTerminated: true }).map((l) => l.postcode)).toContain(
      "ZZ1 2ZZ",
    );
  });

  it("reads the NSPL layout and normalises the 7-character postcode", () => {
    expect(parsePostcodeCsv(nspl)).toEqual([
      {
        postcode: "ZZ9 9ZZ",
        lsoaCode: "E01999003",
        wardCode: "E05999002",
        point: { lat: 53.5, lon: -2.2 },
      },
    ]);
  });

  it("reads a stream in chunks of any size, as bytes or text", async () => {
    const whole = parsePostcodeCsv(onspd);
    const bytes = new TextEncoder().encode(onspd);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
      bytes.slice(i * 7, i * 7 + 7),
    );
    expect(await collect(parsePostcodeCsv(Readable.from(chunks)))).toEqual(whole);
    expect(
      await collect(parsePostcodeCsv(Readable.from([onspd.slice(0, 100), onspd.slice(100)]))),
    ).toEqual(whole);
  });

  it("refuses a file without postcode and LSOA columns", () => {
    expect(() => parsePostcodeCsv("code,name\nE01999001,Synthetic\n")).toThrow(
      /not a postcode CSV/,
    );
  });

  it("reports malformed postcodes and ragged rows", () => {
    const skipped: number[] = [];
    const locations = parsePostcodeCsv(
      "postcode,lsoa21\nNOT A POSTCODE,E01999001\nZZ9 9ZZ,E01999001,extra\n",
      {
        onSkip: (line) => skipped.push(line),
      },
    );
    expect(locations).toEqual([]);
    expect(skipped).toEqual([2, 3]);
  });
});
