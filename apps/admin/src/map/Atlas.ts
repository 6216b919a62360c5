/**
 * @module Atlas
 * Maps as data, ready to render: the places of the system with the outlines of a scheme's
 * neighbourhoods, and one place with its neighbourhoods filled. Boundaries are read once;
 * projected rings are kept per map frame, so a page only chains outlines.
 */
import { type Area, colourGroups, dissolveGroups, readAreas } from "@care-atlas/geo";
import {
  boundsOf,
  fitProjection,
  linesPath,
  type Projection,
  projectRing,
  ringsPath,
} from "./Projection.js";

type Point = readonly [number, number];

/** An area to draw: its path, name, link and label position. */
export interface MapShape {
  readonly d: string;
  readonly name: string;
  readonly href: string;
  readonly colour?: number;
  readonly label?: Point;
}

/** A map ready to render as SVG. */
export interface MapModel {
  readonly width: number;
  readonly height: number;
  /** Filled shapes (places, or a place's neighbourhoods), each a link. */
  readonly shapes: ReadonlyArray<MapShape>;
  /** Outlines drawn over the shapes (neighbourhood boundaries). */
  readonly outlines: string;
  /** Areas that could not be drawn (no boundary for their code). */
  readonly missing: ReadonlyArray<string>;
  /** Neighbourhoods with no LSOAs (registered-population footprints): nothing to draw. */
  readonly withoutLsoas: number;
}

/** A neighbourhood to draw: its footprint LSOAs. */
export interface MapNeighbourhood {
  readonly id: string;
  readonly name: string;
  readonly href: string;
  readonly lsoas: ReadonlyArray<string>;
}

/** A place to draw: its GSS district code. */
export interface MapPlace {
  readonly code: string;
  readonly name: string;
  readonly href: string;
}

/** The number of fill colours (see the stylesheet's `.app-map__fill-N`). */
export const paletteSize = 6;

interface Frame {
  readonly projection: Projection;
  readonly rings: Map<string, Point[][]>;
}

/**
 * The boundaries of the system, and the maps drawn from them.
 *
 * @example
 * ```ts
 * const atlas = Atlas.fromGeoJson(ladGeoJson, lsoaGeoJson);
 * const map = atlas.systemMap(places, neighbourhoods);
 * ```
 */
export class Atlas {
  private readonly frames = new Map<string, Frame>();

  private constructor(
    private readonly places: ReadonlyMap<string, Area>,
    private readonly lsoas: ReadonlyMap<string, Area>,
    private readonly width: number,
  ) {}

  /** An atlas from parsed GeoJSON of districts (places) and LSOAs. */
  static fromGeoJson(places: unknown, lsoas: unknown, width = 640): Atlas {
    return new Atlas(readAreas(places), readAreas(lsoas), width);
  }

  /** Whether the atlas has a boundary for a place's code. */
  hasPlace(code: string): boolean {
    return this.places.has(code);
  }

  private frame(key: string, areas: Iterable<Area>): Frame | undefined {
    const cached = this.frames.get(key);
    if (cached !== undefined) return cached;
    const bounds = boundsOf(areas);
    if (bounds === undefined) return undefined;
    const frame: Frame = { projection: fitProjection(bounds, this.width), rings: new Map() };
    this.frames.set(key, frame);
    return frame;
  }

  private ringsOf(frame: Frame, area: Area): Point[][] {
    const key = `${area.code}`;
    const cached = frame.rings.get(key);
    if (cached !== undefined) return cached;
    const rings: Point[][] = [];
    for (const polygon of area.polygons) {
      for (const ring of polygon) {
        const projected = projectRing(frame.projection, ring);
        if (projected !== undefined) rings.push(projected);
      }
    }
    frame.rings.set(key, rings);
    return rings;
  }

