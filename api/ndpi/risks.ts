/**
 * nDPI 4.2's flow risks, by id: the enum name, the text nDPI prints (ndpi_risk2str, as in
 * the ground-truth files' `risks` arrays), the severity, and the score nDPI gives one risk
 * alone with its client/server split (ndpi_risk2score). ntopng 4.2's `flow.getRiskInfo()`
 * keys its table by the printed name and `flow.hasRisk(id)` takes the id.
 *
 * Where the facts come from: read out of the library Debian ships as libndpi4.2 4.2-2 (the
 * build whose ndpiReader produced the ground truth) with verify/dump-risks.c, and checked
 * against the enum order of nDPI's ndpi_typedefs.h (`ndpi_risk_enum`: ids 0..41 in 4.2, 0
 * meaning no risk). verify/compare-risks.ts compares a fresh dump with this table.
 * The `doc` sentences are ours.
 */

export type NdpiRiskSeverity = 'Low' | 'Medium' | 'High' | 'Severe';

export interface NdpiRisk {
  readonly id: number;
  /** The C enum member, e.g. "NDPI_TLS_WEAK_CIPHER" (what users of nDPI's headers know). */
  readonly key: string;
  /** The name exactly as nDPI prints it. */
  readonly name: string;
  readonly severity: NdpiRiskSeverity;
  /** Score of this risk alone, and the parts nDPI charges to the client and to the server. */
  readonly score: number;
  readonly clientScore: number;
  readonly serverScore: number;
  readonly doc: string;
}

