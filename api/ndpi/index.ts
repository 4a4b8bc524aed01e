/**
 * nDPI 4.2 protocol, category and breed data, and the rules nDPI 4.2 uses to print them.
 * One data description shared by the engine (labels, categories, port guesses) and the
 * language server (names, completion, "did you mean").
 */
import { editDistance } from '../edit-distance';
import { NDPI_BREEDS, NDPI_BREED_INVALID_NAME, type NdpiBreed } from './breeds';
import { NDPI_CATEGORIES, NDPI_CATEGORY_LIMIT, NDPI_CATEGORY_UNSPECIFIED, type NdpiCategory } from './categories';
import { NDPI_PROTOCOLS, NDPI_SHARED_DEFAULT_PORTS, type NdpiProtocol } from './protocols';
import { NDPI_RISKS, type NdpiRisk } from './risks';

export * from './breeds';
export * from './categories';
export * from './protocols';
export * from './risks';

/** Id 0: "Unknown". */
export const NDPI_PROTOCOL_UNKNOWN = 0;

/** How many protocol ids nDPI 4.2 has built in (0 .. count-1, no gaps). */
export const NDPI_PROTOCOL_COUNT: number = NDPI_PROTOCOLS.length;

const protocolsById: readonly NdpiProtocol[] = NDPI_PROTOCOLS;
const protocolsByName = new Map<string, NdpiProtocol>(NDPI_PROTOCOLS.map((p) => [p.name, p]));
const protocolsByFoldedName = new Map<string, NdpiProtocol>();
for (const p of NDPI_PROTOCOLS) {
  // First in id order wins, as in nDPI's own case-insensitive lookup (there are no clashes in 4.2).
  const folded = foldAscii(p.name);
  if (!protocolsByFoldedName.has(folded)) protocolsByFoldedName.set(folded, p);
}
const categoriesById = new Map<number, NdpiCategory>(NDPI_CATEGORIES.map((c) => [c.id, c]));
const categoriesByName = new Map<string, NdpiCategory>(NDPI_CATEGORIES.map((c) => [c.name, c]));
const breedsById = new Map<number, NdpiBreed>(NDPI_BREEDS.map((b) => [b.id, b]));

const portGuess = { tcp: new Map<number, number>(), udp: new Map<number, number>() };
for (const p of NDPI_PROTOCOLS) {
  for (const port of p.tcp) if (!portGuess.tcp.has(port)) portGuess.tcp.set(port, p.id);
  for (const port of p.udp) if (!portGuess.udp.has(port)) portGuess.udp.set(port, p.id);
}
for (const l4 of ['tcp', 'udp'] as const) {
  for (const [port, shared] of Object.entries(NDPI_SHARED_DEFAULT_PORTS[l4])) portGuess[l4].set(Number(port), shared.guess);
}

/** ASCII-only case folding, like C's strcasecmp in the "C" locale. */
function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

function isId(id: number): boolean {
  return Number.isInteger(id) && id >= 0;
}

// ---------------------------------------------------------------------------------------
// Protocols

/** The protocol with this id, or undefined. */
export function protocolById(id: number): NdpiProtocol | undefined {
  return isId(id) ? protocolsById[id] : undefined;
}

/** The protocol with exactly this name (case-sensitive, as nDPI prints it), or undefined. */
export function protocolByName(name: string): NdpiProtocol | undefined {
  return protocolsByName.get(name);
}

/**
 * The protocol whose name equals `name` ignoring ASCII case, or undefined. This is how
 * ntopng resolves a script's `l7_proto` (strcasecmp); the language server uses it to say
 * "did you mean TLS?" for "tls".
 */
export function protocolByNameIgnoreCase(name: string): NdpiProtocol | undefined {
  return protocolsByFoldedName.get(foldAscii(name));
}

/**
 * Up to `limit` protocol names closest to `input` (ASCII case ignored), for suggestions:
 * exact case-insensitive match first, then names with the smallest edit distance not
 * above `maxDistance`, ties in id order.
 */
export function closestProtocolNames(input: string, limit = 3, maxDistance = 3): string[] {
  const folded = foldAscii(input);
  const scored: { name: string; distance: number; id: number }[] = [];
  for (const p of NDPI_PROTOCOLS) {
    const distance = editDistance(folded, foldAscii(p.name), maxDistance);
    if (distance <= maxDistance) scored.push({ name: p.name, distance, id: p.id });
  }
  scored.sort((a, b) => a.distance - b.distance || a.id - b.id);
  return scored.slice(0, Math.max(0, limit)).map((s) => s.name);
}


/** The name nDPI prints for a protocol id; ids it does not know print as "Unknown". */
export function protocolName(id: number): string {
  return (protocolById(id) ?? NDPI_PROTOCOLS[NDPI_PROTOCOL_UNKNOWN]).name;
}

/** True when nDPI prints a two-part label for (master, app): master is known and differs from app. */
function hasMasterPart(master: number, app: number): boolean {
  return master !== NDPI_PROTOCOL_UNKNOWN && master !== app;
}

/**
 * The label nDPI prints for a (master, app) pair, e.g. "TLS.Google", "DNS", "Unknown":
 * "<master>.<app>" when master is known, differs from app and app is known; "<master>"
 * when app is unknown; otherwise "<app>". Names may contain dots ("Z39.50"), so split a
 * printed label with `protocolIdLabel`, never on the dot.
 */
export function protocolLabel(master: number, app: number): string {
  if (hasMasterPart(master, app)) {
    return app !== NDPI_PROTOCOL_UNKNOWN ? `${protocolName(master)}.${protocolName(app)}` : protocolName(master);
  }
  return protocolName(app);
}

