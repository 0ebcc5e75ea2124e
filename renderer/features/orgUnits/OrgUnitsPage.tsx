import { Stack, Tabs, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { YouthCentre } from '../../../shared/contract/orgUnits';
import { useT } from '../../i18n';
import { ProvincesPanel } from './ProvincesPanel';
import { RetireDialog } from './RetireDialog';
import { YouthCentreDetail } from './YouthCentreDetail';
import { YouthCentreForm } from './YouthCentreForm';
import { YouthCentresPanel } from './YouthCentresPanel';
import { FormModal } from '../../components/FormModal';
import { navigate, useHashSegments } from '../../lib/hashRoute';

type FormTarget = { mode: 'create' } | { mode: 'edit'; centre: YouthCentre } | null;

/**
 * Org units: youth centres (searchable, filterable, paged) and provinces by region. One detail drawer, one
 * form and one retire dialog serve both tabs; only one of them is open at a time.
 */
export function OrgUnitsPage() {
  const t = useT();
  // `#/org-units/<id>` opens that centre (a link from the command palette).
  const [, routeId] = useHashSegments();
  const [openId, setOpenId] = useState<string | null>(routeId ?? null);
  useEffect(() => {
    if (routeId) setOpenId(routeId);
  }, [routeId]);
  const [formTarget, setFormTarget] = useState<FormTarget>(null);
  const [retiring, setRetiring] = useState<YouthCentre | null>(null);

  const closeForm = () => {
    // After editing, go back to the record that was being looked at.
    if (formTarget?.mode === 'edit') setOpenId(formTarget.centre.id);
    setFormTarget(null);
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('orgUnits.title')}</Title>
      <Tabs defaultValue="centres">
        <Tabs.List>
          <Tabs.Tab value="centres">{t('orgUnits.tab.centres')}</Tabs.Tab>
          <Tabs.Tab value="provinces">{t('orgUnits.tab.provinces')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="centres" pt="md">
          <YouthCentresPanel onOpen={setOpenId} onCreate={() => setFormTarget({ mode: 'create' })} />
        </Tabs.Panel>
        <Tabs.Panel value="provinces" pt="md">
          <ProvincesPanel onOpenCentre={setOpenId} />
        </Tabs.Panel>
      </Tabs>

      <YouthCentreDetail
        id={openId}
        onClose={() => {
          setOpenId(null);
          if (routeId) navigate('org-units');
        }}
        onEdit={(centre) => {
          setOpenId(null);
          setFormTarget({ mode: 'edit', centre });
        }}
        onRetire={(centre) => {
          setOpenId(null);
          setRetiring(centre);
        }}
      />
      <FormModal
        opened={formTarget !== null}
        onClose={closeForm}
        title={t(formTarget?.mode === 'edit' ? 'centre.form.editTitle' : 'centre.form.createTitle')}
        size="lg"
      >
        {formTarget && (
          <YouthCentreForm
            key={formTarget.mode === 'edit' ? formTarget.centre.id : 'new'}
            centre={formTarget.mode === 'edit' ? formTarget.centre : undefined}
            onDone={closeForm}
            onCancel={closeForm}
          />
        )}
      </FormModal>
      <RetireDialog centre={retiring} onClose={() => setRetiring(null)} />
    </Stack>
  );
}
