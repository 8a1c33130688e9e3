const crypto = require("crypto"), os = require("os"), limit = 10;

function lambda(input, callback) {
  var fs = require("fs"), path = require("path");
  callback(null, [typeof crypto, typeof os, limit, typeof fs, typeof path]);
}
