import 'server-only';
import { geoAlbersUsa, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import statesTopology from 'us-atlas/states-10m.json';
import { US_STATES } from '@/lib/geo/us-states';

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

export type StatePath = { code: string; name: string; d: string };

const codeByName = new Map(US_STATES.map((s) => [s.name, s.code]));
// us-atlas spells one name differently from our list.
codeByName.set('United States Virgin Islands', 'VI');

let cached: StatePath[] | undefined;

/**
 * SVG paths for what Albers USA draws: the 50 states and DC (the territories fall outside the
 * projection and appear in the table only). Computed once per process from the us-atlas file in
 * node_modules, never fetched; one decimal is plenty at this size and keeps the page small.
 */
export function getStatePaths(): StatePath[] {
  if (cached) return cached;
  const topology = statesTopology as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.states) as unknown as {
    features: Feature<Geometry, { name: string }>[];
  };
  const projection = geoAlbersUsa().scale(1300).translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
  const path = geoPath(projection).digits(1);
  const out: StatePath[] = [];
  for (const f of collection.features) {
    const code = codeByName.get(f.properties.name);
    const d = path(f);
    if (code && d) out.push({ code, name: f.properties.name, d });
  }
  cached = out;
  return out;
}
