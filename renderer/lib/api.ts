import type { Channel, ChannelInput, ChannelOutput, Envelope } from '../../shared/contract';
import type { ChooseFileRequest, ChooseFileResult } from '../../shared/fileDialog';

// The renderer's only way to reach data: contract channels through the preload bridge (Electron) or, in the
// browser harness, through the loopback transport with the per-run token the server put in the page.

interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** The desktop app's native save/open dialog; the browser harness has none. */
  chooseFile?(request: ChooseFileRequest): Promise<unknown>;
}

declare global {
  interface Window {
    kopru?: Bridge;
  }
}

function harnessBridge(): Bridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="kopru-harness-token"]')?.content ?? '';
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

const bridge: Bridge = window.kopru ?? harnessBridge();

/**
 * Shows the native dialog and resolves to the chosen path (null when closed without choosing), or is null
 * itself where there is no such dialog (the browser harness): there a path is typed.
 */
export const chooseFile: ((request: ChooseFileRequest) => Promise<string | null>) | null = bridge.chooseFile
  ? async (request) => {
      const result = (await bridge.chooseFile!(request)) as ChooseFileResult;
      if (!result.ok) throw new CallError(result.error);
      return result.value;
    }
  : null;

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  try {
    return (await bridge.invoke(channel, input)) as Envelope<ChannelOutput<C>>;
  } catch {
    return {
      ok: false,
      error: { code: 'INTERNAL', message: 'Uygulamanın arka planına ulaşılamadı. Uygulamayı yeniden başlatın.' },
    };
  }
}

/** An error envelope as an exception, for TanStack Query. Keeps the code and per-field issues. */
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
