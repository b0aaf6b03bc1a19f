/** Endpoints of the signups feature; spread into the shared endpoint table (endpoints.ts). */
import * as G from './signups.js';

export const signupsEndpoints = {
  signUp: {
    method: 'POST',
    path: '/api/shifts/:id/signups',
    params: G.ShiftParams,
    body: G.SignUpBody,
    response: G.SignupEnvelope,
  },
  mySignups: { method: 'GET', path: '/api/my/signups', response: G.MySignups },
  cancelSignup: {
    method: 'POST',
    path: '/api/signups/:id/cancel',
    params: G.SignupParams,
    body: G.ReasonBody,
    response: G.SignupEnvelope,
  },
  acceptOffer: {
    method: 'POST',
    path: '/api/signups/:id/accept',
    params: G.SignupParams,
    response: G.SignupEnvelope,
  },
  passOffer: {
    method: 'POST',
    path: '/api/signups/:id/pass',
    params: G.SignupParams,
    response: G.SignupEnvelope,
  },
  approveSignup: {
    method: 'POST',
    path: '/api/signups/:id/approve',
    params: G.SignupParams,
    response: G.SignupEnvelope,
  },
  declineSignup: {
    method: 'POST',
    path: '/api/signups/:id/decline',
    params: G.SignupParams,
    body: G.ReasonBody,
    response: G.SignupEnvelope,
  },
  markAttendance: {
    method: 'POST',
    path: '/api/signups/:id/attendance',
    params: G.SignupParams,
    body: G.AttendanceBody,
    response: G.SignupEnvelope,
  },
  shiftRoster: { method: 'GET', path: '/api/shifts/:id/roster', params: G.ShiftParams, response: G.Roster },
  assignVolunteer: {
    method: 'POST',
    path: '/api/shifts/:id/assign',
    params: G.ShiftParams,
    body: G.AssignBody,
    response: G.SignupEnvelope,
  },
  messageShift: {
    method: 'POST',
    path: '/api/shifts/:id/message',
    params: G.ShiftParams,
    body: G.MessageBody,
    response: G.MessageResult,
  },
  offerSwap: {
    method: 'POST',
    path: '/api/signups/:id/swaps',
    params: G.SignupParams,
    body: G.SwapBody,
    response: G.SwapEnvelope,
  },
  acceptSwap: {
    method: 'POST',
    path: '/api/swaps/:id/accept',
    params: G.SwapParams,
    response: G.SwapEnvelope,
  },
  declineSwap: {
    method: 'POST',
    path: '/api/swaps/:id/decline',
    params: G.SwapParams,
    response: G.SwapEnvelope,
  },
  teamSignUp: {
    method: 'POST',
    path: '/api/shifts/:id/team-signups',
    params: G.ShiftParams,
    body: G.TeamSignupBody,
    response: G.TeamSignupResult,
  },
} as const;
