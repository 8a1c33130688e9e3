const KEYS = ["BRAND_ID", "MY_VAR"];

function lambda(input, callback) {
  const values = KEYS.map((key) => process.env[key]);
  callback(null, values);
}
