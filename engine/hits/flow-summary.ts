/** The flow part of a hit, from the engine's flow state. */
import type { Flow } from '../flows/flow';
import { l4Name } from '../report/l4-names';
import type { HitFlow } from './types';

export function hitFlow(flow: Flow, countries: { client?: string; server?: string } = {}): HitFlow {
  const out: HitFlow = {
    id: flow.id,
    l4: l4Name(flow.l4Proto),
    client: flow.clientIp,
    clientPort: flow.clientPort,
    server: flow.serverIp,
    serverPort: flow.serverPort,
    l7: flow.l7?.label ?? 'Unknown',
    countries: {},
    counters: {
      packets: [flow.clientToServer.packets, flow.serverToClient.packets],
      bytes: [flow.clientToServer.bytes, flow.serverToClient.bytes],
      firstSeen: flow.firstSeen,
      lastSeen: flow.lastSeen,
    },
  };
  const category = flow.l7?.category;
  if (category !== undefined) out.category = category;
  if (countries.client) out.countries.client = countries.client;
  if (countries.server) out.countries.server = countries.server;
  return out;
}
