const { Toolbelt } = require("lp-faas-toolbelt");
const { BRAND_ID, CSDS_DOMAIN } = process.env;

const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
    const campaigns = await httpClient(`https://api.example.com/accounts/${BRAND_ID}/campaigns`, {
        method: "GET",
        json: true,
        headers: { "X-Csds-Domain": CSDS_DOMAIN }
    });

    const active = campaigns.filter((c) => c.status === "ACTIVE").map((c) => c.name);
    callback(null, { brand: BRAND_ID, active: active });
}
