#!/usr/bin/env node
import "./setup-polyfills.js";
import "./register-formats.js";

function lambda(input, callback) {
  callback(null, input.payload);
}
