// The preload bridge between the window and the main process, named once for both sides. Plain constants
// and types only, with no imports: the sandboxed preload bundles this module, and a sandboxed preload may
// `require` nothing but `electron`, `events`, `timers` and `url`.

/** The one IPC channel that carries contract calls: `(channel, input)`. Main checks the channel name. */
export const INVOKE_CHANNEL = 'kopru:invoke';

/** The native save/open dialog of the desktop app (not a contract channel: no handler, no database). */
export const CHOOSE_FILE_CHANNEL = 'shell:chooseFile';

/** `window.kopru`: exactly these functions, frozen. */
export const BRIDGE_FUNCTIONS = ['invoke', 'chooseFile'] as const;

export interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** The desktop app's native save/open dialog; the browser harness has none. */
  chooseFile?(request: unknown): Promise<unknown>;
}

/** A contract channel's name: `module:action`. Anything else is refused before it leaves the window. */
export function looksLikeChannel(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 80 && /^[a-z][A-Za-z]*:[a-z][A-Za-z]*$/.test(name);
}
