const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

function lambda(input, callback) {
    const customerId = input.payload.customerId;
    httpClient('https://api.example.com/v1/customers/' + customerId, { json: true })
        .then(function (customer) {
            callback(null, { name: customer.name, plan: customer.plan });
        })
        .catch(function (err) {
            callback(err);
        });
}
