// The toolbelt is required inside the handler (as the LivePerson templates do) and the function
// also calls a hard-coded LivePerson host: both need the V2 toolbelt import at the top.
async function lambda(input, callback) {
    const { Toolbelt } = require("lp-faas-toolbelt");
    const httpClient = Toolbelt.HTTPClient();
    const secretClient = Toolbelt.SecretClient();
    const { value: token } = await secretClient.readSecret("bot-bearer");

    const status = await httpClient(
        `https://va.agentvep.liveperson.net/api/account/${process.env.BRAND_ID}/shift-status`,
        { headers: { Authorization: `Bearer ${token}` }, json: true }
    );
    const open = status.filter((skill) => skill.onShift).map((skill) => skill.skillId);
    callback(null, { openSkills: open });
}
