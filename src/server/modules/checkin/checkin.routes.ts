import type { FastifyInstance } from 'fastify';
import type { CheckinServices } from './checkin.wiring.js';

export function registerCheckinRoutes(_app: FastifyInstance, _deps: { checkin: CheckinServices }) {}
