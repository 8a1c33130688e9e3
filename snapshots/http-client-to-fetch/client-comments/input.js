async function lambda(input, callback) {
  const { Toolbelt } = require("lp-faas-toolbelt");
  // Obtain an HTTPClient instance from the Toolbelt
  const httpClient = Toolbelt.HTTPClient(); // For API Docs look @ https://www.npmjs.com/package/request-promise
  // the order service
  const body = await httpClient("https://api.example.com/orders/" + input.payload.id);
  callback(null, body);
}
