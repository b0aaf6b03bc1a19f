/** Tags offered while typing a squad's tags; the server keeps each tag with one leading #. */
export const SQUAD_TAG_SUGGESTIONS = ['#МЫВМЕСТЕ', '#Добро.Центр', '#серебряные_волонтёры'];

/** Field limits of a squad (CreateSquadBody / UpdateSquadBody in the shared contract). */
export const SQUAD_LIMITS = { name: 120, focus: 300, tags: 10 } as const;
