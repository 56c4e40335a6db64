// What other parts of the app may use of the account feature.
export { AccountMenu } from './AccountMenu';
export { LockGate } from './LockGate';
export { accountMessages } from './messages';
