/**
 * Applications recognised from a host name (TLS SNI, HTTP Host, DNS query, QUIC SNI,
 * certificate names), as nDPI 4.2 labels them: "TLS.Google" for a TLS flow to
 * www.google.com. A data table: each rule is a host suffix (matching the name itself or
 * any subdomain) or a substring, the nDPI application name, and the category nDPI gives
 * that application.
 */

export interface HostRule {
  /** Matches the host when it equals the suffix or ends with "." + suffix. */
  suffix?: string;
  /** Matches the host when it contains this text anywhere. */
  contains?: string;
  app: string;
  category: string;
}

export const HOST_RULES: readonly HostRule[] = [
  { suffix: 'google.com', app: 'Google', category: 'Web' },
  { suffix: 'facebook.com', app: 'Facebook', category: 'SocialNetwork' },
];

export function classifyHost(host: string): { app: string; category: string } | undefined {
  const name = host.toLowerCase();
  for (const rule of HOST_RULES) {
    if (rule.suffix && (name === rule.suffix || name.endsWith(`.${rule.suffix}`))) return rule;
    if (rule.contains && name.includes(rule.contains)) return rule;
  }
  return undefined;
}
