import { createSpotlight } from '@mantine/spotlight';
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { useIdentity } from '../../lib/identity';
import { CommandPalette, type PaletteScreen } from './CommandPalette';
import { dialogOpen, isTypingIn, saveOpenForm, shortcutOf, shortcutTarget } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';

// Mounted once by the app shell: the palette, the shortcuts' help and the one window listener for shortcuts.

const [paletteStore, palette] = createSpotlight();

/** Opens the command palette (e.g. from a button in the header). */
export const openCommandPalette = palette.open;

export function Commands({ screens }: { screens: PaletteScreen[] }) {
  const t = useT();
  const identity = useIdentity();
  const [helpOpen, setHelpOpen] = useState(false);

  // Tabs worth a line of their own, under the rules of the screens that hold them.
  const allScreens = useMemo(() => {
    const has = (id: string) => screens.some((s) => s.id === id);
    const extra: PaletteScreen[] = [];
    if (has('meetings')) {
      extra.push({ id: 'meetings-planner', label: t('commands.screen.meetingsPlanner'), segments: ['meetings', 'planner'] });
      if (identity.role === 'ministry') extra.push({ id: 'meetings-board', label: t('commands.screen.meetingsBoard'), segments: ['meetings', 'board'] });
      extra.push({ id: 'meetings-calendar', label: t('commands.screen.meetingsCalendar'), segments: ['meetings', 'calendar'] });
      extra.push({ id: 'meetings-decisions', label: t('commands.screen.meetingsDecisions'), segments: ['meetings', 'decisions'] });
    }
    if (has('directory')) extra.push({ id: 'follow-ups', label: t('commands.screen.followUps'), segments: ['directory', 'follow-ups'] });
    return [...screens, ...extra];
  }, [screens, identity.role, t]);
  const commands = useMemo(() => [{ id: 'help', label: t('commands.action.help'), run: () => setHelpOpen(true) }], [t]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const action = shortcutOf(event, { typing: isTypingIn(document.activeElement), dialogOpen: dialogOpen() });
      if (!action) return;
      switch (action) {
        case 'save':
          // Never the browser's "save page", even where there is no form to save.
          event.preventDefault();
          saveOpenForm();
          return;
        case 'palette':
          event.preventDefault();
          palette.open();
          return;
        case 'help':
          event.preventDefault();
          setHelpOpen(true);
          return;
        case 'search': {
          const box = shortcutTarget('search');
          if (!box) return;
          event.preventDefault();
          box.focus();
          if (box instanceof HTMLInputElement) box.select();
          return;
        }
        case 'new':
        case 'print': {
          // Never a new browser window or the print dialog of the app's own screen.
          event.preventDefault();
          shortcutTarget(action)?.click();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <CommandPalette store={paletteStore} screens={allScreens} commands={commands} />
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
