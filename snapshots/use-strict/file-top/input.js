"use strict";

const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  callback(null, typeof Toolbelt);
}
