/** "Attach to Interface...": the current script on live traffic, into the same hits panel. */
import { readConfig } from '../config';
import type { Ctx } from '../ctx';
import { pickInterface } from '../run/interface-picker';
import { ensureTrusted } from '../run/run-controller';
import { activeScript } from './run-commands';

export function attachToInterface(ctx: Ctx) {
  return async () => {
    if (!ensureTrusted()) return;
    const doc = await activeScript();
    if (!doc) return;
    const choice = await pickInterface(readConfig(doc.uri).captureTool);
    if (!choice) return;
    await ctx.view.show();
    const label = `${choice.name} (live${choice.filter ? `: ${choice.filter}` : ''})`;
    await ctx.runs.run({ scripts: [doc.fileName], capture: label, source: { kind: 'interface', name: choice.name, ...(choice.filter ? { filter: choice.filter } : {}) } });
  };
}
