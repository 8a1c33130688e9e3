import { Toolbelt } from "core-functions-toolbelt";

function sum(items) {
  // TODO(faas-migrate): `total` is declared nowhere: V2 modules are strict, so assigning it throws a ReferenceError; declare it (`let total`) where it is used [v1-residue]
  total = 0;
  // TODO(faas-migrate): `i` is declared nowhere: V2 modules are strict, so assigning it throws a ReferenceError; declare it (`let i`) where it is used [v1-residue]
  for (i = 0; i < items.length; i++) {
    total += items[i].price;
  }
  return total;
}

async function lambda(input) {
  return { total: sum(input.payload.items) };
}
