var { Toolbelt } = require("lp-faas-toolbelt");
var secretClient = Toolbelt.SecretClient();

// Round-robin between two external vendors; the last used vendor is kept in a secret.
function lambda(input, callback) {
    var vendors = ["vendor-a", "vendor-b"];

    secretClient.readSecret("last-vendor")
        .then(function (secret) {
            var next = secret.value === vendors[0] ? vendors[1] : vendors[0];
            return secretClient.updateSecret({ key: "last-vendor", value: next })
                .then(function () {
                    return next;
                });
        })
        .then(function (vendor) {
            callback(null, { vendor: vendor, conversationId: input.payload.conversationId });
        })
        .catch(function (err) {
            callback(err, null);
        });
}
