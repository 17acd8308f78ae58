/**
 * The national map, drawn on the server: province outlines from the CBS/PDOK boundaries
 * (topojson-client + d3-geo), projected once per process, and a function that places markers.
 * Points outside the European Netherlands (Caribisch Nederland) go into an inset box, because the
 * boundary file has no shapes for the islands.
 */
import { geoContains, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { INSET, MAP_HEIGHT, MAP_PAD, MAP_WIDTH } from './map-frame';
import provincesTopoJson from './provincie_2019.topojson?raw';

const PAD = MAP_PAD;

type ProvinceProps = { statcode: string; statnaam: string };

export type ProvinceShape = { code: string; name: string; d: string };

export type MapPoint = { x: number; y: number; inset: boolean };

type Drawn = {
  provinces: ProvinceShape[];
  features: Array<Feature<Geometry, ProvinceProps>>;
  project: (lonLat: [number, number]) => [number, number] | null;
};

let drawn: Drawn | null = null;

function draw(): Drawn {
  if (drawn) return drawn;
  const topology = JSON.parse(provincesTopoJson) as Topology<{ provincie_2019: GeometryCollection<ProvinceProps> }>;
  const collection = feature(topology, topology.objects.provincie_2019) as FeatureCollection<Geometry, ProvinceProps>;
  const projection = geoMercator().fitExtent(
    [
      [PAD, PAD],
      [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
    ],
    collection,
  );
  const path = geoPath(projection).digits(1);
  const provinces = collection.features.map((f) => ({ code: f.properties.statcode, name: f.properties.statnaam, d: path(f) ?? '' }));
  drawn = { provinces, features: collection.features, project: (lonLat) => projection(lonLat) };
  return drawn;
}

/** The province outlines as SVG path data, in the map's pixel space (viewBox 0 0 MAP_WIDTH MAP_HEIGHT). */
export function provinceShapes(): ProvinceShape[] {
  return draw().provinces;
}

/** The CBS province (statnaam) a point lies in, or null (sea, abroad, Caribisch Nederland). */
export function provinceAt(longitude: number, latitude: number): string | null {
  const hit = draw().features.find((f) => geoContains(f, [longitude, latitude]));
  return hit ? hit.properties.statnaam : null;
}

// Caribisch Nederland: Bonaire (west, ~68.3° W) to Saba and Sint Eustatius (~63° W), 12–17.7° N.
const CARIBBEAN = { west: -69.0, east: -62.8, south: 11.9, north: 17.8 };

function isCaribbean(longitude: number, latitude: number): boolean {
  return longitude >= CARIBBEAN.west && longitude <= CARIBBEAN.east && latitude >= CARIBBEAN.south && latitude <= CARIBBEAN.north;
}

/**
 * Where a marker goes: the projected point in the European Netherlands, or a point inside the
 * inset for Caribisch Nederland (an equirectangular sketch of the islands' spread). Null for a
 * point on neither (it is then only in the list).
 */
export function placeMarker(longitude: number, latitude: number): MapPoint | null {
  if (isCaribbean(longitude, latitude)) {
    const innerTop = INSET.y + 24;
    const innerHeight = INSET.height - 32;
    const x = INSET.x + 10 + ((longitude - CARIBBEAN.west) / (CARIBBEAN.east - CARIBBEAN.west)) * (INSET.width - 20);
    const y = innerTop + ((CARIBBEAN.north - latitude) / (CARIBBEAN.north - CARIBBEAN.south)) * innerHeight;
    return { x: round(x), y: round(y), inset: true };
  }
  const point = draw().project([longitude, latitude]);
  if (!point) return null;
  const [x, y] = point;
  if (x < 0 || y < 0 || x > MAP_WIDTH || y > MAP_HEIGHT) return null;
  return { x: round(x), y: round(y), inset: false };
}

const round = (n: number) => Math.round(n * 10) / 10;
