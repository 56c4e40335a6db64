// What other parts of the app may use of "Needs attention".
export { AttentionNavLink } from './AttentionNavLink';
export { attentionMessages } from './messages';
