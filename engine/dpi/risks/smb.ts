import type { L7State } from '../l7-state';
import { RISK } from './ids';

/** SMB command of the dialect negotiation, which every client (even an SMB2/3 one) may open with in SMBv1 form. */
const SMB1_NEGOTIATE = 0x72;

/**
 * SMBv1 over TCP, past the dialect negotiation, is an insecure version in use. `payload`:
 * the 4-byte session header, then the SMB header (command at offset 8).
 */
export function smbRisks(state: L7State, version: 'SMBv1' | 'SMBv23', payload: Uint8Array): void {
  if (version === 'SMBv1' && payload.length > 8 && payload[8] !== SMB1_NEGOTIATE) state.addRisk(RISK.SMB_INSECURE_VERSION);
}
