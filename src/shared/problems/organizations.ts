/** Problem codes of the organization registry. */
import { defineProblems } from './define.js';

export const organizationsProblems = defineProblems({
  inn_taken: {
    status: 409,
    ru: 'Организация с этим ИНН уже зарегистрирована: {name}.',
    en: 'An organization with this INN is already registered: {name}.',
  },
  inn_checksum: {
    status: 400,
    ru: 'Контрольные цифры ИНН не сходятся — проверьте номер.',
    en: 'The INN check digits do not match.',
  },
  ogrn_checksum: {
    status: 400,
    ru: 'Контрольная цифра ОГРН не сходится — проверьте номер.',
    en: 'The OGRN check digit does not match.',
  },
  ogrn_inn_mismatch: {
    status: 400,
    ru: 'К 10-значному ИНН относится 13-значный ОГРН, к 12-значному — 15-значный ОГРНИП.',
    en: 'A 10-digit INN goes with a 13-digit OGRN, a 12-digit one with a 15-digit OGRNIP.',
  },
  subkind_mismatch: {
    status: 400,
    ru: 'Этот вид не относится к выбранному типу организации.',
    en: 'This subkind does not belong to the kind.',
  },
  last_representative: {
    status: 409,
    ru: 'Последнего представителя может снять только региональный оператор.',
    en: 'Only the regional operator can remove the last representative.',
  },
  invitation_expired: {
    status: 409,
    ru: 'Срок приглашения истёк. Попросите прислать новое.',
    en: 'The invitation has expired. Ask for a new one.',
  },
});
