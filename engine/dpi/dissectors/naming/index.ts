import type { Dissector } from '../../dissector';
import { DHCP } from './dhcp';
import { DHCPV6 } from './dhcpv6';
import { DNS } from './dns';
import { DROPBOX } from './dropbox';
import { KERBEROS } from './kerberos';
import { LDAP } from './ldap';
import { LLMNR } from './llmnr';
import { MDNS } from './mdns';
import { NETBIOS } from './netbios';
import { NTP } from './ntp';
import { SPOTIFY } from './spotify';
import { SSDP } from './ssdp';
import { TEREDO } from './teredo';

/** The naming family of dissectors, one module per protocol in this folder. */
export const NAMING_DISSECTORS: readonly Dissector[] = [
  DNS,
  MDNS,
  LLMNR,
  NETBIOS,
  SSDP,
  DHCP,
  DHCPV6,
  NTP,
  TEREDO,
  DROPBOX,
  SPOTIFY,
  KERBEROS,
  LDAP,
];
