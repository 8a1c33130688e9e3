// TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
Object.defineProperty(exports, "__esModule", { value: true });

function lambda(input, callback) {
  // TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
  callback(null, typeof module.exports.helper);
}

function register() {
  // TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
  exports.late = true;
}

// TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
if (require.main === module) {
  lambda({}, console.log);
}

// TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
exports.count = 1;
// TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
exports.count = 2;
