export { LetterheadSection } from './LetterheadSection';
