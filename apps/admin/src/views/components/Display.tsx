/**
 * @module Display
 * Read-only building blocks: summary lists, tables, tags, notification banners, inset text,
 * periods and money.
 */
import type { Child, FC } from "hono/jsx";

/** A row of a summary list. */
export interface SummaryRow {
  readonly key: string;
  readonly value: Child;
  readonly action?: { readonly href: string; readonly text: string; readonly hidden: string };
}

/** The NHS summary list. */
export const SummaryList: FC<{ rows: ReadonlyArray<SummaryRow>; noBorder?: boolean }> = ({
  rows,
  noBorder = false,
}) => (
  <dl class={noBorder ? "nhsuk-summary-list nhsuk-summary-list--no-border" : "nhsuk-summary-list"}>
    {rows.map((row) => (
      <div class="nhsuk-summary-list__row">
        <dt class="nhsuk-summary-list__key">{row.key}</dt>
        <dd class="nhsuk-summary-list__value">{row.value}</dd>
        {row.action !== undefined && (
          <dd class="nhsuk-summary-list__actions">
            <a href={row.action.href}>
              {row.action.text}
              <span class="nhsuk-u-visually-hidden"> {row.action.hidden}</span>
            </a>
          </dd>
        )}
      </div>
    ))}
  </dl>
);

/** A table column. */
export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => Child;
  readonly numeric?: boolean;
}

/** The NHS table with a caption; the first column is a row header. */
export const Table = <T,>({
  caption,
  columns,
  rows,
  captionSize = "m",
  empty = "None.",
}: {
  caption: string;
  columns: ReadonlyArray<Column<T>>;
  rows: ReadonlyArray<T>;
  captionSize?: "s" | "m" | "l";
  empty?: string;
}): Child =>
  rows.length === 0 ? (
    <>
      <h2 class={`nhsuk-heading-${captionSize === "l" ? "l" : captionSize === "m" ? "m" : "s"}`}>
        {caption}
      </h2>
      <p>{empty}</p>
    </>
  ) : (
    <table class="nhsuk-table">
      <caption class={`nhsuk-table__caption nhsuk-table__caption--${captionSize}`}>
        {caption}
      </caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          {columns.map((column) => (
            <th
              class={
                column.numeric === true
                  ? "nhsuk-table__header nhsuk-table__header--numeric"
                  : "nhsuk-table__header"
              }
              scope="col"
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        {rows.map((row) => (
          <tr class="nhsuk-table__row">
            {columns.map((column, i) =>
              i === 0 ? (
                <th class="nhsuk-table__header" scope="row">
                  {column.cell(row)}
                </th>
              ) : (
                <td
                  class={
                    column.numeric === true
                      ? "nhsuk-table__cell nhsuk-table__cell--numeric"
                      : "nhsuk-table__cell"
                  }
                >
                  {column.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );

/** Tag colours of the design system. */
export type TagColour =
  | "white"
  | "grey"
  | "green"
  | "aqua-green"
  | "blue"
  | "purple"
  | "pink"
  | "red"
  | "orange"
  | "yellow";

/** A tag. */
export const Tag: FC<{ colour?: TagColour; children?: Child }> = ({ colour, children }) => (
  <strong class={colour === undefined ? "nhsuk-tag" : `nhsuk-tag nhsuk-tag--${colour}`}>
    {children}
  </strong>
);

/** A notification banner: success after a save (an alert), or information (a region). */
export const Banner: FC<{ title: string; success?: boolean; children?: Child }> = ({
  title,
  success = false,
  children,
}) =>
  success ? (
    <div
      class="nhsuk-notification-banner nhsuk-notification-banner--success"
      data-module="nhsuk-notification-banner"
      role="alert"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title">{title}</h2>
      </div>
      <div class="nhsuk-notification-banner__content">{children}</div>
    </div>
  ) : (
    <section
      class="nhsuk-notification-banner"
      data-module="nhsuk-notification-banner"
      aria-labelledby="nhsuk-notification-banner-title"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" id="nhsuk-notification-banner-title">
          {title}
        </h2>
      </div>
      <div class="nhsuk-notification-banner__content">{children}</div>
    </section>
  );

/** Inset text. */
export const Inset: FC<{ children?: Child }> = ({ children }) => (
  <div class="nhsuk-inset-text">
    <span class="nhsuk-u-visually-hidden">Information: </span>
    {children}
  </div>
);

/** A warning (styled like the design system's warning callout). */
export const Warning: FC<{ heading: string; children?: Child }> = ({ heading, children }) => (
  <div class="app-warning">
    <h2 class="nhsuk-heading-s">{heading}</h2>
    {children}
  </div>
);

const months = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date as the NHS style guide writes it: "1 July 2022".
 *
 * @example
 * ```ts
 * formatDate("2022-07-01"); // "1 July 2022"
 * ```
 */
export const formatDate = (iso: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (match === null) return iso;
  const [, y, m, d] = match;
  return `${Number(d)} ${months[Number(m) - 1] ?? m} ${y}`;
};

/**
 * A timestamp in UK time: "23 November 2026, 14:05".
 */
export const formatTimestamp = (iso: string): string => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
  return parts.replace(" at ", ", ");
};

/**
 * A half-open period in words: "from 1 April 2017 to 30 June 2022", "from 1 July 2022".
 */
export const formatPeriod = (period: { from: string; to: string | null }): string => {
  if (period.to === null) return `from ${formatDate(period.from)}`;
  // `to` is the first day no longer true: show the last day that was.
  const last = new Date(`${period.to}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return `${formatDate(period.from)} to ${formatDate(last.toISOString().slice(0, 10))}`;
};

/** Pence as pounds, with a short form for millions. */
export const formatMoney = (pence: number): string => {
  const pounds = pence / 100;
  if (Math.abs(pounds) >= 1_000_000) {
    return `£${(pounds / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })}m`;
  }
  return `£${pounds.toLocaleString("en-GB", { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
};

/** A whole number with thousands separators. */
export const formatCount = (n: number): string => n.toLocaleString("en-GB");
