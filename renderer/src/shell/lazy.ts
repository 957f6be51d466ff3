// A lazily loaded feature view that can also be fetched ahead of use (after the board paints).
import { lazy, type ComponentType } from 'react';
import type { FeatureView, FeatureViewProps } from './types';

/**
 * A view loaded on first render from its own chunk.
 * @param load the dynamic import of the view's module
 * @param pick the component in that module
 */
export function lazyView<M>(load: () => Promise<M>, pick: (m: M) => ComponentType<FeatureViewProps>): FeatureView {
  let pending: Promise<M> | undefined;
  const once = () => (pending ??= load().catch((e: unknown) => {
    pending = undefined; // a failed fetch is retried on the next render
    throw e;
  }));
  const view = lazy(() => once().then((m) => ({ default: pick(m) })));
  return Object.assign(view, { preload: once });
}
