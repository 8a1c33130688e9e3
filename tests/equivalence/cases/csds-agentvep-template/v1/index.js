const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const brandId = process.env.BRAND_ID;
    const httpClient = Toolbelt.HTTPClient();
    const secretClient = Toolbelt.SecretClient();
    const bearer = await secretClient.readSecret("agent-api-bearer");

    const url = `https://va.agentvep.liveperson.net/api/account/${brandId}/configuration/le-users/users?v=4.0`;
    const users = await httpClient(url, {
        method: "GET",
        headers: { Authorization: `Bearer ${bearer.value}` },
        json: true
    });

    const online = users.filter((u) => u.isEnabled && u.skillIds.indexOf(Number(input.payload.skillId)) !== -1);
    callback(null, { enabledAgentsInSkill: online.length });
}
