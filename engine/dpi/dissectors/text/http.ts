import type { Detection, Dissector, DissectorContext, Verdict } from '../../dissector';
import type { HttpDetails, L7State } from '../../l7-state';
import { authorizationRisks, contentTypeRisks, hostRisks, userAgentRisks } from '../../risks/http';
import { headerValue, matchCI, payloadPacketCount, scratch, splitLines, text, type Line } from './util';

/**
 * HTTP, as nDPI 4.2 recognises it: a payload that opens with a request method, or with
 * "HTTP/1." (a response seen first). The flow is labelled at once; later packets (up to
 * 8, both directions) fill the host, URL, user agent, status code and content type, until
 * both the host and the status code are known. A request whose target is an absolute
 * "http://" URL on a complete request line is a proxy request ("HTTP.HTTP_Proxy").
 * A request for an "rtsp://" URL is left to RTSP.
 */

/** Request methods nDPI accepts, each followed by one space (compared without case). */
const METHODS = ['GET ', 'POST ', 'OPTIONS ', 'HEAD ', 'PUT ', 'PATCH ', 'DELETE ', 'CONNECT ', 'PROPFIND ', 'REPORT ', 'RPC_IN_DATA ', 'RPC_OUT_DATA '];
/** First letters a request can start with (upper case only, as nDPI checks). */
const FIRST_LETTERS = new Set('CDGHOPR'.split('').map((c) => c.charCodeAt(0)));
/** Extra packets inspected after detection, as nDPI allows. */
const MAX_EXTRA_PACKETS = 8;
/** Packets after which HTTP gives up on a flow. */
const MAX_PACKETS = 20;
/** nDPI keeps this many characters of a host name (the last ones). */
const HOST_MAX = 79;
/** ndpiReader reports at most this many characters of a URL. */
const URL_MAX = 255;
/** Headers whose presence keeps HTTP interested in a packet that is neither request nor response. */
const KNOWN_HEADERS = ['Host', 'User-Agent', 'Content-Type', 'Server', 'Accept', 'Referer', 'Cookie', 'Content-Length', 'Content-Encoding', 'Transfer-Encoding', 'Connection', 'Origin', 'Authorization', 'X-Forwarded-For', 'Content-Disposition'];

interface HttpScratch {
  detected: boolean;
  extraPackets: number;
  proxy: boolean;
  /** The media type's category was looked at. */
  categoryDone: boolean;
}

/** Offset of the request target after "METHOD " and any extra spaces, or 0 when not a request. */
export function requestUrlOffset(p: Uint8Array): number {
  if (p.length === 0 || !FIRST_LETTERS.has(p[0]!)) return 0;
  for (const m of METHODS) {
    if (matchCI(p, 0, m)) {
      let i = m.length;
      while (i < p.length && i < m.length + 2048 && p[i] === 0x20) i++;
      return i;
    }
  }
  return 0;
}

/** C atoi over at most `len` bytes at `offset`. */
function atoi(p: Uint8Array, offset: number, len: number): number {
  let i = offset;
  const end = Math.min(p.length, offset + len);
  while (i < end && (p[i] === 0x20 || (p[i]! >= 0x09 && p[i]! <= 0x0d))) i++;
  let sign = 1;
  if (i < end && (p[i] === 0x2d || p[i] === 0x2b)) {
    if (p[i] === 0x2d) sign = -1;
    i++;
  }
  let n = 0;
  while (i < end && p[i]! >= 0x30 && p[i]! <= 0x39) n = n * 10 + (p[i++]! - 0x30);
  return sign * n;
}

/** Status code of a response starting "HTTP/1.x NNN", 0 when out of nDPI's range 100-509. */
function statusCode(p: Uint8Array): number {
  if (p.length < 12 || !matchCI(p, 0, 'HTTP/1.')) return 0;
  const code = atoi(p, 9, 3);
  return code >= 100 && code <= 509 ? code : 0;
}

