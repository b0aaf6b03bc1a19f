import type { signupsEndpoints } from '../../../shared/contracts/signups.endpoints';
import type { RouteTable } from '../route-table';

export const signupsRoutes: RouteTable<keyof typeof signupsEndpoints> = {
  signUp: { method: 'POST', path: '/api/shifts/:id/signups' },
  mySignups: { method: 'GET', path: '/api/my/signups' },
  cancelSignup: { method: 'POST', path: '/api/signups/:id/cancel' },
  acceptOffer: { method: 'POST', path: '/api/signups/:id/accept' },
  passOffer: { method: 'POST', path: '/api/signups/:id/pass' },
  approveSignup: { method: 'POST', path: '/api/signups/:id/approve' },
  declineSignup: { method: 'POST', path: '/api/signups/:id/decline' },
  markAttendance: { method: 'POST', path: '/api/signups/:id/attendance' },
  shiftRoster: { method: 'GET', path: '/api/shifts/:id/roster' },
  assignVolunteer: { method: 'POST', path: '/api/shifts/:id/assign' },
  shiftCandidates: { method: 'GET', path: '/api/shifts/:id/candidates' },
  inviteVolunteer: { method: 'POST', path: '/api/shifts/:id/invitations' },
  withdrawInvitation: { method: 'POST', path: '/api/invitations/:id/withdraw' },
  acceptInvitation: { method: 'POST', path: '/api/invitations/:id/accept' },
  declineInvitation: { method: 'POST', path: '/api/invitations/:id/decline' },
  messageShift: { method: 'POST', path: '/api/shifts/:id/message' },
  offerSwap: { method: 'POST', path: '/api/signups/:id/swaps' },
  acceptSwap: { method: 'POST', path: '/api/swaps/:id/accept' },
  declineSwap: { method: 'POST', path: '/api/swaps/:id/decline' },
  teamSignUp: { method: 'POST', path: '/api/shifts/:id/team-signups' },
  shiftRosterCsv: { method: 'GET', path: '/api/shifts/:id/roster.csv' },
  shiftRosterXlsx: { method: 'GET', path: '/api/shifts/:id/roster.xlsx' },
  shiftRosterPdf: { method: 'GET', path: '/api/shifts/:id/roster.pdf' },
};
