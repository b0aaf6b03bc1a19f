/**
 * The authorization matrix: one row per route of the app, saying for every actor kind, on a resource of
 * their own and on a foreign one, what the route must answer. The rows live in rows/*.ts; this file holds
 * the vocabulary (actors, outcomes, patterns), builds a cell's context and runs a row.
 *
 * Outcomes: 'ok' — allowed: a 2xx answer (or a status the row lists in `alsoAllowed`, an answer about
 * the resource's state given after authorization); 401 — not signed in; 403 — forbidden; 404 — hidden
 * ("not found" and "not allowed" look the same to an outsider); 409 — refused because the actor has no
 * relationship to the resource the route needs (e.g. checking in to a shift one is not signed up for).
 */
import type { World } from './world.js';

export const ACTORS = [
  'anonymous',
  'volunteer',
  'minor',
  'leader',
  'coordA',
  'coordB',
  'orgRep',
  'operator',
] as const;
/**
 * anonymous: no session. volunteer: an adult volunteer of centre A. minor: a 16-year-old of centre A with
 * a guardian's consent. leader: leads a squad of centre A. coordA / coordB: coordinators of centre A / B.
 * orgRep: representative of centre A's organization. operator: the region's regional admin.
 */
export type ActorKind = (typeof ACTORS)[number];
export type Scope = 'own' | 'foreign';
export type Outcome = 'ok' | 401 | 403 | 404 | 409;
export type Expect = Outcome | { own: Outcome; foreign: Outcome };
export type Expectations = Record<ActorKind, Expect>;

/** The request a cell sends: path parameters (filled into the route's path), query, body, headers. */
export type Req = {
  params?: Record<string, string | number>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Another session than the actor's main one (e.g. a twin's, for cells that end sessions). */
  cookie?: string | null;
};

export type Row = {
  /** `METHOD /path` exactly as registered (the path with its `:params`). */
  route: string;
  /** Whether the answer depends on whose resource it is: then each signed-in actor runs own and foreign. */
  scoped: boolean;
  expect: Expectations;
  request: (c: Cell) => Req | Promise<Req>;
  /** Statuses that mean "allowed" besides 2xx: a state answer given after authorization. */
  alsoAllowed?: number[];
  /**
   * For nested routes: a request naming the actor's own parent (`c.S`) with a foreign child (`c.O`), e.g.
   * an own centre's id with another centre's work-log entry. Run for every actor allowed on their own
   * resource; the child is not the parent's, so the answer must be 404.
   */
  nested?: (c: Cell) => Req | Promise<Req>;
};

/** Everything a row needs to build one cell's request. */
export type Cell = {
  w: World;
  actor: ActorKind;
  scope: Scope;
  /** The actor's own account (null for anonymous). */
  user: World['operator'] | null;
  /** The side the resource belongs to: the actor's own centre's side, or the other one. */
  S: World['A'];
  /** The other side (children from elsewhere, for nested requests). */
  O: World['A'];
  /** Whose personal resources (sessions, notifications, swaps offered to): the actor on own, else S's volunteer. */
  me: World['operator'];
  /** The volunteer a signup or profile belongs to: volunteer kinds themselves on own, else S's volunteer. */
  subject: World['operator'];
  /** The cell expects to be allowed: rows that change what they act on use fresh resources then. */
  allowed: boolean;
  fresh: World['fresh'];
};

// ——— Patterns ———

/** Expectations from a function of the actor kind. */
export const each = (f: (a: ActorKind) => Expect): Expectations =>
  Object.fromEntries(ACTORS.map((a) => [a, f(a)])) as Expectations;

/** Everyone, signed in or not. */
export const PUBLIC: Expectations = each(() => 'ok');
/** Anyone signed in. */
export const SIGNED_IN: Expectations = each((a) => (a === 'anonymous' ? 401 : 'ok'));
/** The regional operator only; others are refused with `refusal`. */
export const OPERATOR_ONLY = (refusal: 403 | 404): Expectations =>
  each((a) => (a === 'anonymous' ? 401 : a === 'operator' ? 'ok' : refusal));
/**
 * The centre's coordinators (own centre only) and the operator; everyone else gets `refusal`, and so does
 * a coordinator on another centre's resource.
 */
export const CENTRE_STAFF = (refusal: 403 | 404): Expectations =>
  each((a) =>
    a === 'anonymous'
      ? 401
      : a === 'operator'
        ? 'ok'
        : a === 'coordA' || a === 'coordB'
          ? { own: 'ok', foreign: refusal }
          : refusal,
  );
/** Anyone signed in on their own personal resource; a foreign one is hidden. */
export const OWN_ONLY: Expectations = each((a) => (a === 'anonymous' ? 401 : { own: 'ok', foreign: 404 }));

/** A pattern with some actors' expectations replaced. */
export const but = (base: Expectations, over: Partial<Expectations>): Expectations => ({ ...base, ...over });

export const VOLUNTEER_KINDS: readonly ActorKind[] = ['volunteer', 'minor', 'leader'];