/** The host name as nDPI stores it: lower case, its last 79 characters, cut at the first ':'. */
export function hostFromHeader(raw: string): string {
  let h = raw.length > HOST_MAX ? raw.slice(raw.length - HOST_MAX) : raw;
  h = h.toLowerCase();
  const colon = h.indexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

function hasKnownHeader(p: Uint8Array, lines: Line[]): boolean {
  for (const line of lines) {
    for (const name of KNOWN_HEADERS) if (headerValue(p, line, name)) return true;
  }
  return false;
}

/** Reads what one packet says (request line, response line, headers) into `http`. */
function parsePacket(p: Uint8Array, http: HttpDetails, s: HttpScratch, state: L7State): void {
  const lines = splitLines(p);
  const urlStart = requestUrlOffset(p);
  let urlName: string | undefined;
  if (urlStart > 0) {
    if (http.method === undefined) http.method = text(p, 0, urlStart).trim().toUpperCase();
    const first = lines[0];
    if (first && first.end - first.start >= urlStart + 9 && matchCI(p, first.end - 9, ' HTTP/1.')) {
      urlName = text(p, urlStart, first.end - 9);
      if (urlName.length > 7 && urlName.slice(0, 7).toLowerCase() === 'http://') s.proxy = true;
    }
  } else if (!http.statusCode) {
    const code = statusCode(p);
    if (code) http.statusCode = code;
  }
  let hostRaw: string | undefined;
  // Like nDPI, every line of the packet is looked at (a packet may continue the headers).
  for (const line of lines) {
    let v: Line | undefined;
    if ((v = headerValue(p, line, 'Host'))) {
      hostRaw = text(p, v.start, v.end);
      if (http.host === undefined) {
        const host = hostFromHeader(hostRaw);
        if (host.length > 0) http.host = host;
        hostRisks(state, hostRaw);
      }
    } else if ((v = headerValue(p, line, 'User-Agent'))) {
      if (http.userAgent === undefined) {
        http.userAgent = text(p, v.start, v.end);
        userAgentRisks(state, http.userAgent);
      }
    } else if ((v = headerValue(p, line, 'Authorization'))) {
      authorizationRisks(state, text(p, v.start, v.end));
    } else if ((v = headerValue(p, line, 'Content-Type'))) {
      if (http.contentType === undefined && http.statusCode && urlStart === 0 && v.end > v.start) {
        // nDPI keeps the media type only, up to the first ';'.
        const semi = p.subarray(v.start, v.end).indexOf(0x3b);
        const ct = text(p, v.start, semi >= 0 ? v.start + semi : v.end);
        if (ct.length > 0) {
          http.contentType = ct;
          contentTypeRisks(state, isBinaryContentType(ct), ct, http.userAgent);
        }
      }
    }
  }
  if (http.url === undefined && urlName !== undefined && urlName.length > 0 && hostRaw !== undefined && hostRaw.length > 0) {
    const url = urlName.startsWith('http://') ? urlName : hostRaw === urlName ? hostRaw : hostRaw + urlName;
    http.url = url.length > URL_MAX ? url.slice(0, URL_MAX) : url;
  }
}

const DOWNLOAD_TYPES: Record<string, readonly string[]> = { b: ['bz', 'bz2'], o: ['octet-stream'], x: ['x-tar', 'x-zip', 'x-bzip'] };
const BINARY_TYPES: Record<string, readonly string[]> = {
  e: ['exe'], j: ['java-vm'], v: ['vnd.ms-cab-compressed', 'vnd.microsoft.portable-executable'], x: ['x-msdownload', 'x-dosexec'],
};

/** True when `part` equals the start of `full` (nDPI's strncasecmp over the part's length). */
const prefixOf = (part: string, full: string) => part.length <= full.length && full.slice(0, part.length) === part;

/** An executable or Java class media type, by nDPI 4.2's lists (see categoryFromContentType). */
export function isBinaryContentType(contentType: string): boolean {
  const app = contentType.toLowerCase().slice(12);
  if (contentType.length <= 12 || prefixOf(app, 'mpeg') || app.length <= 3) return false;
  return (BINARY_TYPES[contentType[12]!] ?? []).some((m) => prefixOf(app, m));
}

/**
 * The category nDPI 4.2 gives a flow from the response's media type: the part after
 * "application/" (by position) decides Streaming (mpeg) or Download (archives,
 * executables); audio and video types are Media.
 */
export function categoryFromContentType(contentType: string): string | undefined {
  const ct = contentType.toLowerCase();
  let category: string | undefined;
  const app = ct.slice(12);
  const appFirst = contentType[12] ?? ''; // nDPI picks the lists by the raw first letter
  if (ct.length > 12) {
    if (prefixOf(app, 'mpeg')) return 'Streaming';
    if (app.length > 3) {
      if ((DOWNLOAD_TYPES[appFirst] ?? []).some((m) => prefixOf(app, m))) category = 'Download';
      if ((BINARY_TYPES[appFirst] ?? []).some((m) => prefixOf(app, m))) return 'Download';
    }
  }
  if (ct.startsWith('audio'.slice(0, Math.min(ct.length, 5))) && contentType[0] === 'a') category = 'Media';
  if (ct.startsWith('video'.slice(0, Math.min(ct.length, 5))) && contentType[0] === 'v') category = 'Media';
  return category;
}

function verdict(ctx: DissectorContext, s: HttpScratch, more: boolean): Detection {
  const http = ctx.state.http!;
  if (!s.categoryDone && http.contentType !== undefined) {
    s.categoryDone = true;
    const category = categoryFromContentType(http.contentType);
    if (category !== undefined && ctx.state.categoryOverride === undefined) ctx.state.category = category;
  }
  const d: Detection = { moreDetails: more };
  if (http.host !== undefined) d.host = http.host;
  if (s.proxy) d.app = 'HTTP_Proxy';
  return d;
}

export const HTTP: Dissector = {
  protocol: 'HTTP',
  transports: ['tcp'],
  ports: [80, 8080, 3128],
  inspect(ctx: DissectorContext): Verdict {
    const p = ctx.payload;
    const s = scratch<HttpScratch>(ctx, 'HTTP', () => ({ detected: false, extraPackets: 0, proxy: false, categoryDone: false }));
    if (!s.detected) {
      if (payloadPacketCount(ctx) > MAX_PACKETS) return 'no';
      const urlStart = requestUrlOffset(p);
      const isResponse = urlStart === 0 && p.length >= 7 && matchCI(p, 0, 'HTTP/1.');
      if (urlStart > 0) {
        const n = Math.min(7, p.length - urlStart);
        if (matchCI(p, urlStart, 'rtsp://'.slice(0, n))) return 'no';
      } else if (!isResponse) {
        return hasKnownHeader(p, splitLines(p)) ? 'maybe' : 'no';
      }
      s.detected = true;
      ctx.state.http ??= {};
      parsePacket(p, ctx.state.http, s, ctx.state);
      const http = ctx.state.http;
      return verdict(ctx, s, !(http.host !== undefined && http.statusCode));
    }
    s.extraPackets++;
    const http = (ctx.state.http ??= {});
    parsePacket(p, http, s, ctx.state);
    const finished = (http.host !== undefined && !!http.statusCode) || s.extraPackets >= MAX_EXTRA_PACKETS;
    return verdict(ctx, s, !finished);
  },
};
