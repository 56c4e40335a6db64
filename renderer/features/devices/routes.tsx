// The devices' health page; the app's router loads this file on first visit.
export { DevicesScreen as Devices } from './DevicesScreen';
