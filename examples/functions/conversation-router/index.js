const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

/**
 * Conversation routing: sends VIP consumers to the priority skill and everybody
 * else to the skill that matches the entry point of the conversation.
 */
const ENTRY_POINT_SKILLS = {
    "checkout": "sales",
    "help-center": "support"
};

function lambda(input, callback) {
    const lpClient = Toolbelt.LpClient();
    const accountId = process.env.BRAND_ID;
    const csdsDomain = process.env["CSDS_DOMAIN"];
    const payload = input.payload;

    console.info("routing for account " + accountId + " via " + csdsDomain);

    lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, "/api/account/" + accountId + "/configuration/le-users/skills", {
        method: "GET",
        json: true
    }).then(function (skills) {
        var wanted = payload.vip ? "priority" : ENTRY_POINT_SKILLS[payload.entryPoint] || "general";
        var skill = skills.filter(function (s) { return s.name === wanted; })[0];
        if (!skill) {
            return callback(new Error("skill " + wanted + " is not configured"), null);
        }
        callback(null, { skillId: String(skill.id), skillName: skill.name });
    }).catch(function (err) {
        console.error("skill lookup failed", err.message);
        callback(err, null);
    });
}
