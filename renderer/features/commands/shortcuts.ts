// The app's keyboard shortcuts, decided in one place. Screens do not register handlers: they mark the control a
// shortcut stands for with `data-shortcut` ("new" on a list's "Yeni …" button, "search" on its search box,
// "print" on a PDF button), and the one window listener acts on the first visible, enabled control so marked.
// So a shortcut does exactly what the visible button does (roles, disabled states and all), and a screen
// without the button has no shortcut.

export type ShortcutAction = 'palette' | 'new' | 'save' | 'search' | 'print' | 'help';

/** The controls a shortcut acts on (`data-shortcut` values). */
export type ShortcutTarget = 'new' | 'search' | 'print';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface ShortcutContext {
  /** The focus is in a text field (an input, a text area, a select, editable content). */
  typing: boolean;
  /** A modal dialog (a form, the palette, a question) is open. */
  dialogOpen: boolean;
}

const WITH_MOD: Record<string, ShortcutAction> = { k: 'palette', n: 'new', s: 'save', f: 'search', p: 'print' };

/**
 * Which shortcut a key press is, if any. Ctrl (Cmd on a Mac) + S saves the open form wherever the focus is;
 * every other shortcut waits while the clerk types in a field or a dialog is open (Esc is the dialogs' own).
 */
export function shortcutOf(event: KeyLike, context: ShortcutContext): ShortcutAction | null {
  if (event.altKey) return null;
  const mod = event.ctrlKey || event.metaKey;
  const action = mod ? WITH_MOD[event.key.toLowerCase()] : event.key === '?' ? 'help' : undefined;
  if (!action) return null;
  if (action === 'save') return action;
  if (context.typing || context.dialogOpen) return null;
  return action;
}

/** The class the theme gives a modal or drawer that is fading out after being closed (see `renderer/app/theme.ts`). */
export const CLOSING_DIALOG_CLASS = 'kopru-dialog-closing';

/** Inside a dialog that is closing: its fields and forms no longer take keys (the focus leaves a moment later). */
function inClosingDialog(element: Element): boolean {
  return element.closest(`.${CLOSING_DIALOG_CLASS}`) !== null;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'tel', 'url', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

export function isTypingIn(element: Element | null): boolean {
  // A field hidden with its screen (display: none) keeps the focus but takes no typing.
  if (!element || element.getClientRects().length === 0 || inClosingDialog(element)) return false;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

function visible(element: Element): boolean {
  return element.getClientRects().length > 0 && !element.closest('[aria-hidden="true"], [inert]');
}

/**
 * The open modal dialogs (Mantine marks its modals and drawers `aria-modal`; popovers are not modal). One that is
 * closing is not open, though still on screen for its fade-out: else a shortcut right after Esc would be lost.
 */
function openDialogs(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="dialog"][aria-modal="true"]')].filter(
    (dialog) => visible(dialog) && !inClosingDialog(dialog),
  );
}

export function dialogOpen(): boolean {
  return openDialogs().length > 0;
}

/** The first visible, enabled control marked for a shortcut. */
export function shortcutTarget(target: ShortcutTarget): HTMLElement | null {
  for (const element of document.querySelectorAll<HTMLElement>(`[data-shortcut="${target}"]`)) {
    if (visible(element) && !element.matches(':disabled, [data-disabled="true"], [data-loading="true"]')) return element;
  }
  return null;
}

/**
 * The form Ctrl+S saves: the one the focus is in, else the form of the dialog on top (the focus may be on the
 * dialog itself). A dialog without a form (the unsaved-changes question) saves nothing.
 */
function formToSave(): HTMLFormElement | null {
  const active = document.activeElement;
  const own = active && !inClosingDialog(active) ? active.closest('form') : null;
  if (own) return own;
  const dialogs = openDialogs();
  if (active && dialogs.some((d) => d.contains(active))) return null;
  const top = dialogs.at(-1);
  return top?.querySelector('form') ?? null;
}

/** Presses the form's own submit button, so a disabled or busy "Kaydet" stays disabled for Ctrl+S too. */
export function saveOpenForm(): boolean {
  const form = formToSave();
  if (!form) return false;
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (submit) {
    if (submit.disabled || submit.dataset.loading === 'true') return false;
    submit.click();
  } else form.requestSubmit();
  return true;
}
