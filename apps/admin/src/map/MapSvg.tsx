/**
 * @module MapSvg
 * Renders a map model as inline SVG: each area a link with its name as a title (so
 * keyboard and screen-reader users can follow it too), outlines on top, labels last (hidden
 * from screen readers: the links already name the areas). The figure's caption names the
 * map; pages list the same areas beside it.
 */
import type { FC } from "hono/jsx";
import type { MapModel } from "./Atlas.js";

/** An SVG map. */
export const MapSvg: FC<{ map: MapModel; title: string; labels?: boolean }> = ({
  map,
  title,
  labels = true,
}) => (
  <figure class="app-figure">
    <svg
      class="app-map"
      viewBox={`0 0 ${map.width} ${map.height}`}
      width={map.width}
      height={map.height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      {map.shapes.map((shape) => (
        <a href={shape.href}>
          <title>{shape.name}</title>
          <path
            class={
              shape.colour === undefined
                ? "app-map__place"
                : `app-map__area app-map__fill-${shape.colour}`
            }
            d={shape.d}
          />
        </a>
      ))}
      {map.outlines !== "" && <path class="app-map__outline" d={map.outlines} />}
      {labels && (
        // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a group of text labels is not focusable; the links name the areas.
        <g aria-hidden="true">
          {map.shapes.map((shape) =>
            shape.label === undefined ? null : (
              <text
                class="app-map__label"
                x={shape.label[0]}
                y={shape.label[1]}
                text-anchor="middle"
              >
                {shape.name}
              </text>
            ),
          )}
        </g>
      )}
    </svg>
    <figcaption class="nhsuk-body-s app-mt-2">
      {title}. Contains OS data © Crown copyright and database right. Boundaries: Office for
      National Statistics, Open Government Licence v3.0.
      {map.missing.length > 0 && ` Not drawn (no boundary): ${map.missing.join(", ")}.`}
      {map.withoutLsoas > 0 &&
        ` ${map.withoutLsoas} ${map.withoutLsoas === 1 ? "neighbourhood is" : "neighbourhoods are"} defined by GP registered lists, not by areas, so ${map.withoutLsoas === 1 ? "it is" : "they are"} not drawn.`}
    </figcaption>
  </figure>
);
