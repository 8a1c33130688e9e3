#!/usr/bin/env node
/* Survey forwarder. */

'use strict';

function lambda(input, callback) {
  callback(null, "not a directive: use strict");
}
