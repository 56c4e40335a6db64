// Screens of the account feature the router loads lazily.
export { ConnectScreen as Connect } from './ConnectScreen';
