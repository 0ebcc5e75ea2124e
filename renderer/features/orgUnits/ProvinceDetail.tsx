import { Badge, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { provinceByPlate } from '../../../shared/regions';
import { EmptyText, QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { useCall } from '../../lib/query';
import { usePagedCentres } from './usePagedCentres';
import { YouthCentresTable } from './YouthCentresTable';
import { usePaginationLabels } from '../../components/paginationLabels';

const PAGE_SIZE = 10;

/** A province's districts and youth centres. */
export function ProvinceDetail({ plate, onOpenCentre }: { plate: string; onOpenCentre: (id: string) => void }) {
  const paginationLabels = usePaginationLabels();
  const t = useT();
  const province = provinceByPlate(plate);
  const districts = useCall('orgUnits:listDistricts', { provincePlate: plate });
  const { query: centres, page, pages, setPage } = usePagedCentres({ provincePlate: plate }, PAGE_SIZE);
  return (
    <Stack gap="md" data-testid="province-detail">
      <Title order={3}>{province ? `${province.plate} — ${province.name}` : plate}</Title>

      <section aria-labelledby="province-districts">
        <Text fw={600} mb="xs" id="province-districts">
          {t('provinces.detail.districts', { count: districts.data?.length ?? 0 })}
        </Text>
        <QueryState query={districts}>
          {(rows) => (
            <Group gap={6}>
              {rows.map((d) => (
                <Badge key={d.id} variant="default" tt="none" fw={500} size="lg">
                  {d.name}
                </Badge>
              ))}
            </Group>
          )}
        </QueryState>
      </section>

      <section aria-labelledby="province-centres">
        <Text fw={600} mb="xs" id="province-centres">
          {t('provinces.detail.centres', { count: centres.data?.total ?? 0 })}
        </Text>
        <QueryState
          query={centres}
          isEmpty={(d) => d.total === 0}
          empty={<EmptyText>{t('provinces.detail.noCentres')}</EmptyText>}
        >
          {(d) => <YouthCentresTable items={d.items} onOpen={onOpenCentre} compact />}
        </QueryState>
        {pages > 1 && (
          <Group justify="center" mt="sm">
            <Pagination {...paginationLabels} size="sm" total={pages} value={page} onChange={setPage} aria-label={t('centres.pagination')} />
          </Group>
        )}
      </section>
    </Stack>
  );
}
