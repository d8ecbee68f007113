// The configuration lives with its plugins in the tools/lint workspace.
export { default } from './tools/lint/eslint.config.js';
