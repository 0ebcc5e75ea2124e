import { describe, expect, it } from 'vitest';
import { missingMeetingStepInput } from '../../shared/meetings/fields';

// What a meeting step must carry, shared by the handler and the step's dialog (which shows it before sending).

describe('missingMeetingStepInput', () => {
  it('names every missing thing at once, at its field', () => {
    expect(missingMeetingStepInput('invite', { letterDate: null, letterNo: '  ' }).map((i) => i.path)).toEqual(['letterDate', 'letterNo']);
    expect(missingMeetingStepInput('postpone', {}).map((i) => [i.path, i.label])).toEqual([['reason', 'Gerekçe']]);
    expect(missingMeetingStepInput('reschedule', { date: null }).map((i) => i.path)).toEqual(['date']);
  });

  it('asks nothing of a step that needs nothing, or of a complete one', () => {
    expect(missingMeetingStepInput('hold', {})).toEqual([]);
    expect(missingMeetingStepInput('invite', { letterDate: '2026-03-02', letterNo: 'E-1' })).toEqual([]);
  });
});
