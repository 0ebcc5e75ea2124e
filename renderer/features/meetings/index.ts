export { MeetingsPage } from './MeetingsPage';
export { MeetingTermsSection } from './TermsSection';
