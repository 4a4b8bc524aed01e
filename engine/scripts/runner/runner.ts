/**
 * The script runner: loads flow scripts like ntopng into one in-process LuaVm (instruction budget
 * on; the worker-thread sandbox with wall-clock and memory limits comes later, docs/run.md), binds
 * the built-in modules and `flow.*` of the profile, and turns the hook scheduler's HookCalls into
 * calls of the scripts' hook functions with ntopng's arguments. Everything a script does comes out
 * as hits; a script error never stops the run.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_PROFILE, type Profile } from '../../../api/flow';
import type { Flow } from '../../flows/flow';
import type { GeoDatabase } from '../../geo';
import { hitFlow, type Hit, type HitFlow, type HitKind } from '../../hits';
import type { TimedStage } from '../../run';
import type { FlowTable } from '../../flows/table';
import type { L7Detector } from '../../dpi/detector';
import { bindFlowApi, DEFAULT_LOCAL_NETWORKS, type BindingContext, type BoundFunctions, type CallSite } from '../bindings';
import { registerFlowScriptModules } from '../modules';
import { HookScheduler, type HookCall } from '../scheduler';
import type { SchedulerClock, SchedulerTiming } from '../scheduler/scheduler';
import { LuaVm, WATCH_LINE, type LuaRef, type LuaErrorInfo, type LuaFunctionRef } from '../vm';
import { StatusBook, type StatusEvent } from '../status/book';
import { lastLine, scriptFromValue, scriptKey, type LoadedScript } from './load';
import { luaToJs } from './lua-values';

export const DEFAULT_INSTRUCTION_BUDGET = 5_000_000;

export interface ScriptRunnerOptions {
  /** Script files, in the order given (the dispatch order of 2019.11 and 4.0). */
  scripts: readonly string[];
  profile?: Profile;
  geo: GeoDatabase;
  onHit(hit: Hit): void;
  /** Lua instructions per hook call (default 5,000,000). */
  instructionBudget?: number;
  localNetworks?: readonly string[];
  /** Shorter walk/periodicUpdate intervals (live demonstrations and tests; docs/live.md). */
  timing?: SchedulerTiming;
  /** 'wall': walks on the wall clock, as ntopng runs them even on a pcap (docs/hooks.md); default packet time. */
  clock?: SchedulerClock;
  /** Blacklisted addresses or networks (CIDR), what ntopng's category lists would hold. */
  blacklist?: readonly string[];
  /**
   * Shared cells for the watchdog of an isolated run (isolated.ts): [WATCH_DISPATCH] the dispatch
   * running now (-1 while loading, 0 when idle), [WATCH_LINE] its line, [WATCH_SCRIPT] the index
   * of the running script in `scripts`.
   */
  watch?: Int32Array;
  /** Calls not to make again (after the watchdog stopped them): an error hit instead. */
  skip?: readonly SkippedCall[];
  /** Only count the hits (a summary-only run): onHit is not called and no hit is built. */
  quiet?: boolean;
}

/** A call the watchdog stopped: the dispatch number (0 = loading) and the script. */
export interface SkippedCall {
  dispatch: number;
  script: string;
  line: number;
  kind: 'deadline' | 'memory' | 'worker';
  message: string;
  /** Host-side bookkeeping: its error hit was delivered. */
  delivered?: boolean;
}

export const WATCH_DISPATCH = 0;
export const WATCH_SCRIPT = 2;

export interface HookStats {
  calls: number;
  /** Wall time spent in the script's hook, milliseconds. */
  ms: number;
}

export interface RunnerStats {
  /** Scripts that run (loaded, enabled, setup passed). */
  scripts: string[];
  /** script key → hook → calls and time. */
  hooks: { [script: string]: { [hook: string]: HookStats } };
  hits: Record<HitKind, number>;
  /** Error hits that are warnings (data.level = 'warning'): bad arguments, compatibility names. */
  warnings: number;
}

interface Running {
  script: string;
  hook: string;
  time?: number;
  flow?: Flow;
}

export class ScriptRunner {
  readonly profile: Profile;
  readonly vm: LuaVm;
  readonly bound: BoundFunctions;
  readonly stats: RunnerStats = { scripts: [], hooks: {}, hits: { print: 0, status: 0, alert: 0, score: 0, error: 0, stats: 0 }, warnings: 0 };
  private readonly ctx: BindingContext;
  private readonly onHit: (hit: Hit) => void;
  private readonly geo: GeoDatabase;
  /** Chunk name → path as given. */
  private readonly files = new Map<string, string>();
  private readonly scripts = new Map<string, LoadedScript>();
  private readonly confs = new Map<string, LuaRef>();
  private running: Running = { script: '', hook: '' };
  private scheduler: HookScheduler | undefined;
  private readonly timing: SchedulerTiming | undefined;
  private readonly clock: SchedulerClock | undefined;
  readonly statuses: StatusBook;
  private dispatchNo = 0;
  private dirty = false;
  private readonly watch: Int32Array | undefined;
  private readonly quiet: boolean;
  private readonly skips = new Map<string, SkippedCall>();
  private readonly scriptIndex = new Map<string, number>();

