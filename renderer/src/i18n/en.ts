// English UI strings shared by the shell and the features; same keys as ru.ts.
import type { Strings } from './types';

export const en: Strings = {
  app: { name: 'Hattama', subtitle: 'Secretariat of the regional investment headquarters', skip: 'Skip to content' },
  nav: { main: 'Sections' },
  actions: {
    newProject: 'New project', save: 'Save', cancel: 'Cancel', delete: 'Delete', duplicate: 'Duplicate', undo: 'Undo',
    close: 'Close', loadDemo: 'Load the example (Aktobe region)', clearDemo: 'Clear the example', columns: 'Columns',
    resetFilters: 'Reset filters', addBarrier: 'Add a barrier', remove: 'Remove', moveUp: 'Up', moveDown: 'Down',
    open: 'Open', language: 'Language', theme: 'Theme', shortcuts: 'Keyboard shortcuts', resetColumns: 'Default columns', discard: 'Discard',
  },
  stage: { idea: 'Idea', negotiation: 'Negotiation', design: 'Design', construction: 'Construction', commissioning: 'Commissioning', operating: 'Operating', suspended: 'Suspended', cancelled: 'Cancelled' },
  status: { on_track: 'On track', at_risk: 'At risk', blocked: 'Blocked' },
  barrierKind: { land: 'Land', gas: 'Gas', power: 'Power', water: 'Water', roads: 'Roads', permits: 'Permits', financing: 'Financing', other: 'Other' },
  fields: {
    title: 'Project title', investorName: 'Investor (company name)', investorBin: 'Investor BIN', investorBinHint: '12 digits with the check digit',
    investorCountry: 'Investor country', okedSection: 'Sector (OKED section)', regionId: 'Region', districtId: 'District / city', settlement: 'Settlement',
    zoneId: 'SEZ / industrial zone', investmentTenge: 'Investment volume, ₸', investmentHint: 'E.g. 25 bn or 25 000 000 000',
    foreignSharePct: 'Foreign investment share, %', jobsConstructionPlanned: 'Construction jobs — planned',
    jobsConstructionCreated: 'Construction jobs — created', jobsPermanentPlanned: 'Permanent jobs — planned',
    jobsPermanentCreated: 'Permanent jobs — created', capacity: 'Capacity / products', stage: 'Stage', status: 'Status',
    startDate: 'Start', plannedCommissioningDate: 'Commissioning — planned', actualCommissioningDate: 'Commissioning — actual',
    supportMeasures: 'State support measures', curatorId: 'Curator', notes: 'Notes', tags: 'Tags', tagsHint: 'Enter adds a tag',
    barrierKind: 'Kind', barrierText: 'Issue', openedOn: 'Opened', resolvedOn: 'Resolved', daysOpen: 'Days open: {{count}}',
    datePlaceholder: 'DD.MM.YYYY', none: '—',
  },
  validation: {
    required: 'Required', too_long: 'Text is too long', control_chars: 'Text contains control characters that are not allowed',
    no_markup: 'HTML markup is not allowed — type plain text', single_line: 'Must be a single line', invalid_bin: 'Invalid BIN: 12 digits with a correct check digit are needed',
    invalid_date: 'Invalid date: enter a real day as DD.MM.YYYY', not_a_number: 'Enter a number in digits, e.g. 1 200', not_integer: 'Enter a whole number (no comma or point)', negative: 'Cannot be negative',
    too_big: 'Value is too large', max_100: 'At most 100', district_region: 'The district is not in the selected region',
    zone_region: 'The zone is not in the selected region', before_start: 'Earlier than the start date', before_opened: 'Earlier than the opening date',
    too_many: 'Too many values', duplicate_tag: 'This tag is already there', invalid_country: 'Choose a country from the list', invalid_id: 'Invalid reference', invalid_money: 'Not an amount: e.g. 25 bn or 25 000 000 000',
    paste_too_long: 'The pasted text is too long ({{count}} characters, at most {{max}}); the field was not changed',
    period_no_for_year: 'A year has no quarter or month', quarter_range: 'A quarter is 1 to 4',
    unknown: 'Invalid value',
  },
  reminders: { title: 'Assignments under control', body: 'Overdue: {{overdue}} · due within {{days}} working days: {{soon}}' },
  notify: {
    saved: 'Project saved', created: 'Project added to the register', deleted: 'Project “{{title}}” deleted', restored: 'Project restored',
    duplicated: 'A copy of the project was created', demoLoaded: 'Example loaded: {{count}} projects', demoCleared: 'Example removed from the register',
    saveFailed: 'Could not save: {{message}}', stageChanged: '“{{title}}”: {{from}} → {{to}}',
  },
  shortcuts: { title: 'Keyboard shortcuts', help: 'This help' },
  menu: {
    file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', about: 'About Hattama',
    quit: 'Quit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste',
    selectAll: 'Select All', reload: 'Reload', toggleDevTools: 'Toggle Developer Tools', zoomIn: 'Zoom In', zoomOut: 'Zoom Out', resetZoom: 'Actual Size',
    fullscreen: 'Toggle Full Screen', toggleFullScreen: 'Toggle Full Screen', minimize: 'Minimize', close: 'Close Window', shortcuts: 'Keyboard Shortcuts',
  },
};
