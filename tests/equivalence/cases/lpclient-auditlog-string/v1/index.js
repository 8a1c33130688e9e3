const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const lpClient = Toolbelt.LpClient();
    const { from, to } = input.payload;

    const changes = await lpClient("auditlog", "/api/account/" + process.env.BRAND_ID + "/changes", {
        method: "POST",
        json: true,
        body: { fromDate: from, toDate: to, objectTypes: ["SKILL", "USER"] }
    });

    callback(null, {
        total: changes.length,
        byUser: changes.reduce(function (acc, c) {
            acc[c.changedBy] = (acc[c.changedBy] || 0) + 1;
            return acc;
        }, {})
    });
}
