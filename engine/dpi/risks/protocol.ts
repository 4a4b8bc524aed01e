import { NDPI_BREEDS, protocolByName, protocolForDefaultPort } from '../../../api/ndpi';
import type { Flow } from '../../flows/flow';
import type { L7State } from '../l7-state';
import { RISK } from './ids';

/**
 * Risks that follow from which protocol a flow carries, as nDPI 4.2 sets them: a protocol
 * found by DPI on a port that is not its own, an unsafe protocol, a remote desktop session.
 */

/** nDPI breeds whose protocols it calls unsafe: Unsafe and Dangerous (ids from api/ndpi/breeds.ts). */
const UNSAFE_BREEDS = new Set<number>(NDPI_BREEDS.filter((b) => b.key === 'UNSAFE' || b.key === 'DANGEROUS').map((b) => b.id));
/** Remote desktop and screen sharing protocols whose dissectors flag the session. */
const DESKTOP_SHARING = new Set(['RDP', 'VNC']);

/**
 * Called once, when DPI first names the flow's protocol (nDPI checks the ports at that
 * moment only, never for port or address guesses). Like nDPI, the port table is asked for
 * the lower port first, then the higher: if it knows another protocol there, the port is
 * somebody else's; if it knows neither port, the protocol's own default ports (when it has
 * any) must include one of the flow's ports.
 */
export function portRisks(flow: Flow, state: L7State): void {
  const l4 = flow.l4Proto === 6 ? 'TCP' : flow.l4Proto === 17 ? 'UDP' : undefined;
  if (!l4) return;
  const master = state.master === 'Unknown' ? undefined : protocolByName(state.master);
  const app = protocolByName(state.app);
  const own = master ?? app;
  if (!own) return;
  const low = Math.min(flow.clientPort, flow.serverPort);
  const high = Math.max(flow.clientPort, flow.serverPort);
  const byPort = low !== 0 && high !== 0 ? (protocolForDefaultPort(l4, low) ?? protocolForDefaultPort(l4, high)) : undefined;
  if (byPort && byPort.id !== 0) {
    if (byPort.id !== master?.id && byPort.id !== app?.id) state.addRisk(RISK.KNOWN_PROTOCOL_ON_NON_STANDARD_PORT);
    return;
  }
  const ports = l4 === 'TCP' ? own.tcp : own.udp;
  if (ports.length > 0 && !ports.includes(flow.clientPort) && !ports.includes(flow.serverPort)) {
    state.addRisk(RISK.KNOWN_PROTOCOL_ON_NON_STANDARD_PORT);
  }
}

/** Called when DPI names the protocol: a remote desktop session is a risk of its own. */
export function detectionRisks(state: L7State): void {
  if (DESKTOP_SHARING.has(state.app) || DESKTOP_SHARING.has(state.master)) state.addRisk(RISK.DESKTOP_OR_FILE_SHARING_SESSION);
}

/**
 * Called when detection is over, whatever decided the label (DPI or a guess): a flow
 * whose application or master protocol nDPI rates Unsafe or Dangerous (FTP, POP3, IMAP,
 * SMBv1, Telnet, ...) carries an unsafe protocol.
 */
export function labelRisks(state: L7State): void {
  const app = protocolByName(state.app);
  const master = state.master === 'Unknown' ? undefined : protocolByName(state.master);
  if ((app && UNSAFE_BREEDS.has(app.breed)) || (master && UNSAFE_BREEDS.has(master.breed))) state.addRisk(RISK.UNSAFE_PROTOCOL);
}
