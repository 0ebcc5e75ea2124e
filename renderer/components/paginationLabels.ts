import { useT } from '../i18n';

// Names for a Mantine `Pagination`'s arrow buttons and page numbers (it draws them as icons and bare numbers):
// spread into every pager, `<Pagination {...usePaginationLabels()} … />`.

export function usePaginationLabels() {
  const t = useT();
  return {
    getControlProps: (control: 'first' | 'previous' | 'last' | 'next') => ({ 'aria-label': t(`a11y.pagination.${control}`) }),
    getItemProps: (page: number) => ({ 'aria-label': t('a11y.pagination.page', { page }) }),
  };
}
