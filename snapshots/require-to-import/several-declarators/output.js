import cryptoModule from "crypto";
import osModule from "os";
import fsModule from "fs";
import pathModule from "path";

const crypto = cryptoModule, os = osModule, limit = 10;

function lambda(input, callback) {
  var fs = fsModule, path = pathModule;
  callback(null, [typeof crypto, typeof os, limit, typeof fs, typeof path]);
}
