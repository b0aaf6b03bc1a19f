import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Application, useServiceKinds } from '../../api/applications-queries';
import { localName } from '../../components/format';

/** The application's own fields as read-only text (a description list). */
export function ApplicationFields({ application: a }: { application: Application }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const serviceKinds = useServiceKinds(true);
  const serviceName = (code: string) => {
    const s = serviceKinds.data?.items.find((k) => k.code === code);
    return s ? localName(s, lng) : code;
  };
  const none = t('common.notSpecified');
  const head = [a.head.name, a.head.position, a.head.phone, a.head.email].filter(Boolean).join(', ');
  const rows: [string, ReactNode][] = [
    [t('applications.form.organization'), a.organization.name],
    [t('applications.form.municipality'), localName(a.municipality, lng)],
    [t('applications.form.proposedName'), a.proposedName ?? none],
    [t('applications.form.address'), a.premises.address ?? none],
    [t('applications.form.premisesDescription'), a.premises.description ?? none],
    [
      t('applications.form.services'),
      a.services.length === 0 ? (
        none
      ) : (
        <List size="sm" key="list">
          {a.services.map((code) => (
            <List.Item key={code}>{serviceName(code)}</List.Item>
          ))}
        </List>
      ),
    ],
    [t('applications.form.head'), head || none],
    [
      t('applications.form.coordinators'),
      a.coordinators.length === 0 ? (
        none
      ) : (
        <List size="sm" key="list">
          {a.coordinators.map((c) => (
            <List.Item key={`${c.name}-${c.email ?? ''}`}>
              {[c.name, c.email, c.phone].filter(Boolean).join(', ')}
            </List.Item>
          ))}
        </List>
      ),
    ],
  ];
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="sm" m={0}>
      {rows.map(([label, value]) => (
        <Stack key={label} gap={0}>
          <Text component="dt" size="sm" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0}>
            {value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
