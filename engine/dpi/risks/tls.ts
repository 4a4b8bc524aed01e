import type { L7State } from '../l7-state';
import { RISK } from './ids';

/**
 * TLS risks at the three moments nDPI 4.2 looks: the ClientHello (what the client offers),
 * the ServerHello (what the server chose) and the server certificate.
 */

export interface ClientHelloFacts {
  /** The ClientHello's own version field (0x0303 for TLS 1.2, also in TLS 1.3 hellos). */
  version: number;
  sni?: string;
  alpn?: readonly string[];
  /** Extension types in order, GREASE values left out. */
  extensions: readonly number[];
  /** An extension claimed more bytes than the message holds. */
  extensionOverrun: boolean;
}

/** Extension types above IANA's 0..59 range that nDPI accepts in a hello. */
const ALLOWED_PRIVATE_EXTENSIONS = new Set([
  65281, // renegotiation_info
  65486, // encrypted_server_name (ESNI): suspicious in its own way, not here
  13172, // next_protocol_negotiation
  30032, // channel_id
  17513, // application_settings (ALPS)
  65445, // QUIC transport parameters (draft code point)
]);
/** Extensions that only DTLS uses (53 connection_id, 54 the older draft code point). */
const DTLS_ONLY_EXTENSIONS = new Set([53, 54]);
const ESNI = 65486;

/** True when a TLS (not DTLS) hello should not carry this extension. */
export function isSuspiciousExtension(type: number): boolean {
  if (DTLS_ONLY_EXTENSIONS.has(type)) return true;
  return type > 59 && !ALLOWED_PRIVATE_EXTENSIONS.has(type);
}

/** A hello's version field below TLS 1.2 (the client's offer, or the server's choice). */
const OBSOLETE_BELOW = 0x0303;

export function clientHelloRisks(state: L7State, hello: ClientHelloFacts): void {
  if (hello.version < OBSOLETE_BELOW) state.addRisk(RISK.TLS_OBSOLETE_VERSION);
  if (hello.extensionOverrun || hello.extensions.some(isSuspiciousExtension)) state.addRisk(RISK.TLS_SUSPICIOUS_EXTENSION);
  // TLS 1.2 or newer without ALPN: browsers always send ALPN, so this is probably not HTTPS.
  if (hello.version >= 0x0303 && (hello.alpn === undefined || hello.alpn.length === 0)) state.addRisk(RISK.TLS_NOT_CARRYING_HTTPS);
  if ((hello.sni === undefined || hello.sni === '') && hello.version >= 0x0302 && !hello.extensions.includes(ESNI)) {
    state.addRisk(RISK.TLS_MISSING_SNI);
  }
}

/** `version`: the version the server chose (its supported_versions when present). */
export function serverHelloRisks(state: L7State, version: number, cipherClass: 'safe' | 'weak' | 'insecure'): void {
  if (version < OBSOLETE_BELOW) state.addRisk(RISK.TLS_OBSOLETE_VERSION);
  // TLS 1.3 has no weak suites to choose.
  if (version < 0x0304 && cipherClass !== 'safe') state.addRisk(RISK.TLS_WEAK_CIPHER);
}

export interface CertificateFacts {
  /** The name the client asked for (SNI), if any. */
  sni?: string;
  /** DNS names of the subjectAltName extension. */
  altNames: readonly string[];
  selfSigned: boolean;
  /** Validity period, epoch seconds. */
  notBefore?: number;
  notAfter?: number;
}

/** nDPI 4.2's default warning time before a certificate expires. */
const ABOUT_TO_EXPIRE_SECONDS = 30 * 86400;

/**
 * The server certificate, at packet time `now` (seconds): self-signed; not valid at that
 * time, or valid for less than 30 more days; and not naming the host the client asked
 * for. nDPI compares the SNI with each DNS name of the subjectAltName extension (exactly,
 * or "*.x" as a substring match on ".x"), and only judges certificates that have it.
 */
export function certificateRisks(state: L7State, cert: CertificateFacts, now: number): void {
  if (cert.selfSigned) state.addRisk(RISK.TLS_SELFSIGNED_CERTIFICATE);
  if (cert.notBefore !== undefined && cert.notAfter !== undefined) {
    if (now < cert.notBefore || now > cert.notAfter) state.addRisk(RISK.TLS_CERTIFICATE_EXPIRED);
    else if (now > cert.notAfter - ABOUT_TO_EXPIRE_SECONDS) state.addRisk(RISK.TLS_CERTIFICATE_ABOUT_TO_EXPIRE);
  }
  const sni = cert.sni;
  if (!sni || cert.altNames.length === 0) return;
  if (!cert.altNames.some((name) => namesMatch(sni, name))) state.addRisk(RISK.TLS_CERTIFICATE_MISMATCH);
}

export function namesMatch(host: string, certName: string): boolean {
  if (certName.startsWith('*')) return host.includes(certName.slice(1));
  return host === certName;
}
