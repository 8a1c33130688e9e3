function lambda(input, callback) {
  callback(null, exports.version);
}

function helper(x) {
  return x * 2;
}

exports.helper = helper;
exports.double = helper;
exports.version = "1.0";
exports.compute = function compute(x) {
  return helper(x) + 1;
};
