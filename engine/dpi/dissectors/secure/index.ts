import type { Dissector } from '../../dissector';
import { quicDissector } from './quic';
import { sshDissector } from './ssh';
import { tlsDissector } from './tls';

/** The secure family of dissectors, one module per protocol in this folder. */
export const SECURE_DISSECTORS: readonly Dissector[] = [tlsDissector, quicDissector, sshDissector];
