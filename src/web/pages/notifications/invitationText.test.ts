/** Invitations and their acceptance read as sentences in both languages (not the generic fallback). */
import fs from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitationText } from './invitationText.js';

const read = (file: string) => JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8'));
/** The catalogue as resources.ts composes it: core messages plus each feature under its own key. */
function catalogue(lang: string) {
  const dir = new URL('../../i18n/features/', import.meta.url);
  const features = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(`.${lang}.json`))
    .map((f) => [f.slice(0, -`.${lang}.json`.length), read(`../../i18n/features/${f}`)]);
  return { ...read(`../../i18n/${lang}.json`), ...Object.fromEntries(features) };
}

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { ru: { translation: catalogue('ru') }, en: { translation: catalogue('en') } },
    lng: 'ru',
    interpolation: { escapeValue: false },
  });
});

const text = (lng: 'ru' | 'en', kind: string, params: Record<string, string>) =>
  invitationText(i18n.getFixedT(lng) as TFunction, { kind, params });

describe('invitation notices', () => {
  const squad = { squadId: 'x', squad: 'Отряд «Маяк»', center: 'Добро.Центр Юрги' };
  const org = { organizationId: 'y', organization: 'Дом молодёжи «Юрга»' };

  it('to lead a squad, and its acceptance', () => {
    expect(text('ru', 'squad.leader_invited', squad)).toBe(
      'Координатор центра «Добро.Центр Юрги» приглашает вас руководить отрядом «Отряд «Маяк»». Принять или отказаться можно на странице отряда.',
    );
    expect(text('en', 'squad.leader_invited', squad)).toBe(
      'The coordinator of "Добро.Центр Юрги" invites you to lead the squad "Отряд «Маяк»". Accept or decline on the squad\'s page.',
    );
    expect(text('ru', 'squad.leader_accepted', { ...squad, who: 'Ирина Лидерова' })).toBe(
      'Ирина Лидерова принимает приглашение и теперь руководит отрядом «Отряд «Маяк»».',
    );
  });

  it('to represent an organization, and its acceptance', () => {
    expect(text('ru', 'organization.representative_invited', org)).toBe(
      'Вас приглашают стать представителем организации «Дом молодёжи «Юрга»». Принять или отклонить приглашение можно в разделе «Организации».',
    );
    expect(text('en', 'organization.invitation_accepted', { ...org, who: 'Alexey' })).toBe(
      'Alexey accepted the invitation and now represents the organization "Дом молодёжи «Юрга»".',
    );
  });

  it('leaves other kinds to their own sentences', () => {
    expect(text('ru', 'application.withdrawn', { application: 'Добро.Центр Юрги' })).toBeNull();
  });
});
