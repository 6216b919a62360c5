/**
 * @module OrganisationsPage
 * Organisation search: by name or code (ODS or GSS, any date), filtered by kind, place and
 * date.
 */
import { type Organisation, OrganisationKind } from "@care-atlas/domain";
import type { FC } from "hono/jsx";
import { formatCount, formatPeriod, Table } from "../components/Display.js";
import type { Option } from "../components/Fields.js";
import { humanise } from "../components/Links.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the search page shows. */
export interface OrganisationsData {
  readonly q: string;
  readonly kind: string | undefined;
  readonly placeId: string | undefined;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly places: ReadonlyArray<Option>;
  readonly results: ReadonlyArray<Organisation>;
  readonly total: number;
  readonly limit: number;
  readonly name: (id: string) => string;
}

/** The organisation search page. */
export const OrganisationsPage: FC<{ ctx: ViewContext; data: OrganisationsData }> = ({
  ctx,
  data,
}) => {
  const { paths } = ctx;
  return (
    <Layout
      ctx={ctx}
      title="Organisations"
      section="organisations"
      hasErrors={data.validAtError !== undefined}
    >
      <h1>Organisations</h1>
      <form action={paths.organisations()} method="get" class="app-mb-5" novalidate>
        <div class="app-inline-form">
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="q">
              Name or code
            </label>
            <input
              class="nhsuk-input nhsuk-input--width-20"
              id="q"
              name="q"
              type="search"
              value={data.q}
            />
          </div>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="kind">
              Kind
            </label>
            <select class="nhsuk-select" id="kind" name="kind">
              <option value="">Any kind</option>
              {OrganisationKind.options.map((kind) => (
                <option value={kind} selected={kind === data.kind}>
                  {humanise(kind)}
                </option>
              ))}
            </select>
          </div>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="place">
              Place
            </label>
            <select class="nhsuk-select" id="place" name="place">
              <option value="">Any place</option>
              {data.places.map((place) => (
                <option value={place.value} selected={place.value === data.placeId}>
                  {place.text}
                </option>
              ))}
            </select>
          </div>
          <div
            class={
              data.validAtError === undefined
                ? "nhsuk-form-group"
                : "nhsuk-form-group nhsuk-form-group--error"
            }
          >
            <label class="nhsuk-label" for="validAt">
              Open on
            </label>
            {data.validAtError !== undefined && (
              <span class="nhsuk-error-message" id="validAt-error">
                <span class="nhsuk-u-visually-hidden">Error: </span>
                {data.validAtError}
              </span>
            )}
            <input
              class="nhsuk-input nhsuk-input--width-10"
              id="validAt"
              name="validAt"
              type="date"
              value={data.validAt}
              aria-describedby={data.validAtError === undefined ? undefined : "validAt-error"}
            />
          </div>
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Search
          </button>
        </div>
      </form>
      <p role="status">
        {formatCount(data.total)} {data.total === 1 ? "organisation" : "organisations"}
        {data.total > data.limit && `; the first ${formatCount(data.limit)} are shown`}. A code
        search also finds organisations that have closed.
      </p>
      <Table
        caption="Results"
        captionSize="s"
        columns={[
          {
            header: "Name",
            cell: (o) => (
              <a href={paths.organisation(o.id, { validAt: data.validAtGiven })}>{o.name}</a>
            ),
          },
          { header: "Kind", cell: (o) => humanise(o.kind) },
          { header: "Codes", cell: (o) => o.codes.map((c) => c.value).join(", ") || "—" },
          { header: "Place", cell: (o) => (o.placeId === undefined ? "—" : data.name(o.placeId)) },
          { header: "Open", cell: (o) => formatPeriod(o.valid) },
        ]}
        rows={data.results.slice(0, data.limit)}
        empty="No organisation matches."
      />
    </Layout>
  );
};
