var { Toolbelt } = require("lp-faas-toolbelt");

var MSG_HIST_URL = "https://va.msghist.liveperson.net/messaging_history/api/account/";

function lambda(input, callback) {
    var httpClient = Toolbelt.HTTPClient();
    var secretClient = Toolbelt.SecretClient();

    secretClient.readSecret("msghist-bearer")
        .then(function (token) {
            return httpClient(MSG_HIST_URL + process.env.BRAND_ID + "/conversations/search?offset=0&limit=1", {
                method: "POST",
                headers: { Authorization: "Bearer " + token.value },
                body: { start: { from: input.payload.from, to: input.payload.to } },
                json: true
            });
        })
        .then(function (res) {
            callback(null, { count: res._metadata.count });
        })
        .catch(function (err) {
            callback(err, null);
        });
}
