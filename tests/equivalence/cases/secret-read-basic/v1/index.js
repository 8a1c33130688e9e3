const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const httpClient = Toolbelt.HTTPClient();

    const secret = await secretClient.readSecret("shop-api-key");
    const products = await httpClient("https://api.example.com/shop/v1/products", {
        qs: { sku: input.payload.sku },
        headers: { "X-Shop-Key": secret.value },
        json: true
    });

    callback(null, {
        secretKey: secret.key,
        price: products[0].price,
        title: products[0].title
    });
}
