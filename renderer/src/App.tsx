// The app: the shell built from the feature registry, routed by the URL's hash (`#/board`,
// `#/projects/<id>`) — the app is served from app:// in Electron and from a static server in the
// browser, where only the hash is the app's own.
import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import type { AppParts } from './app/app-context';
import { FEATURES } from './shell/registry';
import { Shell } from './shell/Shell';

export function App({ services, store }: AppParts) {
  return (
    <Router hook={useHashLocation}>
      <Shell services={services} store={store} features={FEATURES} />
    </Router>
  );
}
