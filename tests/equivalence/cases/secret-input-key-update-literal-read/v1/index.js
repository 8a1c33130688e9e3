const { Toolbelt } = require("lp-faas-toolbelt");
const store = Toolbelt.SecretClient();

// Bumps a counter whose secret name the caller chooses.
function bump(counterName, by) {
    return store.readSecret(counterName).then(function (entry) {
        return store.updateSecret({ key: entry.key, value: String(Number(entry.value) + by) });
    });
}

function lambda(input, callback) {
    var before;
    store.readSecret("visits")
        .then(function (first) {
            before = first.value;
            return bump(input.payload.counter, 5);
        })
        .then(function () {
            return store.readSecret("visits");
        })
        .then(function (after) {
            callback(null, { before: before, after: after.value });
        })
        .catch(function (err) {
            callback(err);
        });
}
