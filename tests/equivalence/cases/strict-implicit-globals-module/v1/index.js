const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// Set once when the function loads, read by every invocation.
base = "https://api.example.com/v2";
attempts = 0;

function get(path) {
    attempts++;
    lastPath = path;
    return httpClient(base + path, { json: true });
}

function lambda(input, callback) {
    lastPath = null;
    seen = [];
    get("/orders/" + input.payload.id)
        .then(function (order) {
            seen.push(order.status);
            return get("/customers/" + order.customer);
        })
        .then(function (customer) {
            seen.push(customer.tier);
            callback(null, { seen: seen, attempts: attempts, lastPath: lastPath });
        })
        .catch(function (err) {
            callback(err);
        });
}