  private static centre(rings: ReadonlyArray<ReadonlyArray<Point>>): Point | undefined {
    // The centre of the bounding box of the largest ring: good enough for a label.
    let best: ReadonlyArray<Point> | undefined;
    let bestSpan = -1;
    for (const ring of rings) {
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      const span = Math.max(...xs) - Math.min(...xs) + Math.max(...ys) - Math.min(...ys);
      if (span > bestSpan) {
        bestSpan = span;
        best = ring;
      }
    }
    if (best === undefined) return undefined;
    const xs = best.map((p) => p[0]);
    const ys = best.map((p) => p[1]);
    return [
      Math.round((Math.min(...xs) + Math.max(...xs)) / 2),
      Math.round((Math.min(...ys) + Math.max(...ys)) / 2),
    ];
  }

  private neighbourhoodGroups(frame: Frame, neighbourhoods: ReadonlyArray<MapNeighbourhood>) {
    const missing: string[] = [];
    const groups = neighbourhoods.map((n) => {
      if (n.lsoas.length === 0) return [];
      const rings: Point[][] = [];
      for (const code of n.lsoas) {
        const area = this.lsoas.get(code);
        if (area === undefined) continue;
        rings.push(...this.ringsOf(frame, area));
      }
      if (rings.length === 0) missing.push(n.name);
      return rings;
    });
    return { groups, missing };
  }

  /**
   * The system map: every place (linked), with the outlines of the given neighbourhoods.
   */
  systemMap(
    places: ReadonlyArray<MapPlace>,
    neighbourhoods: ReadonlyArray<MapNeighbourhood>,
  ): MapModel | undefined {
    const frame = this.frame("system", this.places.values());
    if (frame === undefined) return undefined;
    const missing: string[] = [];
    const shapes: MapShape[] = [];
    for (const place of places) {
      const area = this.places.get(place.code);
      if (area === undefined) {
        missing.push(place.name);
        continue;
      }
      const rings = this.ringsOf(frame, area);
      const label = Atlas.centre(rings);
      shapes.push({
        d: ringsPath(rings),
        name: place.name,
        href: place.href,
        ...(label === undefined ? {} : { label }),
      });
    }
    const { groups, missing: missingNeighbourhoods } = this.neighbourhoodGroups(
      frame,
      neighbourhoods,
    );
    const { lines } = dissolveGroups(groups.filter((g) => g.length > 0));
    return {
      width: frame.projection.width,
      height: frame.projection.height,
      shapes,
      outlines: linesPath(lines),
      missing: [...missing, ...missingNeighbourhoods],
      withoutLsoas: neighbourhoods.filter((n) => n.lsoas.length === 0).length,
    };
  }

  /**
   * A place's map: its neighbourhoods filled (touching ones in different colours, each a
   * link) inside the place's outline.
   */
  placeMap(place: MapPlace, neighbourhoods: ReadonlyArray<MapNeighbourhood>): MapModel | undefined {
    const area = this.places.get(place.code);
    if (area === undefined) return undefined;
    const frame = this.frame(`place:${place.code}`, [area]);
    if (frame === undefined) return undefined;
    const { groups, missing } = this.neighbourhoodGroups(frame, neighbourhoods);
    const { lines, touching } = dissolveGroups(groups);
    const colours = colourGroups(groups.length, touching, paletteSize);
    const shapes: MapShape[] = [];
    neighbourhoods.forEach((n, i) => {
      const rings = groups[i] ?? [];
      if (rings.length === 0) return;
      shapes.push({ d: ringsPath(rings), name: n.name, href: n.href, colour: colours[i] ?? 0 });
    });
    const outline = linesPath(dissolveGroups([this.ringsOf(frame, area)]).lines);
    return {
      width: frame.projection.width,
      height: frame.projection.height,
      shapes: [
        { d: ringsPath(this.ringsOf(frame, area)), name: place.name, href: place.href },
        ...shapes,
      ],
      outlines: `${linesPath(lines)}${outline}`,
      missing,
      withoutLsoas: neighbourhoods.filter((n) => n.lsoas.length === 0).length,
    };
  }
}
