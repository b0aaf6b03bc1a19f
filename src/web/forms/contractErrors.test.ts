import type { TFunction } from 'i18next';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ChangePasswordBody, LoginBody, RegisterBody } from '../../shared/contracts/accounts.js';
import { CreateOrganizationBody } from '../../shared/contracts/organizations.js';
import { contractErrors } from './contractErrors.js';

/** Keys with their options, so a test sees which message and limit was chosen. */
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('contractErrors', () => {
  it('is empty for a valid body', () => {
    expect(contractErrors(t, LoginBody, { email: 'анна@пример.рф', password: 'x' })).toEqual({});
  });

  it('names each field of the body with the contract’s limits', () => {
    const errors = contractErrors(t, RegisterBody, {
      email: 'not-an-address',
      password: 'short1',
      displayName: 'x'.repeat(101),
      consent: { personalData: false, version: '2026-11-01' },
    });
    expect(errors).toEqual({
      email: 'validation.email',
      password: 'checks.tooShort {"min":10}',
      displayName: 'validation.tooLong {"max":100}',
      'consent.personalData': 'validation.chooseOne',
    });
  });

  it('calls an empty text missing, and names missing properties by their own path', () => {
    expect(contractErrors(t, ChangePasswordBody, { currentPassword: '', newPassword: '' })).toEqual({
      currentPassword: 'validation.required',
      newPassword: 'validation.required',
    });
    expect(contractErrors(t, LoginBody, {})).toEqual({
      email: 'validation.required',
      password: 'validation.required',
    });
  });

  it('takes a form’s own messages, for a field or for one keyword of it', () => {
    const errors = contractErrors(
      t,
      RegisterBody,
      {
        email: 'a@b.ru',
        password: 'short1',
        displayName: 'Анна',
        consent: { personalData: false, version: '1' },
      },
      { password: { minLength: 'too short' }, 'consent.personalData': 'consent needed' },
    );
    expect(errors).toEqual({ password: 'too short', 'consent.personalData': 'consent needed' });
  });

  it('reports the telling branch of a nullable value, not «must be null»', () => {
    const errors = contractErrors(t, CreateOrganizationBody, {
      name: 'Центр',
      kind: 'ngo',
      municipalityId: '00000000-0000-4000-8000-000000000000',
      website: 'javascript:alert(1)',
    });
    expect(errors).toEqual({ website: 'validation.website' });
  });

  it('applies the platform’s text rule to every string, as the server does', () => {
    const schema = Type.Object({ note: Type.String({ maxLength: 100 }) });
    expect(contractErrors(t, schema, { note: 'a\u0000b' })).toEqual({
      note: 'checks.forbiddenCharacters',
    });
  });

  it('speaks of numbers and lists in words', () => {
    const schema = Type.Object({
      count: Type.Integer({ minimum: 1, maximum: 5 }),
      ratio: Type.Number({ maximum: 1 }),
      items: Type.Array(Type.String(), { minItems: 1 }),
      rows: Type.Array(Type.Object({ hours: Type.Integer({ minimum: 0 }) })),
    });
    expect(contractErrors(t, schema, { count: 1.5, ratio: 2, items: [], rows: [{ hours: -1 }] })).toEqual({
      count: 'checks.wholeNumber',
      ratio: 'checks.max {"max":1}',
      items: 'checks.chooseAtLeastOne',
      'rows.0.hours': 'checks.min {"min":0}',
    });
  });

  it('speaks of the union branch the value is, not of the others', () => {
    const schema = Type.Object({
      successor: Type.Union([
        Type.Object({ existingId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        Type.Object(
          { new: Type.Object({ slug: Type.String({ pattern: '^[a-z]+$' }) }) },
          { additionalProperties: false },
        ),
      ]),
    });
    expect(contractErrors(t, schema, { successor: { new: { slug: 'Новый' } } })).toEqual({
      'successor.new.slug': 'checks.format',
    });
    expect(contractErrors(t, schema, { successor: { existingId: '' } })).toEqual({
      'successor.existingId': 'validation.required',
    });
  });
});
