const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

function getCustomer(id) {
  const options = {
    uri: "https://crm.example.com/customers/" + id,
    json: true,
  };
  return httpClient(options);
}

// A generic helper: its options are only known when it runs.
function requestWithRetry(options, attempt) {
  return httpClient(options).catch((err) => {
    if (attempt < 2) {
      return requestWithRetry(options, attempt + 1);
    }
    throw err;
  });
}

function lambda(input, callback) {
  getCustomer(input.payload.customerId)
    .then((customer) => requestWithRetry({ uri: "https://desk.example.com/tickets", method: "POST", body: customer, json: true }, 0))
    .then((ticket) => callback(null, ticket))
    .catch((err) => callback(err));
}
