/** The centre status machine: active ⇄ suspended, either → closed (final). Pure. */
import type { CenterStatus } from '../../platform/db/schema.js';

const NEXT: Record<CenterStatus, readonly CenterStatus[]> = {
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

export const allowedNext = (from: CenterStatus): readonly CenterStatus[] => NEXT[from];
export const canTransition = (from: CenterStatus, to: CenterStatus) => NEXT[from].includes(to);
/** Suspending and closing are explained to the centre and the public record: a reason is required. */
export const reasonRequired = (to: CenterStatus) => to === 'suspended' || to === 'closed';
