/** Contract of the check-in feature: QR codes, the volunteer's scan, the coordinator's desk, walk-ins. */
import { Type } from 'typebox';

export const CheckinShiftParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
