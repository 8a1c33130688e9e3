#!/usr/bin/env node
/* Survey forwarder. */

function lambda(input, callback) {
  callback(null, "not a directive: use strict");
}