  /** Number of the dispatch running or last run (0 while loading): orders the hits of a run. */
  get position(): number {
    return this.dispatchNo;
  }

  constructor(options: ScriptRunnerOptions) {
    this.profile = options.profile ?? DEFAULT_PROFILE;
    this.geo = options.geo;
    this.onHit = options.onHit;
    this.timing = options.timing;
    this.clock = options.clock;
    const root = commonFolder(options.scripts.map((p) => resolve(p)));
    for (const path of options.scripts) this.files.set(relative(root, resolve(path)).split(sep).join('/'), path);
    this.watch = options.watch;
    this.quiet = options.quiet ?? false;
    for (const sk of options.skip ?? []) this.skips.set(`${sk.dispatch}:${sk.script}`, sk);
    options.scripts.forEach((p, i) => { if (!this.scriptIndex.has(scriptKey(p))) this.scriptIndex.set(scriptKey(p), i); });
    this.vm = LuaVm.create({
      watch: options.watch,
      instructionBudget: options.instructionBudget ?? DEFAULT_INSTRUCTION_BUDGET,
      scriptRoot: root,
      onOutput: (e) => this.emit('print', e.kind === 'print' ? e.text : e.text.replace(/\n$/, ''), { file: e.file, line: e.line }, e.kind === 'write' ? { output: 'io.write' } : undefined),
    });
    registerFlowScriptModules(this.vm.modules, this.vm, this.profile, {
      onTprint: (e) => this.emit('print', e.text, e, { output: 'tprint' }),
      onTrace: (e) => this.emit('print', e.message, e, { output: 'traceError', level: e.levelName }),
    });
    this.statuses = new StatusBook(this.profile, (e) => this.statusEvent(e));
    this.ctx = {
      profile: this.profile,
      geo: this.geo,
      currentFlow: undefined,
      statuses: this.statuses,
      blacklist: options.blacklist ?? [],
      localNetworks: options.localNetworks ?? DEFAULT_LOCAL_NETWORKS,
      log: {
        warning: (fn, message, site) => this.emit('error', message, site, { level: 'warning', native: fn }),
        notImplemented: (fn, site) =>
          this.emit('error', `flow.${fn} is not implemented yet in Flow Script Studio (it returned nil)`, site, { level: 'not-implemented', native: fn }),
      },
    };
    this.bound = bindFlowApi(this.vm, this.ctx, {
      script: () => this.running.script,
      dispatchNo: () => this.dispatchNo,
      markDirty: () => { this.dirty = true; },
      warn: (message, site) => this.emit('error', message, site, { level: 'warning', native: 'triggerStatus' }),
    });
  }

  /** Loads every script and runs setup(); problems become error hits. Returns the keys that will run. */
  load(): string[] {
    for (const [chunk, path] of this.files) {
      const key = scriptKey(path);
      this.running = { script: key, hook: '' };
      if (this.scripts.has(key)) {
        this.emit('error', `duplicate script key '${key}': skipped (ntopng keeps the first)`, { file: chunk, line: 0 });
        continue;
      }
      const skipped = this.skips.get(`0:${key}`);
      if (skipped) {
        this.emit('error', skipped.message, { file: chunk, line: skipped.line }, { error: skipped.kind });
        continue;
      }
      const source = readFileSync(path, 'utf8');
      this.watching(-1, key);
      const r = this.vm.loadScript(source, chunk);
      this.watching(0, key);
      if (!r.ok) {
        this.scriptError(r.error);
        continue;
      }
      const loaded = scriptFromValue(r.value, path);
      if (typeof loaded === 'string') {
        this.emit('error', loaded, { file: chunk, line: lastLine(source) }, { error: 'load' });
        continue;
      }
      if (!loaded.defaultEnabled) {
        this.emit('stats', 'default_enabled = false: not run (ntopng runs it only once a user enables it)', { file: chunk, line: 0 });
        continue;
      }
      if (loaded.setup && !this.callSetup(loaded, loaded.setup)) continue;
      if (loaded.hooks.size === 0) {
        this.emit('error', "the script's hooks table is empty: ntopng skips it", { file: chunk, line: 0 }, { level: 'warning' });
        continue;
      }
      this.scripts.set(key, loaded);
      this.confs.set(key, this.vm.ref(luaToJs(loaded.conf)));
      this.stats.scripts.push(key);
    }
    this.running = { script: '', hook: '' };
    return [...this.scripts.keys()];
  }

