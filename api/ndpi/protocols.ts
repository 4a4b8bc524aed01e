/**
 * Every protocol nDPI 4.2 defines, by id: the name exactly as nDPI prints it, its default
 * category and breed, whether nDPI flags it encrypted (the inverse of its "clear text"
 * default), and its default TCP and UDP ports.
 *
 * Where the facts come from: nDPI tag 4.2 (commit 8b5c6af71b562549f8416b31803daae223e09f46).
 * The table was read out of the library that Debian ships as libndpi4.2 4.2-2 (the same
 * build whose ndpiReader produced the ground truth in shared/pcaps) through its public
 * API, then checked entry by entry against the tag's source tarball (Debian's
 * ndpi_4.2.orig.tar.gz, whose test captures have the git blob ids the ground truth
 * records). `verify/` holds the small program and the comparison script used; the
 * method and every finding are in docs/ndpi-protocols.md.
 *
 * - `origin: 'defaults'`: one of the 226 protocols nDPI registers with explicit defaults
 *   (ports, clear-text flag, breed, category).
 * - `origin: 'hostnames'`: one of the 56 protocols nDPI only knows from its host-name
 *   table (Google, YouTube, Facebook, ...). They have no default ports, and their category
 *   and breed are those of their first host-name entry. nDPI never sets their clear-text
 *   default, so it reports all of them as encrypted (HTTP.Facebook still prints ClearText
 *   because the master decides; see `isEncryptedPair` in index.ts).
 * - Ports: nDPI 4.2 registers single ports only (no ranges), at most five per transport.
 * - Id 64 is a retired slot that nDPI 4.2 still registers, as "FREE_64".
 */

export interface NdpiProtocol {
  readonly id: number;
  /** The name as nDPI prints it (case-sensitive; may contain dots and brackets). */
  readonly name: string;
  /** Default category id (see categories.ts). */
  readonly category: number;
  /** Breed id (see breeds.ts). */
  readonly breed: number;
  /** nDPI prints `[Encrypted]` rather than `[ClearText]` for this protocol alone. */
  readonly encrypted: boolean;
  /** Default TCP ports, in nDPI's order. */
  readonly tcp: readonly number[];
  /** Default UDP ports, in nDPI's order. */
  readonly udp: readonly number[];
  readonly origin: 'defaults' | 'hostnames';
}

export const NDPI_VERSION = '4.2';
export const NDPI_TAG_COMMIT = '8b5c6af71b562549f8416b31803daae223e09f46';

