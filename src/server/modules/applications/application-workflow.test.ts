import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/auth/actor.js';
import {
  allowedTargets,
  documentGaps,
  missingFields,
  nextStage,
  resumeStage,
  reviewPath,
  stageKind,
} from './application-workflow.js';
import {
  canEditApplication,
  canReviewApplication,
  canSeeApplication,
  canUploadDocuments,
  isOperator,
} from './applications.policy.js';
import { DEFAULT_DOCUMENT_KINDS, DEFAULT_STAGES } from './applications.seed.js';

const stages = DEFAULT_STAGES.map((s) => ({ ...s, active: true }));
const kinds = DEFAULT_DOCUMENT_KINDS.map((k) => ({ ...k, active: true }));
const at = (stage: string, returned_from_stage: string | null = null) => ({ stage, returned_from_stage });

describe('the path', () => {
  it('orders the review stages by position, from submitted, and ends in opened', () => {
    expect(reviewPath(stages).map((s) => s.code)).toEqual([
      'submitted',
      'interview_and_documents',
      'acceleration',
      'licence_agreement',
      'preparation',
    ]);
    expect(nextStage('preparation', stages)).toBe('opened');
    expect(stageKind('opened')).toBe('final');
    expect(stageKind('changes_requested')).toBe('off_path');
  });

  it('follows the operator: an added stage is on the path, a retired one is skipped', () => {
    const custom = [
      ...stages.map((s) => (s.code === 'acceleration' ? { ...s, active: false } : s)),
      { code: 'site_visit', position: 25, active: true },
    ];
    expect(reviewPath(custom).map((s) => s.code)).toEqual([
      'submitted',
      'interview_and_documents',
      'site_visit',
      'licence_agreement',
      'preparation',
    ]);
    expect(nextStage('interview_and_documents', custom)).toBe('site_visit');
    expect(nextStage('acceleration', custom)).toBe('licence_agreement');
    expect(resumeStage('acceleration', custom)).toBe('licence_agreement');
    expect(resumeStage('interview_and_documents', custom)).toBe('interview_and_documents');
  });
});

describe('every transition, allowed and refused', () => {
  const review = ['submitted', 'interview_and_documents', 'acceleration', 'licence_agreement', 'preparation'];

  it('the applicant submits or withdraws a draft; the operator has nothing to do with it', () => {
    expect(allowedTargets(at('draft'), 'applicant', stages)).toEqual(['submitted', 'withdrawn']);
    expect(allowedTargets(at('draft'), 'operator', stages)).toEqual([]);
  });

  it.each(review.map((s, i) => [s, review[i + 1] ?? 'opened']))(
    'at %s the operator advances to %s, requests changes or rejects; the applicant can only withdraw',
    (stage, next) => {
      expect(allowedTargets(at(stage as string), 'operator', stages)).toEqual([
        next,
        'changes_requested',
        'rejected',
      ]);
      expect(allowedTargets(at(stage as string), 'applicant', stages)).toEqual(['withdrawn']);
    },
  );

  it('after changes_requested the applicant resubmits to the stage it came from (or withdraws)', () => {
    expect(allowedTargets(at('changes_requested', 'acceleration'), 'applicant', stages)).toEqual([
      'acceleration',
      'withdrawn',
    ]);
    expect(allowedTargets(at('changes_requested', 'acceleration'), 'operator', stages)).toEqual([]);
  });

  it.each(['opened', 'rejected', 'withdrawn'])('%s is final for both sides', (stage) => {
    expect(allowedTargets(at(stage), 'applicant', stages)).toEqual([]);
    expect(allowedTargets(at(stage), 'operator', stages)).toEqual([]);
  });

  it('no stage skipping: the operator never gets a stage two steps ahead', () => {
    expect(allowedTargets(at('submitted'), 'operator', stages)).not.toContain('acceleration');
    expect(allowedTargets(at('licence_agreement'), 'operator', stages)).not.toContain('opened');
  });
});

