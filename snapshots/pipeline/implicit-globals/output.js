import { Toolbelt } from "core-functions-toolbelt";

function sum(items) {
  let total;
  total = 0;
  for (let i = 0; i < items.length; i++) {
    total += items[i].price;
  }
  return total;
}

async function lambda(input) {
  return { total: sum(input.payload.items) };
}
