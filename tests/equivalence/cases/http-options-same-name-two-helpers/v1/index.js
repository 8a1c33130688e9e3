const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

function getCustomer(id) {
  const options = {
    uri: "https://crm.example.com/customers/" + id,
    json: true,
  };
  return httpClient(options);
}

function createTicket(customer, topic) {
  const options = {
    method: "POST",
    uri: "https://desk.example.com/tickets",
    body: { customer: customer.id, tier: customer.tier, topic },
    json: true,
    simple: false,
    resolveWithFullResponse: true,
  };
  return httpClient(options);
}

function lambda(input, callback) {
  getCustomer(input.payload.customerId)
    .then((customer) => createTicket(customer, input.payload.topic))
    .then((response) => callback(null, { status: response.statusCode, ticket: response.body.id }))
    .catch((err) => callback(err));
}
