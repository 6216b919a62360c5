/**
 * @module MapPage
 * The map of the system: places (linked to their pages) with the outlines of one scheme's
 * neighbourhoods on a date, and the same places listed for those who do not use the map.
 */
import type { FC } from "hono/jsx";
import type { MapModel } from "../../map/Atlas.js";
import { MapSvg } from "../../map/MapSvg.js";
import { DateFilter } from "../components/DateFilter.js";
import { formatCount, formatDate } from "../components/Display.js";
import type { Option } from "../components/Fields.js";
import { Layout } from "../Layout.js";
import type { ViewContext } from "../ViewContext.js";

/** What the map page shows. */
export interface MapData {
  readonly map: MapModel | undefined;
  readonly validAt: string;
  readonly validAtGiven: string | undefined;
  readonly validAtError: string | undefined;
  readonly schemes: ReadonlyArray<Option>;
  readonly schemeId: string | undefined;
  readonly places: ReadonlyArray<{
    readonly id: string;
    readonly name: string;
    readonly neighbourhoods: number;
  }>;
}

/** The map page. */
export const MapPage: FC<{ ctx: ViewContext; data: MapData }> = ({ ctx, data }) => (
  <Layout ctx={ctx} title="Map" section="map" hasErrors={data.validAtError !== undefined}>
    <h1>Map of places and neighbourhoods</h1>
    <DateFilter
      action={ctx.paths.map()}
      validAt={data.validAt}
      error={data.validAtError}
      schemes={data.schemes}
      schemeId={data.schemeId}
    />
    {data.map === undefined ? (
      <p>The boundaries are not available, so the map cannot be drawn.</p>
    ) : (
      <MapSvg
        map={data.map}
        title={`Places and neighbourhood boundaries on ${formatDate(data.validAt)}`}
      />
    )}
    <h2>Places</h2>
    <ul class="nhsuk-list nhsuk-list--bullet">
      {data.places.map((place) => (
        <li>
          <a href={ctx.paths.place(place.id, { validAt: data.validAtGiven })}>{place.name}</a>:{" "}
          {formatCount(place.neighbourhoods)} neighbourhoods
        </li>
      ))}
    </ul>
  </Layout>
);
