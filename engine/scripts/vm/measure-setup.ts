/** Natives for measure-calls.ts inside the sandbox worker (an example of a setup module). */
import type { LuaVm } from './lua-vm';

export function setupLuaVm(vm: LuaVm): void {
  vm.registerFunction('flow.getClientGeolocation', () => ({ country: 'CN', asn: 4134 }));
  vm.registerFunction('flow.getServerGeolocation', () => ({ country: 'US', asn: 15169 }));
  vm.registerFunction('flow.getL7Info', () => ({ l7_proto_name: 'TLS', l7_proto_id: 91 }));
}
