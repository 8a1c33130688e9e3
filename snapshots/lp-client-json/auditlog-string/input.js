const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const lpClient = Toolbelt.LpClient();
    const changes = await lpClient("auditlog", "/api/account/1/changes", {
        method: "POST",
        json: true,
        body: { fromDate: input.payload.from }
    });
    const raw = await lpClient('auditlog', "/api/account/1/changes/raw", {});
    callback(null, { total: changes.length, raw: raw.status });
}
