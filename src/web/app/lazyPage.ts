import { type ComponentType, lazy } from 'react';

/** A page loaded on demand; Layout shows a loading state inside <main> until its chunk has arrived. */
export function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => {
    const module = await load();
    const Component: ComponentType = module[name];
    return { default: Component };
  });
}
