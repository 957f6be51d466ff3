// The deep links of the meetings: a meeting's page and its minutes (протокол).

/** The deep link of a meeting's page (`new`: the form of a new meeting). */
export function meetingPath(id: string | 'new'): string {
  return `/meetings/${encodeURIComponent(id)}`;
}

/** The deep link of a meeting's minutes (протокол). */
export function minutesPath(meetingId: string): string {
  return `${meetingPath(meetingId)}/minutes`;
}