  /** For runCaptureFile's `createStage`: the hook scheduler wired to the scripts. */
  readonly createStage = ({ table, detector }: { table: FlowTable; detector: L7Detector | undefined }): TimedStage => {
    const scheduler = new HookScheduler({
      profile: this.profile,
      scripts: [...this.scripts.values()].map((s) => s.decl),
      sink: (call) => this.dispatch(call),
      status: { getStatusBitmap: (flow) => this.statuses.bitmap(flow) },
      giveUpDetection: (flow) => detector?.giveUp(flow),
      timing: this.timing,
      clock: this.clock,
    });
    for (const w of scheduler.registry.warnings) this.emit('error', w, { file: '', line: 0 }, { level: 'warning' });
    scheduler.attachTable(table);
    this.scheduler = scheduler;
    return scheduler;
  };

  /** Runs every script's teardown() (end of the run). */
  finish(): void {
    for (const s of this.scripts.values()) {
      if (!s.teardown) continue;
      this.running = { script: s.key, hook: 'teardown' };
      const r = this.vm.call(s.teardown);
      if (!r.ok) this.scriptError(r.error);
    }
    this.running = { script: '', hook: '' };
  }

  /** Hook calls the scheduler made, per hook (whether or not a script was selected). */
  get schedulerCalls(): Record<string, number> | undefined {
    return this.scheduler ? { ...this.scheduler.stats.calls } : undefined;
  }

  /** Tells the watchdog what runs now (dispatch -1 = loading, 0 = nothing). */
  private watching(dispatch: number, script: string): void {
    const w = this.watch;
    if (!w) return;
    Atomics.store(w, WATCH_SCRIPT, this.scriptIndex.get(script) ?? 0);
    Atomics.store(w, WATCH_LINE, 0);
    Atomics.store(w, WATCH_DISPATCH, dispatch);
  }

  private callSetup(s: LoadedScript, fn: LuaFunctionRef): boolean {
    this.running = { script: s.key, hook: 'setup' };
    this.watching(-1, s.key);
    const r = this.vm.call(fn);
    this.watching(0, s.key);
    if (!r.ok) {
      this.scriptError(r.error);
      return false;
    }
    if (!r.value[0]) {
      this.emit('stats', 'setup() returned false: script not loaded (as in ntopng)', { file: relChunk(this.files, s.file), line: fn.line ?? 0 });
      return false;
    }
    return true;
  }

  /**
   * One dispatch of ntopng's flow driver: the selected scripts' hooks in order, then the alert
   * step. As in ntopng there is no pcall per script: an error aborts the rest of the dispatch
   * (later scripts and the alert step) for this flow event.
   */
  private dispatch(call: HookCall): void {
    const now = Math.floor(call.now);
    this.ctx.currentFlow = call.flow;
    this.ctx.now = call.now;
    this.dispatchNo++;
    this.dirty = false;
    this.statuses.beginDispatch();
    let aborted = false;
    const scripts = call.scripts;
    for (let i = 0; i < scripts.length; i++) {
      const key = scripts[i]!;
      const s = this.scripts.get(key);
      const fn = s?.hooks.get('all') ?? s?.hooks.get(call.hook);
      if (!s || !fn) continue;
      this.running = { script: key, hook: call.hook, time: call.now, flow: call.flow };
      const stopped = this.skips.size ? this.skips.get(`${this.dispatchNo}:${key}`) : undefined;
      if (stopped) {
        const skipped = scripts.slice(i + 1).filter((k) => this.scripts.has(k));
        this.emit('error', stopped.message, { file: relChunk(this.files, s.file), line: stopped.line }, { error: stopped.kind, ...(skipped.length ? { skipped } : {}) });
        aborted = true;
        break;
      }
      // 2019.11 ntopng passes only `now`; the configuration as a second argument changes nothing for
      // its scripts and lets scripts written for 4.x run unchanged
      const t0 = performance.now();
      if (this.watch) this.watching(this.dispatchNo, key);
      const r = this.vm.callHook(fn, now, this.confs.get(key)!);
      if (this.watch) Atomics.store(this.watch, WATCH_DISPATCH, 0);
      const byHook = (this.stats.hooks[key] ??= {});
      const st = (byHook[call.hook] ??= { calls: 0, ms: 0 });
      st.calls++;
      st.ms += performance.now() - t0;
      if (!r.ok) {
        const skipped = scripts.slice(i + 1).filter((k) => this.scripts.has(k));
        this.scriptError(r.error, skipped.length ? { skipped } : undefined);
        aborted = true;
        break;
      }
    }
    if (!aborted) this.statuses.endDispatch();
    if (this.dirty && !aborted && this.bound.driverEnd) {
      this.running = { ...this.running, hook: call.hook, time: call.now, flow: call.flow };
      const r = this.vm.call(this.bound.driverEnd, [now]);
      if (!r.ok) this.scriptError(r.error);
    }
    this.ctx.currentFlow = undefined;
    this.running = { script: '', hook: '' };
  }

