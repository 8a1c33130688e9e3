#!/usr/bin/env node
require("./setup-polyfills");

function lambda(input, callback) {
  require("./register-formats");
  callback(null, input.payload);
}