/* One line per protocol, in id order; the comment repeats the category and breed names. */
export const NDPI_PROTOCOLS = [
  { id:   0, name: 'Unknown',              category:   0, breed: 7, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Unspecified, Unrated
  { id:   1, name: 'FTP_CONTROL',          category:   7, breed: 3, encrypted: false, tcp: [21], udp: [], origin: 'defaults' }, // Download, Unsafe
  { id:   2, name: 'POP3',                 category:   3, breed: 3, encrypted: false, tcp: [110], udp: [], origin: 'defaults' }, // Email, Unsafe
  { id:   3, name: 'SMTP',                 category:   3, breed: 1, encrypted: false, tcp: [25], udp: [], origin: 'defaults' }, // Email, Acceptable
  { id:   4, name: 'IMAP',                 category:   3, breed: 3, encrypted: false, tcp: [143], udp: [], origin: 'defaults' }, // Email, Unsafe
  { id:   5, name: 'DNS',                  category:  14, breed: 1, encrypted: false, tcp: [53], udp: [53], origin: 'defaults' }, // Network, Acceptable
  { id:   6, name: 'IPP',                  category:  18, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // System, Acceptable
  { id:   7, name: 'HTTP',                 category:   5, breed: 1, encrypted: false, tcp: [80], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id:   8, name: 'MDNS',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [5353, 5354], origin: 'defaults' }, // Network, Acceptable
  { id:   9, name: 'NTP',                  category:  18, breed: 1, encrypted: false, tcp: [], udp: [123], origin: 'defaults' }, // System, Acceptable
  { id:  10, name: 'NetBIOS',              category:  18, breed: 1, encrypted: false, tcp: [139], udp: [137, 138, 139], origin: 'defaults' }, // System, Acceptable
  { id:  11, name: 'NFS',                  category:   4, breed: 1, encrypted: false, tcp: [2049], udp: [2049], origin: 'defaults' }, // DataTransfer, Acceptable
  { id:  12, name: 'SSDP',                 category:  18, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // System, Acceptable
  { id:  13, name: 'BGP',                  category:  14, breed: 1, encrypted: false, tcp: [179, 2605], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  14, name: 'SNMP',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [161, 162], origin: 'defaults' }, // Network, Acceptable
  { id:  15, name: 'XDMCP',                category:  12, breed: 1, encrypted: false, tcp: [177], udp: [177], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id:  16, name: 'SMBv1',                category:  18, breed: 5, encrypted: false, tcp: [445], udp: [], origin: 'defaults' }, // System, Dangerous
  { id:  17, name: 'Syslog',               category:  18, breed: 1, encrypted: false, tcp: [514], udp: [514], origin: 'defaults' }, // System, Acceptable
  { id:  18, name: 'DHCP',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [67, 68], origin: 'defaults' }, // Network, Acceptable
  { id:  19, name: 'PostgreSQL',           category:  11, breed: 1, encrypted: false, tcp: [5432], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id:  20, name: 'MySQL',                category:  11, breed: 1, encrypted: false, tcp: [3306], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id:  21, name: 'Hotmail',              category:   3, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Email, Acceptable
  { id:  22, name: 'Direct_Download_Link', category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  23, name: 'POPS',                 category:   3, breed: 0, encrypted: true,  tcp: [995], udp: [], origin: 'defaults' }, // Email, Safe
  { id:  24, name: 'AppleJuice',           category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  25, name: 'DirectConnect',        category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  26, name: 'ntop',                 category:  14, breed: 0, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Safe
  { id:  27, name: 'COAP',                 category:  16, breed: 0, encrypted: false, tcp: [], udp: [5683, 5684], origin: 'defaults' }, // RPC, Safe
  { id:  28, name: 'VMware',               category:  12, breed: 1, encrypted: false, tcp: [903], udp: [902, 903], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id:  29, name: 'SMTPS',                category:   3, breed: 0, encrypted: true,  tcp: [465, 587], udp: [], origin: 'defaults' }, // Email, Safe
  { id:  30, name: 'DTLS',                 category:   5, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Web, Safe
  { id:  31, name: 'UBNTAC2',              category:  14, breed: 0, encrypted: false, tcp: [], udp: [10001], origin: 'defaults' }, // Network, Safe
  { id:  32, name: 'Kontiki',              category:   1, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Media, Potentially Dangerous
  { id:  33, name: 'OpenFT',               category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  34, name: 'FastTrack',            category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  35, name: 'Gnutella',             category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  36, name: 'eDonkey',              category:   7, breed: 3, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Unsafe
  { id:  37, name: 'BitTorrent',           category:   7, breed: 1, encrypted: false, tcp: [51413, 53646], udp: [6771, 51413], origin: 'defaults' }, // Download, Acceptable
  { id:  38, name: 'SkypeCall',            category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id:  39, name: 'Signal',               category:   9, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Chat, Fun
  { id:  40, name: 'Memcached',            category:  14, breed: 1, encrypted: false, tcp: [11211], udp: [11211], origin: 'defaults' }, // Network, Acceptable
  { id:  41, name: 'SMBv23',               category:  18, breed: 1, encrypted: false, tcp: [445], udp: [], origin: 'defaults' }, // System, Acceptable
  { id:  42, name: 'Mining',               category:  99, breed: 3, encrypted: false, tcp: [8333, 30303], udp: [], origin: 'defaults' }, // Mining, Unsafe
  { id:  43, name: 'NestLogSink',          category:  13, breed: 1, encrypted: false, tcp: [11095], udp: [], origin: 'defaults' }, // Cloud, Acceptable
  { id:  44, name: 'Modbus',               category:  31, breed: 1, encrypted: false, tcp: [502], udp: [], origin: 'defaults' }, // IoT-Scada, Acceptable
  { id:  45, name: 'WhatsAppCall',         category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id:  46, name: 'DataSaver',            category:   5, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Web, Fun
  { id:  47, name: 'Xbox',                 category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id:  48, name: 'QQ',                   category:   9, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Chat, Fun
  { id:  49, name: 'TikTok',               category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // SocialNetwork, Fun
  { id:  50, name: 'RTSP',                 category:   1, breed: 2, encrypted: false, tcp: [554], udp: [554], origin: 'defaults' }, // Media, Fun
  { id:  51, name: 'IMAPS',                category:   3, breed: 0, encrypted: true,  tcp: [993], udp: [], origin: 'defaults' }, // Email, Safe
  { id:  52, name: 'IceCast',              category:   1, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Media, Fun
  { id:  53, name: 'CPHA',                 category:  14, breed: 2, encrypted: false, tcp: [], udp: [8116], origin: 'defaults' }, // Network, Fun
  { id:  54, name: 'PPStream',             category:  17, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Streaming, Fun
  { id:  55, name: 'Zattoo',               category:  26, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Video, Fun
  { id:  56, name: 'ShoutCast',            category:  25, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Music, Fun
  { id:  57, name: 'Sopcast',              category:  26, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Video, Fun
  { id:  58, name: 'Discord',              category:  15, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Collaborative, Fun
  { id:  59, name: 'TVUplayer',            category:  26, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Video, Fun
  { id:  60, name: 'MongoDB',              category:  11, breed: 1, encrypted: false, tcp: [27017], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id:  61, name: 'QQLive',               category:  26, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Video, Fun
  { id:  62, name: 'Thunder',              category:   7, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Fun
  { id:  63, name: 'OCSP',                 category:  14, breed: 0, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Safe
  { id:  64, name: 'FREE_64',              category:  26, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Video, Acceptable
  { id:  65, name: 'IRC',                  category:   9, breed: 3, encrypted: false, tcp: [194], udp: [194], origin: 'defaults' }, // Chat, Unsafe
  { id:  66, name: 'Ayiya',                category:  14, breed: 1, encrypted: false, tcp: [], udp: [5072], origin: 'defaults' }, // Network, Acceptable
  { id:  67, name: 'Jabber',               category:   5, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id:  68, name: 'Nats',                 category:  16, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id:  69, name: 'AmongUs',              category:   8, breed: 2, encrypted: false, tcp: [], udp: [22023], origin: 'defaults' }, // Game, Fun
  { id:  70, name: 'Yahoo',                category:   5, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Safe
  { id:  71, name: 'DisneyPlus',           category:  17, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Streaming, Fun
  { id:  72, name: 'GooglePlus',           category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id:  73, name: 'VRRP',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  74, name: 'Steam',                category:   8, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id:  75, name: 'HalfLife2',            category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id:  76, name: 'WorldOfWarcraft',      category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id:  77, name: 'Telnet',               category:  12, breed: 3, encrypted: false, tcp: [23], udp: [], origin: 'defaults' }, // RemoteAccess, Unsafe
  { id:  78, name: 'STUN',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [3478], origin: 'defaults' }, // Network, Acceptable
  { id:  79, name: 'IPsec',                category:   2, breed: 0, encrypted: true,  tcp: [500], udp: [500, 4500], origin: 'defaults' }, // VPN, Safe
  { id:  80, name: 'GRE',                  category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  81, name: 'ICMP',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  82, name: 'IGMP',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  83, name: 'EGP',                  category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  84, name: 'SCTP',                 category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  85, name: 'OSPF',                 category:  14, breed: 1, encrypted: false, tcp: [2604], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  86, name: 'IP_in_IP',             category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id:  87, name: 'RTP',                  category:   1, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Media, Acceptable
  { id:  88, name: 'RDP',                  category:  12, breed: 1, encrypted: false, tcp: [3389], udp: [3389], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id:  89, name: 'VNC',                  category:  12, breed: 1, encrypted: false, tcp: [5900, 5901, 5800], udp: [], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id:  90, name: 'Tumblr',               category:   6, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // SocialNetwork, Fun
  { id:  91, name: 'TLS',                  category:   5, breed: 0, encrypted: true,  tcp: [443], udp: [], origin: 'defaults' }, // Web, Safe
  { id:  92, name: 'SSH',                  category:  12, breed: 1, encrypted: true,  tcp: [22], udp: [], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id:  93, name: 'Usenet',               category:   5, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id:  94, name: 'MGCP',                 category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id:  95, name: 'IAX',                  category:  10, breed: 1, encrypted: false, tcp: [4569], udp: [4569], origin: 'defaults' }, // VoIP, Acceptable
  { id:  96, name: 'TFTP',                 category:   4, breed: 1, encrypted: false, tcp: [], udp: [69], origin: 'defaults' }, // DataTransfer, Acceptable
  { id:  97, name: 'AFP',                  category:   4, breed: 1, encrypted: false, tcp: [548], udp: [548], origin: 'defaults' }, // DataTransfer, Acceptable
  { id:  98, name: 'Stealthnet',           category:   7, breed: 4, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Potentially Dangerous
  { id:  99, name: 'Aimini',               category:   7, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Fun
  { id: 100, name: 'SIP',                  category:  10, breed: 1, encrypted: false, tcp: [5060, 5061], udp: [5060, 5061], origin: 'defaults' }, // VoIP, Acceptable
  { id: 101, name: 'TruPhone',             category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 102, name: 'ICMPV6',               category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 103, name: 'DHCPV6',               category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 104, name: 'Armagetron',           category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 105, name: 'Crossfire',            category:  16, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Fun
  { id: 106, name: 'Dofus',                category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 107, name: 'Fiesta',               category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 108, name: 'Florensia',            category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 109, name: 'Guildwars',            category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 110, name: 'AmazonAlexa',          category:  32, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VirtAssistant, Acceptable
  { id: 111, name: 'Kerberos',             category:  14, breed: 1, encrypted: false, tcp: [88], udp: [88], origin: 'defaults' }, // Network, Acceptable
  { id: 112, name: 'LDAP',                 category:  18, breed: 1, encrypted: false, tcp: [389], udp: [389], origin: 'defaults' }, // System, Acceptable
  { id: 113, name: 'MapleStory',           category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 114, name: 'MsSQL-TDS',            category:  11, breed: 1, encrypted: false, tcp: [1433, 1434], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id: 115, name: 'PPTP',                 category:   2, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VPN, Acceptable
  { id: 116, name: 'Warcraft3',            category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 117, name: 'WorldOfKungFu',        category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 118, name: 'Slack',                category:  15, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Collaborative, Acceptable
  { id: 119, name: 'Facebook',             category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 120, name: 'Twitter',              category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 121, name: 'Dropbox',              category:  13, breed: 1, encrypted: false, tcp: [], udp: [17500], origin: 'defaults' }, // Cloud, Acceptable
  { id: 122, name: 'GMail',                category:   3, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Email, Acceptable
  { id: 123, name: 'GoogleMaps',           category:   5, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Safe
  { id: 124, name: 'YouTube',              category:   1, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Media, Fun
  { id: 125, name: 'Skype_Teams',          category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 126, name: 'Google',               category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id: 127, name: 'DCE_RPC',              category:  16, breed: 1, encrypted: false, tcp: [135], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 128, name: 'NetFlow',              category:  14, breed: 1, encrypted: false, tcp: [], udp: [2055], origin: 'defaults' }, // Network, Acceptable
  { id: 129, name: 'sFlow',                category:  14, breed: 1, encrypted: false, tcp: [], udp: [6343], origin: 'defaults' }, // Network, Acceptable
  { id: 130, name: 'HTTP_Connect',         category:   5, breed: 1, encrypted: false, tcp: [8080], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id: 131, name: 'HTTP_Proxy',           category:   5, breed: 1, encrypted: false, tcp: [8080, 3128], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id: 132, name: 'Citrix',               category:  14, breed: 1, encrypted: true,  tcp: [1494, 2598], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 133, name: 'NetFlix',              category:  26, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Video, Fun
  { id: 134, name: 'LastFM',               category:  25, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Music, Fun
  { id: 135, name: 'Waze',                 category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 136, name: 'YouTubeUpload',        category:   1, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Media, Fun
  { id: 137, name: 'Hulu',                 category:  17, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Streaming, Fun
  { id: 138, name: 'CHECKMK',              category:   4, breed: 1, encrypted: false, tcp: [6556], udp: [], origin: 'defaults' }, // DataTransfer, Acceptable
  { id: 139, name: 'AJP',                  category:   5, breed: 1, encrypted: false, tcp: [8009, 8010], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id: 140, name: 'Apple',                category:   5, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Safe
  { id: 141, name: 'Webex',                category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 142, name: 'WhatsApp',             category:   9, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Chat, Acceptable
  { id: 143, name: 'AppleiCloud',          category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 144, name: 'Viber',                category:  10, breed: 1, encrypted: true,  tcp: [7985, 5242, 5243, 4244], udp: [7985, 7987, 5242, 5243, 4244], origin: 'defaults' }, // VoIP, Acceptable
  { id: 145, name: 'AppleiTunes',          category:  17, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Streaming, Fun
  { id: 146, name: 'Radius',               category:  14, breed: 1, encrypted: false, tcp: [1812, 1813], udp: [1812, 1813], origin: 'defaults' }, // Network, Acceptable
  { id: 147, name: 'WindowsUpdate',        category:  19, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SoftwareUpdate, Safe
  { id: 148, name: 'TeamViewer',           category:  12, breed: 1, encrypted: true,  tcp: [5938], udp: [5938], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id: 149, name: 'Tuenti',               category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // VoIP, Acceptable
  { id: 150, name: 'LotusNotes',           category:  15, breed: 1, encrypted: false, tcp: [1352], udp: [], origin: 'defaults' }, // Collaborative, Acceptable
  { id: 151, name: 'SAP',                  category:  14, breed: 1, encrypted: false, tcp: [3201], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 152, name: 'GTP',                  category:  14, breed: 1, encrypted: false, tcp: [], udp: [2152, 2123], origin: 'defaults' }, // Network, Acceptable
  { id: 153, name: 'WSD',                  category:  14, breed: 1, encrypted: false, tcp: [], udp: [3702], origin: 'defaults' }, // Network, Acceptable
  { id: 154, name: 'LLMNR',                category:  14, breed: 1, encrypted: false, tcp: [5355], udp: [5355], origin: 'defaults' }, // Network, Acceptable
  { id: 155, name: 'RemoteScan',           category:  14, breed: 4, encrypted: false, tcp: [6077], udp: [6078], origin: 'defaults' }, // Network, Potentially Dangerous
  { id: 156, name: 'Spotify',              category:  25, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Music, Acceptable
  { id: 157, name: 'Messenger',            category:   9, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Chat, Acceptable
  { id: 158, name: 'H323',                 category:  10, breed: 1, encrypted: false, tcp: [1719, 1720], udp: [1719, 1720], origin: 'defaults' }, // VoIP, Acceptable
  { id: 159, name: 'OpenVPN',              category:   2, breed: 1, encrypted: true,  tcp: [1194], udp: [1194], origin: 'defaults' }, // VPN, Acceptable
  { id: 160, name: 'NOE',                  category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 161, name: 'CiscoVPN',             category:   2, breed: 1, encrypted: true,  tcp: [10000, 8008, 8009], udp: [10000], origin: 'defaults' }, // VPN, Acceptable
  { id: 162, name: 'TeamSpeak',            category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 163, name: 'Tor',                  category:   2, breed: 4, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VPN, Potentially Dangerous
  { id: 164, name: 'CiscoSkinny',          category:  10, breed: 1, encrypted: false, tcp: [2000], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 165, name: 'RTCP',                 category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 166, name: 'RSYNC',                category:   4, breed: 1, encrypted: false, tcp: [873], udp: [], origin: 'defaults' }, // DataTransfer, Acceptable
  { id: 167, name: 'Oracle',               category:  11, breed: 1, encrypted: false, tcp: [1521], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id: 168, name: 'Corba',                category:  16, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 169, name: 'UbuntuONE',            category:  13, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Cloud, Acceptable
  { id: 170, name: 'Whois-DAS',            category:  14, breed: 1, encrypted: false, tcp: [43, 4343], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 171, name: 'Collectd',             category:  18, breed: 1, encrypted: false, tcp: [], udp: [25826], origin: 'defaults' }, // System, Acceptable
  { id: 172, name: 'SOCKS',                category:   5, breed: 1, encrypted: false, tcp: [1080], udp: [1080], origin: 'defaults' }, // Web, Acceptable
  { id: 173, name: 'Nintendo',             category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 174, name: 'RTMP',                 category:   1, breed: 1, encrypted: false, tcp: [1935], udp: [], origin: 'defaults' }, // Media, Acceptable
  { id: 175, name: 'FTP_DATA',             category:   7, breed: 1, encrypted: false, tcp: [20], udp: [], origin: 'defaults' }, // Download, Acceptable
  { id: 176, name: 'Wikipedia',            category:   5, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Safe
  { id: 177, name: 'ZeroMQ',               category:  16, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 178, name: 'Amazon',               category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 179, name: 'eBay',                 category:  27, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Shopping, Safe
  { id: 180, name: 'CNN',                  category:   5, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Safe
  { id: 181, name: 'Megaco',               category:  10, breed: 1, encrypted: false, tcp: [], udp: [2944], origin: 'defaults' }, // VoIP, Acceptable
  { id: 182, name: 'Redis',                category:  11, breed: 1, encrypted: false, tcp: [6379], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id: 183, name: 'Pinterest',            category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // SocialNetwork, Fun
  { id: 184, name: 'VHUA',                 category:  10, breed: 2, encrypted: false, tcp: [], udp: [58267], origin: 'defaults' }, // VoIP, Fun
  { id: 185, name: 'Telegram',             category:   9, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Chat, Acceptable
  { id: 186, name: 'Vevo',                 category:  25, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Music, Fun
  { id: 187, name: 'Pandora',              category:  17, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Streaming, Fun
  { id: 188, name: 'QUIC',                 category:   5, breed: 1, encrypted: true,  tcp: [], udp: [443], origin: 'defaults' }, // Web, Acceptable
  { id: 189, name: 'Zoom',                 category:  26, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Video, Acceptable
  { id: 190, name: 'EAQ',                  category:  14, breed: 1, encrypted: false, tcp: [], udp: [6000], origin: 'defaults' }, // Network, Acceptable
  { id: 191, name: 'Ookla',                category:  14, breed: 0, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Safe
  { id: 192, name: 'AMQP',                 category:  16, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 193, name: 'KakaoTalk',            category:   9, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Chat, Acceptable
  { id: 194, name: 'KakaoTalk_Voice',      category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 195, name: 'Twitch',               category:  26, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Video, Fun
  { id: 196, name: 'DoH_DoT',              category:  14, breed: 2, encrypted: true,  tcp: [853], udp: [784], origin: 'defaults' }, // Network, Fun
  { id: 197, name: 'WeChat',               category:   9, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Chat, Fun
  { id: 198, name: 'MPEG_TS',              category:   1, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Media, Fun
  { id: 199, name: 'Snapchat',             category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 200, name: 'Sina(Weibo)',          category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 201, name: 'GoogleHangoutDuo',     category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 202, name: 'IFLIX',                category:  26, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Video, Fun
  { id: 203, name: 'Github',               category:  15, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Collaborative, Acceptable
  { id: 204, name: 'BJNP',                 category:  18, breed: 1, encrypted: false, tcp: [], udp: [8612], origin: 'defaults' }, // System, Acceptable
  { id: 205, name: 'Reddit',               category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // SocialNetwork, Fun
  { id: 206, name: 'WireGuard',            category:   2, breed: 1, encrypted: true,  tcp: [], udp: [51820], origin: 'defaults' }, // VPN, Acceptable
  { id: 207, name: 'SMPP',                 category:   7, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Download, Acceptable
  { id: 208, name: 'DNScrypt',             category:  14, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Network, Safe
  { id: 209, name: 'TINC',                 category:   2, breed: 1, encrypted: false, tcp: [655], udp: [655], origin: 'defaults' }, // VPN, Acceptable
  { id: 210, name: 'Deezer',               category:  25, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Music, Fun
  { id: 211, name: 'Instagram',            category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 212, name: 'Microsoft',            category:  13, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Cloud, Safe
  { id: 213, name: 'Starcraft',            category:   8, breed: 2, encrypted: false, tcp: [1119], udp: [1119], origin: 'defaults' }, // Game, Fun
  { id: 214, name: 'Teredo',               category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 215, name: 'HotspotShield',        category:   2, breed: 4, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VPN, Potentially Dangerous
  { id: 216, name: 'IMO',                  category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 217, name: 'GoogleDrive',          category:  13, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Cloud, Acceptable
  { id: 218, name: 'OCS',                  category:   1, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Media, Fun
  { id: 219, name: 'Microsoft365',         category:  15, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Collaborative, Acceptable
  { id: 220, name: 'Cloudflare',           category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 221, name: 'MS_OneDrive',          category:  13, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Cloud, Acceptable
  { id: 222, name: 'MQTT',                 category:  16, breed: 1, encrypted: false, tcp: [1883, 8883], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 223, name: 'RX',                   category:  16, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 224, name: 'AppleStore',           category:  19, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SoftwareUpdate, Safe
  { id: 225, name: 'OpenDNS',              category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 226, name: 'Git',                  category:  15, breed: 0, encrypted: false, tcp: [9418], udp: [], origin: 'defaults' }, // Collaborative, Safe
  { id: 227, name: 'DRDA',                 category:  11, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id: 228, name: 'PlayStore',            category:  19, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SoftwareUpdate, Safe
  { id: 229, name: 'SOMEIP',               category:  16, breed: 1, encrypted: false, tcp: [30491, 30501], udp: [30491, 30501, 30490], origin: 'defaults' }, // RPC, Acceptable
  { id: 230, name: 'FIX',                  category:  16, breed: 0, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Safe
  { id: 231, name: 'Playstation',          category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 232, name: 'Pastebin',             category:   7, breed: 4, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Download, Potentially Dangerous
  { id: 233, name: 'LinkedIn',             category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 234, name: 'SoundCloud',           category:  25, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Music, Fun
  { id: 235, name: 'CSGO',                 category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 236, name: 'LISP',                 category:  13, breed: 1, encrypted: false, tcp: [], udp: [4342, 4341], origin: 'defaults' }, // Cloud, Acceptable
  { id: 237, name: 'Diameter',             category:  14, breed: 1, encrypted: false, tcp: [3868], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 238, name: 'ApplePush',            category:  13, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Cloud, Acceptable
  { id: 239, name: 'GoogleServices',       category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 240, name: 'AmazonVideo',          category:  13, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Cloud, Acceptable
  { id: 241, name: 'GoogleDocs',           category:  15, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Collaborative, Acceptable
  { id: 242, name: 'WhatsAppFiles',        category:   7, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Download, Acceptable
  { id: 243, name: 'TargusDataspeed',      category:  14, breed: 1, encrypted: false, tcp: [5001, 5201], udp: [5001, 5201], origin: 'defaults' }, // Network, Acceptable
  { id: 244, name: 'DNP3',                 category:  31, breed: 1, encrypted: false, tcp: [20000], udp: [], origin: 'defaults' }, // IoT-Scada, Acceptable
  { id: 245, name: 'IEC60870',             category:  31, breed: 1, encrypted: false, tcp: [2404], udp: [], origin: 'defaults' }, // IoT-Scada, Acceptable
  { id: 246, name: 'Bloomberg',            category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 247, name: 'CAPWAP',               category:  14, breed: 1, encrypted: false, tcp: [], udp: [5246, 5247], origin: 'defaults' }, // Network, Acceptable
  { id: 248, name: 'Zabbix',               category:  14, breed: 1, encrypted: false, tcp: [10050], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 249, name: 's7comm',               category:  14, breed: 1, encrypted: false, tcp: [102], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 250, name: 'Teams',                category:  15, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Collaborative, Safe
  { id: 251, name: 'WebSocket',            category:   5, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Web, Acceptable
  { id: 252, name: 'AnyDesk',              category:  12, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RemoteAccess, Acceptable
  { id: 253, name: 'SOAP',                 category:  16, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // RPC, Acceptable
  { id: 254, name: 'AppleSiri',            category:  32, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VirtAssistant, Acceptable
  { id: 255, name: 'SnapchatCall',         category:  10, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 256, name: 'HP_VIRTGRP',           category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 257, name: 'GenshinImpact',        category:   8, breed: 2, encrypted: false, tcp: [], udp: [22102], origin: 'defaults' }, // Game, Fun
  { id: 258, name: 'Activision',           category:   8, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Game, Fun
  { id: 259, name: 'FortiClient',          category:   2, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VPN, Safe
  { id: 260, name: 'Z39.50',               category:  14, breed: 1, encrypted: false, tcp: [210], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 261, name: 'Likee',                category:   6, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // SocialNetwork, Fun
  { id: 262, name: 'GitLab',               category:  15, breed: 2, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Collaborative, Fun
  { id: 263, name: 'AVASTSecureDNS',       category:  14, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Network, Safe
  { id: 264, name: 'Cassandra',            category:  11, breed: 1, encrypted: false, tcp: [9042], udp: [], origin: 'defaults' }, // Database, Acceptable
  { id: 265, name: 'AmazonAWS',            category:  13, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Cloud, Acceptable
  { id: 266, name: 'Salesforce',           category:  13, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Cloud, Safe
  { id: 267, name: 'Vimeo',                category:  17, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Streaming, Fun
  { id: 268, name: 'FacebookVoip',         category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 269, name: 'SignalVoip',           category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // VoIP, Acceptable
  { id: 270, name: 'Fuze',                 category:  10, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // VoIP, Acceptable
  { id: 271, name: 'GTP_U',                category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 272, name: 'GTP_C',                category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 273, name: 'GTP_PRIME',            category:  14, breed: 1, encrypted: false, tcp: [], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 274, name: 'Alibaba',              category:   5, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Acceptable
  { id: 275, name: 'Crashlytics',          category:   4, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // DataTransfer, Acceptable
  { id: 276, name: 'Azure',                category:  13, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'defaults' }, // Cloud, Acceptable
  { id: 277, name: 'iCloudPrivateRelay',   category:   2, breed: 1, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // VPN, Acceptable
  { id: 278, name: 'EthernetIP',           category:  14, breed: 1, encrypted: false, tcp: [44818], udp: [], origin: 'defaults' }, // Network, Acceptable
  { id: 279, name: 'Badoo',                category:   6, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // SocialNetwork, Fun
  { id: 280, name: 'AccuWeather',          category:   5, breed: 2, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Web, Fun
  { id: 281, name: 'GoogleClassroom',      category:  15, breed: 0, encrypted: true,  tcp: [], udp: [], origin: 'hostnames' }, // Collaborative, Safe
] as const satisfies readonly NdpiProtocol[];

export type NdpiProtocolEntry = (typeof NDPI_PROTOCOLS)[number];
export type NdpiProtocolId = NdpiProtocolEntry['id'];
export type NdpiProtocolName = NdpiProtocolEntry['name'];

/**
 * Ports that two protocols list as a default. nDPI keeps one protocol per port in the
 * table it guesses from ("Match by port"): the one registered last, given here.
 * Read from the 4.2 library's port tables; no UDP port is shared.
 */
export const NDPI_SHARED_DEFAULT_PORTS: {
  readonly tcp: Readonly<Record<number, { readonly listedBy: readonly number[]; readonly guess: number }>>;
  readonly udp: Readonly<Record<number, { readonly listedBy: readonly number[]; readonly guess: number }>>;
} = {
  tcp: {
    445: { listedBy: [16, 41], guess: 41 }, // SMBv1, SMBv23 -> SMBv23
    8009: { listedBy: [139, 161], guess: 139 }, // AJP, CiscoVPN -> AJP
    8080: { listedBy: [130, 131], guess: 131 }, // HTTP_Connect, HTTP_Proxy -> HTTP_Proxy
  },
  udp: {},
};
