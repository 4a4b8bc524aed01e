import type { FlowObserver } from './table';

/**
 * Several observers as one, called in order for every event: the pipeline's later stages
 * (L7 detector, then the hook scheduler, then reporting) each see a flow after the
 * stages before them have updated it.
 */
export function chainObservers(...observers: (FlowObserver | undefined)[]): FlowObserver {
  const list = observers.filter((o): o is FlowObserver => o !== undefined);
  if (list.length === 1) return list[0];
  const created = list.filter((o) => o.flowCreated);
  const packet = list.filter((o) => o.flowPacket);
  const ended = list.filter((o) => o.flowEnded);
  return {
    flowCreated: created.length ? (flow, p, d) => created.forEach((o) => o.flowCreated!(flow, p, d)) : undefined,
    flowPacket: packet.length ? (flow, c, p, d) => packet.forEach((o) => o.flowPacket!(flow, c, p, d)) : undefined,
    flowEnded: ended.length ? (flow) => ended.forEach((o) => o.flowEnded!(flow)) : undefined,
  };
}
