import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { User } from '../api/queries';
import { RequireUser } from './RequireUser';
import { usePageTitle } from './usePageTitle';

interface Props {
  /** The page's title: in the browser tab, and as the heading while the user cannot be loaded. */
  title: string;
  /** The page itself, given the `:id` of its path (a centre's or a shift's) and the signed-in user. */
  children: (id: string, user: User) => ReactNode;
}

/**
 * The shell of the pages coordinators work on (a centre's opportunities, squads and week; a shift's roster,
 * desk and QR code): signed-in only, the title set, the record's id taken from the path. What the user may
 * see there is the server's answer (403/404), shown by the page.
 */
export function CoordinatorPage({ title, children }: Props) {
  usePageTitle(title);
  const { id = '' } = useParams();
  return <RequireUser title={title}>{(user) => children(id, user)}</RequireUser>;
}