describe('documents a move needs', () => {
  it('submission needs the submission documents uploaded (pending is enough), not returned', () => {
    expect(documentGaps('uploaded', 'submitted', kinds, stages, [])).toEqual([
      { kind: 'charter', problem: 'missing' },
      { kind: 'head_appointment', problem: 'missing' },
    ]);
    expect(
      documentGaps('uploaded', 'submitted', kinds, stages, [
        { kind_code: 'charter', status: 'pending' },
        { kind_code: 'head_appointment', status: 'returned' },
      ]),
    ).toEqual([{ kind: 'head_appointment', problem: 'returned' }]);
  });

  it('leaving a stage needs every document required by then accepted; opening needs all', () => {
    const docs = [
      { kind_code: 'charter', status: 'accepted' as const },
      { kind_code: 'head_appointment', status: 'accepted' as const },
      { kind_code: 'premises', status: 'pending' as const },
    ];
    expect(documentGaps('accepted', 'submitted', kinds, stages, docs)).toEqual([]);
    expect(documentGaps('accepted', 'interview_and_documents', kinds, stages, docs)).toEqual([
      { kind: 'premises', problem: 'not_accepted' },
    ]);
    expect(documentGaps('accepted', 'opened', kinds, stages, docs).map((g) => g.kind)).toEqual([
      'premises',
      'development_plan',
      'licence_agreement',
    ]);
  });

  it('an optional or retired kind is never demanded', () => {
    const relaxed = kinds.map((k) =>
      k.code === 'charter'
        ? { ...k, required: false }
        : k.code === 'head_appointment'
          ? { ...k, active: false }
          : k,
    );
    expect(documentGaps('uploaded', 'submitted', relaxed, stages, [])).toEqual([]);
  });

  it('a submission needs the name, premises address, services and head', () => {
    expect(
      missingFields({ proposed_name: null, premises_address: '', services: [], head_name: null }),
    ).toEqual(['proposedName', 'premises.address', 'services', 'head.name']);
  });
});

describe('policy', () => {
  const user = (grants: Extract<Actor, { kind: 'user' }>['grants']): Actor => ({
    kind: 'user',
    userId: 'u',
    sessionId: 's',
    email: 'e',
    mustChangePassword: false,
    grants,
  });
  const app = { organization_id: 'O1', region_id: 'R1', stage: 'submitted' };
  const representative = user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O1' }]);
  const stranger = user([{ role: 'org_representative', scopeType: 'organization', scopeId: 'O2' }]);
  const operator = user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R1' }]);
  const otherOperator = user([{ role: 'regional_admin', scopeType: 'region', scopeId: 'R2' }]);
  const coordinator = user([{ role: 'center_coordinator', scopeType: 'center', scopeId: 'C1' }]);

  it("a representative sees only their organization's applications", () => {
    expect(canSeeApplication(representative, app)).toBe(true);
    expect(canSeeApplication(stranger, app)).toBe(false);
    expect(canSeeApplication(coordinator, app)).toBe(false);
    expect(canSeeApplication({ kind: 'anonymous' }, app)).toBe(false);
  });

  it('only the operator of the region reviews and decides; a coordinator or a representative never', () => {
    expect(canReviewApplication(operator, app)).toBe(true);
    expect(isOperator(otherOperator, app)).toBe(false);
    expect(canReviewApplication(representative, app)).toBe(false);
    expect(canReviewApplication(coordinator, app)).toBe(false);
    expect(canReviewApplication(operator, { ...app, stage: 'draft' })).toBe(false);
  });

  it('the applicant edits only a draft or a returned application, uploads until it is final', () => {
    expect(canEditApplication(representative, { ...app, stage: 'draft' })).toBe(true);
    expect(canEditApplication(representative, { ...app, stage: 'changes_requested' })).toBe(true);
    expect(canEditApplication(representative, app)).toBe(false);
    expect(canEditApplication(operator, { ...app, stage: 'draft' })).toBe(false);
    expect(canUploadDocuments(representative, app)).toBe(true);
    expect(canUploadDocuments(representative, { ...app, stage: 'opened' })).toBe(false);
  });
});
