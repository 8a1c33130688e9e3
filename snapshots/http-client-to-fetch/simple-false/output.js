const { Toolbelt } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

async function lambda(input, callback) {
  let coupon;
  const response = await fetch("https://api.example.com/coupons/" + input.payload.code, {
    method: "GET",
  });
  coupon = await response.text();
  const data = JSON.parse(coupon);
  const checkResponse = await fetch("https://api.example.com/coupons/check", { headers: { Accept: "application/json" } });
  const check = await readJson(checkResponse);
  callback(null, { valid: !data.error, checked: check });
}
