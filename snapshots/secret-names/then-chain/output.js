var { Toolbelt } = require("lp-faas-toolbelt");
var secretClient = Toolbelt.SecretClient();

function lambda(input, callback) {
    secretClient.readSecret("last-vendor", { useCache: false })
        .then(function (secret) {
            var next = secret.value === "a" ? "b" : "a";
            return secretClient.updateSecret({ key: "last-vendor", value: next });
        })
        .then(function () {
            return secretClient.readSecret('last-vendor', { useCache: false });
        })
        .then(function (secret) {
            callback(null, secret.value);
        });
}
