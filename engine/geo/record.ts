/**
 * What a lookup returns, and how records of the supported database layouts map to it.
 *
 * Two layouts carry country, city, latitude and longitude under different field names:
 * - MaxMind's (GeoLite2-City.mmdb, GeoIP2-City, and DB-IP's own dbip-city-lite.mmdb, which
 *   copies it): nested `country.iso_code`, `city.names.en`, `location.latitude/longitude`,
 *   with `registered_country.iso_code` when no country is set (e.g. anycast ranges);
 * - ip-location-db's (the npm `@ip-location-db/*-mmdb` packages, the bundled country
 *   database included): flat `country_code`, `city`, `latitude`, `longitude`.
 * Empty strings (ip-location-db writes `city: ""` when unknown) count as absent.
 */

export interface GeoInfo {
  /** ISO 3166-1 alpha-2 country code, e.g. "CN" (what ntopng's `cli.country` holds). */
  country?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  /** Autonomous system number; not filled by the databases supported so far. */
  asn?: number;
  asnOrg?: string;
}

type Json = { [key: string]: unknown };

function obj(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Maps one database record (either layout) to a GeoInfo; {} for null or unknown shapes. */
export function geoInfoFromRecord(record: unknown): GeoInfo {
  const r = obj(record);
  if (!r) return {};
  const out: GeoInfo = {};
  const country =
    str(r.country_code) ?? str(obj(r.country)?.iso_code) ?? str(obj(r.registered_country)?.iso_code);
  if (country) out.country = country.toUpperCase();
  const cityNames = obj(obj(r.city)?.names);
  const city = str(r.city) ?? str(cityNames?.en) ?? (cityNames ? Object.values(cityNames).map(str).find((c) => c) : undefined);
  if (city) out.city = city;
  const location = obj(r.location);
  const latitude = num(r.latitude) ?? num(location?.latitude);
  const longitude = num(r.longitude) ?? num(location?.longitude);
  if (latitude !== undefined && longitude !== undefined) {
    out.latitude = latitude;
    out.longitude = longitude;
  }
  const asn = num(r.autonomous_system_number) ?? num(r.asn);
  if (asn !== undefined) out.asn = asn;
  const asnOrg = str(r.autonomous_system_organization) ?? str(r.as_organization);
  if (asnOrg) out.asnOrg = asnOrg;
  return out;
}
