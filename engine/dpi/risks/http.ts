import type { L7State } from '../l7-state';
import { RISK } from './ids';

/**
 * HTTP risks, from the request's headers and the response's media type, as nDPI 4.2
 * judges them.
 */

/** The Host header names a numeric IPv4 address (any ":port" ignored), written canonically. */
export function hostRisks(state: L7State, rawHost: string): void {
  const colon = rawHost.indexOf(':');
  const host = colon >= 0 ? rawHost.slice(0, colon) : rawHost;
  if (isCanonicalIPv4(host)) state.addRisk(RISK.HTTP_NUMERIC_IP_HOST);
}

/** Four decimal numbers 0..255 without leading zeros: what inet_ntoa would print back. */
export function isCanonicalIPv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9][0-9]{0,2})$/.test(p) && Number(p) <= 255);
}

/**
 * A User-Agent that no real client sends: a Log4Shell "jndi:" lookup (also a possible
 * exploit), shell or template syntax ('$', '{', '}', "<?"), too short or too long, a
 * "test" client, or one long word of letters with many capitals (random-looking).
 */
export function userAgentRisks(state: L7State, ua: string): void {
  if (ua.length === 0) return;
  let suspicious = false;
  if (ua.startsWith('jndi:') || ua.includes('${jndi')) {
    state.addRisk(RISK.POSSIBLE_EXPLOIT);
    suspicious = true;
  }
  if (ua.startsWith('<?') || ua.includes('$') || ua.includes('{') || ua.includes('}')) suspicious = true;
  if (ua.length < 4 || ua.length > 256 || ua.startsWith('test')) suspicious = true;
  if (ua.length > 12 && /^[A-Za-z]+$/.test(ua)) {
    const capitals = ua.replace(/[^A-Z]/g, '').length;
    if (capitals / ua.length >= 0.2) suspicious = true;
  }
  if (suspicious) state.addRisk(RISK.HTTP_SUSPICIOUS_USER_AGENT);
}

/** Basic authentication carries the password merely base64-encoded. */
export function authorizationRisks(state: L7State, value: string): void {
  if (/^\s*basic\b/i.test(value)) state.addRisk(RISK.CLEAR_TEXT_CREDENTIALS);
}

/**
 * A response's media type names an executable or a Java class (`binary`: the HTTP
 * dissector's own media-type lists decide). A Java client fetching a Java class is how
 * Log4Shell payloads arrive ("Java downloads Java"): a possible exploit too.
 */
export function contentTypeRisks(state: L7State, binary: boolean, contentType: string, userAgent: string | undefined): void {
  if (!binary) return;
  state.addRisk(RISK.BINARY_APPLICATION_TRANSFER);
  if (userAgent?.startsWith('Java/') && contentType === 'application/java-vm') state.addRisk(RISK.POSSIBLE_EXPLOIT);
}
