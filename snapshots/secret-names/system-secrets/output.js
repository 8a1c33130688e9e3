const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    // TODO(faas-migrate): the system secret `lp-faas-default-app-key` does not exist in V2: create a secret of your own in V2 and read that instead [secret-names]
    const appKey = await Toolbelt.SecretClient().readSecret("lp-faas-default-app-key");
    const lpClient = Toolbelt.LpClient();
    // TODO(faas-migrate): the system secret `lp-faas-default-app-key` does not exist in V2: remove `appKeySecretName` (V2's LpClient authenticates by itself) [secret-names]
    const res = await lpClient("msgHist", "/path", { method: "GET", json: true, appKeySecretName: 'lp-faas-default-app-key' });
    // TODO(faas-migrate): the system secret `lp-faas-orchestrator-app-key` does not exist in V2: create a secret of your own in V2 and read that instead [secret-names]
    const orchestrator = `lp-faas-orchestrator-app-key`;
    callback(null, { appKey, res, orchestrator });
}
