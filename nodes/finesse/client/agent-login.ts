import { EventEmitter } from 'events';
import { Backoff } from '../../shared/backoff';
import { encodeCommand } from '../schema/commands';
import { GcCommandError } from './command-errors';
import { AgentLoginStateMachine, type AgentLoginChange, type AgentLoginState } from './agent-login-state';
import type { GcIncoming } from './gc-incoming';
import type { GcSession } from './gc-session';

export interface AgentCredentials {
  agentId: string;
  password: string;
  extension: string;
  /** Mobile agent: the number GC dials to reach the agent (MOBILEAGENTLOGIN instead of Login). */
  dialNumber?: string;
  /** Mobile agent connection: call by call (true) or nailed connection (false). */
  callByCall?: boolean;
}

export interface AgentLoginOptions {
  /** Connect and Login as soon as GC is in service. */
  autoLogin: boolean;
  /** How long to wait for AgentInfo or State after Login before trying again. */
  loginTimeoutMs?: number;
}

/** GC refuses these because of the credentials or the configuration: trying again only repeats the refusal. */
const REFUSALS = new Set([
  'SUBSCRIPTION_FAILED', 'UNABLE_TO_SUBSCRIBE_TO_FINESSE', 'USER_NOT_FOUND', 'MISSING_PASSWORD', 'MISSING_EXTENSION',
  'WRONG_EXTENSION', 'CF_INVALID_LOGON_DEVICE_SPECIFIED', 'LICENSES_EXCEEDED', 'MISSING_NUMBER',
]);

/** Errors that may end a login attempt but are worth another one (digest §2.4). */
const TRANSIENT = new Set(['PLEASE_RETRY', 'CF_RESOURCE_BUSY', 'GENERAL_ERROR', 'CF_GENERIC_UNSPECIFIED']);

interface StatePayload { state?: string }
interface ErrorPayload { error?: string }

/**
 * Keeps one agent logged in through a GC session: Connect + Login when GC is in service (if wanted),
 * again when GC asks (State#RE_LOGIN, DESTINATION#…#RECONNECT), a GetState after a gap in the event
 * stream, and never on its own after SESSION_INVALIDATED: another client took the agent's session and
 * fighting over it would only make both fail (digest §2.3).
 *
 * Emits 'change' (AgentLoginChange) and 'agent-state' (the agent's latest Finesse state).
 */
export class AgentLogin extends EventEmitter {
  readonly machine = new AgentLoginStateMachine();
  private wanted: boolean;
  private lastAgentState: string | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private loginTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly backoff = new Backoff({ initialMs: 2000, maxMs: 60000, jitter: 0.5 });
  private readonly onEvent = (incoming: GcIncoming) => this.observe(incoming);
  private readonly onInService = ({ resumed }: { resumed: boolean }) => this.inService(resumed);
  private readonly onDestinationReconnect = () => this.reLogin('GC asked for the destination to connect again (DESTINATION RECONNECT)');

  constructor(private readonly session: GcSession, private readonly agent: AgentCredentials, private readonly options: AgentLoginOptions) {
    super();
    this.wanted = options.autoLogin;
    this.machine.on('change', (change: AgentLoginChange) => this.emit('change', change));
    session.on('event', this.onEvent);
    session.on('in-service', this.onInService);
    session.on('destination-reconnect', this.onDestinationReconnect);
    if (session.state === 'in-service') this.inService(false);
  }

  get agentId(): string {
    return this.agent.agentId;
  }

  get state(): AgentLoginState {
    return this.machine.state;
  }

  /** The agent's Finesse state as GC last reported it (READY, TALKING, …). */
  get agentState(): string | undefined {
    return this.lastAgentState;
  }

  /** Connect and Login now (or as soon as GC is in service), whatever happened before. */
  login(): void {
    this.wanted = true;
    clearTimeout(this.retryTimer);
    if (this.session.state === 'in-service') void this.sendLogin();
  }

