var self = this;

async function lambda(input) {
  const factorial = function (n) {
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
