/**
 * @module RecordParts
 * Pieces every record page shows: codes with their periods, the valid period, the
 * provenance, and the versions of the record over time.
 */
import type { Entity, ExternalIdentifier, Provenance } from "@care-atlas/domain";
import type { Child, FC } from "hono/jsx";
import { formatPeriod, type SummaryRow } from "./Display.js";

/** Codes as text: "ODS QOP (from 1 July 2022)". */
export const Codes: FC<{ codes: ReadonlyArray<ExternalIdentifier> }> = ({ codes }) =>
  codes.length === 0 ? (
    <>None</>
  ) : (
    <ul class="nhsuk-list">
      {codes.map((code) => (
        <li>
          {code.system.toUpperCase()} <code>{code.value}</code>
          {code.period !== undefined && ` (${formatPeriod(code.period)})`}
        </li>
      ))}
    </ul>
  );

/** Provenance as text: sources and derivation. */
export const ProvenanceText: FC<{ provenance: Provenance }> = ({ provenance }) => (
  <>
    Sources: {provenance.sources.join(", ")}
    {provenance.derivation !== undefined && (
      <>
        <br />
        Derived: {provenance.derivation}
      </>
    )}
  </>
);

/** The summary rows every record has: valid period and provenance. */
export const commonRows = (version: Entity): SummaryRow[] => [
  { key: "Valid", value: formatPeriod(version.valid) },
  { key: "Provenance", value: <ProvenanceText provenance={version.provenance} /> },
];

/** The versions of a record over valid time, each linking to the page on its first day. */
export const Versions: FC<{
  versions: ReadonlyArray<Entity>;
  current: Entity | undefined;
  href: (date: string) => string;
  describe: (version: Entity) => Child;
}> = ({ versions, current, href, describe }) =>
  versions.length <= 1 ? null : (
    <table class="nhsuk-table">
      <caption class="nhsuk-table__caption nhsuk-table__caption--m">Versions over time</caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">
            Valid
          </th>
          <th class="nhsuk-table__header" scope="col">
            Version
          </th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {versions.map((version) => (
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="row">
              {version === current ? (
                <strong>{formatPeriod(version.valid)} (shown)</strong>
              ) : (
                <a href={href(version.valid.from)}>{formatPeriod(version.valid)}</a>
              )}
            </th>
            <td class="nhsuk-table__cell">{describe(version)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

/** A notice that the record had no version on the chosen date. */
export const NotValidOn: FC<{ date: string; versions: ReadonlyArray<Entity> }> = ({
  date,
  versions,
}) => (
  <div class="nhsuk-inset-text">
    <span class="nhsuk-u-visually-hidden">Information: </span>
    <p>
      This record was not valid on {date}. It was valid{" "}
      {versions.map((v, i) => `${i > 0 ? ", " : ""}${formatPeriod(v.valid)}`).join("")}. The latest
      version is shown.
    </p>
  </div>
);
