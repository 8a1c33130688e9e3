const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const brand = process.env.BRAND_ID
  callback(null, { brand: brand, };
}
