/** The settings forms' request bodies and their contracts (src/shared/contracts/applications.ts). */
import type { TSchema } from 'typebox';
import type { BodyOf } from '../../api/client';
import { int, str, type Values } from './SettingsForm';

type Contracts = typeof import('../../../shared/contracts/applications');

/** A settings body's contract, loaded with the form's first check. */
export const contract = (name: keyof Contracts) =>
  import('../../../shared/contracts/applications').then((m) => m[name] as TSchema);

export const newStageBody = (v: Values): BodyOf<'createApplicationStage'> => ({
  code: str(v.code),
  nameRu: str(v.nameRu),
  nameEn: str(v.nameEn),
  position: int(v.position),
  typicalDays: int(v.typicalDays),
});

export const newDocBody = (v: Values): BodyOf<'createApplicationDocumentKind'> => ({
  code: str(v.code),
  nameRu: str(v.nameRu),
  nameEn: str(v.nameEn),
  description: str(v.description) || null,
  neededByStage: str(v.neededByStage),
  position: int(v.position),
  required: v.required === true,
});

export const newServiceBody = (v: Values): BodyOf<'createCenterServiceKind'> => ({
  code: str(v.code),
  nameRu: str(v.nameRu),
  nameEn: str(v.nameEn),
  position: int(v.position),
});

/** Edit bodies: the values given (the changed ones), converted. */
export const stageBody = (v: Values) => ({
  ...(v.nameRu !== undefined ? { nameRu: str(v.nameRu) } : {}),
  ...(v.nameEn !== undefined ? { nameEn: str(v.nameEn) } : {}),
  ...(v.position !== undefined ? { position: int(v.position) } : {}),
  ...(v.typicalDays !== undefined ? { typicalDays: int(v.typicalDays) } : {}),
  ...(typeof v.active === 'boolean' ? { active: v.active } : {}),
});

export const docBody = (v: Values) => ({
  ...(v.nameRu !== undefined ? { nameRu: str(v.nameRu) } : {}),
  ...(v.nameEn !== undefined ? { nameEn: str(v.nameEn) } : {}),
  ...(v.description !== undefined ? { description: str(v.description) || null } : {}),
  ...(v.neededByStage !== undefined ? { neededByStage: str(v.neededByStage) } : {}),
  ...(v.position !== undefined ? { position: int(v.position) } : {}),
  ...(typeof v.required === 'boolean' ? { required: v.required } : {}),
  ...(typeof v.active === 'boolean' ? { active: v.active } : {}),
});

export const serviceBody = (v: Values) => ({
  ...(v.nameRu !== undefined ? { nameRu: str(v.nameRu) } : {}),
  ...(v.nameEn !== undefined ? { nameEn: str(v.nameEn) } : {}),
  ...(v.position !== undefined ? { position: int(v.position) } : {}),
  ...(typeof v.active === 'boolean' ? { active: v.active } : {}),
});