// ——— Cells ———

export function expectationOf(row: Row, actor: ActorKind, scope: Scope): Outcome {
  const e = row.expect[actor];
  return typeof e === 'object' ? e[scope] : e;
}

/** Anonymous runs once (there is nothing of its own); others run own and foreign on scoped rows. */
export const scopesOf = (row: Row, actor: ActorKind): Scope[] =>
  row.scoped && actor !== 'anonymous' ? ['own', 'foreign'] : ['own'];

export function cellOf(w: World, actor: ActorKind, scope: Scope, allowed: boolean): Cell {
  const users = {
    anonymous: null,
    volunteer: w.A.volunteer,
    minor: w.minor,
    leader: w.A.leader,
    coordA: w.A.coordinator,
    coordB: w.B.coordinator,
    orgRep: w.A.rep,
    operator: w.operator,
  } satisfies Record<ActorKind, World['operator'] | null>;
  const user = users[actor];
  const home = actor === 'coordB' ? w.B : w.A;
  const away = actor === 'coordB' ? w.A : w.B;
  const S = scope === 'own' ? home : away;
  const me = user && scope === 'own' ? user : S.volunteer;
  const subject = user && scope === 'own' && VOLUNTEER_KINDS.includes(actor) ? user : S.volunteer;
  const O = S === home ? away : home;
  return { w, actor, scope, user, S, O, me, subject, allowed, fresh: w.fresh };
}

/** The route's path with its parameters filled in. */
export function pathOf(route: string, params: Req['params'] = {}): string {
  const path = route.slice(route.indexOf(' ') + 1);
  return path.replace(/:(\w+)|\*/g, (whole, name: string | undefined) => {
    const value = params[name ?? '*'];
    if (value === undefined) throw new Error(`${route}: no value for ${whole}`);
    return name ? encodeURIComponent(String(value)) : encodeURI(String(value));
  });
}

export type CellResult = {
  actor: ActorKind;
  scope: Scope | 'nested';
  expected: Outcome;
  status: number;
  code: string | null;
  passed: boolean;
};

function outcomeOf(status: number, alsoAllowed: number[] = []): Outcome | number {
  if ((status >= 200 && status < 300) || alsoAllowed.includes(status)) return 'ok';
  return [401, 403, 404, 409].includes(status) ? (status as Outcome) : status;
}

/** Sends one cell's request as its actor and classifies the answer. */
async function send(w: World, row: Row, cell: Cell, req: Req, expected: Outcome) {
  const method = row.route.slice(0, row.route.indexOf(' '));
  const query = req.query ? `?${req.query}` : '';
  const res = await w.t.request(method as 'GET', pathOf(row.route, req.params) + query, {
    cookie: req.cookie === undefined ? (cell.user?.cookie ?? null) : req.cookie,
    body: req.body,
    headers: req.headers,
  });
  let code: string | null = null;
  if (res.headers['content-type']?.toString().includes('json') && res.statusCode >= 400) {
    code = (res.json() as { code?: string }).code ?? null;
  }
  return {
    actor: cell.actor,
    expected,
    status: res.statusCode,
    code,
    passed: outcomeOf(res.statusCode, row.alsoAllowed) === expected,
  };
}

/** Runs every cell of a row, one after another (nested ones last), and reports each. */
export async function runRow(w: World, row: Row): Promise<CellResult[]> {
  const results: CellResult[] = [];
  for (const actor of ACTORS) {
    for (const scope of scopesOf(row, actor)) {
      const expected = expectationOf(row, actor, scope);
      const cell = cellOf(w, actor, scope, expected === 'ok');
      results.push({ ...(await send(w, row, cell, await row.request(cell), expected)), scope });
    }
  }
  if (row.nested) {
    for (const actor of ACTORS.filter((a) => a !== 'anonymous' && expectationOf(row, a, 'own') === 'ok')) {
      const cell = cellOf(w, actor, 'own', false);
      results.push({ ...(await send(w, row, cell, await row.nested(cell), 404)), scope: 'nested' });
    }
  }
  return results;
}

/** The failing cells of a row, one line each: `actor/scope: expected X, got N code`. */
export const failures = (results: CellResult[]) =>
  results
    .filter((r) => !r.passed)
    .map(
      (r) => `${r.actor}/${r.scope}: expected ${r.expected}, got ${r.status}${r.code ? ` ${r.code}` : ''}`,
    );

/** Raw bytes as a request body (uploads), with the type the web app sends. */
export const raw = (bytes: Buffer) => ({
  body: bytes,
  headers: { 'content-type': 'application/octet-stream' },
});

/** A second session of the actor, for cells that end the session they use (null for anonymous). */
export const throwawaySession = async (c: Cell) => (c.user ? c.fresh.login(c.user.email) : null);

/** A session of someone of the actor's kind, for cells that end all sessions or change the password. */
export const twinSession = async (c: Cell) => (c.user ? (await c.fresh.twin(c.user.id)).cookie : null);
