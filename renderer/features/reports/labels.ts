import { REQUEST_CATEGORY_LABELS } from '../../../shared/meetings/fields';
import type { FigureKey } from '../../../shared/contract/reports';
import { SCOPE_WORDS, SUMMIT_ROW } from '../../../shared/reports/figures';
import { REGIONS } from '../../../shared/regions';
import { isMessageKey, type Translate } from '../../i18n';

// A report carries Turkish text made by the server (it is also what goes into the official Excel and PDF
// files, and what the ministry publishes): the screen shows it in the interface language from what it means —
// figures by key, regions and categories by their Turkish name, the scope by the words the server builds it
// from. Text this version does not know (a newer Köprü's) is shown as it came.

const CATEGORY_BY_LABEL = new Map(Object.entries(REQUEST_CATEGORY_LABELS).map(([code, label]) => [label, code]));

export function reportLabels(t: Translate) {
  const region = (name: string) => {
    if (name === SUMMIT_ROW) return t('reports.summitRow');
    const key = `region.${name}`;
    return (REGIONS as readonly string[]).includes(name) && isMessageKey(key) ? t(key) : name;
  };
  return {
    figure: (key: FigureKey, fallback: string) => (isMessageKey(`reports.figure.${key}`) ? t(`reports.figure.${key}`) : fallback),
    definition: (key: FigureKey, fallback: string) => (isMessageKey(`reports.figureDefinition.${key}`) ? t(`reports.figureDefinition.${key}`) : fallback),
    region,
    category: (label: string) => {
      const code = CATEGORY_BY_LABEL.get(label);
      const key = `meetings.category.${code}`;
      return code && isMessageKey(key) ? t(key) : label;
    },
    scope: (label: string) => {
      if (label === SCOPE_WORDS.national) return t('reports.level.national');
      if (label.endsWith(SCOPE_WORDS.regionSuffix)) return t('reports.scope.region', { region: region(label.slice(0, -SCOPE_WORDS.regionSuffix.length)) });
      if (label.endsWith(SCOPE_WORDS.provinceSuffix)) return t('reports.scope.province', { province: label.slice(0, -SCOPE_WORDS.provinceSuffix.length) });
      // A youth centre: "<name> (<province>)", proper names only.
      return label;
    },
  };
}
