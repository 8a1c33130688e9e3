var lpf = require("lp-faas-toolbelt");

function lambda(input, done) {
    var secretClient = lpf.Toolbelt.SecretClient();

    secretClient.readSecret("maintenance-mode")
        .then(function (secret) {
            if (secret.value === "on") {
                done(null, { available: false, text: "We are doing maintenance, please come back later." });
            } else {
                done(null, { available: true });
            }
        })
        .catch(function (error) {
            done(error);
        });
}