  private statusEvent(e: StatusEvent): void {
    const saved = this.running;
    if (e.kind === 'alert' && e.script) this.running = { ...saved, script: e.script };
    const at = e.site.file ? e.site : { file: '', line: 0 };
    switch (e.kind) {
      case 'status':
        this.emit('status', `${e.action === 'set' ? 'set' : 'cleared'} ${e.key} (${e.id})`, at, { action: e.action, status: e.key, status_id: e.id });
        break;
      case 'score': {
        const parts = e.how === 'set'
          ? [`flow ${e.total.flow}`, `client ${e.total.client}`, `server ${e.total.server}`]
          : [`flow +${e.flowScore} = ${e.total.flow}`, `client +${e.clientScore} = ${e.total.client}`, `server +${e.serverScore} = ${e.total.server}`];
        this.emit('score', `score ${parts.join(', ')}`, at, {
          how: e.how, flow: e.flowScore, client: e.clientScore, server: e.serverScore, totals: e.total,
        });
        break;
      }
      case 'alert':
        this.emit('alert', `alert ${e.key} (${e.id}), alert type ${e.alertType}, severity ${e.severityId}${e.score !== undefined ? `, score ${e.score}` : ''}${e.replaced !== undefined ? `, replacing the alert of status ${this.statuses.keyOf(e.replaced)}` : ''}`, at, {
          status: e.key, status_id: e.id, alert_type: e.alertType, severity_id: e.severityId,
          ...(e.score !== undefined ? { score: e.score } : {}), ...(e.json !== undefined ? { json: e.json } : {}),
          ...(e.replaced !== undefined ? { replaced: this.statuses.keyOf(e.replaced) } : {}), now: e.now,
        });
        break;
    }
    this.running = saved;
  }

  private pathOfKey(key: string): string {
    for (const p of this.files.values()) if (scriptKey(p) === key) return p;
    return '';
  }

  private scriptError(e: LuaErrorInfo, extra?: { [key: string]: unknown }): void {
    const prefix = `${e.file}:${e.line}: `;
    const message = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    const text = e.kind === 'syntax' ? `syntax error: ${message}` : e.kind === 'budget' ? `${message} (an endless loop? the budget is per hook call)` : message;
    this.emit('error', text, e, { error: e.kind, ...(e.traceback ? { traceback: e.traceback } : {}), ...extra });
  }

  /**
   * The flow part of a hit, shared by the hits of a flow while its label and counters stay
   * the same (several hits of one hook call, several scripts on one event).
   */
  private flowSummary(flow: Flow): HitFlow {
    const known = summaries.get(flow);
    if (
      known && known.l7 === (flow.l7?.label ?? 'Unknown') && known.category === flow.l7?.category &&
      known.counters?.lastSeen === flow.lastSeen && known.counters.packets[0] + known.counters.packets[1] === flow.packets
    ) return known;
    const made = hitFlow(flow, { client: this.geo.countryOf(flow.clientIp), server: this.geo.countryOf(flow.serverIp) });
    summaries.set(flow, made);
    return made;
  }

  private emit(kind: HitKind, message: string, site: CallSite, data?: { [key: string]: unknown }): void {
    if (this.quiet) {
      this.stats.hits[kind]++;
      if (kind === 'error' && data?.level === 'warning') this.stats.warnings++;
      return;
    }
    const r = this.running;
    const hit: Hit = {
      kind,
      script: r.script,
      hook: r.hook,
      file: this.files.get(site.file) ?? site.file,
      line: site.line,
      message,
    };
    if (!hit.file && r.script) hit.file = this.scripts.get(r.script)?.file ?? this.pathOfKey(r.script);
    if (!hit.script && hit.file) {
      const p = this.files.get(site.file);
      if (p) hit.script = scriptKey(p);
    }
    if (r.time !== undefined) hit.time = r.time;
    if (r.flow) hit.flow = this.flowSummary(r.flow);
    if (data) hit.data = data;
    this.stats.hits[kind]++;
    if (kind === 'error' && data?.level === 'warning') this.stats.warnings++;
    this.onHit(hit);
  }
}

const summaries = new WeakMap<Flow, HitFlow>();

function relChunk(files: Map<string, string>, path: string): string {
  for (const [chunk, p] of files) if (p === path) return chunk;
  return path;
}

/** The deepest folder holding every file. */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return process.cwd();
  let root = dirname(paths[0]!);
  for (const p of paths) while (!(dirname(p) + sep).startsWith(root.endsWith(sep) ? root : root + sep)) root = dirname(root);
  return root;
}
