// The project card's list of meetings, loaded on demand: the card imports it through the meetings'
// index, which the registry reads at start, so only this small wrapper is in the first bundle.
import { lazy, Suspense } from 'react';

const Inner = lazy(() => import('./ProjectMeetings').then((m) => ({ default: m.ProjectMeetingsList })));

/** The meetings whose agenda items refer to the project, each linking to the meeting. */
export function ProjectMeetings({ projectId }: { projectId: string }) {
  return (
    <Suspense fallback={null}>
      <Inner projectId={projectId} />
    </Suspense>
  );
}
