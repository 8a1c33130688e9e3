const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// Private-app style URL: the credentials travel in the URL's user-info part.
const CATALOG_URL = "https://app-key-1:app-pass-2@store.example.com/admin/api/products.json";

async function lambda(input, callback) {
    try {
        const body = await httpClient(CATALOG_URL, { method: "GET" });
        const products = JSON.parse(body).products;
        callback(null, { count: products.length, first: products[0].title });
    } catch (err) {
        callback(err, null);
    }
}
