// TODO(faas-migrate): `this` outside every function is `undefined` in a V2 ES module (in V1 it was an object): use the object this code means [v1-residue]
var self = this;

async function lambda(input) {
  const factorial = function (n) {
    // TODO(faas-migrate): `arguments.callee` throws a TypeError in a V2 module (strict mode): refer to the function by its name [v1-residue]
    return n <= 1 ? 1 : n * arguments.callee(n - 1);
  };
  const counter = {
    value: 0,
    bump() {
      return this.value + 1;
    },
  };
  return { self: typeof self, result: factorial(input.payload.n), next: counter.bump() };
}

const config = {
  base: 2,
  get double() {
    return this.base * 2;
  },
};
