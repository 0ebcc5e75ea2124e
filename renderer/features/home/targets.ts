import type { HomeTarget } from '../../../shared/contract/home';
import { hrefOf, hrefWithParams } from '../../lib/hashRoute';
import { registryListHref } from '../registry';

/**
 * The list a home line opens, filtered to what the line counted: the registry list by state or visa status,
 * the meetings planner (`?overdue=1`: only the overdue centres), board or open decisions, the follow-ups, a tab
 * of the exchange screen.
 */
export function targetHref(target: HomeTarget): string {
  switch (target.screen) {
    case 'registry':
      return registryListHref(target);
    case 'meetings':
      return hrefWithParams(['meetings', target.tab], { overdue: target.overdueOnly ? '1' : undefined });
    case 'followUps':
      return hrefOf('directory', 'follow-ups');
    case 'exchange':
      return target.peerNode ? hrefOf('exchange', target.tab, target.peerNode) : hrefOf('exchange', target.tab);
  }
}
