"use strict";

exports.lambda = lambda;
module.exports.lambda = lambda;

function lambda(input, callback) {
  callback(null, 1);
}
