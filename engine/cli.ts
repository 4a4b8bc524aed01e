/**
 * `flowscript`: the command-line face of the engine, for terminals and CI pipelines.
 * Each subcommand lives in cli/<name>-command.ts; this file only dispatches and makes
 * sure a user never sees a stack trace.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { flowsCommand, FLOWS_USAGE } from './cli/flows-command';
import { CHECK_USAGE, LSP_USAGE } from './cli/check-usage';
import { lspCommand } from './cli/lsp-command';
import { RUN_USAGE } from './cli/run-usage';
import { INTERFACES_USAGE, interfacesCommand } from './cli/interfaces-command';
import { liveRunOptions, LIVE_RUN_OPTIONS, captureTool } from './cli/live-options';
import { isUserError, UserError } from './cli/user-error';

const USAGE = `flowscript: write, check and run ntopng flow scripts

usage: flowscript <command> [options]

commands:
  flows <capture>    list the flows of a pcap/pcapng capture
  run <script.lua>... <capture>
                     run ntopng flow scripts over a capture
  run <script.lua>... --interface IF
                     run them on live traffic (docs/live.md)
  interfaces         list the interfaces a live run can capture on
  check <script.lua>...
                     report mistakes in flow scripts (exit 1 on errors)
  lsp --stdio        start the language server for an editor
  help [command]     show help for a command

Run "flowscript help <command>" for a command's options.`;

const COMMAND_USAGE: { [command: string]: string } = {
  flows: FLOWS_USAGE, run: RUN_USAGE, interfaces: INTERFACES_USAGE, check: CHECK_USAGE, lsp: LSP_USAGE,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    const topic = rest[0];
    process.stdout.write(`${(topic && COMMAND_USAGE[topic]) || USAGE}\n`);
    return 0;
  }
  if (command === '--version' || command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'flows': {
      const { values, positionals } = parse(rest, {
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        'no-dpi': { type: 'boolean', default: false },
        accounting: { type: 'string', default: 'ntopng' },
        'idle-timeout': { type: 'string' },
        'max-flows': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      });
      if (values.help) {
        process.stdout.write(`${FLOWS_USAGE}\n`);
        return 0;
      }
      if (positionals.length !== 1) throw new UserError(`flows takes exactly one capture file\n${FLOWS_USAGE}`);
      return await flowsCommand({
        capture: positionals[0],
        json: values.json as boolean,
        details: values.details as boolean,
        summaryOnly: values.summary as boolean,
        dpi: !(values['no-dpi'] as boolean),
        accounting: values.accounting as string,
        idleTimeout: numberOption('idle-timeout', values['idle-timeout'] as string | undefined),
        maxFlows: numberOption('max-flows', values['max-flows'] as string | undefined, true),
      });
    }
    case 'run': {
      const { values, positionals } = parse(rest, {
        profile: { type: 'string', default: '2019.11' },
        geoip: { type: 'string' },
        blacklist: { type: 'string' },
        json: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        wallclock: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...LIVE_RUN_OPTIONS,
      });
      if (values.help) {
        process.stdout.write(`${RUN_USAGE}\n`);
        return 0;
      }
      const live = liveRunOptions(values);
      if (live && positionals.length < 1) throw new UserError(`run --interface takes one or more scripts\n${RUN_USAGE}`);
      if (!live && positionals.length < 2) throw new UserError(`run takes one or more scripts, then a capture file\n${RUN_USAGE}`);
      // Loaded on use, from its own bundle when bundled (dist/run-command.js, see
      // scripts/build.mjs): the Lua host, its modules and the geolocation data are large.
      const { runCommand } = (typeof __BUNDLED__ !== 'undefined' && __BUNDLED__
        ? require(join(__dirname, 'run-command.js'))
        : require('./cli/run-command')) as typeof import('./cli/run-command');
      return await runCommand({
        scripts: live ? positionals : positionals.slice(0, -1),
        capture: live ? undefined : positionals[positionals.length - 1]!,
        live,
        profile: values.profile as string,
        geoip: values.geoip as string | undefined,
        blacklist: values.blacklist as string | undefined,
        json: values.json as boolean,
        summaryOnly: values.summary as boolean,
        wallClock: values.wallclock as boolean,
      });
    }
    case 'interfaces': {
      const { values } = parse(rest, {
        'capture-tool': { type: 'string', default: 'tcpdump' },
        'capture-tool-path': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      });
      if (values.help) {
        process.stdout.write(`${INTERFACES_USAGE}\n`);
        return 0;
      }
      return await interfacesCommand({ tool: captureTool(values['capture-tool'] as string), toolPath: values['capture-tool-path'] as string | undefined, json: values.json as boolean });
    }
    case 'check': {
      const { values, positionals } = parse(rest, {
        profile: { type: 'string', default: '2019.11' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h', default: false },
      });
      if (values.help) {
        process.stdout.write(`${CHECK_USAGE}\n`);
        return 0;
      }
      if (positionals.length === 0) throw new UserError(`check takes one or more scripts\n${CHECK_USAGE}`);
      // Loaded on use, from its own bundle when bundled (dist/check-command.js): the parsers are large.
      const { checkCommand } = (typeof __BUNDLED__ !== 'undefined' && __BUNDLED__
        ? require(join(__dirname, 'check-command.js'))
        : require('./cli/check-command')) as typeof import('./cli/check-command');
      return await checkCommand({ files: positionals, profile: values.profile as string, format: values.format as string });
    }
    case 'lsp':
      if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(`${LSP_USAGE}\n`);
        return 0;
      }
      lspCommand(rest);
      // The server keeps the process alive until the editor asks it to exit.
      return new Promise<number>(() => undefined);
    default:
      throw new UserError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

type OptionSpec = { [name: string]: { type: 'boolean' | 'string'; short?: string; default?: boolean | string } };

function parse(args: string[], options: OptionSpec) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError((error as Error).message);
  }
}

function numberOption(name: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UserError(`--${name} needs a positive ${integer ? 'integer' : 'number'} (got "${value}")`);
  }
  return n;
}

declare const __VERSION__: string | undefined;
declare const __BUNDLED__: boolean;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

// `flowscript flows x --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isUserError(error)) {
      process.stderr.write(`flowscript: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else {
      // A bug of ours, not the user's: say so plainly; the trace only on request.
      process.stderr.write(`flowscript: internal error: ${(error as Error)?.message ?? error}\n`);
      if (process.env.FLOWSCRIPT_DEBUG) process.stderr.write(`${(error as Error)?.stack}\n`);
      else process.stderr.write('(set FLOWSCRIPT_DEBUG=1 to see the details, and please report it)\n');
      process.exitCode = 70;
    }
  },
);
