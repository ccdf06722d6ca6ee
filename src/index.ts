export { compileRule } from './rules/compile.js';
