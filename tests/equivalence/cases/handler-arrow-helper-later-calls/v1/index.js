function lambda(input, callback) {
    const { Toolbelt } = require("lp-faas-toolbelt");
    const secretClient = Toolbelt.SecretClient();
    const names = ["bot-a", "bot-b"];

    const main = async (input, callback) => {
        const store = async (name, token) => {
            secretClient.readSecret(name)
                .then(secret => {
                    secret.value = { token: token, previous: secret.value };
                    return secretClient.updateSecret(secret);
                })
                .then(_ => {
                    callback(null, { message: "stored " + name });
                })
                .catch(err => {
                    console.error("could not store " + name + ": " + err.message);
                    callback(err, null);
                });
        };
        const refresh = async () => {
            const current = await secretClient.readSecret("bot-a");
            for (const name of names) {
                store(name, input.payload.token + "-" + current.value.length);
            }
            return { refreshed: names.length };
        };
        callback(null, refresh());
    };
    main(input, callback);
}
