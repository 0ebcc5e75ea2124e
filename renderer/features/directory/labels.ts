import { useMemo } from 'react';
import type { InteractionKind, OrgKind, OrgSubtype, RelationType } from '../../../shared/directory/fields';
import { provinceByPlate } from '../../../shared/regions';
import type { ActivityArea } from '../../../shared/registry/fields';
import { isMessageKey, useT, type MessageKey, type Translate } from '../../i18n';

// Every directory code the server sends (kinds, subtypes, relation and interaction types, activity areas)
// shown in the interface language.

export function directoryLabels(t: Translate) {
  const known = (key: string, fallback: string) => (isMessageKey(key) ? t(key as MessageKey) : fallback);
  return {
    kind: (k: OrgKind) => t(`directory.kind.${k}`),
    subtype: (s: OrgSubtype) => t(`directory.subtype.${s}`),
    relationType: (r: RelationType) => t(`directory.relationType.${r}`),
    interactionKind: (k: InteractionKind) => t(`directory.interactionKind.${k}`),
    area: (a: ActivityArea) => t(`directory.area.${a}`),
    /** A code from a list the server may extend later: its label if known, the code otherwise. */
    anyArea: (code: string) => known(`directory.area.${code}`, code),
    /** A meeting state code in the interface language (the code itself if unknown). */
    meetingState: (code: string) => known(`directory.meetingState.${code}`, code),
    /** "Sivil toplum kuruluşu · Dernek" — the kind, and the subtype when there is one. */
    kindAndSubtype: (k: OrgKind, s: OrgSubtype | null) => (s ? `${t(`directory.kind.${k}`)} · ${t(`directory.subtype.${s}`)}` : t(`directory.kind.${k}`)),
    province: (plate: string) => {
      const p = provinceByPlate(plate);
      return p ? `${p.plate} — ${p.name}` : plate;
    },
  };
}

export type DirectoryLabels = ReturnType<typeof directoryLabels>;

export function useDirectoryLabels(): DirectoryLabels {
  const t = useT();
  return useMemo(() => directoryLabels(t), [t]);
}
