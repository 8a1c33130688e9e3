const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const appKey = await Toolbelt.SecretClient().readSecret("lp-faas-default-app-key");
    const lpClient = Toolbelt.LpClient();
    const res = await lpClient("msgHist", "/path", { method: "GET", json: true, appKeySecretName: 'lp-faas-default-app-key' });
    const orchestrator = `lp-faas-orchestrator-app-key`;
    callback(null, { appKey, res, orchestrator });
}
