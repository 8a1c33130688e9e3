const { Toolbelt } = require("lp-faas-toolbelt");

// Configuration lives in environment variables so the business team can change it without code.
//   MY_SETTING        - greeting style: "formal" or "casual"
//   SKILL_MAP         - JSON object intent -> skill id
//   ENABLE_AFTER_HOURS - "true" / "false"
function lambda(input, callback) {
    const skillMap = JSON.parse(process.env.SKILL_MAP || "{}");
    const afterHours = process.env.ENABLE_AFTER_HOURS === "true";
    const style = process.env.MY_SETTING;

    const intent = input.payload.intent;
    const greeting = style === "formal" ? "Good day." : "Hey!";

    callback(null, {
        brand: process.env.BRAND_ID,
        greeting: greeting,
        skillId: skillMap[intent] || null,
        afterHours: afterHours
    });
}
