import type { Bridge } from '../../shared/bridge';
import { msg, renderMsg, type Channel, type ChannelInput, type ChannelOutput, type Envelope } from '../../shared/contract';
import type { ChooseFileRequest, ChooseFileResult } from '../../shared/fileDialog';

// The renderer's only way to reach data: contract channels through the preload bridge (Electron) or, in the
// browser harness, through the loopback transport with the per-run token the server put in the page. There
// is no silent fallback: a page with neither (a desktop window whose preload failed to load, the built page
// opened on its own) shows the "bridge missing" screen instead of an app that fails at every click.

declare global {
  interface Window {
    kopru?: Bridge;
  }
}

function harnessBridge(token: string): Bridge {
  return {
    async invoke(channel, input) {
      const response = await fetch('/__kopru/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kopru-token': token },
        body: JSON.stringify({ channel, input }),
      });
      return response.json();
    },
  };
}

function findBridge(): Bridge | null {
  if (window.kopru) return window.kopru;
  const token = document.querySelector<HTMLMetaElement>('meta[name="kopru-harness-token"]')?.content;
  // The harness serves the page over http from 127.0.0.1 and puts its per-run token in it; nothing else does.
  if (token && location.protocol === 'http:') return harnessBridge(token);
  return null;
}

const bridge: Bridge | null = findBridge();

/** False when the page has no way to reach the backend (see BridgeMissing). */
export const bridgeAvailable = bridge !== null;

const NO_BRIDGE = {
  ok: false,
  error: { code: 'INTERNAL', message: renderMsg(msg('bridge.missing')), key: 'bridge.missing' },
} as const;

/**
 * Shows the native dialog and resolves to the chosen path (null when closed without choosing), or is null
 * itself where there is no such dialog (the browser harness): there a path is typed.
 */
export const chooseFile: ((request: ChooseFileRequest) => Promise<string | null>) | null = bridge?.chooseFile
  ? async (request) => {
      const result = (await bridge!.chooseFile!(request)) as ChooseFileResult;
      if (!result.ok) throw new CallError(result.error);
      return result.value;
    }
  : null;

const signedOutListeners = new Set<() => void>();

/**
 * Runs `listener` whenever a call is answered SIGNED_OUT: the backend locked itself after the idle time, or
 * the session was locked or ended elsewhere. The sign-in gate listens and shows the lock screen.
 */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  if (!bridge) return NO_BRIDGE;
  let envelope: Envelope<ChannelOutput<C>>;
  try {
    // The desktop app's backend answers with the envelope's JSON text (one copy across threads); the shell's
    // own refusals come as objects.
    const answer = await bridge.invoke(channel, input);
    envelope = (typeof answer === 'string' ? JSON.parse(answer) : answer) as Envelope<ChannelOutput<C>>;
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: renderMsg(msg('bridge.unreachable')), key: 'bridge.unreachable' },
    };
  }
  if (!envelope.ok && envelope.error.code === 'SIGNED_OUT') for (const listener of signedOutListeners) listener();
  return envelope;
}

/**
 * An error envelope as an exception, for TanStack Query. Keeps the code, the message key and per-field issues;
 * `message` is the server's Turkish text (lib/errors shows it in the interface language).
 */
export class CallError extends Error {
  constructor(readonly error: Extract<Envelope<unknown>, { ok: false }>['error']) {
    super(error.message);
    this.name = 'CallError';
  }
}

export async function callOrThrow<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const envelope = await call(channel, input);
  if (!envelope.ok) throw new CallError(envelope.error);
  return envelope.value;
}
