// The route of one meeting (`/meetings/:id`): the form of a new meeting (`new`) or the meeting's
// page, with the calendar in the UI language.
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import 'dayjs/locale/ru';
import 'dayjs/locale/kk';
import '@mantine/dates/styles.css';
import type { FeatureViewProps } from '../../shell/types';
import { NewMeetingPage } from './NewMeetingPage';
import { MeetingPage } from './MeetingPage';

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function MeetingRoute({ params }: FeatureViewProps) {
  const { i18n } = useTranslation();
  const id = decode(params.id ?? '');
  return (
    <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
      {/* Keyed by id: going from one meeting to another starts afresh. */}
      {id === 'new' ? <NewMeetingPage /> : <MeetingPage key={id} id={id} />}
    </DatesProvider>
  );
}