  /** A login someone else sent for this agent (a command node): follow it as if it were ours. */
  noteLogin(reason: string): void {
    this.wanted = true;
    clearTimeout(this.retryTimer);
    this.machine.dispatch('login', reason);
    this.startLoginTimer();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.loginTimer);
    this.session.off('event', this.onEvent);
    this.session.off('in-service', this.onInService);
    this.session.off('destination-reconnect', this.onDestinationReconnect);
    this.machine.dispatch('stop', 'closed');
    this.machine.removeAllListeners();
  }

  private inService(resumed: boolean): void {
    const state = this.machine.state;
    if (this.wanted && (state === 'idle' || state === 'logging-in' || state === 'logged-out')) {
      void this.sendLogin();
    } else if (resumed && state === 'logged-in') {
      // Events may have been lost while the link was down: ask for the state (GC answers RE_LOGIN if it forgot the agent).
      void this.send('GetState', []).catch(() => undefined);
    }
  }

  private reLogin(reason: string): void {
    const state = this.machine.state;
    // A login already under way answers GC's request too (RE_LOGIN and RECONNECT often arrive together).
    if (!this.wanted || state === 'invalidated' || state === 'failed' || state === 'logging-in') return;
    this.machine.dispatch('re-login', reason);
    // While the link is not in service the login waits for it (inService() sends it).
    if (this.session.state === 'in-service') void this.sendLogin();
  }

  private async sendLogin(): Promise<void> {
    clearTimeout(this.retryTimer);
    clearTimeout(this.loginTimer);
    const mobile = Boolean(this.agent.dialNumber);
    this.machine.dispatch('login', mobile ? `mobile agent login, dial number ${this.agent.dialNumber}` : `login on extension ${this.agent.extension}`);
    this.startLoginTimer();
    try {
      await this.send('Connect', [this.session.clientDestination, this.agent.password]);
      // Closed, invalidated or logged out while Connect was on its way: Login (and its password) stays here.
      if (this.disposed || !this.wanted || this.machine.state !== 'logging-in') return;
      await this.send(mobile ? 'MobileAgentLogin' : 'Login', mobile
        ? [this.agent.password, this.agent.extension, this.agent.dialNumber, this.agent.callByCall ?? true]
        : [this.agent.password, this.agent.extension]);
    } catch (err) {
      // A link that went down meanwhile is no refusal: the login goes again when GC is back in service.
      if (err instanceof GcCommandError) return;
      clearTimeout(this.loginTimer);
      this.machine.dispatch('refused', (err as Error).message);
    }
  }

  private startLoginTimer(): void {
    clearTimeout(this.loginTimer);
    this.loginTimer = setTimeout(() => this.retry('no answer to Login'), this.options.loginTimeoutMs ?? 10000);
  }

  private async send(command: string, args: unknown[]): Promise<void> {
    const { type, body } = encodeCommand({ command, agentId: this.agent.agentId, args });
    await this.session.command({ type, body, agentId: this.agent.agentId, expectsReply: false, timeoutMs: 0, describe: `${command} for agent ${this.agent.agentId}` });
  }

  private retry(reason: string): void {
    if (!this.wanted || this.machine.state !== 'logging-in') return;
    const delay = this.backoff.next();
    this.machine.dispatch('login', `${reason}; trying again in ${Math.round(delay / 1000)} s`);
    this.retryTimer = setTimeout(() => {
      if (this.session.state === 'in-service') void this.sendLogin();
    }, delay);
  }

  private observe(incoming: GcIncoming): void {
    const parsed = incoming.parsed;
    if (!parsed.ok || parsed.payload.agentId !== this.agent.agentId) return;
    if (parsed.type === 'State') {
      const state = (parsed.payload as StatePayload).state ?? '';
      if (state === 'RE_LOGIN') return this.reLogin('GC does not know the agent (State RE_LOGIN)');
      this.lastAgentState = state;
      this.emit('agent-state', state);
      if (state === 'LOGOUT') {
        this.wanted = false;
        clearTimeout(this.loginTimer);
        this.machine.dispatch('logged-out', 'logged out');
      } else {
        this.loggedIn(state);
      }
    } else if (parsed.type === 'AgentInfo') {
      this.loggedIn(this.lastAgentState ?? 'logged in');
    } else if (parsed.type === 'Error') {
      this.refused((parsed.payload as ErrorPayload).error ?? '');
    }
  }

  private loggedIn(state: string): void {
    clearTimeout(this.loginTimer);
    this.backoff.reset();
    this.machine.dispatch('logged-in', state);
  }

  private refused(error: string): void {
    if (error === 'SESSION_INVALIDATED') {
      this.wanted = false;
      clearTimeout(this.loginTimer);
      clearTimeout(this.retryTimer);
      this.machine.dispatch('invalidated', 'SESSION_INVALIDATED: the agent connected from another client; log in again by hand when that client is gone');
    } else if (this.machine.state === 'logging-in' && REFUSALS.has(error)) {
      clearTimeout(this.loginTimer);
      this.machine.dispatch('refused', `GC refused the login: ${error}`);
    } else if (this.machine.state === 'logging-in' && TRANSIENT.has(error)) {
      clearTimeout(this.loginTimer);
      this.retry(`GC answered ${error}`);
    }
  }
}
