// The words of an input problem are the library's too (assessInput's warnings): src/messages/problems.ts.
export { problemLines } from '../messages/problems.js';
