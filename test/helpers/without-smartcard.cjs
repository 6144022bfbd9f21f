// Preload (`node --require`) that makes the PC/SC binding fail to load, as on a machine where the
// optional `smartcard` package did not build: the package stays installed, only loading it fails.
const Module = require('node:module');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'smartcard') {
    throw Object.assign(new Error("Cannot find module 'smartcard'"), { code: 'MODULE_NOT_FOUND' });
  }
  return resolveFilename.call(this, request, ...rest);
};
