const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    httpClient("https://va.agentvep.liveperson.net/api/account/" + process.env.BRAND_ID + "/status", { json: true })
        .then((res) => callback(null, res))
        .catch((err) => callback(err, null));
}
