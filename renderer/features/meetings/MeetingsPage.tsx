import { useHashSegments } from '../../lib/hashRoute';
import { HOME_TABS, MeetingsHome, type HomeTab } from './MeetingsHome';
import { MeetingPage } from './MeetingPage';

/**
 * `#/meetings[/<tab>[/<plate>]]` the home (planner, board, calendar, open decisions; the planner and the
 * calendar take a province for the ministry), `#/meetings/<id>[/<tab>]` one meeting.
 */
export function MeetingsPage() {
  const [, first, second] = useHashSegments();
  if (!first || (HOME_TABS as readonly string[]).includes(first)) return <MeetingsHome tab={(first as HomeTab | undefined) ?? 'planner'} plate={second} />;
  return <MeetingPage key={first} id={first} tab={second} />;
}