/** Ids 1..41 in order (0, NDPI_NO_RISK, is not a risk and is not listed). */
export const NDPI_RISKS: readonly NdpiRisk[] = [
  { id:  1, key: 'NDPI_URL_POSSIBLE_XSS',                      name: 'XSS Attack',                                      severity: 'Severe',  score: 250, clientScore: 225, serverScore:  25,
    doc: 'The URL looks like a cross-site scripting attempt.' },
  { id:  2, key: 'NDPI_URL_POSSIBLE_SQL_INJECTION',            name: 'SQL Injection',                                   severity: 'Severe',  score: 250, clientScore: 225, serverScore:  25,
    doc: 'The URL looks like an SQL injection attempt.' },
  { id:  3, key: 'NDPI_URL_POSSIBLE_RCE_INJECTION',            name: 'RCE Injection',                                   severity: 'Severe',  score: 250, clientScore: 225, serverScore:  25,
    doc: 'The URL looks like a remote code injection attempt.' },
  { id:  4, key: 'NDPI_BINARY_APPLICATION_TRANSFER',           name: 'Binary Application Transfer',                     severity: 'Severe',  score: 250, clientScore: 125, serverScore: 125,
    doc: 'An executable or Java class travels over HTTP (from the response\'s media type).' },
  { id:  5, key: 'NDPI_KNOWN_PROTOCOL_ON_NON_STANDARD_PORT',   name: 'Known Protocol on Non Standard Port',             severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'A protocol was recognised on a port that is not one of its usual ports.' },
  { id:  6, key: 'NDPI_TLS_SELFSIGNED_CERTIFICATE',            name: 'Self-signed Certificate',                         severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The TLS server certificate is signed by its own subject.' },
  { id:  7, key: 'NDPI_TLS_OBSOLETE_VERSION',                  name: 'Obsolete TLS Version (1.1 or older)',             severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The TLS server chose version 1.1 or older.' },
  { id:  8, key: 'NDPI_TLS_WEAK_CIPHER',                       name: 'Weak TLS Cipher',                                 severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The TLS server chose a cipher suite rated weak or insecure.' },
  { id:  9, key: 'NDPI_TLS_CERTIFICATE_EXPIRED',               name: 'TLS Expired Certificate',                         severity: 'High',    score: 100, clientScore:  50, serverScore:  50,
    doc: 'The TLS server certificate is not valid at the time of the flow.' },
  { id: 10, key: 'NDPI_TLS_CERTIFICATE_MISMATCH',              name: 'TLS Certificate Mismatch',                        severity: 'High',    score: 100, clientScore:  50, serverScore:  50,
    doc: 'The TLS server certificate does not name the host the client asked for (SNI).' },
  { id: 11, key: 'NDPI_HTTP_SUSPICIOUS_USER_AGENT',            name: 'HTTP Suspicious User-Agent',                      severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The HTTP User-Agent looks forged or malicious.' },
  { id: 12, key: 'NDPI_HTTP_NUMERIC_IP_HOST',                  name: 'HTTP Numeric IP Address',                         severity: 'Low',     score:  10, clientScore:   5, serverScore:   5,
    doc: 'The HTTP Host header is a numeric IPv4 address, not a name.' },
  { id: 13, key: 'NDPI_HTTP_SUSPICIOUS_URL',                   name: 'HTTP Suspicious URL',                             severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The HTTP URL looks suspicious.' },
  { id: 14, key: 'NDPI_HTTP_SUSPICIOUS_HEADER',                name: 'HTTP Suspicious Header',                          severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'An HTTP header looks suspicious.' },
  { id: 15, key: 'NDPI_TLS_NOT_CARRYING_HTTPS',                name: 'TLS (probably) Not Carrying HTTPS',               severity: 'Low',     score:  10, clientScore:   5, serverScore:   5,
    doc: 'TLS 1.2 or newer without ALPN: probably not a web browser\'s HTTPS.' },
  { id: 16, key: 'NDPI_SUSPICIOUS_DGA_DOMAIN',                 name: 'Suspicious DGA Domain name',                      severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The host name looks generated by a domain generation algorithm.' },
  { id: 17, key: 'NDPI_MALFORMED_PACKET',                      name: 'Malformed Packet',                                severity: 'Low',     score:  10, clientScore:   5, serverScore:   5,
    doc: 'A packet of the flow does not parse as its protocol requires (or its checksum is wrong).' },
  { id: 18, key: 'NDPI_SSH_OBSOLETE_CLIENT_VERSION_OR_CIPHER', name: 'SSH Obsolete Client Version/Cipher',              severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The SSH client software is an obsolete version.' },
  { id: 19, key: 'NDPI_SSH_OBSOLETE_SERVER_VERSION_OR_CIPHER', name: 'SSH Obsolete Server Version/Cipher',              severity: 'Medium',  score:  50, clientScore:   5, serverScore:  45,
    doc: 'The SSH server software is an obsolete version.' },
  { id: 20, key: 'NDPI_SMB_INSECURE_VERSION',                  name: 'SMB Insecure Version',                            severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'SMB version 1, considered insecure.' },
  { id: 21, key: 'NDPI_TLS_SUSPICIOUS_ESNI_USAGE',             name: 'TLS Suspicious ESNI Usage',                       severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'The TLS client used encrypted SNI (ESNI) in a suspicious way.' },
  { id: 22, key: 'NDPI_UNSAFE_PROTOCOL',                       name: 'Unsafe Protocol',                                 severity: 'Low',     score:  10, clientScore:   5, serverScore:   5,
    doc: 'A protocol that carries data or credentials in clear text (FTP, POP3, IMAP, SMBv1 over NetBIOS, ...).' },
  { id: 23, key: 'NDPI_DNS_SUSPICIOUS_TRAFFIC',                name: 'Suspicious DNS Traffic',                          severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'DNS traffic that looks like tunnelling or another misuse.' },
  { id: 24, key: 'NDPI_TLS_MISSING_SNI',                       name: 'Missing SNI TLS Extension',                       severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'A TLS 1.1 or newer ClientHello without the server_name (SNI) extension.' },
  { id: 25, key: 'NDPI_HTTP_SUSPICIOUS_CONTENT',               name: 'HTTP Suspicious Content',                         severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'The HTTP payload looks suspicious.' },
  { id: 26, key: 'NDPI_RISKY_ASN',                             name: 'Risky ASN',                                       severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'A peer belongs to an autonomous system on a risk list.' },
  { id: 27, key: 'NDPI_RISKY_DOMAIN',                          name: 'Risky Domain Name',                               severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'The host name is on a risk list.' },
  { id: 28, key: 'NDPI_MALICIOUS_JA3',                         name: 'Possibly Malicious JA3 Fingerprint',              severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'The client\'s JA3 fingerprint is on a list of malicious ones.' },
  { id: 29, key: 'NDPI_MALICIOUS_SHA1_CERTIFICATE',            name: 'Possibly Malicious SSL Cert. SHA1 Fingerprint',   severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'The server certificate\'s SHA1 fingerprint is on a list of malicious ones.' },
  { id: 30, key: 'NDPI_DESKTOP_OR_FILE_SHARING_SESSION',       name: 'Desktop/File Sharing Session',                    severity: 'Low',     score:  10, clientScore:   5, serverScore:   5,
    doc: 'A remote desktop or file sharing session (RDP, VNC, ...).' },
  { id: 31, key: 'NDPI_TLS_UNCOMMON_ALPN',                     name: 'Uncommon TLS ALPN',                               severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'The TLS client offered an uncommon ALPN value.' },
  { id: 32, key: 'NDPI_TLS_CERT_VALIDITY_TOO_LONG',            name: 'TLS Certificate Validity Too Long',               severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'The TLS server certificate\'s validity period is too long.' },
  { id: 33, key: 'NDPI_TLS_SUSPICIOUS_EXTENSION',              name: 'TLS Suspicious Extension',                        severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'A TLS hello carries an extension that does not belong there (unknown, DTLS-only, or overrunning the message).' },
  { id: 34, key: 'NDPI_TLS_FATAL_ALERT',                       name: 'TLS Fatal Alert',                                 severity: 'Low',     score:  10, clientScore:   5, serverScore:   5,
    doc: 'A TLS fatal alert was sent.' },
  { id: 35, key: 'NDPI_SUSPICIOUS_ENTROPY',                    name: 'Suspicious Entropy',                              severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'A payload\'s entropy looks suspicious.' },
  { id: 36, key: 'NDPI_CLEAR_TEXT_CREDENTIALS',                name: 'Clear-Text Credentials',                          severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'A user name or password crossed the network in clear text.' },
  { id: 37, key: 'NDPI_DNS_LARGE_PACKET',                      name: 'DNS Packet Larger Than 512 bytes',                severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'A DNS message larger than 512 bytes.' },
  { id: 38, key: 'NDPI_DNS_FRAGMENTED',                        name: 'Fragmented DNS Message',                          severity: 'Medium',  score:  50, clientScore:  25, serverScore:  25,
    doc: 'A DNS message split into IP fragments.' },
  { id: 39, key: 'NDPI_INVALID_CHARACTERS',                    name: 'Text Contains Non-Printable Characters',          severity: 'High',    score: 100, clientScore:  90, serverScore:  10,
    doc: 'A name or text field holds bytes that are not printable characters.' },
  { id: 40, key: 'NDPI_POSSIBLE_EXPLOIT',                      name: 'Possible Exploit Detected',                       severity: 'Severe',  score: 250, clientScore: 225, serverScore:  25,
    doc: 'A payload carries a known exploit pattern (such as a Log4Shell "${jndi:" lookup).' },
  { id: 41, key: 'NDPI_TLS_CERTIFICATE_ABOUT_TO_EXPIRE',       name: 'TLS Certificate About To Expire',                 severity: 'Medium',  score:  50, clientScore:   5, serverScore:  45,
    doc: 'The TLS server certificate expires soon.' },
];
