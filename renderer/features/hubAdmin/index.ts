// What other features may use of the hub's administration from the app.
export { CreateSignIn } from './CreateSignIn';
export { hubAdminMessages } from './messages';
export { useCurrentRole, useHubSession } from './session';
export { useHubProblemText } from './problemText';
export { useRoleText } from './roleText';
export { fetchDevices, type DeviceHealth, type HubProblem } from './api';
