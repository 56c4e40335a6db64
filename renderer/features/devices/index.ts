// What other parts of the app may use of the devices page.
export { devicesMessages } from './messages';
