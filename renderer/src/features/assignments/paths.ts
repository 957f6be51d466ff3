// The deep links of the feature: an assignment's card, and the minutes an assignment was decided in.

/** The deep link of an assignment's card. */
export function assignmentPath(id: string): string {
  return `/assignments/${encodeURIComponent(id)}`;
}

/** The minutes of a meeting (the minutes feature's page). */
export function minutesPath(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}/minutes`;
}
