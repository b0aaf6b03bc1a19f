/** The municipal-change form's own checks and the body it sends (pure functions, no browser). */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { RecordMunicipalChangeBody } from '../../../shared/contracts/municipal-changes.js';
import { contractErrors } from '../../forms/contractErrors.js';
import {
  type ChangeValues,
  changeBody,
  changeChecks,
  changeMessages,
  EMPTY_CHANGE,
} from './municipalChangeForm.js';

const t = ((key: string) => key) as unknown as TFunction;

/** The form's check: its body against the contract, with the form's words, and its own checks. */
const checkChange = (t: TFunction, v: ChangeValues) => ({
  ...contractErrors(t, RecordMunicipalChangeBody, changeBody(v), changeMessages(t)),
  ...changeChecks(t, v),
});
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const base: ChangeValues = {
  ...EMPTY_CHANGE,
  kind: 'merger',
  effectiveOn: '2027-01-01',
  predecessorIds: [A],
};

describe('municipal change form', () => {
  it('asks for the kind, the date and a predecessor', () => {
    expect(checkChange(t, EMPTY_CHANGE)).toEqual({
      kind: 'validation.chooseOne',
      effectiveOn: 'validation.required',
      predecessorIds: 'operator.changes.predecessorsRequired',
    });
  });

  it('lets a rename end exactly one municipality', () => {
    const errors = checkChange(t, { ...base, kind: 'rename', predecessorIds: [A, B], existingId: B });
    expect(errors.predecessorIds).toBe('operator.changes.onePredecessor');
  });

  it('refuses a successor that is also a predecessor, and a missing one', () => {
    expect(checkChange(t, { ...base, existingId: A })['successor.existingId']).toBe(
      'operator.changes.successorIsPredecessor',
    );
    expect(checkChange(t, base)['successor.existingId']).toBe('validation.chooseOne');
  });

  it('checks a new successor: slug, names, coordinates, OKTMO', () => {
    const errors = checkChange(t, {
      ...base,
      successorMode: 'new',
      slug: 'Новый',
      lat: '95',
      lon: 'x',
      oktmo: '123',
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        'successor.new.adminCenterRu',
        'successor.new.lat',
        'successor.new.lon',
        'successor.new.nameEn',
        'successor.new.nameRu',
        'successor.new.oktmo',
        'successor.new.slug',
      ].sort(),
    );
  });

  it('sends an existing successor, trimmed text and no successor for an abolition', () => {
    expect(changeBody({ ...base, existingId: B, legalBasis: '  Закон № 1-ОЗ ', comment: ' ' })).toEqual({
      kind: 'merger',
      effectiveOn: '2027-01-01',
      predecessorIds: [A],
      legalBasis: 'Закон № 1-ОЗ',
      successor: { existingId: B },
    });
    expect(changeBody({ ...base, kind: 'abolition', existingId: B })).not.toHaveProperty('successor');
  });

  it('sends a new successor with numbers parsed (a decimal comma too)', () => {
    const body = changeBody({
      ...base,
      successorMode: 'new',
      slug: 'novyj-okrug',
      nameRu: 'Новый муниципальный округ',
      nameEn: 'New Municipal Okrug',
      adminCenterRu: 'пгт Новый',
      lat: '54,5',
      lon: '86.1',
      population: '12000',
    });
    expect(body.successor).toEqual({
      new: {
        slug: 'novyj-okrug',
        nameRu: 'Новый муниципальный округ',
        nameEn: 'New Municipal Okrug',
        kind: 'municipal_okrug',
        adminCenterRu: 'пгт Новый',
        lat: 54.5,
        lon: 86.1,
        population: 12000,
        oktmo: null,
      },
    });
  });
});
