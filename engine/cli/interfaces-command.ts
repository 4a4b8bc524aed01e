/** `flowscript interfaces`: the interfaces the capture tool can open, with descriptions. */
import { formatInterface, isLiveCaptureError, listInterfaces, type CaptureToolKind } from '../capture/live';
import { UserError } from './user-error';

export const INTERFACES_USAGE = `usage: flowscript interfaces [--capture-tool tcpdump|dumpcap] [--capture-tool-path PATH] [--json]

Lists the interfaces the capture tool can capture on (its -D list), with their
descriptions and state, for "flowscript run <script.lua>... --interface NAME".`;

export async function interfacesCommand(options: { tool: CaptureToolKind; toolPath?: string; json: boolean }): Promise<number> {
  let list;
  try {
    list = await listInterfaces({ tool: options.tool, toolPath: options.toolPath });
  } catch (error) {
    if (isLiveCaptureError(error)) throw new UserError(error.message, 1);
    throw error;
  }
  if (options.json) process.stdout.write(`${JSON.stringify(list)}\n`);
  else process.stdout.write(list.map((i) => `${formatInterface(i)}\n`).join(''));
  return 0;
}
