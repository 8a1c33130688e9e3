const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  let coupon;
  coupon = await httpClient("https://api.example.com/coupons/" + input.payload.code, {
    method: "GET",
    simple: false,
  });
  const data = JSON.parse(coupon);
  const check = await httpClient("https://api.example.com/coupons/check", { json: true, simple: false });
  callback(null, { valid: !data.error, checked: check });
}
