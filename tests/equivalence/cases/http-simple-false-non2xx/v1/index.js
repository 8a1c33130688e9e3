const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();

  httpClient("https://api.example.com/coupons/" + input.payload.code, {
    method: "GET",
    simple: false,
  }).then((body) => {
    const data = JSON.parse(body);
    if (data.error) {
      return callback(null, { valid: false, reason: data.error });
    }
    callback(null, { valid: true, discount: data.discount });
  }).catch((err) => {
    callback(err, null);
  });
}