/** The numeric form nDPI prints next to the label, e.g. "91.126" or "7" (ndpiReader's `[proto: 91.126/TLS.Google]`). */
export function protocolIdLabel(master: number, app: number): string {
  if (hasMasterPart(master, app)) return app !== NDPI_PROTOCOL_UNKNOWN ? `${master}.${app}` : `${master}`;
  return `${app}`;
}

/**
 * Whether nDPI reports the pair as encrypted (`[Encrypted]` vs `[ClearText]`): with no
 * master, the app's own flag; with a master, the master's flag (so DNS.Facebook and
 * HTTP.Google are clear text, TLS.ntop is encrypted). Unknown ids count as clear text.
 */
export function isEncryptedPair(master: number, app: number): boolean {
  if (master === NDPI_PROTOCOL_UNKNOWN) return protocolById(app)?.encrypted ?? false;
  const m = protocolById(master);
  if (!m || !protocolById(app)) return false;
  return m.encrypted;
}

/**
 * The category nDPI gives a (master, app) pair when nothing about the flow overrides it:
 * the app's default category, or the master's when there is a master and the app's is
 * Unspecified. Per flow nDPI may override this: from host-name category lists (e.g. a
 * host under ".1kxun." is Streaming, "captive.apple.com" is ConnCheck, certificate names
 * under ".fastly.net" are Media) or from an HTTP response's content type (video -> Media,
 * Java class files -> Download). docs/ndpi-protocols.md lists the cases in the ground truth.
 */
export function defaultCategoryOf(master: number, app: number): number {
  const a = protocolById(app);
  if (master === NDPI_PROTOCOL_UNKNOWN || (a !== undefined && a.category !== NDPI_CATEGORY_UNSPECIFIED)) {
    return a?.category ?? NDPI_CATEGORY_UNSPECIFIED;
  }
  return protocolById(master)?.category ?? NDPI_CATEGORY_UNSPECIFIED;
}

/**
 * The protocol nDPI's default-port table holds for this port, or undefined: the basis of
 * its "Match by port" guess (nDPI tries the flow's ports in turn). A port two protocols
 * list resolves as in NDPI_SHARED_DEFAULT_PORTS.
 */
export function protocolForDefaultPort(l4: 'TCP' | 'UDP', port: number): NdpiProtocol | undefined {
  const id = portGuess[l4 === 'TCP' ? 'tcp' : 'udp'].get(port);
  return id === undefined ? undefined : protocolById(id);
}

/**
 * nDPI's default ports of a protocol, TCP then UDP, each once. Throws for a name nDPI 4.2
 * does not have (a typo in our own code, caught at load). Dissectors take their port
 * hint from here.
 */
export function defaultPortsOf(name: string): number[] {
  const protocol = protocolByName(name);
  if (!protocol) throw new Error(`no nDPI 4.2 protocol named ${name}`);
  return [...new Set([...protocol.tcp, ...protocol.udp])];
}

// ---------------------------------------------------------------------------------------
// Categories

/** The category with this id, or undefined (ids 33–98 and 106+ have none). */
export function categoryById(id: number): NdpiCategory | undefined {
  return categoriesById.get(id);
}

/** The category printed exactly as `name`, or undefined. */
export function categoryByName(name: string): NdpiCategory | undefined {
  return categoriesByName.get(name);
}

/**
 * What nDPI 4.2 prints for a category id, with no categories file loaded: the name; ""
 * for the unassigned ids 33–98; "Invalid category N" from 106 on.
 */
export function categoryName(id: number): string {
  const category = categoriesById.get(id);
  if (category) return category.name;
  if (isId(id) && id < NDPI_CATEGORY_LIMIT) return '';
  return `Invalid category ${id}`;
}

// ---------------------------------------------------------------------------------------
// Breeds

export function breedById(id: number): NdpiBreed | undefined {
  return breedsById.get(id);
}

/** What nDPI prints for a breed id ("Potentially Dangerous", "Tracker/Ads", ...; "???" past the table). */
export function breedName(id: number): string {
  return breedsById.get(id)?.name ?? NDPI_BREED_INVALID_NAME;
}

// ---------------------------------------------------------------------------------------
// Flow risks

/** One past the last risk id nDPI 4.2 defines (its NDPI_MAX_RISK); ids 1 .. this-1 are risks. */
export const NDPI_MAX_RISK: number = NDPI_RISKS.length + 1;

const risksById: readonly (NdpiRisk | undefined)[] = [undefined, ...NDPI_RISKS];
const risksByName = new Map<string, NdpiRisk>(NDPI_RISKS.map((r) => [r.name, r]));
const risksByKey = new Map<string, NdpiRisk>(NDPI_RISKS.map((r) => [r.key, r]));

/** The risk with this id (1..41), or undefined (0 is "no risk"). */
export function riskById(id: number): NdpiRisk | undefined {
  return isId(id) ? risksById[id] : undefined;
}

/** The risk nDPI prints exactly as `name` ("Weak TLS Cipher"), or undefined. */
export function riskByName(name: string): NdpiRisk | undefined {
  return risksByName.get(name);
}

/** The risk of a C enum name ("NDPI_TLS_WEAK_CIPHER"), or undefined. */
export function riskByKey(key: string): NdpiRisk | undefined {
  return risksByKey.get(key);
}

/** The id of a C enum name; throws for a name nDPI 4.2 does not have (a typo in our own code, caught at load). */
export function riskIdOf(key: string): number {
  const risk = risksByKey.get(key);
  if (!risk) throw new Error(`no nDPI 4.2 risk named ${key}`);
  return risk.id;
}
