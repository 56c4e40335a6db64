// What other features may use of enrolment.
export { PersonName } from './PersonName';
export { useNoticeText } from './notices';
export { useSessionRoster } from './data';
export { downloadCsv } from './downloadCsv';
export { exportFileName, type ExportCell, type ExportTable } from './rosterCsv';
export { completionRows } from './roster';
