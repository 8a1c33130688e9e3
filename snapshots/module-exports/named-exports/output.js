function lambda(input, callback) {
  // TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
  callback(null, exports.version);
}

function helper(x) {
  return x * 2;
}

export { helper };
export { helper as double };
export const version = "1.0";
export const compute = function compute(x) {
  return helper(x) + 1;
};
