const { Toolbelt } = require("lp-faas-toolbelt");

function sum(items) {
  total = 0;
  for (i = 0; i < items.length; i++) {
    total += items[i].price;
  }
  return total;
}

function lambda(input, callback) {
  callback(null, { total: sum(input.payload.items) });
}
