/** Endpoints of the check-in feature; spread into the shared endpoint table (endpoints.ts). */
import * as C from './checkin.js';

export const checkinEndpoints = {
  checkinCode: {
    method: 'GET',
    path: '/api/shifts/:id/checkin-code',
    params: C.CheckinShiftParams,
    response: C.CheckinCode,
  },
  rotateCheckinCode: {
    method: 'POST',
    path: '/api/shifts/:id/checkin-code/rotate',
    params: C.CheckinShiftParams,
    response: C.CheckinCode,
  },
  checkIn: { method: 'POST', path: '/api/check-in', body: C.CheckInBody, response: C.CheckInResult },
  checkinDesk: {
    method: 'GET',
    path: '/api/shifts/:id/desk',
    params: C.CheckinShiftParams,
    query: C.DeskQuery,
    response: C.Desk,
  },
  deskAction: {
    method: 'POST',
    path: '/api/signups/:id/desk',
    params: C.CheckinSignupParams,
    body: C.DeskActionBody,
    response: C.DeskEntryEnvelope,
  },
  addWalkUp: {
    method: 'POST',
    path: '/api/shifts/:id/walk-ins',
    params: C.CheckinShiftParams,
    body: C.WalkUpBody,
    response: C.WalkUpResult,
  },
  checkOutWalkIn: {
    method: 'POST',
    path: '/api/walk-ins/:id/check-out',
    params: C.WalkInParams,
    response: C.WalkInEnvelope,
  },
  removeWalkIn: {
    method: 'POST',
    path: '/api/walk-ins/:id/remove',
    params: C.WalkInParams,
    body: C.RemoveWalkInBody,
    response: C.WalkInEnvelope,
  },
} as const;
