/** The public surface of this module: other modules and code outside it import only this file. */
export { type ExportsModuleServices, exportsModule } from './exports.module.js';
