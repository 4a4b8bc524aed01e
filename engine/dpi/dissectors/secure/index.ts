import type { Dissector } from '../../dissector';
import { bittorrentDissector } from './bittorrent';
import { quicDissector } from './quic';
import { rdpDissector } from './rdp';
import { smbDissector } from './smb';
import { sshDissector } from './ssh';
import { tlsDissector } from './tls';

/** The secure family of dissectors, one module per protocol in this folder. */
export const SECURE_DISSECTORS: readonly Dissector[] = [tlsDissector, quicDissector, sshDissector, rdpDissector, smbDissector, bittorrentDissector];
