/** The application form's checks and bodies, and the browser's quick file check (pure functions). */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { CreateApplicationBody, UpdateApplicationBody } from '../../../shared/contracts/applications.js';
import { contractErrors } from '../../forms/contractErrors.js';
import {
  type ApplicationValues,
  applicationFieldOf,
  applicationMessages,
  createBody,
  EMPTY_APPLICATION,
  newCoordinator,
  updateBody,
} from './applicationForm.js';
import { fileProblem, UPLOAD_RULES } from './uploadRules.js';

const t = ((key: string) => key) as unknown as TFunction;
const ORG = '11111111-1111-4111-8111-111111111111';
const MUN = '22222222-2222-4222-8222-222222222222';

/** The form's check: the contract's messages, on the form's fields. */
function checkApplication(t: TFunction, v: ApplicationValues, creating: boolean) {
  const errors = creating
    ? contractErrors(t, CreateApplicationBody, createBody(v), applicationMessages(t))
    : contractErrors(t, UpdateApplicationBody, updateBody(v), applicationMessages(t));
  return Object.fromEntries(Object.entries(errors).map(([k, m]) => [applicationFieldOf(k, v), m]));
}

describe('application form', () => {
  it('needs an organization (when creating) and a municipality', () => {
    expect(checkApplication(t, EMPTY_APPLICATION, true)).toEqual({
      organizationId: 'validation.chooseOne',
      municipalityId: 'validation.chooseOne',
    });
    expect(checkApplication(t, { ...EMPTY_APPLICATION, municipalityId: MUN }, false)).toEqual({});
  });

  it('checks e-mails and phones of the head and of each coordinator', () => {
    const values = {
      ...EMPTY_APPLICATION,
      municipalityId: MUN,
      headEmail: 'not-an-email',
      coordinators: [
        { ...newCoordinator(), email: 'x@example.ru' },
        newCoordinator(),
        { ...newCoordinator(), phone: 'abc' },
      ],
    };
    // The body leaves the empty second row out; its errors still land on the form's rows.
    expect(checkApplication(t, values, false)).toEqual({
      headEmail: 'validation.email',
      'coordinators.0.name': 'validation.required',
      'coordinators.2.name': 'validation.required',
      'coordinators.2.phone': 'validation.phone',
    });
  });

  it('sends nulls for empty fields and drops blank coordinators', () => {
    const values = {
      ...EMPTY_APPLICATION,
      organizationId: ORG,
      municipalityId: MUN,
      proposedName: ' Добро.Центр «Юность» ',
      services: ['consultations'],
      coordinators: [{ ...newCoordinator(), name: 'Мария', phone: '+7 900 000-00-00' }, newCoordinator()],
    };
    expect(updateBody(values)).toEqual({
      municipalityId: MUN,
      proposedName: 'Добро.Центр «Юность»',
      premises: { address: null, description: null },
      services: ['consultations'],
      head: { name: null, position: null, phone: null, email: null },
      coordinators: [{ name: 'Мария', email: null, phone: '+7 900 000-00-00' }],
    });
    expect(createBody(values).organizationId).toBe(ORG);
  });
});

describe('file check before upload', () => {
  const file = (name: string, size: number) => new File([new Uint8Array(size)], name);
  it('accepts PDF, JPEG, PNG and DOCX by name, whatever the case', () => {
    for (const name of ['устав.PDF', 'a.jpg', 'a.jpeg', 'скан.png', 'план.docx']) {
      expect(fileProblem(file(name, 10))).toBeNull();
    }
  });
  it('refuses other types, empty and oversized files', () => {
    expect(fileProblem(file('notes.txt', 10))).toBe('type');
    expect(fileProblem(file('a.pdf.exe', 10))).toBe('type');
    expect(fileProblem(file('a.pdf', 0))).toBe('empty');
    expect(fileProblem(file('a.pdf', UPLOAD_RULES.defaultMaxBytes + 1))).toBe('size');
    // The running server's limit (from /api/public/config) wins over the default.
    expect(fileProblem(file('a.pdf', 2_000), 1_000)).toBe('size');
    expect(fileProblem(file('a.pdf', 1_000), 1_000)).toBeNull();
  });
});
