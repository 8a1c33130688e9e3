const { Toolbelt } = require("lp-faas-toolbelt");

const SKILLS = {
    billing: "2840193",
    tech: "2840194"
};

async function lambda(input, callback) {
    const intent = input.payload.intent;
    const httpClient = Toolbelt.HTTPClient();

    switch (intent) {
        case "billing":
            return callback(null, { skillId: SKILLS.billing });
        case "tech": {
            // tech support is outsourced after hours; ask the scheduler which skill is on duty
            const duty = await httpClient("https://api.example.com/scheduler/on-duty", {
                method: "GET",
                qs: { team: "tech" },
                json: true
            });
            if (duty.outsourced) {
                return callback(null, { skillId: duty.skillId, outsourced: true });
            }
            return callback(null, { skillId: SKILLS.tech });
        }
        default:
            callback(null, { skillId: null, message: "Sorry, I did not get that." });
            break;
    }
}
