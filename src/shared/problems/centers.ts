/** Problem codes of a centre's profile. */
import { defineProblems } from './define.js';

export const centersProblems = defineProblems({
  unknown_service: {
    status: 400,
    ru: 'Неизвестная услуга «{code}».',
    en: 'Unknown service "{code}".',
  },
  profile_invalid: {
    status: 400,
    ru: 'Проверьте поля профиля центра.',
    en: 'Please check the centre profile fields.',
  },
});
