// The "Needs attention" screen; the app's router loads this file on first visit.
export { AttentionScreen as Attention } from './AttentionScreen';
